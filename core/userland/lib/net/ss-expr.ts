// ss's filter expressions as iproute2 6.1 parses them (misc/ssfilter.y): words split at blanks, each
// word a keyword, an operator or a host condition (ADDR[/LEN][:PORT], `*`, `:PORT`; a port alone after
// sport/dport); `and`/`&&`/`&`, `or`/`||`/`|` and juxtaposition bind alike, left to right; `not`/`!`
// takes the next expression; parentheses only as words of their own. A host condition is parsed as
// soon as it is read, so its error comes before a later syntax error.
import { inetAton } from './resolve.ts';

/** What a socket shows to a filter: its addresses and ports. */
export interface SsEndpoints {
  localAddr: number;
  localPort: number;
  remoteAddr: number;
  remotePort: number;
}

/** A host condition: an address prefix (null: any) and a port (-1: any). */
interface HostCond {
  addr: number | null;
  bits: number;
  port: number;
}

type Cmp = 'eq' | 'ne' | 'lt' | 'le' | 'gt' | 'ge';

export type SsExpr =
  | { kind: 'and' | 'or'; a: SsExpr; b: SsExpr }
  | { kind: 'not'; a: SsExpr }
  | { kind: 'port'; local: boolean; cmp: Cmp; cond: HostCond }
  | { kind: 'host'; local: boolean; cond: HostCond };

/** Name lookups the parser needs (after iproute2's prefixes and inet_aton's forms): /etc/hosts and /etc/services (for the table's protocol). */
export interface SsLookups {
  host(name: string): number | null;
  port(name: string): number | null;
}

export type SsParse = { expr: SsExpr | null } | { syntax: true } | { error: string };

const CMPS: Record<string, Cmp> = {
  '=': 'eq', '==': 'eq', eq: 'eq', '!=': 'ne', ne: 'ne', '<': 'lt', lt: 'lt', '>': 'gt', gt: 'gt', '<=': 'le', le: 'le', '>=': 'ge', ge: 'ge',
};
const AND = new Set(['and', '&&', '&']);
const OR = new Set(['or', '||', '|']);
const NOT = new Set(['not', '!']);
const KEYWORDS = new Set(['sport', 'dport', 'src', 'dst', '(', ')', ...Object.keys(CMPS), ...AND, ...OR, ...NOT]);

class SsError {
  constructor(readonly message: string | null) {}
}

/** iproute2's get_addr_ipv4: one to four decimal bytes, filled from the left. */
function dotted(text: string): number | null {
  const parts = text.split('.');
  if (parts.length > 4 || parts.some((p) => !/^[0-9]{1,3}$/.test(p) || Number(p) > 255)) return null;
  let v = 0;
  for (let i = 0; i < 4; i++) v = v * 256 + Number(parts[i] ?? 0);
  return v;
}

function parsePort(text: string, look: SsLookups): number {
  if (text === '*' || text === '') return -1;
  // strtoul's base 0 (0x.. hex, 0.. octal); the kernel compares 16-bit ports, so a larger number keeps its low bits.
  if (/^0[xX][0-9a-fA-F]+$/.test(text)) return parseInt(text.slice(2), 16) % 65536;
  if (/^0[0-7]*$/.test(text)) return parseInt(text, 8) % 65536;
  if (/^[1-9][0-9]*$/.test(text)) return Number(text) % 65536;
  const p = look.port(text);
  if (p === null) throw new SsError(`Error: "${text}" does not look like a port.`);
  return p;
}

function parseHost(word: string, portOnly: boolean, look: SsLookups): HostCond {
  if (portOnly) return { addr: null, bits: 0, port: parsePort(word.startsWith(':') ? word.slice(1) : word, look) };
  const colon = word.lastIndexOf(':');
  const host = colon < 0 ? word : word.slice(0, colon);
  const port = colon < 0 ? -1 : parsePort(word.slice(colon + 1), look);
  if (host === '*' || host === '') return { addr: null, bits: 0, port };
  const bad = new SsError(`Error: an inet prefix is expected rather than "${host}".`);
  const slash = host.indexOf('/');
  if (slash >= 0) {
    const addr = dotted(host.slice(0, slash));
    const len = host.slice(slash + 1);
    if (addr === null || !/^[0-9]+$/.test(len) || Number(len) > 32) throw bad;
    return { addr, bits: Number(len), port };
  }
  const addr = dotted(host) ?? inetAton(host) ?? look.host(host);
  if (addr === null) throw bad;
  return { addr, bits: 32, port };
}

