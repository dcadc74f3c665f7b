// nc's datagram mode (-u): `nc -u [-s ADDR] [-p PORT] HOST PORT` sends what it reads on stdin as
// datagrams and prints what comes back; `nc -u -l [-p] PORT` waits for a first datagram, connects to its
// sender (unless -k) and does the same. -q, -w, -W, -d, -b, -C, -n, -z and -v (with the client's probe
// datagrams) behave as netcat-openbsd 1.219's.
import {
  AF_INET, CLOCK_MONOTONIC, EINTR, MSG_PEEK, POLLIN, SO_BROADCAST, SO_REUSEADDR, SO_REUSEPORT, SOCK_DGRAM,
  SOL_SOCKET, type PollFd, type SockaddrIn, type Sys,
} from '../../../kernel/abi.ts';
import { formatIpv4Address as fmt } from '../../../net/wire/index.ts';
import type { Cmd } from '../cmd.ts';
import { strerror } from '../errno.ts';
import { serviceByPort, type NetdbEntry } from '../net/netdb.ts';
import { inetAton, lookupHost, resolveHost } from '../net/resolve.ts';
import { FATAL, inet, SEC, service, type NcOptions } from './args.ts';
import { crlf } from './crlf.ts';

async function dgramSocket(p: Cmd, o: NcOptions): Promise<number> {
  const s = p.sys.socket(AF_INET, SOCK_DGRAM, 0);
  if (s >= 0) {
    p.sys.setsockopt(s, SOL_SOCKET, SO_REUSEADDR, 1);
    p.sys.setsockopt(s, SOL_SOCKET, SO_REUSEPORT, 1);
    if (o.broadcast) p.sys.setsockopt(s, SOL_SOCKET, SO_BROADCAST, 1);
  }
  return s;
}

export async function datagramListen(p: Cmd, o: NcOptions, host: string | null, portText: string, services: NetdbEntry[]): Promise<number> {
  const port = service(portText, services, 'udp');
  if (port === null) return p.error('getaddrinfo: Servname not supported for ai_socktype').then(() => p.finish(1));
  let addr = 0;
  if (host !== null) {
    const r = await resolveHost(p.sys, host);
    if (!r) return p.error('getaddrinfo: Name or service not known').then(() => p.finish(1));
    addr = r.addr;
  }
  const s = await dgramSocket(p, o);
  if (s < 0) return p.error(strerror(-s)).then(() => p.finish(1));
  const b = p.sys.bind(s, inet(addr, port));
  if (b < 0) return p.error(strerror(-b)).then(() => p.finish(1));
  if (o.verbose) await (o.numeric ? p.err.write(`Bound on ${fmt(addr)} ${port}\n`) : p.error('getnameinfo: Temporary failure in name resolution'));
  // The first datagram names the peer; netcat connects to it so that stdin has somewhere to go.
  const first = await p.sys.recvfrom(s, new Uint8Array(1), MSG_PEEK);
  if (typeof first === 'number') return p.finish(first === -EINTR ? 1 : 0);
  const from = first.from as SockaddrIn | null;
  if (from && !o.keep) await p.sys.connect(s, inet(from.addr, from.port));
  if (o.verbose && from) {
    await (o.numeric ? p.err.write(`Connection received on ${fmt(from.addr)} ${from.port}\n`) : p.error('getnameinfo: Temporary failure in name resolution'));
  }
  return p.finish(await datagramReadwrite(p, o, s));
}

