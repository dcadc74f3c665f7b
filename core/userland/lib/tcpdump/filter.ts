// pcap-filter(7) expressions, as tcpdump compiles them, for Ethernet frames: primitives (host, net, port,
// portrange, ether host/src/dst, broadcast, multicast, ip, arp, rarp, icmp, udp, tcp, proto, less,
// greater, vlan), their qualifiers (src, dst, `src or dst`, `src and dst`; ether, ip, arp, rarp, tcp,
// udp), `not`, `and`, `or` (and and or of equal precedence, left to right), parentheses, the qualifiers a
// bare value takes from the primitive before it (`host a or b`), and byte comparisons such as
// `icmp[icmptype] == icmp-echo` or `tcp[13] & 2 != 0`. The result is a predicate over a frame.

export type FramePredicate = (frame: Uint8Array) => boolean;

/** What the expression may name: hosts (/etc/hosts), services (/etc/services) and IP protocols (/etc/protocols). */
export interface FilterNames {
  host(name: string): number | null;
  port(name: string): number | null;
  protocol?(name: string): number | null;
}

/** Thrown inside a filter run by a load past the packet's end (caught by the compiled predicate). */
const OUT_OF_BOUNDS = Symbol('out of bounds');

/** A filter that cannot be compiled, with tcpdump's message (after "tcpdump: "). */
export class FilterError extends Error {}

const SYNTAX = "can't parse filter expression: syntax error";

const ETH_IP = 0x0800, ETH_ARP = 0x0806, ETH_RARP = 0x8035, ETH_VLAN = 0x8100;
const VLAN_TYPES = new Set([ETH_VLAN, 0x88a8, 0x9100]);
const PROTO_NUMBERS: Readonly<Record<string, number>> = { icmp: 1, igmp: 2, tcp: 6, udp: 17, ah: 51, esp: 50, pim: 103, vrrp: 112, sctp: 132 };
/** Named offsets and values of byte comparisons (pcap-filter(7)). */
const CONSTANTS: Readonly<Record<string, number>> = {
  icmptype: 0, icmpcode: 1, 'icmp-echoreply': 0, 'icmp-unreach': 3, 'icmp-sourcequench': 4, 'icmp-redirect': 5,
  'icmp-echo': 8, 'icmp-routeradvert': 9, 'icmp-routersolicit': 10, 'icmp-timxceed': 11, 'icmp-paramprob': 12,
  'icmp-tstamp': 13, 'icmp-tstampreply': 14, 'icmp-ireq': 15, 'icmp-ireqreply': 16, 'icmp-maskreq': 17, 'icmp-maskreply': 18,
  tcpflags: 13, 'tcp-fin': 1, 'tcp-syn': 2, 'tcp-rst': 4, 'tcp-push': 8, 'tcp-ack': 16, 'tcp-urg': 32, 'tcp-ece': 64, 'tcp-cwr': 128,
};

/** A frame, seen through its Ethernet header and (when there is one) its IPv4 header. */
class View {
  readonly dv: DataView;
  readonly type: number;
  /** Offset of the network header (after any 802.1Q tags). */
  readonly net: number;
  readonly vlan: number | null;
  /** An 802.1Q or 802.1ad tag is announced (whether or not the frame holds it whole). */
  readonly tagged: boolean;
  constructor(readonly f: Uint8Array) {
    this.dv = new DataView(f.buffer, f.byteOffset, f.byteLength);
    let off = 12;
    let type = f.length >= 14 ? this.dv.getUint16(12) : -1;
    let vlan: number | null = null;
    if (type === ETH_VLAN && f.length >= 18) {
      vlan = this.dv.getUint16(14) & 0xfff;
      off = 16;
      type = this.dv.getUint16(16);
    }
    this.type = type;
    this.net = off + 2;
    this.vlan = vlan;
    this.tagged = f.length >= 14 && VLAN_TYPES.has(this.dv.getUint16(12));
  }
  byte(at: number): number | null {
    return at >= 0 && at < this.f.length ? this.f[at]! : null;
  }
  /** Whether an IPv4 header is there. */
  get ip(): boolean {
    return this.type === ETH_IP && this.f.length >= this.net + 20;
  }
  u32(at: number): number {
    return at + 4 <= this.f.length ? this.dv.getUint32(at) : -1;
  }
  /** Offset of the transport header of an unfragmented (or first-fragment) IPv4 datagram, else -1. */
  transport(proto: number): number {
    if (!this.ip || this.f[this.net + 9] !== proto) return -1;
    if ((this.dv.getUint16(this.net + 6) & 0x1fff) !== 0) return -1;
    return this.net + (this.f[this.net]! & 15) * 4;
  }
}

