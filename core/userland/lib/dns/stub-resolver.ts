// The stub resolver of libc (resolv.conf(5)): /etc/resolv.conf's nameservers (at most 3), search list,
// ndots, timeout and attempts; queries with RD set over UDP, each server in turn. Programs that look
// names up (ping, nc, curl ... through lib/net/resolve.ts) call lookupIpv4 / lookupPtr after
// /etc/hosts has no answer.
import { AF_INET, CLOCK_MONOTONIC, POLLIN, SOCK_DGRAM, type Sys } from '../../../kernel/abi.ts';
import { readFileText } from '../io.ts';
import { inetAton } from '../net/resolve.ts';
import { canon, CLASS_IN, emitMessage, emptyMessage, parseMessage, RCODE, TYPE, type Message } from './message.ts';
import { formatIpv4Address } from '../../../net/wire/ipv4-address.ts';

export interface ResolvConf {
  nameservers: number[];
  search: string[];
  ndots: number;
  timeoutSec: number;
  attempts: number;
}

/** 127.0.0.1, the server of a resolv.conf that names none. */
const LOOPBACK = 0x7f000001;

/** /etc/resolv.conf as the resolver reads it (at most 3 servers, the last search/domain line wins). */
export function parseResolvConf(text: string): ResolvConf {
  const c: ResolvConf = { nameservers: [], search: [], ndots: 1, timeoutSec: 5, attempts: 2 };
  for (const raw of text.split('\n')) {
    const line = raw.replace(/[#;].*$/, '').trim();
    const [key, ...rest] = line.split(/\s+/);
    if (key === 'nameserver' && rest[0] !== undefined) {
      const a = /^\d+\.\d+\.\d+\.\d+$/.test(rest[0]) ? inetAton(rest[0]) : null;
      if (a !== null && c.nameservers.length < 3) c.nameservers.push(a);
    } else if (key === 'search') c.search = rest.slice(0, 6);
    else if (key === 'domain' && rest[0] !== undefined) c.search = [rest[0]];
    else if (key === 'options') {
      for (const opt of rest) {
        const [k, v] = opt.split(':');
        const n = Number(v);
        if (k === 'ndots' && Number.isInteger(n)) c.ndots = Math.min(15, Math.max(0, n));
        if (k === 'timeout' && Number.isInteger(n)) c.timeoutSec = Math.min(30, Math.max(1, n));
        if (k === 'attempts' && Number.isInteger(n)) c.attempts = Math.min(5, Math.max(1, n));
      }
    }
  }
  // No nameserver line: the local host's server, as res_init() takes then.
  if (c.nameservers.length === 0) c.nameservers.push(LOOPBACK);
  return c;
}

export async function readResolvConf(sys: Sys): Promise<ResolvConf> {
  const text = await readFileText(sys, '/etc/resolv.conf');
  return parseResolvConf(typeof text === 'string' ? text : '');
}

/** Sends one query and waits for its reply; null on timeout or error. */
export async function queryServer(sys: Sys, server: number, name: string, type: number, timeoutNs: number, port = 53): Promise<Message | null> {
  const fd = sys.socket(AF_INET, SOCK_DGRAM, 0);
  if (fd < 0) return null;
  try {
    if ((await sys.connect(fd, { family: AF_INET, addr: server, port })) < 0) return null;
    const idb = new Uint8Array(2);
    sys.getrandom(idb);
    const id = (idb[0]! << 8) | idb[1]!;
    const q = emptyMessage(id);
    q.rd = true;
    q.questions = [{ name, type, class: CLASS_IN }];
    if ((await sys.sendto(fd, emitMessage(q), 0)) < 0) return null;
    const deadline = sys.clockGettime(CLOCK_MONOTONIC) + timeoutNs;
    const buf = new Uint8Array(65535);
    for (;;) {
      const left = deadline - sys.clockGettime(CLOCK_MONOTONIC);
      if (left <= 0) return null;
      const fds = [{ fd, events: POLLIN, revents: 0 }];
      if ((await sys.poll(fds, left)) <= 0) return null;
      const r = await sys.recvfrom(fd, buf, 0);
      if (typeof r === 'number') return null;
      const m = parseMessage(buf.slice(0, r.length));
      if (m && m.qr && m.id === id && m.questions.length === 1 && canon(m.questions[0]!.name) === canon(name)) return m;
    }
  } finally {
    sys.close(fd);
  }
}

export type LookupResult =
  | { ok: true; canonical: string; addrs: number[] }
  /** `notfound`: NXDOMAIN or no address (HOST_NOT_FOUND / NO_DATA); `tryagain`: no server answered, SERVFAIL. */
  | { ok: false; error: 'notfound' | 'tryagain' };

/** The names res_search tries for `name` (the search list before or after the name itself, by ndots). */
export function searchNames(name: string, conf: ResolvConf): string[] {
  if (name.endsWith('.')) return [name];
  const dots = name.split('.').length - 1;
  const withSearch = conf.search.map((d) => `${name}.${d.replace(/\.$/, '')}.`);
  return dots >= conf.ndots ? [`${name}.`, ...withSearch] : [...withSearch, `${name}.`];
}

/** The reverse-lookup name of a dotted IPv4 address (`10.0.0.80` -> `80.0.0.10.in-addr.arpa.`), or null. */
export function inAddrArpa(addr: string): string | null {
  const parts = addr.split('.');
  if (parts.length < 1 || parts.length > 4 || parts.some((p) => !/^\d{1,3}$/.test(p) || Number(p) > 255)) return null;
  return `${parts.map(Number).reverse().join('.')}.in-addr.arpa.`;
}

/**
 * host's and nslookup's way of asking: each server in turn, each `tries` times, until one answers; the
 * reply and the server that gave it.
 */
export async function askEachServer(sys: Sys, servers: readonly number[], name: string, type: number, timeoutNs: number, tries = 2):
  Promise<{ m: Message; server: number } | null> {
  for (const server of servers) {
    for (let t = 0; t < tries; t++) {
      const m = await queryServer(sys, server, name, type, timeoutNs);
      if (m) return { m, server };
    }
  }
  return null;
}

/** The resolver's way of asking (res_send): every server once per attempt, `attempts` rounds. */
async function ask(sys: Sys, conf: ResolvConf, name: string, type: number): Promise<Message | null> {
  for (let attempt = 0; attempt < conf.attempts; attempt++) {
    for (const s of conf.nameservers) {
      const m = await queryServer(sys, s, name, type, conf.timeoutSec * 1e9);
      if (m) return m;
    }
  }
  return null;
}

/** getaddrinfo's DNS part for IPv4: the addresses of `name` (CNAMEs followed), via /etc/resolv.conf. */
export async function lookupIpv4(sys: Sys, name: string, conf?: ResolvConf): Promise<LookupResult> {
  const c = conf ?? (await readResolvConf(sys));
  let sawTryAgain = false;
  for (const fqdn of searchNames(name, c)) {
    const m = await ask(sys, c, fqdn, TYPE.A);
    if (!m || (m.rcode !== RCODE.NOERROR && m.rcode !== RCODE.NXDOMAIN)) {
      sawTryAgain = true;
      continue;
    }
    let target = canon(fqdn);
    let canonical = fqdn;
    for (let i = 0; i < 16; i++) {
      const c2 = m.answers.find((r) => r.type === TYPE.CNAME && canon(r.name) === target);
      if (!c2 || c2.data.t !== 'name') break;
      target = canon(c2.data.name);
      canonical = c2.data.name;
    }
    const addrs = m.answers.flatMap((r) => (r.type === TYPE.A && canon(r.name) === target && r.data.t === 'a' ? [r.data.addr] : []));
    if (addrs.length) return { ok: true, canonical: canonical.replace(/\.$/, ''), addrs };
  }
  return { ok: false, error: sawTryAgain ? 'tryagain' : 'notfound' };
}

/** getnameinfo's DNS part: the PTR name of an IPv4 address (without the final dot), or null. */
export async function lookupPtr(sys: Sys, addr: number, conf?: ResolvConf): Promise<string | null> {
  const c = conf ?? (await readResolvConf(sys));
  const m = await ask(sys, c, inAddrArpa(formatIpv4Address(addr))!, TYPE.PTR);
  const ptr = m?.answers.find((r) => r.type === TYPE.PTR && r.data.t === 'name');
  return ptr && ptr.data.t === 'name' ? ptr.data.name.replace(/\.$/, '') : null;
}
