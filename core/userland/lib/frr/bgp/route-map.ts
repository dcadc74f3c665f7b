// Route maps as bgpd uses them for `neighbor X route-map NAME in|out` (the policy FRR 8.4 wants on
// every eBGP session): entries by sequence number, each permit or deny; the first entry whose match
// clauses all hold decides (none matching denies); the match clause labs use, `match ip address
// prefix-list NAME`, and the set clauses: local-preference, metric (MED) and as-path prepend. A route
// map that is named but not defined denies everything, as in FRR.

import type { AsPathSegment } from '../../../../net/wire/bgp.ts';
import type { PrefixLists } from '../prefix-list.ts';

export interface RouteMapEntry {
  readonly seq: number;
  action: 'permit' | 'deny';
  localPref?: number;
  metric?: number;
  prepend?: number[];
  /** `match ip address prefix-list NAME`. */
  prefixList?: string;
  /** The match line, if any (show running-config puts it before the set lines). */
  matchLines: string[];
  /** The set lines in the order they were given (show running-config). */
  lines: string[];
}

/** The attributes a route map may change. */
export interface PolicyAttrs {
  localPref?: number;
  med?: number;
  asPath: readonly AsPathSegment[];
}

export class RouteMaps {
  readonly maps = new Map<string, RouteMapEntry[]>();

  /** `prefixLists`: what `match ip address prefix-list` consults. */
  constructor(private readonly prefixLists: PrefixLists) {}

  /** `route-map NAME permit|deny SEQ`: the entry (made when new). */
  entry(name: string, action: 'permit' | 'deny', seq: number): RouteMapEntry {
    const list = this.maps.get(name) ?? [];
    let e = list.find((x) => x.seq === seq);
    if (!e) {
      e = { seq, action, matchLines: [], lines: [] };
      list.push(e);
      list.sort((a, b) => a.seq - b.seq);
      this.maps.set(name, list);
    }
    e.action = action;
    return e;
  }

  /** `no route-map NAME [permit|deny SEQ]`; false when there is no such map or entry. */
  remove(name: string, seq: number | null): boolean {
    const list = this.maps.get(name);
    if (!list) return false;
    if (seq === null) return this.maps.delete(name);
    const rest = list.filter((e) => e.seq !== seq);
    if (rest.length === list.length) return false;
    if (rest.length === 0) this.maps.delete(name);
    else this.maps.set(name, rest);
    return true;
  }

  /** A `set ...` line (or its `no`) inside an entry; null or the error text. */
  static configure(e: RouteMapEntry, line: string): string | null {
    const words = line.trim().split(/\s+/);
    const no = words[0] === 'no';
    const w = no ? words.slice(1) : words;
    const drop = (prefix: string) => {
      e.lines = e.lines.filter((l) => !l.startsWith(prefix));
    };
    if (w[0] === 'match' && w[1] === 'ip' && w[2] === 'address' && w[3] === 'prefix-list') {
      if (!no && w[4] === undefined) return `% Command incomplete: ${line.trim()}`;
      e.prefixList = no ? undefined : w[4];
      e.matchLines = no ? [] : [`match ip address prefix-list ${w[4]}`];
      return null;
    }
    if (w[0] !== 'set') return `% Unknown command: ${line.trim()}`;
    if (w[1] === 'local-preference') {
      drop('set local-preference');
      e.localPref = no ? undefined : Number(w[2]);
      if (!no) e.lines.push(`set local-preference ${w[2]}`);
    } else if (w[1] === 'metric') {
      drop('set metric');
      e.metric = no ? undefined : Number(w[2]);
      if (!no) e.lines.push(`set metric ${w[2]}`);
    } else if (w[1] === 'as-path' && w[2] === 'prepend') {
      const asns = w.slice(3).map(Number);
      if (!no && (asns.length === 0 || asns.some((n) => !Number.isInteger(n) || n < 1 || n > 4294967295))) return `% Unknown command: ${line.trim()}`;
      drop('set as-path prepend');
      e.prepend = no ? undefined : asns;
      if (!no) e.lines.push(`set as-path prepend ${asns.join(' ')}`);
    } else return `% Unknown command: ${line.trim()}`;
    return null;
  }

  /** The route prefix/length as the map leaves it, or null when denied (or the map does not exist). */
  apply(name: string, attrs: PolicyAttrs, prefix: number, length: number): PolicyAttrs | null {
    const e = this.maps.get(name)?.find((x) => x.prefixList === undefined || this.prefixLists.permits(x.prefixList, prefix, length));
    if (!e || e.action === 'deny') return null;
    const out: PolicyAttrs = { ...attrs };
    if (e.localPref !== undefined) out.localPref = e.localPref;
    if (e.metric !== undefined) out.med = e.metric;
    if (e.prepend) {
      const first = attrs.asPath[0];
      out.asPath = first?.type === 2 ? [{ type: 2, asns: [...e.prepend, ...first.asns] }, ...attrs.asPath.slice(1)]
        : [{ type: 2, asns: e.prepend }, ...attrs.asPath];
    }
    return out;
  }

  /** The running configuration: one section per entry, by name then sequence. */
  sections(): { node: string; lines: string[] }[] {
    const out: { node: string; lines: string[] }[] = [];
    for (const name of [...this.maps.keys()].sort()) {
      for (const e of this.maps.get(name)!) out.push({ node: `route-map ${name} ${e.action} ${e.seq}`, lines: [...e.matchLines, ...e.lines].map((l) => ` ${l}`) });
    }
    return out;
  }
}