type Pred = (v: View) => boolean;
type Dir = 'src' | 'dst' | 'src or dst' | 'src and dst';
type Kind = 'host' | 'net' | 'port' | 'portrange' | null;
interface Qual {
  proto: string | null;
  dir: Dir | null;
  kind: Kind;
}

const either = (dir: Dir | null, s: Pred, d: Pred): Pred =>
  dir === 'src' ? s : dir === 'dst' ? d : dir === 'src and dst' ? (v) => s(v) && d(v) : (v) => s(v) || d(v);

/** Address predicates for IPv4 (`ip`), ARP and RARP: their sender and target protocol addresses. */
function addressMatch(proto: string | null, dir: Dir | null, addr: number, mask: number): Pred {
  const at = (v: View, off: number) => ((v.u32(off) & mask) >>> 0) === addr;
  const ip = either(dir, (v) => v.ip && at(v, v.net + 12), (v) => v.ip && at(v, v.net + 16));
  const arpOf = (type: number) => either(dir, (v) => v.type === type && at(v, v.net + 14), (v) => v.type === type && at(v, v.net + 24));
  if (proto === 'ip') return ip;
  if (proto === 'arp') return arpOf(ETH_ARP);
  if (proto === 'rarp') return arpOf(ETH_RARP);
  const arp = arpOf(ETH_ARP), rarp = arpOf(ETH_RARP);
  return (v) => ip(v) || arp(v) || rarp(v);
}

function portMatch(proto: string | null, dir: Dir | null, lo: number, hi: number): Pred {
  const protos = proto === 'tcp' ? [6] : proto === 'udp' ? [17] : proto === 'sctp' ? [132] : [6, 17, 132];
  const inRange = (v: View, off: number, at: number) => {
    if (off < 0 || off + at + 2 > v.f.length) return false;
    const p = v.dv.getUint16(off + at);
    return p >= lo && p <= hi;
  };
  return (v) => protos.some((pr) => {
    const off = v.transport(pr);
    return either(dir, (x) => inRange(x, off, 0), (x) => inRange(x, off, 2))(v);
  });
}

/** Parses a MAC address as pcap does (xx:xx:xx:xx:xx:xx, xx-xx-..., xxxx.xxxx.xxxx). */
function parseMac(text: string): number | null {
  const parts = text.includes('.') ? text.split('.').flatMap((p) => (/^[0-9a-f]{4}$/i.test(p) ? [p.slice(0, 2), p.slice(2)] : ['x'])) : text.split(/[:-]/);
  if (parts.length !== 6 || parts.some((p) => !/^[0-9a-f]{1,2}$/i.test(p))) return null;
  return parts.reduce((n, p) => n * 256 + parseInt(p, 16), 0);
}

const macAt = (v: View, off: number) => (off + 6 <= v.f.length ? v.dv.getUint16(off) * 2 ** 32 + v.dv.getUint32(off + 2) : -1);

function parseIpv4(text: string): number | null {
  const parts = text.split('.');
  if (parts.length < 1 || parts.length > 4 || parts.some((p) => !/^\d+$/.test(p))) return null;
  const nums = parts.map(Number);
  if (nums.some((n) => n > 255)) throw new FilterError(`invalid IPv4 address '${text}'`);
  while (nums.length < 4) nums.push(0);
  return ((nums[0]! << 24) | (nums[1]! << 16) | (nums[2]! << 8) | nums[3]!) >>> 0;
}

