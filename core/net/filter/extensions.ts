// The match extensions of a rule (`-m NAME`, or the protocol's own match `-p udp` brings), compiled to
// functions when a table is swapped in: xt_tcpudp.c, ipt_icmp (ip_tables.c icmp_match), xt_multiport.c,
// xt_mac.c, xt_iprange.c, xt_comment.c, xt_limit.c, xt_state.c, xt_conntrack.c (ctstate only) and
// xt_statistic.c.
// A match that needs a transport header the packet does not have sets hotdrop, as Linux does.

import type { IptMatch, IptPorts } from './rules.ts';
import { CtState } from './rules.ts';
import { u16, u32, type FilterPacket } from './filter-packet.ts';

export type MatchFn = (p: FilterPacket) => boolean;

/** What a match may need besides the packet: the virtual clock (xt_limit), the stack's randomness (xt_statistic). */
export interface MatchEnv {
  readonly cpu: { readonly now: number };
  readonly rng: { nextU32(): number };
}

const ALL_PORTS: IptPorts = { lo: 0, hi: 65535, invert: false };

/** port_match(): "(port >= min && port <= max) ^ invert". */
const portIn = (r: IptPorts, port: number): boolean => (port >= r.lo && port <= r.hi) !== r.invert;

/** True when `n` bytes of transport header are there; else the packet is dropped (hotdrop). */
function haveHeader(p: FilterPacket, n: number): boolean {
  if (p.th + n <= p.end) return true;
  p.hotdrop = true;
  return false;
}

export function compileMatch(m: IptMatch, env: MatchEnv): MatchFn {
  switch (m.kind) {
    case 'udp': {
      const sport = m.sport ?? ALL_PORTS;
      const dport = m.dport ?? ALL_PORTS;
      // udp_mt(): "Must not be a fragment", then "Dropping evil UDP tinygram" when the header is short.
      return (p) => p.fragoff === 0 && haveHeader(p, 8) && portIn(sport, u16(p.bytes, p.th)) && portIn(dport, u16(p.bytes, p.th + 2));
    }
    case 'tcp': {
      const sport = m.sport ?? ALL_PORTS;
      const dport = m.dport ?? ALL_PORTS;
      const flags = m.flags;
      return (p) => {
        if (p.fragoff !== 0) {
          // "Don't allow a fragment of TCP 8 bytes in. Nobody normal causes this."
          if (p.fragoff === 1) p.hotdrop = true;
          return false;
        }
        if (!haveHeader(p, 20)) return false;
        const b = p.bytes;
        if (!portIn(sport, u16(b, p.th)) || !portIn(dport, u16(b, p.th + 2))) return false;
        return flags === null || ((b[p.th + 13]! & flags.mask) === flags.comp) !== flags.invert;
      };
    }
    case 'icmp': {
      const { type, codeLo, codeHi, invert } = m;
      // icmp_type_code_match(): "((test_type == 0xFF) || (type == test_type && code >= min_code && code <= max_code)) ^ invert"
      return (p) => {
        if (p.fragoff !== 0 || !haveHeader(p, 8)) return false;
        const t = p.bytes[p.th]!;
        const c = p.bytes[p.th + 1]!;
        return (type === 255 || (t === type && c >= codeLo && c <= codeHi)) !== invert;
      };
    }
    case 'multiport': {
      const { dir, ports, invert } = m;
      // ports_match_v1(): the first range that holds the port decides "true ^ invert", else "invert".
      return (p) => {
        if (p.fragoff !== 0 || !haveHeader(p, 4)) return false;
        const src = u16(p.bytes, p.th);
        const dst = u16(p.bytes, p.th + 2);
        for (const r of ports) {
          const s = dir !== 'dst' && src >= r.lo && src <= r.hi;
          const d = dir !== 'src' && dst >= r.lo && dst <= r.hi;
          if (s || d) return !invert;
        }
        return invert;
      };
    }
    case 'mac': {
      const { mac, invert } = m;
      // mac_mt(): only an Ethernet device with the link header still in front of the IP header.
      return (p) => {
        const pkt = p.pkt;
        const dev = p.inDev;
        if (!dev || dev.isLoopback || pkt.linkOffset < 0 || pkt.linkOffset + 14 > pkt.networkOffset) return false;
        const at = pkt.linkOffset + 6;
        const src = u16(p.bytes, at) * 0x1_0000_0000 + u32(p.bytes, at + 2);
        return (src === mac) !== invert;
      };
    }
    case 'iprange': {
      const { src, dst } = m;
      // iprange_mt4(): "m = addr < min; m |= addr > max; m ^= inv; if (m) return false".
      return (p) => {
        if (src) {
          const a = u32(p.bytes, p.nh + 12);
          if ((a < src.lo || a > src.hi) !== src.invert) return false;
        }
        if (dst) {
          const a = u32(p.bytes, p.nh + 16);
          if ((a < dst.lo || a > dst.hi) !== dst.invert) return false;
        }
        return true;
      };
    }
    case 'comment':
      return () => true;
    case 'limit':
      return limitMatch(m.avg, m.burst, env);
    case 'statistic':
      return statisticMatch(m, env);
    case 'state':
    case 'conntrack': {
      const { states, invert } = m;
      // state_mt(): "if (ct) statebit = XT_STATE_BIT(ctinfo); ... else statebit = XT_STATE_INVALID".
      return (p) => ((p.pkt.ct !== null ? p.pkt.ctState : CtState.INVALID) & states ? true : false) !== invert;
    }
  }
}

/** A jiffy of Debian's kernel (CONFIG_HZ=250): xt_limit adds credit once per jiffy. */
const JIFFY = 4_000_000;

/**
 * xt_limit's token bucket ("The algorithm used is the Simple Token Bucket Filter"), in nanoseconds of
 * credit: full (avg * burst) when the rule is loaded, `avg` spent per packet, refilled per elapsed jiffy.
 * Each table swap starts a fresh bucket, as limit_mt_check() runs for every rule of a new table.
 */
function limitMatch(avg: number, burst: number, env: MatchEnv): MatchFn {
  const cap = avg * burst;
  let credit = cap;
  let prev = Math.floor(env.cpu.now / JIFFY);
  return () => {
    const now = Math.floor(env.cpu.now / JIFFY);
    credit = Math.min(cap, credit + (now - prev) * JIFFY);
    prev = now;
    if (credit < avg) return false;
    credit -= avg;
    return true;
  };
}

/**
 * statistic_mt(): random mode matches when "(get_random_u32() & 0x7FFFFFFF) < probability"; nth mode
 * counts from --packet, back to 0 after every-1, and matches on 0. `!` inverts either. The counter is the
 * rule's own and starts again with each table swap (statistic_mt_check() runs for every rule).
 */
function statisticMatch(m: Extract<IptMatch, { kind: 'statistic' }>, env: MatchEnv): MatchFn {
  const invert = m.invert;
  if (m.mode === 'random') {
    const p = m.probability;
    return () => ((env.rng.nextU32() & 0x7fffffff) < p) !== invert;
  }
  const last = m.every - 1;
  let count = m.packet;
  return () => {
    count = count === last ? 0 : count + 1;
    return (count === 0) !== invert;
  };
}
