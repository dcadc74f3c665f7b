// The neighbour cache (Linux net/core/neighbour.c with ARP as its protocol): NUD states and the timers of
// neigh_timer_handler() / __neigh_event_send(), a queue of packets waiting for resolution, and the error
// report (ICMP host unreachable) for each queued packet when resolution fails.

import type { Cpu, Timer } from '../../cpu/index.ts';
import type { Ipv4Address, MacAddress } from '../wire/index.ts';
import type { RtnlEvents } from './rtnl-events.ts';
import type { NetInterface } from './interface.ts';
import type { PacketBuffer } from './packet-buffer.ts';

/** NUD_* (include/uapi/linux/neighbour.h). */
export const Nud = {
  NONE: 0x00, INCOMPLETE: 0x01, REACHABLE: 0x02, STALE: 0x04, DELAY: 0x08, PROBE: 0x10, FAILED: 0x20,
  NOARP: 0x40, PERMANENT: 0x80,
} as const;
export const NUD_VALID = Nud.PERMANENT | Nud.NOARP | Nud.REACHABLE | Nud.PROBE | Nud.STALE | Nud.DELAY;
const NUD_CONNECTED = Nud.PERMANENT | Nud.NOARP | Nud.REACHABLE;

export function nudName(state: number): string {
  switch (state) {
    case Nud.INCOMPLETE: return 'INCOMPLETE';
    case Nud.REACHABLE: return 'REACHABLE';
    case Nud.STALE: return 'STALE';
    case Nud.DELAY: return 'DELAY';
    case Nud.PROBE: return 'PROBE';
    case Nud.FAILED: return 'FAILED';
    case Nud.NOARP: return 'NOARP';
    case Nud.PERMANENT: return 'PERMANENT';
    default: return 'NONE';
  }
}

export class Neighbour {
  mac: MacAddress = 0;
  state: number = Nud.NONE;
  /** Times in virtual ns (neigh->confirmed, ->updated, ->used). */
  confirmed: number;
  updated: number;
  used: number;
  probes = 0;
  timer: Timer | null = null;
  queue: PacketBuffer[] = [];
  queueBytes = 0;
  /** NTF_ROUTER: learned from a router (not used by IPv4 ARP, kept for `ip neigh`). */
  router = false;
  constructor(
    readonly ifindex: number,
    readonly ip: Ipv4Address,
    now: number,
  ) {
    this.confirmed = now - 1e12;
    this.updated = now;
    this.used = now;
  }
}

/** What the cache needs from the stack. */
export interface NeighbourOwner {
  readonly cpu: Cpu;
  iface(ifindex: number): NetInterface | undefined;
  /** Sends an ARP request for `n.ip`, unicast to `n.mac` when `unicast`, else broadcast. */
  solicit(n: Neighbour, unicast: boolean): void;
  /** Frames and sends `pkt` to `mac` out of `n.ifindex` (the packet is resolved). */
  transmit(pkt: PacketBuffer, ifindex: number, mac: MacAddress): void;
  /** Resolution failed for a queued packet: send ICMP host unreachable (ipv4_link_failure). */
  unreachable(pkt: PacketBuffer): void;
  /** A random number in [0, 1) for reachable time randomization. */
  random(): number;
  /** Where state changes and removals are announced (neigh_update_notify, neigh_cleanup_and_release). */
  readonly events?: RtnlEvents;
}

const SEC = 1e9;

export class NeighbourTable {
  /** Per device in the order devices got their first entry; made with the first entry of all. */
  private entries: Map<number, Map<Ipv4Address, Neighbour>> | null = null;
  /** The same per-device maps indexed by ifindex, for the lookup of every sent packet (`entries` keeps the listing order). */
  private readonly byIfindex: Array<Map<Ipv4Address, Neighbour> | undefined> = [];

  constructor(private readonly owner: NeighbourOwner) {}

  get(ifindex: number, ip: Ipv4Address): Neighbour | undefined {
    const m = ifindex >= 0 && ifindex < this.byIfindex.length ? this.byIfindex[ifindex] : undefined;
    return m?.get(ip);
  }

  *all(): IterableIterator<Neighbour> {
    if (this.entries) for (const m of this.entries.values()) yield* m.values();
  }

  create(ifindex: number, ip: Ipv4Address): Neighbour {
    const entries = (this.entries ??= new Map());
    let m = entries.get(ifindex);
    if (!m) {
      entries.set(ifindex, (m = new Map()));
      this.byIfindex[ifindex] = m;
    }
    let n = m.get(ip);
    if (!n) m.set(ip, (n = new Neighbour(ifindex, ip, this.owner.cpu.now)));
    return n;
  }

  delete(n: Neighbour): void {
    this.owner.events?.neigh(n, true);
    n.timer?.cancel();
    n.timer = null;
    n.queue = [];
    n.queueBytes = 0;
    this.entries?.get(n.ifindex)?.delete(n.ip);
  }