/** Tokens: words (names, numbers, addresses), operators and parentheses. */
function tokenize(text: string): string[] {
  const out: string[] = [];
  const re = /\s*(&&|\|\||==|!=|<=|>=|<<|>>|[()[\]!<>=&|+\-*/%^:]|[A-Za-z0-9_.\-:\\]+)/y;
  let m: RegExpExecArray | null;
  let at = 0;
  while (at < text.length) {
    if (/^\s*$/.test(text.slice(at))) break;
    re.lastIndex = at;
    m = re.exec(text);
    if (!m) throw new FilterError(SYNTAX);
    out.push(m[1]!);
    at = re.lastIndex;
  }
  // Inside brackets `6:2` is an offset and a size, not one word.
  let depth = 0;
  return out.flatMap((t) => {
    if (t === '[') depth++;
    else if (t === ']') depth--;
    const c = t.indexOf(':');
    return depth > 0 && c > 0 ? [t.slice(0, c), ':', t.slice(c + 1)] : [t];
  });
}

const DIRS = new Set(['src', 'dst']);
const TRANSPORTS = new Set(['tcp', 'udp', 'icmp', 'sctp']);
const PROTOS = new Set(['ether', 'ip', 'arp', 'rarp', 'tcp', 'udp', 'icmp', 'sctp']);
const KINDS = new Set(['host', 'net', 'port', 'portrange']);

