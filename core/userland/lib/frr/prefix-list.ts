// FRR's IPv4 prefix lists (lib/plist.c): `ip prefix-list NAME [seq N] permit|deny PREFIX [ge N] [le N]`
// or `any`, entries in sequence order, the first that matches a prefix decides; a prefix no entry
// matches is denied; a list that does not exist lets everything through (as bgpd applies it).

import { formatIpv4Address, parseIpv4Address, prefixToNetmask } from '../../../net/wire/index.ts';

export interface PrefixListEntry {
  seq: number;
  action: 'permit' | 'deny';
  /** null for `any`. */
  prefix: number | null;
  length: number;
  ge: number;
  le: number;
}

/** A line's result: null when applied, else the message vtysh prints. */
export type PlistResult = string | null;

export class PrefixLists {
  readonly lists = new Map<string, PrefixListEntry[]>();
  /** Bumped on every change, so users know to apply the lists again. */
  version = 0;

  /**
   * `ip prefix-list NAME [seq N] <permit|deny> <A.B.C.D/M [ge N] [le N]|any>` (words after `ip prefix-list`).
   * Without seq, the next multiple of 5 after the highest.
   */
  add(name: string, seq: number | null, action: 'permit' | 'deny', spec: string, ge: number | null, le: number | null): PlistResult {
    let prefix: number | null = null;
    let length = 0;
    if (spec !== 'any') {
      const slash = spec.indexOf('/');
      const addr = parseIpv4Address(spec.slice(0, slash));
      length = Number(spec.slice(slash + 1));
      if (addr === null) return `% Malformed IPv4 prefix\n`;
      prefix = (addr & prefixToNetmask(length)) >>> 0;
      // plist.c: "len < ge <= le" when given.
      if ((ge !== null && ge <= length) || (le !== null && le <= length) || (ge !== null && le !== null && ge > le)) {
        return `% Invalid prefix range for ${formatIpv4Address(prefix)}/${length}, make sure: len < ge <= le\n`;
      }
    }
    const list = this.lists.get(name) ?? [];
    const at = seq ?? Math.floor(Math.max(0, ...list.map((e) => e.seq)) / 5) * 5 + 5;
    const entry: PrefixListEntry = { seq: at, action, prefix, length, ge: ge ?? 0, le: le ?? 0 };
    const same = list.find((e) => e.action === entry.action && e.prefix === entry.prefix && e.length === entry.length && e.ge === entry.ge && e.le === entry.le);
    if (same) return null;
    const rest = list.filter((e) => e.seq !== at);
    rest.push(entry);
    rest.sort((a, b) => a.seq - b.seq);
    this.lists.set(name, rest);
    this.version++;
    return null;
  }

  /** `no ip prefix-list NAME [seq N ...]`: the whole list, or one entry. */
  remove(name: string, seq: number | null): PlistResult {
    const list = this.lists.get(name);
    if (!list) return `% Can't find specified prefix-list\n`;
    if (seq === null) this.lists.delete(name);
    else {
      const rest = list.filter((e) => e.seq !== seq);
      if (rest.length === list.length) return `% Can't find specified prefix-list\n`;
      if (rest.length) this.lists.set(name, rest);
      else this.lists.delete(name);
    }
    this.version++;
    return null;
  }

  /** Whether list `name` lets prefix/length through. */
  permits(name: string, prefix: number, length: number): boolean {
    const list = this.lists.get(name);
    if (!list) return true;
    for (const e of list) {
      if (e.prefix === null) return e.action === 'permit';
      if (length < e.length || ((prefix ^ e.prefix) & prefixToNetmask(e.length)) !== 0) continue;
      const ge = e.ge || (e.le ? e.length : 0);
      const le = e.le || (e.ge ? 32 : 0);
      const fits = ge || le ? length >= ge && length <= le : length === e.length;
      if (fits) return e.action === 'permit';
    }
    return false;
  }

  /** The lines show running-config prints, list by list in the order they were made. */
  lines(): string[] {
    const out: string[] = [];
    for (const [name, list] of this.lists) {
      for (const e of list) {
        const what = e.prefix === null ? 'any' : `${formatIpv4Address(e.prefix)}/${e.length}${e.ge ? ` ge ${e.ge}` : ''}${e.le ? ` le ${e.le}` : ''}`;
        out.push(`ip prefix-list ${name} seq ${e.seq} ${e.action} ${what}`);
      }
    }
    return out;
  }
}