/** Parses the words after `state`/`exclude`; no words is no filter. */
export function parseSsExpr(words: string[], look: SsLookups): SsParse {
  const toks = words.flatMap((w) => w.split(/[ \t\n]+/)).filter((w) => w !== '');
  if (toks.length === 0) return { expr: null };
  let i = 0;
  // Like ssfilter.y's lexer: after sport/dport every host word is read as a port until src or dst.
  let portWords = false;
  const peek = (): string | undefined => toks[i];
  const cond = (): HostCond => {
    const w = toks[i++];
    if (w === undefined || KEYWORDS.has(w)) throw new SsError(null);
    return parseHost(w, portWords, look);
  };
  const expr = (): SsExpr => {
    const w = toks[i++];
    if (w === undefined) throw new SsError(null);
    if (NOT.has(w)) return { kind: 'not', a: expr() };
    if (w === '(') {
      const e = list();
      if (toks[i++] !== ')') throw new SsError(null);
      return e;
    }
    if (w === 'sport' || w === 'dport') {
      portWords = true;
      const cmp = CMPS[peek() ?? ''];
      if (cmp) i++;
      return { kind: 'port', local: w === 'sport', cmp: cmp ?? 'eq', cond: cond() };
    }
    if (w === 'src' || w === 'dst') {
      portWords = false;
      if (CMPS[peek() ?? ''] === 'eq') i++;
      return { kind: 'host', local: w === 'src', cond: cond() };
    }
    if (!KEYWORDS.has(w)) parseHost(w, portWords, look);
    throw new SsError(null);
  };
  const list = (): SsExpr => {
    let e = expr();
    for (;;) {
      const w = peek();
      if (w === undefined || w === ')') return e;
      if (OR.has(w) || AND.has(w)) i++;
      e = { kind: OR.has(w) ? 'or' : 'and', a: e, b: expr() };
    }
  };
  try {
    const e = list();
    if (i < toks.length) {
      i++;
      throw new SsError(null);
    }
    return { expr: e };
  } catch (err) {
    if (!(err instanceof SsError)) throw err;
    return err.message === null ? { syntax: true } : { error: err.message };
  }
}

function portMatches(p: number, cmp: Cmp, want: number): boolean {
  if (want < 0) return cmp === 'eq';
  switch (cmp) {
    case 'eq': return p === want;
    case 'ne': return p !== want;
    case 'lt': return p < want;
    case 'le': return p <= want;
    case 'gt': return p > want;
    case 'ge': return p >= want;
  }
}

function hostMatches(addr: number, port: number, c: HostCond): boolean {
  if (c.port >= 0 && port !== c.port) return false;
  if (c.addr === null || c.bits === 0) return true;
  const shift = 32 - c.bits;
  return Math.floor(addr / 2 ** shift) === Math.floor(c.addr / 2 ** shift);
}

/** Whether a socket passes the expression. */
export function ssMatches(e: SsExpr, s: SsEndpoints): boolean {
  switch (e.kind) {
    case 'and': return ssMatches(e.a, s) && ssMatches(e.b, s);
    case 'or': return ssMatches(e.a, s) || ssMatches(e.b, s);
    case 'not': return !ssMatches(e.a, s);
    case 'port': return portMatches(e.local ? s.localPort : s.remotePort, e.cmp, e.cond.port);
    case 'host': return e.local ? hostMatches(s.localAddr, s.localPort, e.cond) : hostMatches(s.remoteAddr, s.remotePort, e.cond);
  }
}