/** Compiles a filter expression; an empty one matches everything. Throws FilterError. */
export function compileFilter(text: string, names: FilterNames): FramePredicate {
  const toks = tokenize(text);
  if (toks.length === 0) return () => true;
  let i = 0;
  let last: Qual = { proto: null, dir: null, kind: 'host' };
  const peek = () => toks[i];
  const next = () => {
    const t = toks[i++];
    if (t === undefined) throw new FilterError(SYNTAX);
    return t;
  };

  const expr = (): Pred => {
    let left = unary();
    for (;;) {
      const t = peek();
      if (t === 'and' || t === '&&') {
        i++;
        const l = left, r = unaryOrValue();
        left = (v) => l(v) && r(v);
      } else if (t === 'or' || t === '||') {
        i++;
        const l = left, r = unaryOrValue();
        left = (v) => l(v) || r(v);
      } else return left;
    }
  };

  /** After and/or: a bare value takes the qualifiers of the primitive before it. */
  const unaryOrValue = (): Pred => {
    const t = peek();
    if (t !== undefined && !isKeyword(t) && t !== '(' && t !== '!' && t !== 'not' && !isComparisonStart()) return value(last, next());
    return unary();
  };

  const unary = (): Pred => {
    const t = peek();
    if (t === 'not' || t === '!') {
      i++;
      const p = unary();
      return (v) => !p(v);
    }
    if (t === '(') {
      // A parenthesis opens either arithmetic (`(tcp[13] & 2) != 0`) or a group of primitives: try the
      // first, and take the second when what follows the parenthesis is not a comparison.
      const at = i;
      try {
        return comparison();
      } catch (e) {
        if (!(e instanceof FilterError)) throw e;
        i = at;
      }
      i++;
      const p = expr();
      if (next() !== ')') throw new FilterError(SYNTAX);
      return p;
    }
    if (isComparisonStart()) return comparison();
    return primitive();
  };

  const isComparisonStart = (): boolean => {
    const t = peek();
    return t !== undefined && ((PROTO_NUMBERS[t] !== undefined || t === 'ip' || t === 'ether' || t === 'arp') && toks[i + 1] === '[' || t === 'len' || /^\d/.test(t) && toks[i + 1] !== undefined && /^(==|=|!=|<|>|<=|>=|[+\-*/&|%^]|<<|>>)$/.test(toks[i + 1]!));
  };

  const primitive = (): Pred => {
    const q: Qual = { proto: null, dir: null, kind: null };
    let t = next();
    if (t === 'less' || t === 'greater') {
      const n = number(next());
      return t === 'less' ? (v) => v.f.length <= n : (v) => v.f.length >= n;
    }
    if (t === 'vlan') {
      const n = peek() !== undefined && /^\d+$/.test(peek()!) ? Number(next()) : null;
      if (n !== null && n > 4095) throw new FilterError(`VLAN tag ${n} greater than maximum 4095`);
      return (v) => v.tagged && (n === null || v.vlan === n);
    }
    if (t === 'broadcast') return (v) => macAt(v, 0) === 0xffffffffffff;
    if (t === 'multicast') return (v) => v.f.length > 0 && (v.f[0]! & 1) === 1;
    if (PROTOS.has(t)) {
      q.proto = t;
      const n = peek();
      if (n === undefined || (!DIRS.has(n) && !KINDS.has(n) && n !== 'proto' && n !== 'broadcast' && n !== 'multicast' && n !== 'host')) return protoOnly(t);
      t = next();
      if (t === 'proto') return protoNumber(q.proto, next(), names);
      if (t === 'broadcast') return (v) => macAt(v, 0) === 0xffffffffffff;
      if (t === 'multicast') return (v) => v.f.length > 0 && (v.f[0]! & 1) === 1;
    } else if (t === 'proto') return protoNumber(null, next(), names);
    if (DIRS.has(t)) {
      q.dir = t as Dir;
      if ((peek() === 'or' || peek() === 'and') && DIRS.has(toks[i + 1] ?? '')) {
        q.dir = `src ${next()} dst` as Dir;
        i++;
      }
      t = next();
    }
    if (KINDS.has(t)) {
      q.kind = t as Kind;
      t = next();
    }
    if (q.kind === null && q.proto === 'ether' && t === 'host') t = next();
    // A number alone is no primitive (a dotted address is a host).
    if (q.kind === null && q.proto === null && q.dir === null && (/^(0x[0-9a-f]+|\d+)$/i.test(t) || CONSTANTS[t] !== undefined)) {
      throw new FilterError(SYNTAX);
    }
    if (q.kind === null) q.kind = 'host';
    // Transport protocols qualify ports only.
    if ((q.kind === 'host' || q.kind === 'net') && q.proto !== null && TRANSPORTS.has(q.proto)) {
      throw new FilterError(`'${q.proto}' modifier applied to ${q.kind}`);
    }
    last = q;
    return value(q, t);
  };

  const value = (q: Qual, t: string): Pred => {
    if (isKeyword(t) || t === ')' || t === '(') throw new FilterError(SYNTAX);
    if (q.proto === 'ether') {
      const mac = parseMac(t);
      // pcap's scanner has taken the address apart at its last colon when it complains.
      if (mac === null) throw new FilterError(`bogus ethernet address ${t.includes(':') ? t.slice(0, t.lastIndexOf(':') + 1) : t}`);
      return either(q.dir, (v) => macAt(v, 6) === mac, (v) => macAt(v, 0) === mac);
    }
    if (q.kind === 'port' || q.kind === 'portrange') {
      if (q.proto !== null && !['tcp', 'udp', 'sctp'].includes(q.proto)) throw new FilterError(`illegal qualifier of 'port'`);
      // pcap's scanner reads a dotted number as an address.
      if (/^\d+(\.\d+)+$/.test(t)) throw new FilterError(`'${q.kind}' modifier applied to ip host`);
      if (q.kind === 'portrange') {
        const m = /^([^-]+)-([^-]+)$/.exec(t);
        if (!m) throw new FilterError(SYNTAX);
        const lo = port(m[1]!), hi = port(m[2]!);
        return portMatch(q.proto, q.dir, Math.min(lo, hi), Math.max(lo, hi));
      }
      const p = port(t);
      return portMatch(q.proto, q.dir, p, p);
    }
    if (q.kind === 'net') {
      let addr: number | null, mask: number;
      let typed = t;
      if (peek() === '/') {
        i++;
        const a = t, len = next();
        typed = `${a}/${len}`;
        addr = parseIpv4(a);
        const n = Number(len);
        if (addr === null || !/^\d+$/.test(len) || n > 32) throw new FilterError(SYNTAX);
        mask = n === 0 ? 0 : (0xffffffff << (32 - n)) >>> 0;
      } else if (peek() === 'mask') {
        i++;
        addr = parseIpv4(t);
        const m = parseIpv4(next());
        if (addr === null || m === null) throw new FilterError(SYNTAX);
        mask = m;
      } else {
        // A network given by its leading octets: 10 is 10/8, 10.1 is 10.1/16.
        addr = parseIpv4(t);
        if (addr === null) throw new FilterError(SYNTAX);
        const octets = t.split('.').length;
        mask = (0xffffffff << (32 - 8 * octets)) >>> 0;
      }
      if (((addr & ~mask) >>> 0) !== 0) throw new FilterError(`non-network bits set in "${typed}"`);
      return addressMatch(q.proto, q.dir, addr, mask);
    }
    if (CONSTANTS[t] !== undefined) t = String(CONSTANTS[t]);
    const addr = /^[\d.]+$/.test(t) ? parseIpv4(t) : names.host(t);
    if (addr === null) throw new FilterError(/^[\d.]+$/.test(t) ? SYNTAX : `unknown host '${t}'`);
    if (/^\d+(\.\d+){0,2}$/.test(t) && t.split('.').length < 4) {
      // A partial address is a network.
      const mask = (0xffffffff << (32 - 8 * t.split('.').length)) >>> 0;
      return addressMatch(q.proto, q.dir, addr, mask);
    }
    return addressMatch(q.proto, q.dir, addr, 0xffffffff);
  };

  const port = (t: string): number => {
    // The named constants (tcp-syn ...) are numbers wherever a number may stand.
    if (CONSTANTS[t] !== undefined) return CONSTANTS[t]!;
    if (/^\d+$/.test(t)) {
      const n = Number(t);
      if (n > 65535) throw new FilterError(`illegal port number ${n} > 65535`);
      return n;
    }
    const p = names.port(t);
    if (p === null) throw new FilterError(`unknown port '${t}'`);
    return p;
  };

  const number = (t: string): number => {
    if (!/^(0x[0-9a-f]+|\d+)$/i.test(t)) throw new FilterError(SYNTAX);
    return Number(t);
  };

  // ---- byte comparisons: proto[off(:size)] and arithmetic, compared ----

  const comparison = (): Pred => {
    const l = arith();
    const op = next();
    if (!['=', '==', '!=', '<', '>', '<=', '>='].includes(op)) throw new FilterError(SYNTAX);
    const r = arith();
    return (v) => {
      const a = l(v), b = r(v);
      if (a === null || b === null) return false;
      switch (op) {
        case '=': case '==': return a === b;
        case '!=': return a !== b;
        case '<': return a < b;
        case '>': return a > b;
        case '<=': return a <= b;
        default: return a >= b;
      }
    };
  };

  type Num = (v: View) => number | null;
  const BINARY: Record<string, number> = { '|': 1, '^': 2, '&': 3, '<<': 4, '>>': 4, '+': 5, '-': 5, '*': 6, '/': 6, '%': 6 };
  const arith = (min = 1): Num => {
    let left = operand();
    for (;;) {
      const op = peek();
      const prec = op === undefined ? undefined : BINARY[op];
      if (prec === undefined || prec < min) return left;
      i++;
      const l = left, r = arith(prec + 1);
      left = (v) => {
        const a = l(v), b = r(v);
        if (a === null || b === null) return null;
        switch (op) {
          case '|': return (a | b) >>> 0;
          case '^': return (a ^ b) >>> 0;
          case '&': return (a & b) >>> 0;
          case '<<': return (a << b) >>> 0;
          case '>>': return a >>> b;
          case '+': return (a + b) >>> 0;
          case '-': return (a - b) >>> 0;
          case '*': return Math.imul(a, b) >>> 0;
          case '/': return b === 0 ? null : Math.floor(a / b);
          default: return b === 0 ? null : a % b;
        }
      };
    }
  };

  const operand = (): Num => {
    const t = next();
    if (t === '(') {
      const e = arith();
      if (next() !== ')') throw new FilterError(SYNTAX);
      return e;
    }
    if (t === 'len') return (v) => v.f.length;
    if (CONSTANTS[t] !== undefined) {
      const c = CONSTANTS[t]!;
      return () => c;
    }
    if (/^(0x[0-9a-f]+|\d+)$/i.test(t)) {
      const c = Number(t);
      return () => c;
    }
    if ((PROTO_NUMBERS[t] !== undefined || t === 'ip' || t === 'ether' || t === 'arp') && peek() === '[') {
      i++;
      const off = arith();
      let size = 1;
      if (peek() === ':') {
        i++;
        size = Number(next());
        if (![1, 2, 4].includes(size)) throw new FilterError('data size must be 1, 2, or 4');
      }
      if (next() !== ']') throw new FilterError(SYNTAX);
      const base = (v: View): number | null => {
        if (t === 'ether') return 0;
        if (t === 'ip') return v.ip ? v.net : null;
        if (t === 'arp') return v.type === ETH_ARP ? v.net : null;
        const at = v.transport(PROTO_NUMBERS[t]!);
        return at < 0 ? null : at;
      };
      return (v) => {
        const b = base(v), o = off(v);
        if (b === null || o === null) return null;
        // A load past the end of the packet makes the BPF program reject the packet outright.
        if (b + o + size > v.f.length) throw OUT_OF_BOUNDS;
        const at = b + o;
        return size === 1 ? v.f[at]! : size === 2 ? v.dv.getUint16(at) : v.dv.getUint32(at);
      };
    }
    throw new FilterError(SYNTAX);
  };

  const p = expr();
  if (i !== toks.length) throw new FilterError(SYNTAX);
  return (frame) => {
    // Every primitive loads the link header first: a frame without one is rejected.
    if (frame.length < 14) return false;
    try {
      return p(new View(frame));
    } catch (e) {
      if (e === OUT_OF_BOUNDS) return false;
      throw e;
    }
  };
}

