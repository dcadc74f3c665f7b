// What named does with one query, apart from sockets: authoritative answers from its master zones (aa),
// referrals at zone cuts, NXDOMAIN/NODATA with the SOA, and for clients allow-recursion admits,
// recursion: forwarders, then iteration from the root hints following referrals, with a cache that
// counts TTLs down. Responses are shaped as BIND 9.18's with its defaults (minimal-responses
// no-auth-recursive: no authority section on positive answers to RD queries; REFUSED with EDE 18
// for a client recursion is denied to). The network is `env.exchange`, so tests can drive it directly.
import {
  canon, CLASS_IN, EDNS_COOKIE, EDNS_EDE, emitMessage, emptyMessage, isSubdomain, nameToLabels, labelsToName,
  parseMessage, RCODE, TYPE, type Edns, type Message, type Rr,
} from '../../lib/dns/message.ts';
import { matchAddress, type MatchItem, type NamedConf } from '../../lib/dns/named-conf.ts';
import { lookup, Zone } from '../../lib/dns/zone-db.ts';

export interface ServerEnv {
  /** Monotonic seconds. */
  now(): number;
  /** Sends `query` to `server`:53; resolves with the reply's bytes, or null after the timeout. */
  exchange(server: number, query: Uint8Array): Promise<Uint8Array | null>;
  random(bytes: number): Uint8Array;
  /** The guest's addresses (for localhost and localnets). */
  locals(): Array<{ addr: number; len: number }>;
}

interface CacheEntry {
  rrs: Rr[];
  at: number;
  /** RFC 2181 5.4.1: data from an answer section, or glue and referral NS sets (never answers themselves). */
  trust: 'answer' | 'glue';
  /** For a negative entry: NXDOMAIN or NODATA, with the SOA. */
  negative?: { rcode: number; soa: Rr[] };
}

/** BIND's automatic empty zones (RFC 6303) for the IPv4 private and special ranges. */
const EMPTY_ZONES = [
  '10', ...Array.from({ length: 16 }, (_, i) => `${16 + i}.172`), '168.192', ...Array.from({ length: 64 }, (_, i) => `${64 + i}.100`),
  '0', '127', '254.169', '2.0.192', '100.51.198', '113.0.203', '255.255.255.255',
].map((n) => `${n}.IN-ADDR.ARPA.`);

function emptyZone(name: string): Zone {
  return new Zone(name, [
    { name, type: TYPE.SOA, class: CLASS_IN, ttl: 86400, data: { t: 'soa', mname: name, rname: '.', serial: 0, refresh: 28800, retry: 7200, expire: 604800, minimum: 86400 } },
    { name, type: TYPE.NS, class: CLASS_IN, ttl: 86400, data: { t: 'name', name } },
  ]);
}

interface Resolution {
  rcode: number;
  answers: Rr[];
  soa: Rr[];
  /** From the cache: a CNAME chain that stops at this name, not yet resolved. */
  partial?: string;
}

const SERVFAIL: Resolution = { rcode: RCODE.SERVFAIL, answers: [], soa: [] };

export class NamedServer {
  private readonly zones: Zone[];
  private readonly hints: Rr[];
  private readonly cache = new Map<string, CacheEntry>();
  private readonly serverSecret: Uint8Array;
  /** How many times each RRset was given out (for the rotation). */
  private readonly served = new Map<string, number>();

  constructor(readonly conf: NamedConf, readonly zoneList: Zone[], readonly hintList: Rr[], private readonly env: ServerEnv) {
    const zones = zoneList;
    this.hints = hintList;
    this.zones = [...zones];
    if (conf.recursion && conf.emptyZones && conf.forwarders.length === 0) {
      for (const name of EMPTY_ZONES) {
        if (!conf.zones.some((z) => isSubdomain(z.name, name) || (isSubdomain(name, z.name) && z.type !== 'hint' && z.name !== '.'))) {
          this.zones.push(emptyZone(name));
        }
      }
    }
    this.serverSecret = env.random(8);
  }

