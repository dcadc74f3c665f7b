// What nc's datagram and stream modes share: the options as netcat-openbsd 1.219 parses them, its
// strtonum-style number checks and its port operands (numbers, /etc/services names, LO-HI ranges).
import { AF_INET, type SockaddrIn } from '../../../kernel/abi.ts';
import { serviceByName, type NetdbEntry } from '../net/netdb.ts';

export interface NcOptions {
  listen: boolean;
  keep: boolean;
  numeric: boolean;
  verbose: boolean;
  detach: boolean;
  broadcast: boolean;
  crlf: boolean;
  /** -N (implied by a non-negative -q): shut the socket's sending side down after EOF on stdin. */
  shutdownOnEof: boolean;
  /** -q: seconds to linger after EOF on stdin; negative waits for the network forever. */
  quit: number;
  /** -w: seconds of silence after which nc ends; -1 for none. */
  timeout: number;
  /** -W: reads from the network (datagrams) before ending; 0 for no limit. */
  recvLimit: number;
  /** -z: connect (with -v, say whether it worked) and send nothing from stdin. */
  zero: boolean;
}

export const SEC = 1_000_000_000;

/** What a client's port returns after an error that ends netcat (it has printed it). */
export const FATAL = -1;

export const inet = (addr: number, port: number): SockaddrIn => ({ family: AF_INET, addr, port });

/** netcat's strtonum checks: "<what> invalid: X", "<what> too small: X", "<what> too large: X". */
export function number(text: string, min: number, max: number, what: string): number | string {
  if (!/^[-+]?\d+$/.test(text)) return `${what} invalid: ${text}`;
  const n = Number(text);
  if (n < min) return `${what} too small: ${text}`;
  if (n > max) return `${what} too large: ${text}`;
  return n;
}

/**
 * A service as getaddrinfo takes it for a socket of `proto`: a number, cut to 16 bits as glibc's htons
 * does, or a name from /etc/services.
 */
export function service(text: string, services: NetdbEntry[], proto: 'tcp' | 'udp'): number | null {
  if (/^\d+$/.test(text)) return Number(text) % 65536;
  return serviceByName(services, text, proto)?.number ?? null;
}

/** netcat's port operands: N, a service name, or LO-HI (either order), each 1..65535. */
export function portList(texts: readonly string[], services: NetdbEntry[], proto: string): number[] | string {
  const out: number[] = [];
  for (const t of texts) {
    const m = /^([^-]+)-([^-]+)$/.exec(t);
    const named = m ? undefined : serviceByName(services, t, proto);
    const ends = named ? [named.number] : (m ? [m[1]!, m[2]!] : [t]).map((x) => number(x, 1, 65535, 'port number'));
    const bad = ends.find((e) => typeof e === 'string');
    if (bad !== undefined) return bad as string;
    const nums = ends as number[];
    const [lo, hi] = nums.length === 2 ? [Math.min(...nums), Math.max(...nums)] : [nums[0]!, nums[0]!];
    for (let q = lo; q <= hi; q++) out.push(q);
  }
  return out;
}