  /** Drops every entry of an interface (neigh_ifdown on link down or address flush), PERMANENT included when `all`. */
  flushInterface(ifindex: number, all: boolean): void {
    const m = this.entries?.get(ifindex);
    if (!m) return;
    for (const n of [...m.values()]) if (all || n.state !== Nud.PERMANENT) this.delete(n);
  }

  /** The randomized reachable time of an interface: base_reachable_time * [0.5, 1.5) (neigh_rand_reach_time), redrawn every 300 s. */
  reachableTime(dev: NetInterface): number {
    const now = this.owner.cpu.now;
    if (dev.reachableTime === 0 || now - dev.reachableTimeSetAt >= 300 * SEC) {
      const base = dev.neigh.base_reachable_time_ms * 1e6;
      dev.reachableTime = Math.floor(base / 2 + this.owner.random() * base);
      dev.reachableTimeSetAt = now;
    }
    return dev.reachableTime;
  }

  private params(n: Neighbour) {
    const dev = this.owner.iface(n.ifindex);
    const p = dev?.neigh;
    return {
      dev,
      retrans: Math.max((p?.retrans_time_ms ?? 1000) * 1e6, 10e6),
      delayProbe: (p?.delay_first_probe_time ?? 5) * SEC,
      ucast: p?.ucast_solicit ?? 3,
      mcast: p?.mcast_solicit ?? 3,
      app: p?.app_solicit ?? 0,
      reprobes: p?.mcast_resolicit ?? 0,
      qbytes: p?.unres_qlen_bytes ?? 212992,
    };
  }

  private arm(n: Neighbour, when: number): void {
    n.timer?.cancel();
    n.timer = this.owner.cpu.setTimerAt(when, () => {
      n.timer = null;
      this.timerFired(n);
    });
  }

  /**
   * Output through this entry (neigh_resolve_output + __neigh_event_send). Sends now when the address is
   * usable, else queues `pkt` and starts or continues resolution. Takes ownership of `pkt`.
   */
  output(n: Neighbour, pkt: PacketBuffer): void {
    const now = this.owner.cpu.now;
    n.used = now;
    const s = n.state;
    if (s & (NUD_CONNECTED | Nud.DELAY | Nud.PROBE)) {
      this.owner.transmit(pkt, n.ifindex, n.mac);
      return;
    }
    const p = this.params(n);
    if (s & Nud.STALE) {
      // "NUD_STALE: ... neigh->nud_state = NUD_DELAY; neigh_add_timer(neigh, jiffies + DELAY_PROBE_TIME)"
      n.state = Nud.DELAY;
      n.updated = now;
      this.arm(n, now + p.delayProbe);
      this.owner.transmit(pkt, n.ifindex, n.mac);
      return;
    }
    if (s === Nud.NONE || s === Nud.FAILED) {
      if (p.mcast + p.app === 0) {
        n.state = Nud.FAILED;
        n.updated = now;
        this.owner.unreachable(pkt);
        return;
      }
      // __neigh_event_send: "atomic_set(&neigh->probes, NEIGH_VAR(neigh->parms, UCAST_PROBES))", so the
      // INCOMPLETE phase sends mcast_solicit broadcast requests, retrans_time apart.
      n.probes = p.ucast;
      n.state = Nud.INCOMPLETE;
      n.updated = now;
      this.enqueue(n, pkt, p.qbytes);
      this.arm(n, now + p.retrans);
      this.probe(n);
      return;
    }
    // INCOMPLETE: wait with the others.
    this.enqueue(n, pkt, p.qbytes);
  }

  /** neigh_event_send(n, NULL): starts resolving an unresolved entry without a packet to queue. */
  resolve(n: Neighbour): void {
    if (n.state !== Nud.NONE && n.state !== Nud.FAILED) return;
    const p = this.params(n);
    if (p.mcast + p.app === 0) return;
    const now = this.owner.cpu.now;
    n.used = now;
    n.probes = p.ucast;
    n.state = Nud.INCOMPLETE;
    n.updated = now;
    this.arm(n, now + p.retrans);
    this.probe(n);
  }

  private enqueue(n: Neighbour, pkt: PacketBuffer, limit: number): void {
    // "while (neigh->arp_queue_len_bytes + skb->truesize > NEIGH_VAR(neigh->parms, QUEUE_LEN_BYTES))" drop the oldest.
    n.queue.push(pkt);
    n.queueBytes += pkt.length;
    while (n.queueBytes > limit && n.queue.length > 1) n.queueBytes -= n.queue.shift()!.length;
  }

  private probe(n: Neighbour): void {
    const p = this.params(n);
    // arp_solicit(): the first ucast_solicit probes of an entry go unicast to the known address.
    const unicast = n.probes < p.ucast && (n.state & NUD_VALID) !== 0;
    n.probes++;
    this.owner.solicit(n, unicast);
  }

  private maxProbes(n: Neighbour): number {
    const p = this.params(n);
    return p.ucast + p.app + (n.state & Nud.PROBE ? p.reprobes : p.mcast);
  }