  // ------------------------------------------------------------------------------------- queries

  /** The reply to the datagram `bytes` from `from`, or null when none is due. */
  async handle(bytes: Uint8Array, from: number): Promise<Uint8Array | null> {
    const q = parseMessage(bytes);
    if (!q) {
      if (bytes.length < 12 || (bytes[2]! & 0x80) !== 0) return null;
      const r = emptyMessage((bytes[0]! << 8) | bytes[1]!);
      r.qr = true;
      r.rcode = RCODE.FORMERR;
      return emitMessage(r);
    }
    if (q.qr) return null;
    const r = emptyMessage(q.id);
    r.qr = true;
    r.opcode = q.opcode;
    r.rd = q.rd;
    r.cd = q.cd;
    r.questions = q.questions.slice(0, 1);
    let maxSize = 512;
    if (q.edns) {
      r.edns = { udpSize: 1232, extRcode: 0, version: 0, flags: q.edns.flags & 0x8000, options: this.cookie(q.edns) };
      maxSize = Math.max(512, Math.min(q.edns.udpSize, 1232));
      if (q.edns.version > 0) {
        r.rcode = 16; // BADVERS
        return emitMessage(r, maxSize);
      }
    }
    if (q.opcode !== 0) {
      r.rcode = RCODE.NOTIMP;
      return emitMessage(r, maxSize);
    }
    if (q.questions.length !== 1) {
      r.rcode = RCODE.FORMERR;
      return emitMessage(r, maxSize);
    }
    const question = q.questions[0]!;
    if (question.class !== CLASS_IN || question.type === TYPE.AXFR || question.type === TYPE.OPT) {
      r.rcode = question.type === TYPE.AXFR ? RCODE.NOTIMP : RCODE.REFUSED;
      return emitMessage(r, maxSize);
    }
    const ctx = { locals: this.env.locals(), acls: this.conf.acls };
    if (this.conf.allowQuery && !matchAddress(this.conf.allowQuery, from, ctx)) {
      r.rcode = RCODE.REFUSED;
      return emitMessage(r, maxSize);
    }
    const recursionOk = this.conf.recursion && matchAddress(this.allowRecursion(), from, ctx);
    r.ra = recursionOk;
    await this.answer(question.name, question.type, q.rd && recursionOk, recursionOk, r);
    r.answers = this.rotate(r.answers);
    if (r.rcode === RCODE.REFUSED && this.conf.recursion && r.edns) {
      r.edns.options.push({ code: EDNS_EDE, data: Uint8Array.of(0, 18) });
    }
    return emitMessage(r, maxSize);
  }

  /**
   * rrset-order cyclic: each RRset of several records starts one record further on each time it is
   * given out (BIND 9.18's default is random; a rotation spreads clients the same way, deterministically).
   */
  private rotate(rrs: Rr[]): Rr[] {
    const out: Rr[] = [];
    for (let i = 0; i < rrs.length;) {
      let j = i + 1;
      while (j < rrs.length && rrs[j]!.type === rrs[i]!.type && canon(rrs[j]!.name) === canon(rrs[i]!.name)) j++;
      const set = rrs.slice(i, j);
      if (set.length > 1) {
        const k = `${canon(set[0]!.name)}/${set[0]!.type}`;
        const n = this.served.get(k) ?? 0;
        this.served.set(k, n + 1);
        const at = n % set.length;
        out.push(...set.slice(at), ...set.slice(0, at));
      } else out.push(...set);
      i = j;
    }
    return out;
  }

  private allowRecursion(): MatchItem[] {
    return this.conf.allowRecursion ?? [{ negated: false, el: { k: 'localnets' } }, { negated: false, el: { k: 'localhost' } }];
  }