const KEYWORDS = new Set(['and', 'or', 'not', 'src', 'dst', 'host', 'net', 'port', 'portrange', 'ether', 'ip', 'arp', 'rarp', 'tcp', 'udp',
  'icmp', 'sctp', 'proto', 'less', 'greater', 'vlan', 'broadcast', 'multicast', 'mask', '&&', '||', '!']);
const isKeyword = (t: string) => KEYWORDS.has(t);

/** `ip`, `arp`, `icmp`, `udp` ... alone. */
function protoOnly(name: string): Pred {
  switch (name) {
    case 'ether': throw new FilterError(SYNTAX);
    case 'ip': return (v) => v.type === ETH_IP;
    case 'arp': return (v) => v.type === ETH_ARP;
    case 'rarp': return (v) => v.type === ETH_RARP;
    default: {
      const n = PROTO_NUMBERS[name]!;
      return (v) => v.ip && v.f[v.net + 9] === n;
    }
  }
}

/** `ip proto N`, `ether proto N`, `proto \icmp`, `ip proto ospf` (/etc/protocols). */
function protoNumber(proto: string | null, t: string, names: FilterNames): Pred {
  // The protocols that are keywords (tcp, udp, icmp ...) must be escaped with a backslash.
  if (isKeyword(t) || PROTO_NUMBERS[t] !== undefined || CONSTANTS[t] !== undefined) throw new FilterError(SYNTAX);
  const name = t.replace(/^\\/, '');
  if (proto === 'ether') {
    const types: Record<string, number> = { ip: ETH_IP, arp: ETH_ARP, rarp: ETH_RARP };
    const n = types[name] ?? (/^(0x[0-9a-f]+|\d+)$/i.test(name) ? Number(name) : null);
    if (n === null) throw new FilterError(SYNTAX);
    return (v) => v.type === n;
  }
  const n = PROTO_NUMBERS[name] ?? (/^\d+$/.test(name) ? Number(name) : names.protocol?.(name) ?? null);
  if (n === null) throw new FilterError(`unknown ip proto '${name}'`);
  return (v) => v.ip && v.f[v.net + 9] === n;
}