  /** neigh_timer_handler(). */
  private timerFired(n: Neighbour): void {
    const now = this.owner.cpu.now;
    const p = this.params(n);
    let next = 0;
    if (n.state & Nud.REACHABLE) {
      const reach = p.dev ? this.reachableTime(p.dev) : 30 * SEC;
      if (now <= n.confirmed + reach) next = n.confirmed + reach;
      else if (now <= n.used + p.delayProbe) {
        n.state = Nud.DELAY;
        n.updated = now;
        next = now + p.delayProbe;
      } else {
        n.state = Nud.STALE;
        n.updated = now;
        this.owner.events?.neigh(n);
      }
    } else if (n.state & Nud.DELAY) {
      if (now <= n.confirmed + p.delayProbe) {
        n.state = Nud.REACHABLE;
        n.updated = now;
        this.owner.events?.neigh(n);
        next = n.confirmed + (p.dev ? this.reachableTime(p.dev) : 30 * SEC);
      } else {
        n.state = Nud.PROBE;
        n.updated = now;
        n.probes = 0;
        next = now + p.retrans;
      }
    } else if (n.state & (Nud.PROBE | Nud.INCOMPLETE)) {
      next = now + p.retrans;
    }
    if (n.state & (Nud.INCOMPLETE | Nud.PROBE) && n.probes >= this.maxProbes(n)) {
      n.state = Nud.FAILED;
      n.updated = now;
      this.owner.events?.neigh(n);
      this.invalidate(n);
      return;
    }
    if (next) this.arm(n, Math.max(next, now + 1));
    if (n.state & (Nud.INCOMPLETE | Nud.PROBE)) this.probe(n);
  }

  /** neigh_invalidate(): report every queued packet as unreachable and empty the queue. */
  private invalidate(n: Neighbour): void {
    const q = n.queue;
    n.queue = [];
    n.queueBytes = 0;
    for (const pkt of q) this.owner.unreachable(pkt);
  }

  /**
   * neigh_update(): a new link-layer address or a confirmation. `state` is REACHABLE for a confirmed
   * reply, STALE for what was merely overheard. `override` replaces a different known address.
   */
  update(n: Neighbour, mac: MacAddress, state: number, override: boolean): void {
    const now = this.owner.cpu.now;
    const old = n.state;
    if (old & (Nud.NOARP | Nud.PERMANENT)) return;
    const changed = (old & NUD_VALID) !== 0 && n.mac !== mac;
    if (changed && !override) {
      // "Update timestamp only once we know we will make a change": a different lladdr without override
      // only weakens a connected entry to STALE.
      if (old & NUD_CONNECTED) {
        n.state = Nud.STALE;
        n.updated = now;
        this.owner.events?.neigh(n);
      }
      return;
    }
    if (state & NUD_CONNECTED) n.confirmed = now;
    if (!changed && (old & NUD_VALID) && state === Nud.STALE && !(old & Nud.INCOMPLETE)) {
      // Same address overheard: keep the current state (neigh_update with NEIGH_UPDATE_F_WEAK_OVERRIDE).
      return;
    }
    const notify = old !== state || n.mac !== mac;
    n.mac = mac;
    n.state = state;
    n.updated = now;
    n.timer?.cancel();
    n.timer = null;
    if (notify) this.owner.events?.neigh(n);
    if (state & Nud.REACHABLE) {
      const dev = this.owner.iface(n.ifindex);
      this.arm(n, now + (dev ? this.reachableTime(dev) : 30 * SEC));
    }
    if (state & NUD_VALID && n.queue.length) {
      const q = n.queue;
      n.queue = [];
      n.queueBytes = 0;
      for (const pkt of q) this.owner.transmit(pkt, n.ifindex, n.mac);
    }
  }

  /** An upper layer confirmed the neighbour is alive (TCP ACK progress: dst_confirm / neigh_confirm). */
  confirm(n: Neighbour): void {
    n.confirmed = this.owner.cpu.now;
  }

  /** Static entries (`ip neigh add ... nud permanent|noarp|reachable|stale`). */
  setStatic(n: Neighbour, mac: MacAddress, state: number): void {
    n.timer?.cancel();
    n.timer = null;
    const notify = n.state !== state || n.mac !== mac;
    n.mac = mac;
    n.state = state;
    n.updated = this.owner.cpu.now;
    if (notify) this.owner.events?.neigh(n);
    if (state & Nud.REACHABLE) {
      n.confirmed = this.owner.cpu.now;
      const dev = this.owner.iface(n.ifindex);
      this.arm(n, this.owner.cpu.now + (dev ? this.reachableTime(dev) : 30 * SEC));
    }
    if (state & NUD_VALID && n.queue.length) {
      const q = n.queue;
      n.queue = [];
      n.queueBytes = 0;
      for (const pkt of q) this.owner.transmit(pkt, n.ifindex, n.mac);
    }
  }
}