  /** RFC 7873: the client's cookie back with a server cookie (version 1, a time, a hash of both). */
  private cookie(edns: Edns): Edns['options'] {
    const c = edns.options.find((o) => o.code === EDNS_COOKIE);
    if (!c || c.data.length < 8) return [];
    const out = new Uint8Array(24);
    out.set(c.data.subarray(0, 8));
    out[8] = 1;
    const t = Math.floor(this.env.now()) >>> 0;
    out[12] = t >>> 24; out[13] = (t >>> 16) & 0xff; out[14] = (t >>> 8) & 0xff; out[15] = t & 0xff;
    let h = 0x811c9dc5;
    for (const b of [...out.subarray(0, 16), ...this.serverSecret]) h = Math.imul(h ^ b, 0x01000193) >>> 0;
    for (let i = 0; i < 8; i++) out[16 + i] = (h >>> ((i % 4) * 8)) & 0xff ^ this.serverSecret[i]!;
    return [{ code: EDNS_COOKIE, data: out }];
  }

  /** The authoritative zone closest to `name` (master and empty zones). */
  private zoneFor(name: string): Zone | null {
    let best: Zone | null = null;
    for (const z of this.zones) {
      if (isSubdomain(name, z.name) && (!best || z.name.length > best.name.length)) best = z;
    }
    return best;
  }

  private async answer(qname: string, qtype: number, recurse: boolean, cacheOk: boolean, r: Message): Promise<void> {
    const zone = this.zoneFor(qname);
    if (zone) {
      const l = lookup(zone, qname, qtype);
      if (l.kind === 'referral' && !recurse) {
        r.answers = l.answers;
        r.aa = l.answers.length > 0;
        r.authority = l.ns;
        r.additional = l.glue;
        return;
      }
      if (l.kind !== 'referral') {
        r.aa = true;
        r.answers = l.answers;
        if (l.kind === 'nxdomain' || l.kind === 'nodata') {
          r.rcode = l.kind === 'nxdomain' ? RCODE.NXDOMAIN : RCODE.NOERROR;
          r.authority = l.soa;
          return;
        }
        if (l.next !== null && recurse) {
          const rest = await this.resolve(l.next, qtype, 0);
          r.answers.push(...rest.answers);
          r.rcode = rest.rcode;
          if (rest.rcode === RCODE.NXDOMAIN || rest.answers.length === 0) r.authority = rest.soa;
          return;
        }
        if (!r.rd) {
          const ns = zone.rrset(zone.name, TYPE.NS);
          if (!r.answers.some((a) => a.type === TYPE.NS && canon(a.name) === canon(zone.name))) r.authority = ns;
        }
        r.additional = this.additional([...r.answers, ...r.authority]);
        return;
      }
    }
    if (recurse) {
      const res = await this.resolve(qname, qtype, 0);
      r.rcode = res.rcode;
      r.answers = res.answers;
      if (res.rcode === RCODE.NXDOMAIN || (res.rcode === RCODE.NOERROR && !this.complete(qname, qtype, res.answers))) r.authority = res.soa;
      else r.additional = this.cachedAdditional(res.answers);
      return;
    }
    if (!cacheOk) {
      r.rcode = RCODE.REFUSED;
      return;
    }
    // From the cache only (RD clear): the answer, or the best referral it knows.
    const hit = this.fromCache(qname, qtype);
    if (hit && hit.partial === undefined) {
      r.rcode = hit.rcode;
      r.answers = hit.answers;
      r.authority = hit.soa;
      if (hit.answers.length > 0 && hit.soa.length === 0) {
        // A positive answer carries the zone's NS set and their addresses (minimal-responses no for RD=0).
        const last = hit.answers[hit.answers.length - 1]!.name;
        const cut = this.closestNs(last);
        r.authority = cut.ns;
        r.additional = cut.ns.flatMap((ns) => (ns.data.t === 'name' ? this.cachedAddresses(ns.data.name) : []))
          .filter((a) => !r.answers.some((x) => x.type === a.type && canon(x.name) === canon(a.name)));
      }
      return;
    }
    const cut = this.closestNs(qname);
    r.authority = cut.ns;
    r.additional = cut.ns.flatMap((ns) => (ns.data.t === 'name' ? this.cachedAddresses(ns.data.name) : []));
  }

