// An authoritative zone in memory and RFC 1034 4.3.2's lookup in it: an answer (following CNAMEs inside
// the zone), a referral at a zone cut (NS + glue), NODATA or NXDOMAIN with the SOA (RFC 2308: its TTL
// the smaller of the SOA's TTL and MINIMUM), and `*` wildcards.
import { canon, isSubdomain, nameToLabels, labelsToName, TYPE, type Rr } from './message.ts';

export class Zone {
  readonly nodes = new Map<string, Rr[]>();
  /** Every name at or above a node, below the apex (empty non-terminals exist: NODATA, not NXDOMAIN). */
  private readonly existing = new Set<string>();

  constructor(readonly name: string, records: readonly Rr[]) {
    const apexLabels = (nameToLabels(name) ?? []).length;
    for (const rr of records) {
      const key = canon(rr.name);
      const list = this.nodes.get(key);
      // An RRset has one TTL: later records take the first one's (BIND: "TTL set to prior TTL").
      const prior = list?.find((x) => x.type === rr.type);
      const rec = prior ? { ...rr, ttl: prior.ttl } : rr;
      if (list) {
        if (!list.some((x) => x.type === rr.type && sameData(x, rr))) list.push(rec);
      } else this.nodes.set(key, [rec]);
      const labels = nameToLabels(key) ?? [];
      for (let i = 0; i + apexLabels <= labels.length; i++) this.existing.add(labelsToName(labels.slice(i)));
    }
  }

  get soa(): Rr | undefined {
    return this.nodes.get(canon(this.name))?.find((r) => r.type === TYPE.SOA);
  }

  rrset(name: string, type: number): Rr[] {
    return (this.nodes.get(canon(name)) ?? []).filter((r) => r.type === type);
  }

  exists(name: string): boolean {
    return this.existing.has(canon(name));
  }

  /** The SOA for a negative answer, with the RFC 2308 TTL. */
  negativeSoa(): Rr[] {
    const soa = this.soa;
    if (!soa || soa.data.t !== 'soa') return [];
    return [{ ...soa, ttl: Math.min(soa.ttl, soa.data.minimum) }];
  }

  /** The zone cut at or above `name` (below the apex) with its NS set, the highest one first. */
  delegation(name: string): { cut: string; ns: Rr[] } | null {
    const labels = nameToLabels(canon(name)) ?? [];
    const apex = (nameToLabels(this.name) ?? []).length;
    for (let n = apex + 1; n <= labels.length; n++) {
      const cut = labelsToName(labels.slice(labels.length - n));
      const ns = this.rrset(cut, TYPE.NS);
      if (ns.length > 0) return { cut, ns };
    }
    return null;
  }

  /** Addresses of `name` held in this zone (glue or authoritative data). */
  addresses(name: string): Rr[] {
    if (!isSubdomain(name, this.name)) return [];
    return [...this.rrset(name, TYPE.A), ...this.rrset(name, TYPE.AAAA)];
  }
}

function sameData(a: Rr, b: Rr): boolean {
  return JSON.stringify(a.data, (_k, v) => (v instanceof Uint8Array ? [...v] : v)) === JSON.stringify(b.data, (_k, v) => (v instanceof Uint8Array ? [...v] : v));
}

export type Lookup =
  | { kind: 'answer'; answers: Rr[]; /** where a CNAME chain left the zone */ next: string | null }
  | { kind: 'referral'; answers: Rr[]; ns: Rr[]; glue: Rr[] }
  | { kind: 'nodata'; answers: Rr[]; soa: Rr[] }
  | { kind: 'nxdomain'; answers: Rr[]; soa: Rr[] };

/** Looks `qname`/`qtype` up in `zone` (qname at or below the apex). */
export function lookup(zone: Zone, qname: string, qtype: number): Lookup {
  const answers: Rr[] = [];
  let name = qname;
  for (let hops = 0; hops < 16; hops++) {
    if (!isSubdomain(name, zone.name)) return { kind: 'answer', answers, next: name };
    const cut = zone.delegation(name);
    if (cut && !(canon(cut.cut) === canon(name) && qtype === TYPE.DS)) {
      const glue = cut.ns.flatMap((r) => (r.data.t === 'name' ? zone.addresses(r.data.name) : []));
      return { kind: 'referral', answers, ns: cut.ns, glue };
    }
    let node = zone.nodes.get(canon(name));
    let owner = name;
    if (!node && !zone.exists(name)) {
      // RFC 4592: the wildcard at the closest encloser.
      let encloser = name;
      while (!zone.exists(encloser) && canon(encloser) !== canon(zone.name)) encloser = labelsToName((nameToLabels(encloser) ?? []).slice(1));
      const wild = zone.nodes.get(canon(`*.${encloser === '.' ? '' : encloser}`.replace(/\.$/, '') + '.'));
      if (!wild) return { kind: 'nxdomain', answers, soa: zone.negativeSoa() };
      node = wild;
      owner = name;
    }
    const rrs = node ?? [];
    const want = qtype === TYPE.ANY ? rrs : rrs.filter((r) => r.type === qtype);
    if (want.length > 0) return { kind: 'answer', answers: [...answers, ...want.map((r) => ({ ...r, name: node === zone.nodes.get(canon(name)) ? r.name : owner }))], next: null };
    const cname = rrs.find((r) => r.type === TYPE.CNAME);
    if (cname && cname.data.t === 'name') {
      answers.push({ ...cname, name: owner === name && node === zone.nodes.get(canon(name)) ? cname.name : owner });
      name = cname.data.name;
      continue;
    }
    return { kind: 'nodata', answers, soa: zone.negativeSoa() };
  }
  return { kind: 'answer', answers, next: null };
}
