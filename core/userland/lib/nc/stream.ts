// nc's stream (TCP) mode, as netcat-openbsd 1.219 behaves on Linux:
// - client: for each port in turn, a non-blocking connect bounded by -w, then the exchange (none with
//   -z); with -v, "Connection to HOST PORT port [tcp/SERVICE] succeeded!", or "connect to HOST port PORT
//   (tcp) failed: ERROR" (or "timed out: Operation now in progress"). The status is 0 when any port
//   connected. A source (-s, -p) that cannot be bound ends nc at once: "bind failed: ERROR".
// - server (-l): a listening socket (SO_REUSEADDR and SO_REUSEPORT, backlog 1) accepting one client at
//   a time; -k accepts the next once an exchange is over. -w bounds the exchange, never the wait for a
//   client. A port that cannot be bound ends nc with the bare error ("Address already in use").
// nc ignores SIGPIPE: writing to a reset connection or a closed stdout only ends that direction.
import {
  AF_INET, EINPROGRESS, EINTR, IPPROTO_TCP, POLLOUT, SIGPIPE, SO_ERROR, SO_REUSEADDR, SO_REUSEPORT, SOCK_NONBLOCK,
  SOCK_STREAM, SOL_SOCKET, type Sockaddr, type SockaddrIn, type Sys,
} from '../../../kernel/abi.ts';
import type { Cmd } from '../cmd.ts';
import { strerror } from '../errno.ts';
import { serviceByPort, type NetdbEntry } from '../net/netdb.ts';
import { inetAton, resolveHost } from '../net/resolve.ts';
import { inet, SEC, service, type NcOptions } from './args.ts';
import { streamReadwrite } from './readwrite.ts';
import { peerLabel, reportSock } from './report.ts';

/** A client's destination and source, as given on the command line. */
export interface StreamTarget {
  host: string;
  ports: number[];
  /** -s */
  source: string | null;
  /** -p */
  localPort: string | null;
}

/**
 * getaddrinfo's answer for a host: its address, or its error. With -n only a dotted quad is an address;
 * otherwise /etc/hosts is read, and a name it lacks would go to DNS, which a guest cannot reach (a name
 * of digits and dots is refused before that).
 */
async function lookup(sys: Sys, host: string, numeric: boolean): Promise<number | string> {
  const r = numeric ? inetAton(host) : (await resolveHost(sys, host))?.addr ?? null;
  if (r !== null) return r;
  return numeric || /^[\d.]+$/.test(host) ? 'Name or service not known' : 'Temporary failure in name resolution';
}

export async function streamClient(p: Cmd, o: NcOptions, t: StreamTarget, services: NetdbEntry[]): Promise<number> {
  const sys = p.sys;
  sys.sigaction(SIGPIPE, { handler: 'ignore' });
  const dst = await lookup(sys, t.host, o.numeric);
  if (typeof dst === 'string') return fail(p, `getaddrinfo for host "${t.host}" port ${t.ports[0]}: ${dst}`);
  let src = 0;
  if (t.source !== null) {
    const a = await lookup(sys, t.source, o.numeric);
    if (typeof a === 'string') return fail(p, `getaddrinfo: ${a}`);
    src = a;
  }
  const lport = t.localPort === null ? 0 : service(t.localPort, services, 'tcp');
  if (lport === null) return fail(p, 'getaddrinfo: Servname not supported for ai_socktype');
  const bindTo = t.source !== null || t.localPort !== null ? inet(src, lport) : null;
  const who = peerLabel(t.host, dst);
  let status = 1;
  for (const port of t.ports) {
    const s = sys.socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, IPPROTO_TCP);
    if (s < 0) {
      if (o.verbose) await p.error(`connect to ${who} port ${port} (tcp) failed: ${strerror(-s)}`);
      continue;
    }
    if (bindTo) {
      const b = sys.bind(s, bindTo);
      if (b < 0) return fail(p, `bind failed: ${strerror(-b)}`);
    }
    const failure = await connect(sys, s, inet(dst, port), o.timeout);
    if (failure) {
      sys.close(s);
      if (o.verbose) await p.error(`connect to ${who} port ${port} (tcp) ${failure}`);
      continue;
    }
    status = 0;
    if (o.verbose) {
      // getservbyport's name for the port ("*" for none, and always with -n).
      const name = o.numeric ? '*' : serviceByPort(services, port, 'tcp')?.name ?? '*';
      await p.err.write(`Connection to ${who} ${port} port [tcp/${name}] succeeded!\n`);
    }
    if (!o.zero && (await streamReadwrite(sys, o, s)) === 'quit') return p.finish(0);
    sys.close(s);
  }
  return p.finish(status);
}