  /** Addresses for the names NS, MX and SRV records point to, from the authoritative zones. */
  private additional(rrs: Rr[]): Rr[] {
    const out: Rr[] = [];
    const seen = new Set<string>();
    for (const rr of rrs) {
      const target = rr.data.t === 'name' && rr.type === TYPE.NS ? rr.data.name : rr.data.t === 'mx' ? rr.data.name : rr.data.t === 'srv' ? rr.data.target : null;
      if (target === null || seen.has(canon(target))) continue;
      seen.add(canon(target));
      const z = this.zoneFor(target);
      const addrs = z ? z.addresses(target) : [];
      for (const a of addrs) if (!rrs.some((x) => x.type === a.type && canon(x.name) === canon(a.name))) out.push(a);
    }
    return out;
  }

  /** True when the chain from `qname` ends in records of `qtype`. */
  private complete(qname: string, qtype: number, answers: Rr[]): boolean {
    let name = canon(qname);
    for (let i = 0; i <= answers.length; i++) {
      if (answers.some((a) => canon(a.name) === name && (a.type === qtype || qtype === TYPE.ANY))) return true;
      const c = answers.find((a) => canon(a.name) === name && a.type === TYPE.CNAME);
      if (!c || c.data.t !== 'name') return false;
      name = canon(c.data.name);
    }
    return false;
  }

  // --------------------------------------------------------------------------------------- cache

  private key(name: string, type: number): string {
    return `${canon(name)}/${type}`;
  }

  private get(name: string, type: number): CacheEntry | null {
    const k = this.key(name, type);
    const e = this.cache.get(k);
    if (!e) return null;
    const age = Math.floor(this.env.now() - e.at);
    const ttl = Math.min(...(e.negative ? e.negative.soa : e.rrs).map((r) => r.ttl), e.negative && e.negative.soa.length === 0 ? 0 : Infinity);
    if (age >= ttl) {
      this.cache.delete(k);
      return null;
    }
    return e;
  }

  /** Records with their TTLs counted down. */
  private aged(rrs: Rr[], at: number): Rr[] {
    const age = Math.floor(this.env.now() - at);
    return rrs.map((r) => ({ ...r, ttl: Math.max(0, r.ttl - age) }));
  }

  private put(rrs: Rr[], trust: CacheEntry['trust'] = 'answer'): void {
    const groups = new Map<string, Rr[]>();
    for (const rr of rrs) {
      const k = this.key(rr.name, rr.type);
      groups.set(k, [...(groups.get(k) ?? []), rr]);
    }
    const at = this.env.now();
    for (const [k, list] of groups) {
      const ttl = Math.min(...list.map((r) => r.ttl));
      const old = this.cache.get(k);
      if (trust === 'glue' && old?.trust === 'answer' && this.get(list[0]!.name, list[0]!.type)) continue;
      this.cache.set(k, { rrs: list.map((r) => ({ ...r, ttl })), at, trust });
    }
  }

  private putNegative(name: string, type: number, rcode: number, soa: Rr[]): void {
    const s = soa.map((r) => ({ ...r, ttl: r.data.t === 'soa' ? Math.min(r.ttl, r.data.minimum) : r.ttl }));
    this.cache.set(this.key(name, rcode === RCODE.NXDOMAIN ? -1 : type), { rrs: [], at: this.env.now(), trust: 'answer', negative: { rcode, soa: s } });
  }

