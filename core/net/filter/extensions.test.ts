// Match extensions and the header test on literal datagrams: ports and ranges with `!`, TCP flags, ICMP
// type and code, multiport, MAC, iprange, limit's token bucket on a manual clock, state without
// conntrack, and hotdrop when the transport header a match needs is missing.
import { describe, expect, it } from 'vitest';
import { PacketBuffer } from '../stack/packet-buffer.ts';
import { Hook } from '../stack/registration.ts';
import type { NetInterface } from '../stack/interface.ts';
import { compileMatch, type MatchFn } from './extensions.ts';
import type { FilterPacket } from './filter-packet.ts';
import { compileHeader, headerMatches } from './match.ts';
import { CtState, type IptMatch } from './rules.ts';
import { rule } from '../../../tests/helpers/iptables.ts';

const hex = (s: string): Uint8Array => Uint8Array.from(s.replace(/\s/g, '').match(/../g)!.map((b) => parseInt(b, 16)));
/** Ethernet 02:..:02 <- 02:..:01, IPv4 10.9.0.1 -> 10.9.0.2. */
const ETH = '020000000002 020000000001 0800';
const UDP = hex(`${ETH} 4500001f414940004011e5700a0900010a090002 8b54270f000b1431 68690a`);
const SYN = hex(`${ETH} 4500002c522f40004006d4780a0900010a090002 a89e00507c21474400000000 6002faf014430000 020405b4`);
const ECHO = hex(`${ETH} 4500001ccf0740004001578d0a0900010a090002 080046b3522d0001`);

function packet(frame: Uint8Array, opts: { end?: number; fragoff?: number; hook?: number; inDev?: Partial<NetInterface> } = {}): FilterPacket {
  const pkt = PacketBuffer.fromFrame(frame);
  pkt.networkOffset = 14;
  const inDev = (opts.inDev ?? { name: 'eth0', isLoopback: false }) as NetInterface;
  return {
    pkt, hook: (opts.hook ?? Hook.INPUT) as FilterPacket['hook'], inDev, outDev: undefined, inName: inDev.name, outName: '',
    bytes: frame, nh: 14, th: 34, end: opts.end ?? frame.length, protocol: frame[23]!, fragoff: opts.fragoff ?? 0, hotdrop: false,
  };
}
const clock = { now: 0 };
/** A fixed stream of "random" numbers for xt_statistic. */
const draws: number[] = [];
const rng = { nextU32: (): number => draws.shift() ?? 0 };
const m = (x: IptMatch): MatchFn => compileMatch(x, { cpu: clock, rng });
const ports = (lo: number, hi = lo, invert = false) => ({ lo, hi, invert });

describe('header test (ip_packet_match)', () => {
  it('matches addresses under masks, protocol, interfaces and fragments, each with !', () => {
    const p = packet(UDP);
    const ok = (spec: Parameters<typeof rule>[0]) => headerMatches(compileHeader(rule(spec)), p);
    expect([ok({}), ok({ src: '10.9.0.0/24' }), ok({ src: '!10.9.0.0/24' }), ok({ dst: '10.9.0.2' }), ok({ dst: '10.9.0.1' })]).toEqual([true, true, false, true, false]);
    expect([ok({ proto: 17 }), ok({ proto: 6 }), ok({ proto: 6, protoInvert: true }), ok({ proto: 0, protoInvert: true })]).toEqual([true, false, true, true]);
    expect([ok({ in: 'eth0' }), ok({ in: 'eth' }), ok({ in: 'eth+' }), ok({ in: '!eth+' }), ok({ out: 'eth0' }), ok({ out: '!eth0' })]).toEqual([true, false, true, false, false, true]);
    expect([ok({ fragment: 'only' }), ok({ fragment: 'not' })]).toEqual([false, true]);
    const later = packet(UDP, { fragoff: 185 });
    expect(headerMatches(compileHeader(rule({ fragment: 'only' })), later)).toBe(true);
    expect(headerMatches(compileHeader(rule({ fragment: 'not' })), later)).toBe(false);
  });
});