/** One port of the client: its status, or FATAL after an error that ends netcat (it has printed it). */
export async function datagramClient(p: Cmd, o: NcOptions, host: string, portText: string, source: string | null, localPort: string | null,
  services: NetdbEntry[]): Promise<number> {
  const r = await lookupHost(p.sys, host);
  if (typeof r === 'string') return p.error(`getaddrinfo for host "${host}" port ${portText}: ${r}`).then(() => FATAL);
  let srcAddr = 0;
  if (source !== null) {
    const a = inetAton(source);
    if (a === null) return p.error('getaddrinfo: Name or service not known').then(() => FATAL);
    srcAddr = a;
  }
  const lport = localPort === null ? 0 : service(localPort, services, 'udp');
  if (lport === null) return p.error('getaddrinfo: Servname not supported for ai_socktype').then(() => FATAL);
  const s = await dgramSocket(p, o);
  if (s < 0) return p.error(strerror(-s)).then(() => FATAL);
  if (source !== null || localPort !== null) {
    const b = p.sys.bind(s, inet(srcAddr, lport));
    if (b < 0) return p.error(`bind failed: ${strerror(-b)}`).then(() => FATAL);
  }
  const c = await p.sys.connect(s, inet(r.addr, Number(portText)));
  try {
    if (c < 0) {
      if (o.verbose) await p.error(`connect to ${host} port ${portText} (udp) failed: ${strerror(-c)}`);
      return 1;
    }
    if (o.verbose) {
      // A datagram "connection" is only known to work once probes went out without an ICMP error coming back.
      if (!(await udptest(p.sys, s))) return 1;
      // getservbyport's name for the port ("*" for none, and always with -n).
      const name = serviceByPort(services, Number(portText), 'udp')?.name ?? '*';
      await p.err.write(`Connection to ${host} ${portText} port [udp/${name}] succeeded!\n`);
    }
    return o.zero ? 0 : await datagramReadwrite(p, o, s);
  } finally {
    p.sys.close(s);
  }
}

/**
 * netcat's probe of a UDP peer: "X" datagrams, one at once and then four a second apart (Linux reports a
 * port unreachable that came back for the previous one as ECONNREFUSED on the next write).
 */
async function udptest(sys: Sys, s: number): Promise<boolean> {
  const x = Uint8Array.of(0x58);
  if ((await sys.sendto(s, x, 0, null)) !== 1) return false;
  for (let i = 0; i <= 3; i++) {
    if (i > 0) await sys.nanosleep(SEC);
    if ((await sys.sendto(s, x, 0, null)) !== 1) return false;
  }
  return true;
}

/**
 * netcat's readwrite(): stdin to the socket, the socket to stdout, until the network fails or goes
 * quiet for -w seconds, -W datagrams have come, or -q seconds have passed after EOF on stdin.
 */
export async function datagramReadwrite(p: Cmd, o: NcOptions, s: number): Promise<number> {
  const sys = p.sys;
  const buf = new Uint8Array(16384);
  let stdinOpen = !o.detach;
  let received = 0;
  let quitAt = Infinity;
  for (;;) {
    const fds: PollFd[] = [{ fd: s, events: POLLIN, revents: 0 }];
    if (stdinOpen) fds.push({ fd: 0, events: POLLIN, revents: 0 });
    const now = sys.clockGettime(CLOCK_MONOTONIC);
    const wait = Math.min(o.timeout >= 0 ? o.timeout * SEC : Infinity, quitAt - now);
    if (wait <= 0) return 0;
    const n = await sys.poll(fds, wait === Infinity ? -1 : wait);
    if (n === -EINTR) continue;
    if (n <= 0) return 0;
    if (fds[0]!.revents) {
      const r = await sys.recvfrom(s, buf, 0);
      // A failed read (ECONNREFUSED after an ICMP port unreachable, ...) ends the exchange quietly.
      if (typeof r === 'number') return 0;
      await p.out.write(buf.slice(0, r.length));
      await p.out.flush();
      if (o.recvLimit && ++received >= o.recvLimit) return 0;
    }
    if (stdinOpen && fds[1]!.revents) {
      const r = await sys.read(0, buf);
      if (r <= 0) {
        stdinOpen = false;
        if (o.quit === 0) return 0;
        if (o.quit > 0) quitAt = sys.clockGettime(CLOCK_MONOTONIC) + o.quit * SEC;
        continue;
      }
      let data: Uint8Array = buf.slice(0, r);
      if (o.crlf) data = crlf(data);
      await sys.sendto(s, data, 0, null);
    }
  }
}