  /** What the cache says about name/type (following cached CNAMEs), or null. */
  private fromCache(qname: string, qtype: number): Resolution | null {
    const answers: Rr[] = [];
    let name = qname;
    for (let hops = 0; hops < 16; hops++) {
      const nx = this.get(name, -1);
      if (nx?.negative) return { rcode: RCODE.NXDOMAIN, answers, soa: this.aged(nx.negative.soa, nx.at) };
      const e = this.answerEntry(name, qtype);
      if (e) {
        if (e.negative) return { rcode: RCODE.NOERROR, answers, soa: this.aged(e.negative.soa, e.at) };
        return { rcode: RCODE.NOERROR, answers: [...answers, ...this.aged(e.rrs, e.at)], soa: [] };
      }
      const c = qtype === TYPE.CNAME ? null : this.answerEntry(name, TYPE.CNAME);
      if (!c || c.rrs[0]?.data.t !== 'name') return answers.length ? { rcode: RCODE.NOERROR, answers, soa: [], partial: name } : null;
      answers.push(...this.aged(c.rrs, c.at));
      name = c.rrs[0].data.name;
    }
    return null;
  }

  private answerEntry(name: string, type: number): CacheEntry | null {
    const e = this.get(name, type);
    return e && e.trust === 'answer' ? e : null;
  }

  /** Addresses of the NS, MX and SRV targets among `rrs` that the cache holds as answers. */
  private cachedAdditional(rrs: Rr[]): Rr[] {
    const out: Rr[] = [];
    for (const rr of rrs) {
      const target = rr.data.t === 'name' && rr.type === TYPE.NS ? rr.data.name : rr.data.t === 'mx' ? rr.data.name : rr.data.t === 'srv' ? rr.data.target : null;
      if (target === null || out.some((a) => canon(a.name) === canon(target))) continue;
      const e = this.answerEntry(target, TYPE.A);
      if (e && !e.negative) out.push(...this.aged(e.rrs, e.at));
    }
    return out;
  }

  private cachedAddresses(name: string): Rr[] {
    const e = this.get(name, TYPE.A);
    if (e && !e.negative) return this.aged(e.rrs, e.at);
    const h = this.hints.filter((r) => r.type === TYPE.A && canon(r.name) === canon(name));
    if (h.length) return h;
    const z = this.zoneFor(name);
    return z ? z.addresses(name) : [];
  }

  /** The deepest zone cut at or above `name` with NS records in the cache (the root hints last). */
  private closestNs(name: string): { cut: string; ns: Rr[] } {
    const labels = nameToLabels(name) ?? [];
    for (let i = 0; i < labels.length; i++) {
      const cut = labelsToName(labels.slice(i));
      const e = this.get(cut, TYPE.NS);
      if (e && !e.negative) return { cut, ns: this.aged(e.rrs, e.at) };
    }
    const e = this.get('.', TYPE.NS);
    if (e && !e.negative) return { cut: '.', ns: this.aged(e.rrs, e.at) };
    return { cut: '.', ns: this.hints.filter((r) => r.type === TYPE.NS && r.name === '.') };
  }

  // ----------------------------------------------------------------------------------- recursion

  /** Resolves name/type for a client: local zones, the cache, forwarders, then iteration. */
  private async resolve(qname: string, qtype: number, depth: number): Promise<Resolution> {
    const answers: Rr[] = [];
    let name = qname;
    for (let hops = 0; hops < 12; hops++) {
      const zone = this.zoneFor(name);
      if (zone) {
        const l = lookup(zone, name, qtype);
        if (l.kind !== 'referral') {
          answers.push(...l.answers);
          if (l.kind === 'answer' && l.next !== null) {
            name = l.next;
            continue;
          }
          return { rcode: l.kind === 'nxdomain' ? RCODE.NXDOMAIN : RCODE.NOERROR, answers, soa: l.kind === 'answer' ? [] : l.soa };
        }
        answers.push(...l.answers);
        this.put([...l.ns, ...l.glue], 'glue');
      }
      const hit = this.fromCache(name, qtype);
      if (hit && hit.partial === undefined) return { rcode: hit.rcode, answers: [...answers, ...hit.answers], soa: hit.soa };
      if (hit?.partial !== undefined) {
        answers.push(...hit.answers);
        name = hit.partial;
        continue;
      }
      const got = await this.fetch(name, qtype, depth);
      if (got.rcode !== RCODE.NOERROR && got.rcode !== RCODE.NXDOMAIN) return { ...got, answers };
      answers.push(...got.answers);
      if (got.rcode === RCODE.NXDOMAIN || got.answers.length === 0) return { rcode: got.rcode, answers, soa: got.soa };
      if (this.complete(qname, qtype, answers)) return { rcode: RCODE.NOERROR, answers, soa: [] };
      // A CNAME whose target the server did not give: go on from the target.
      let next = name;
      for (let i = 0; i < got.answers.length; i++) {
        const c = got.answers.find((a) => canon(a.name) === canon(next) && a.type === TYPE.CNAME);
        if (!c || c.data.t !== 'name') break;
        next = c.data.name;
      }
      if (canon(next) === canon(name)) return { rcode: RCODE.NOERROR, answers, soa: [] };
      name = next;
    }
    return { ...SERVFAIL, answers };
  }

