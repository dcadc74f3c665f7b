// The forwarding database of one Linux bridge (net/bridge/br_fdb.c): MAC -> port, learned from source
// addresses and aged out `ageingTime` after the last frame seen from them; local (permanent) entries
// for the ports' own addresses. Time is a parameter (the lab's virtual clock), never read here.

import type { MacAddress } from '../wire/index.ts';

export interface FdbEntry {
  readonly mac: MacAddress;
  /** The port (ifindex) behind which the address was seen; for a local entry, the port that owns it. */
  port: number;
  /** A port's or the bridge's own address (`permanent` in `bridge fdb`, `is local? yes` in brctl). */
  readonly local: boolean;
  /** Added by the user as `static` (BR_FDB_STATIC without LOCAL): never ages. */
  readonly static?: boolean;
  /** Added by the user (BR_FDB_ADDED_BY_USER). */
  readonly user?: boolean;
  /** Virtual time (ns) of the last frame from this address. */
  updated: number;
}

export class BridgeFdb {
  private readonly entries = new Map<MacAddress, FdbEntry>();

  /** Ageing time in ns (br->ageing_time; 300 s by default, BR_DEFAULT_AGEING_TIME). */
  ageingTime = 300e9;

  /** The live entry for `mac`, dropping it first when it has aged out (br_fdb_find_rcu + has_expired). */
  lookup(mac: MacAddress, now: number): FdbEntry | undefined {
    const e = this.entries.get(mac);
    if (e && !e.local && !e.static && now - e.updated >= this.ageingTime) {
      this.entries.delete(mac);
      return undefined;
    }
    return e;
  }

  /** br_fdb_update: learns `mac` behind `port`. A local entry is never moved ("own address as source"). */
  learn(mac: MacAddress, port: number, now: number): void {
    const e = this.lookup(mac, now);
    if (e?.local) return;
    if (e) {
      e.port = port;
      e.updated = now;
    } else this.entries.set(mac, { mac, port, local: false, updated: now });
  }

  /** fdb_add_local: a port's own address. */
  addLocal(mac: MacAddress, port: number, now: number): void {
    const e = this.entries.get(mac);
    if (e?.local) return;
    this.entries.set(mac, { mac, port, local: true, updated: now });
  }

  /**
   * br_fdb_add from `bridge fdb add|replace|append` (master): `permanent` is a local entry, `static` never
   * ages, `dynamic` ages like a learned one. False when the address is there and `replace` is not set.
   */
  addUser(mac: MacAddress, port: number, state: 'permanent' | 'static' | 'dynamic', replace: boolean, now: number): boolean {
    if (this.entries.has(mac) && !replace) return false;
    // A replaced entry keeps its place in the list (fdb_add_entry changes it in place); a new one is the newest.
    this.entries.set(mac, { mac, port, local: state === 'permanent', static: state !== 'dynamic', user: true, updated: now });
    return true;
  }

  /** br_fdb_delete (`bridge fdb del`): false when `mac` has no entry behind `port`. */
  remove(mac: MacAddress, port: number): boolean {
    const e = this.entries.get(mac);
    if (!e || e.port !== port) return false;
    this.entries.delete(mac);
    return true;
  }

  /** br_fdb_delete_by_port: every entry of a leaving port (`local` too, unless another port has the MAC). */
  flushPort(port: number): void {
    for (const [mac, e] of this.entries) if (e.port === port) this.entries.delete(mac);
  }

  /** Every live entry (aged ones are dropped), in insertion order. */
  all(now: number): FdbEntry[] {
    const out: FdbEntry[] = [];
    for (const mac of [...this.entries.keys()]) {
      const e = this.lookup(mac, now);
      if (e) out.push(e);
    }
    return out;
  }
}