describe('match extensions', () => {
  it('udp: source and destination ports, ranges, !', () => {
    const p = packet(UDP); // 35668 -> 9999
    expect(m({ kind: 'udp', sport: null, dport: ports(9999) })(p)).toBe(true);
    expect(m({ kind: 'udp', sport: null, dport: ports(9999, 9999, true) })(p)).toBe(false);
    expect(m({ kind: 'udp', sport: ports(32768, 60999), dport: ports(1, 1024, true) })(p)).toBe(true);
    expect(m({ kind: 'udp', sport: ports(1, 1024), dport: null })(p)).toBe(false);
    expect(p.hotdrop).toBe(false);
  });

  it('tcp: ports and --tcp-flags (--syn is SYN,RST,ACK,FIN SYN)', () => {
    const p = packet(SYN); // 43166 -> 80, SYN
    const syn = { mask: 0x17, comp: 0x02, invert: false };
    expect(m({ kind: 'tcp', sport: null, dport: ports(80), flags: syn })(p)).toBe(true);
    expect(m({ kind: 'tcp', sport: null, dport: ports(80), flags: { ...syn, invert: true } })(p)).toBe(false);
    expect(m({ kind: 'tcp', sport: null, dport: ports(80), flags: { mask: 0x12, comp: 0x12, invert: false } })(p)).toBe(false);
    expect(m({ kind: 'tcp', sport: null, dport: ports(22), flags: null })(p)).toBe(false);
  });

  it('drops (hotdrop) a datagram too short for the header a match needs, and a TCP fragment at offset 1', () => {
    const short = packet(UDP, { end: 34 + 6 });
    expect(m({ kind: 'udp', sport: null, dport: null })(short)).toBe(false);
    expect(short.hotdrop).toBe(true);
    const tcpShort = packet(SYN, { end: 34 + 19 });
    expect(m({ kind: 'tcp', sport: null, dport: null, flags: null })(tcpShort)).toBe(false);
    expect(tcpShort.hotdrop).toBe(true);
    const evil = packet(SYN, { fragoff: 1 });
    expect(m({ kind: 'tcp', sport: null, dport: null, flags: null })(evil)).toBe(false);
    expect(evil.hotdrop).toBe(true);
    // A later fragment has no ports: no match, but no drop either.
    const later = packet(UDP, { fragoff: 185 });
    expect(m({ kind: 'udp', sport: null, dport: null })(later)).toBe(false);
    expect(later.hotdrop).toBe(false);
  });

  it('icmp: a type with a code range, 255 for any, !', () => {
    const p = packet(ECHO);
    expect(m({ kind: 'icmp', type: 8, codeLo: 0, codeHi: 255, invert: false })(p)).toBe(true);
    expect(m({ kind: 'icmp', type: 8, codeLo: 1, codeHi: 255, invert: false })(p)).toBe(false);
    expect(m({ kind: 'icmp', type: 0, codeLo: 0, codeHi: 255, invert: true })(p)).toBe(true);
    expect(m({ kind: 'icmp', type: 255, codeLo: 0, codeHi: 255, invert: false })(p)).toBe(true);
    expect(m({ kind: 'icmp', type: 255, codeLo: 0, codeHi: 255, invert: true })(p)).toBe(false);
  });

  it('multiport: source, destination or either, ranges, !', () => {
    const p = packet(UDP); // 35668 -> 9999
    const mp = (dir: 'src' | 'dst' | 'any', list: Array<[number, number]>, invert = false) =>
      m({ kind: 'multiport', dir, ports: list.map(([lo, hi]) => ({ lo, hi })), invert })(p);
    expect(mp('dst', [[22, 22], [9000, 10000]])).toBe(true);
    expect(mp('src', [[22, 22], [9000, 10000]])).toBe(false);
    expect(mp('any', [[35668, 35668]])).toBe(true);
    expect(mp('dst', [[22, 22]], true)).toBe(true);
    expect(mp('dst', [[9999, 9999]], true)).toBe(false);
  });

  it('mac: the source address of the frame, never on loopback or without a link header', () => {
    const mac = 0x02_00_00_00_00_01;
    expect(m({ kind: 'mac', mac, invert: false })(packet(UDP))).toBe(true);
    expect(m({ kind: 'mac', mac: mac + 1, invert: false })(packet(UDP))).toBe(false);
    expect(m({ kind: 'mac', mac: mac + 1, invert: true })(packet(UDP))).toBe(true);
    expect(m({ kind: 'mac', mac, invert: true })(packet(UDP, { inDev: { name: 'lo', isLoopback: true } }))).toBe(false);
    const noLink = packet(UDP);
    noLink.pkt.linkOffset = -1;
    expect(m({ kind: 'mac', mac, invert: true })(noLink)).toBe(false);
  });

  it('iprange: inclusive source and destination ranges, !', () => {
    const p = packet(UDP); // 10.9.0.1 -> 10.9.0.2
    const r = (lo: number, hi: number, invert = false) => ({ lo, hi, invert });
    const base = 0x0a090000;
    expect(m({ kind: 'iprange', src: r(base + 1, base + 1), dst: null })(p)).toBe(true);
    expect(m({ kind: 'iprange', src: r(base + 2, base + 9), dst: null })(p)).toBe(false);
    expect(m({ kind: 'iprange', src: null, dst: r(base + 2, base + 9, true) })(p)).toBe(false);
    expect(m({ kind: 'iprange', src: r(base + 5, base + 9, true), dst: r(base, base + 255) })(p)).toBe(true);
  });

  it('comment always matches; state without conntrack sees INVALID', () => {
    const p = packet(UDP);
    expect(m({ kind: 'comment', text: 'x' })(p)).toBe(true);
    expect(m({ kind: 'state', states: CtState.INVALID, invert: false })(p)).toBe(true);
    expect(m({ kind: 'state', states: CtState.NEW | CtState.ESTABLISHED, invert: false })(p)).toBe(false);
    expect(m({ kind: 'conntrack', states: CtState.NEW, invert: true })(p)).toBe(true);
  });

  it('limit: a burst at once, then one per interval as the virtual clock moves (jiffies of 4 ms)', () => {
    clock.now = 0;
    // --limit 10/second --limit-burst 3: 100 ms each.
    const limit = m({ kind: 'limit', avg: 100e6, burst: 3 });
    const p = packet(UDP);
    const burst = [limit(p), limit(p), limit(p), limit(p)];
    expect(burst).toEqual([true, true, true, false]);
    clock.now = 99e6;
    expect(limit(p)).toBe(false);
    clock.now = 100e6;
    expect([limit(p), limit(p)]).toEqual([true, false]);
    // Ten seconds of silence refill the bucket to the burst only.
    clock.now = 10e9;
    expect([limit(p), limit(p), limit(p), limit(p)]).toEqual([true, true, true, false]);
  });
});