  /** Asks the world about name/type: forwarders (for `forward only`, nothing else), then iteration. */
  private async fetch(name: string, qtype: number, depth: number): Promise<Resolution> {
    const fz = this.conf.zones.filter((z) => z.type === 'forward' && isSubdomain(name, z.name)).sort((a, b) => b.name.length - a.name.length)[0];
    const forwarders = fz ? fz.forwarders : this.conf.forwarders;
    const only = fz ? fz.forwardOnly : this.conf.forwardOnly;
    if (forwarders.length > 0) {
      for (const f of forwarders) {
        const resp = await this.ask(f, name, qtype, true);
        if (!resp || (resp.rcode !== RCODE.NOERROR && resp.rcode !== RCODE.NXDOMAIN)) continue;
        const soa = resp.authority.filter((r) => r.type === TYPE.SOA);
        this.put(resp.answers);
        if (resp.rcode === RCODE.NXDOMAIN || resp.answers.length === 0) this.putNegative(name, qtype, resp.rcode, soa);
        return { rcode: resp.rcode, answers: resp.answers, soa };
      }
      if (only) return SERVFAIL;
    }
    return this.iterate(name, qtype, depth);
  }

  private async ask(server: number, name: string, qtype: number, rd: boolean): Promise<Message | null> {
    const id = (this.env.random(2)[0]! << 8) | this.env.random(1)[0]!;
    const q = emptyMessage(id);
    q.rd = rd;
    q.questions = [{ name, type: qtype, class: CLASS_IN }];
    q.edns = { udpSize: 1232, extRcode: 0, version: 0, flags: 0, options: [] };
    for (let attempt = 0; attempt < 2; attempt++) {
      const bytes = await this.env.exchange(server, emitMessage(q));
      if (!bytes) continue;
      const m = parseMessage(bytes);
      if (!m || m.id !== id || !m.qr || m.questions.length !== 1 || canon(m.questions[0]!.name) !== canon(name)) continue;
      return m;
    }
    return null;
  }