/**
 * A non-blocking connect waited for with poll (-w seconds at most): null once connected, else the end of
 * netcat's message ("failed: ERROR", or "timed out: ..." with connect's own EINPROGRESS).
 */
async function connect(sys: Sys, s: number, to: SockaddrIn, timeout: number): Promise<string | null> {
  let c = await sys.connect(s, to);
  while (c === -EINPROGRESS || c === -EINTR) {
    const fds = [{ fd: s, events: POLLOUT, revents: 0 }];
    const n = await sys.poll(fds, timeout >= 0 ? timeout * SEC : -1);
    if (n === -EINTR) continue;
    if (n === 0) return `timed out: ${strerror(EINPROGRESS)}`;
    const err = sys.getsockopt(s, SOL_SOCKET, SO_ERROR);
    c = typeof err === 'number' ? (err > 0 ? -err : err) : 0;
    break;
  }
  return c < 0 ? `failed: ${strerror(-c)}` : null;
}

export async function streamServer(p: Cmd, o: NcOptions, host: string | null, portText: string, services: NetdbEntry[]): Promise<number> {
  const sys = p.sys;
  sys.sigaction(SIGPIPE, { handler: 'ignore' });
  const port = service(portText, services, 'tcp');
  if (port === null) return fail(p, 'getaddrinfo: Servname not supported for ai_socktype');
  let addr = 0;
  if (host !== null) {
    const a = await lookup(sys, host, o.numeric);
    if (typeof a === 'string') return fail(p, `getaddrinfo: ${a}`);
    addr = a;
  }
  const s = sys.socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
  if (s < 0) return fail(p, strerror(-s));
  sys.setsockopt(s, SOL_SOCKET, SO_REUSEADDR, 1);
  sys.setsockopt(s, SOL_SOCKET, SO_REUSEPORT, 1);
  const b = sys.bind(s, inet(addr, port));
  if (b < 0) return fail(p, strerror(-b));
  const l = sys.listen(s, 1);
  if (l < 0) return fail(p, `listen: ${strerror(-l)}`);
  if (o.verbose) {
    const me = sys.getsockname(s);
    if (typeof me !== 'number' && me.family === AF_INET) await reportSock(p, 'Listening on', me.addr, me.port, o.numeric);
  }
  return serveClients(p, o, s, async (addr) => {
    if (o.verbose && addr?.family === AF_INET) await reportSock(p, 'Connection received on', addr.addr, addr.port, o.numeric);
  });
}

/** -l's loop on a listening socket: one client after another (-k), each until its end; `received` reports it. */
export async function serveClients(p: Cmd, o: NcOptions, s: number, received: (addr: Sockaddr | null) => Promise<void>): Promise<number> {
  const sys = p.sys;
  do {
    const a = await sys.accept(s, SOCK_NONBLOCK);
    if (a === -EINTR) continue;
    if (typeof a === 'number') return fail(p, `accept: ${strerror(-a)}`);
    await received(a.addr);
    const end = await streamReadwrite(sys, o, a.fd);
    if (end === 'quit') return p.finish(0);
    sys.close(a.fd);
  } while (o.keep);
  sys.close(s);
  return p.finish(0);
}

export async function fail(p: Cmd, message: string): Promise<number> {
  await p.error(message);
  return p.finish(1);
}