describe('statistic (xt_statistic)', () => {
  const p = packet(UDP);
  it('random mode matches when a 31-bit draw is below probability * 2^31, ! inverts', () => {
    const half = m({ kind: 'statistic', mode: 'random', probability: 0x40000000, every: 0, packet: 0, invert: false });
    draws.push(0x3fffffff, 0x40000000, 0xbfffffff, 0xc0000000);
    // The top bit is ignored ("& 0x7FFFFFFF").
    expect([half(p), half(p), half(p), half(p)]).toEqual([true, false, true, false]);
    const inv = m({ kind: 'statistic', mode: 'random', probability: 0x40000000, every: 0, packet: 0, invert: true });
    draws.push(1, 0x7fffffff);
    expect([inv(p), inv(p)]).toEqual([false, true]);
  });

  it('nth mode matches every Nth packet, its counter starting at --packet', () => {
    const every3 = m({ kind: 'statistic', mode: 'nth', probability: 0, every: 3, packet: 0, invert: false });
    expect([1, 2, 3, 4, 5, 6].map(() => every3(p))).toEqual([false, false, true, false, false, true]);
    const from2 = m({ kind: 'statistic', mode: 'nth', probability: 0, every: 3, packet: 2, invert: false });
    expect([1, 2, 3, 4].map(() => from2(p))).toEqual([true, false, false, true]);
    const not2 = m({ kind: 'statistic', mode: 'nth', probability: 0, every: 2, packet: 0, invert: true });
    expect([1, 2, 3, 4].map(() => not2(p))).toEqual([true, false, true, false]);
  });
});