  /** RFC 1034 5.3.3: from the closest known zone cut, ask its servers and follow referrals down. */
  private async iterate(name: string, qtype: number, depth: number): Promise<Resolution> {
    if (!this.get('.', TYPE.NS)) await this.prime();
    let { cut, ns } = this.closestNs(name);
    const tried = new Set<string>();
    for (let referrals = 0; referrals < 16; referrals++) {
      if (tried.has(canon(cut))) return SERVFAIL;
      tried.add(canon(cut));
      let next: { cut: string; ns: Rr[] } | null = null;
      for (const addr of await this.serverAddresses(ns, cut, depth)) {
        const resp = await this.ask(addr, name, qtype, false);
        if (!resp) continue;
        const soa = resp.authority.filter((r) => r.type === TYPE.SOA && isSubdomain(r.name, cut));
        if (resp.rcode === RCODE.NXDOMAIN) {
          const chain = resp.answers.filter((r) => isSubdomain(r.name, cut));
          this.put(chain);
          this.putNegative(this.chainEnd(name, chain), qtype, RCODE.NXDOMAIN, soa);
          return { rcode: RCODE.NXDOMAIN, answers: chain, soa };
        }
        if (resp.rcode !== RCODE.NOERROR) continue;
        if (resp.answers.length > 0) {
          const inZone = resp.answers.filter((r) => isSubdomain(r.name, cut));
          this.put(inZone);
          if (!this.complete(name, qtype, inZone) && soa.length) this.putNegative(this.chainEnd(name, inZone), qtype, RCODE.NOERROR, soa);
          return { rcode: RCODE.NOERROR, answers: inZone, soa };
        }
        const deeper = resp.authority.filter((r) => r.type === TYPE.NS && isSubdomain(r.name, cut) && canon(r.name) !== canon(cut) && isSubdomain(name, r.name));
        if (deeper.length > 0) {
          const owner = deeper[0]!.name;
          const nsSet = deeper.filter((r) => canon(r.name) === canon(owner));
          const glue = resp.additional.filter((r) => (r.type === TYPE.A || r.type === TYPE.AAAA) && isSubdomain(r.name, cut) &&
            nsSet.some((n) => n.data.t === 'name' && canon(n.data.name) === canon(r.name)));
          this.put([...nsSet, ...glue], 'glue');
          next = { cut: owner, ns: nsSet };
          break;
        }
        if (soa.length > 0 || resp.aa) {
          this.putNegative(name, qtype, RCODE.NOERROR, soa);
          return { rcode: RCODE.NOERROR, answers: [], soa };
        }
        // A lame server (no answer, no referral): try the next one.
      }
      if (!next) return SERVFAIL;
      cut = next.cut;
      ns = next.ns;
    }
    return SERVFAIL;
  }

  /** RFC 8109: asks a root server from the hints for the root's NS set, and caches it with its addresses. */
  private async prime(): Promise<void> {
    const hintNs = this.hints.filter((r) => r.type === TYPE.NS && r.name === '.');
    for (const addr of await this.serverAddresses(hintNs, '.', 4)) {
      const resp = await this.ask(addr, '.', TYPE.NS, false);
      if (!resp || resp.rcode !== RCODE.NOERROR) continue;
      const ns = resp.answers.filter((r) => r.type === TYPE.NS && r.name === '.');
      if (ns.length === 0) continue;
      const glue = resp.additional.filter((r) => (r.type === TYPE.A || r.type === TYPE.AAAA) &&
        ns.some((n) => n.data.t === 'name' && canon(n.data.name) === canon(r.name)));
      this.put(ns);
      this.put(glue, 'glue');
      return;
    }
  }

  private chainEnd(name: string, answers: Rr[]): string {
    let n = name;
    for (let i = 0; i < answers.length; i++) {
      const c = answers.find((a) => canon(a.name) === canon(n) && a.type === TYPE.CNAME);
      if (!c || c.data.t !== 'name') break;
      n = c.data.name;
    }
    return n;
  }

  /** The addresses of a zone's name servers: cached glue, else resolved (not for names inside the zone, which need glue). */
  private async serverAddresses(ns: Rr[], cut: string, depth: number): Promise<number[]> {
    const out: number[] = [];
    const missing: string[] = [];
    for (const r of ns) {
      if (r.data.t !== 'name') continue;
      const addrs = this.cachedAddresses(r.data.name).filter((a) => a.data.t === 'a');
      if (addrs.length === 0) missing.push(r.data.name);
      for (const a of addrs) if (a.data.t === 'a' && !out.includes(a.data.addr)) out.push(a.data.addr);
    }
    if (out.length === 0 && depth < 4) {
      for (const n of missing) {
        if (isSubdomain(n, cut) && cut !== '.') continue;
        const res = await this.resolve(n, TYPE.A, depth + 1);
        for (const a of res.answers) if (a.data.t === 'a' && canon(a.name) === canon(this.chainEnd(n, res.answers)) && !out.includes(a.data.addr)) out.push(a.data.addr);
        if (out.length) break;
      }
    }
    return out;
  }
}
