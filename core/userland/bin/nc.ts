// netcat-openbsd 1.219 nc(1), datagram part: `nc -u [-s ADDR] [-p PORT] HOST PORT` sends what it reads
// on stdin as datagrams and prints what comes back; `nc -u -l [-p] PORT` waits for a first datagram,
// connects to its sender (unless -k) and does the same. -q, -w, -W, -d, -b, -C, -n, -z and -v (with the
// client's probe datagrams) behave as netcat's; its usage and argument errors are netcat's own. Without
// -u, nc asks the kernel for a stream socket and reports what the kernel answers.
import {
  AF_INET, CLOCK_MONOTONIC, EINTR, MSG_PEEK, POLLIN, SO_BROADCAST, SO_REUSEADDR, SO_REUSEPORT, SOCK_DGRAM, SOCK_STREAM,
  SOL_SOCKET, type PollFd, type Program, type SockaddrIn, type Sys,
} from '../../kernel/abi.ts';
import { formatIpv4Address as fmt } from '../../net/wire/index.ts';
import { Cmd } from '../lib/cmd.ts';
import { strerror } from '../lib/errno.ts';
import { getopt } from '../lib/getopt.ts';
import { readNetdb, serviceByName, serviceByPort, type NetdbEntry } from '../lib/net/netdb.ts';
import { inetAton, resolveHost } from '../lib/net/resolve.ts';

const USAGE = `usage: nc [-46CDdFhklNnrStUuvZz] [-I length] [-i interval] [-M ttl]
\t  [-m minttl] [-O length] [-P proxy_username] [-p source_port]
\t  [-q seconds] [-s sourceaddr] [-T keyword] [-V rtable] [-W recvlimit]
\t  [-w timeout] [-X proxy_protocol] [-x proxy_address[:port]]
\t  [destination] [port]
`;

const HELP = `OpenBSD netcat (Debian patchlevel 1.219-1)
${USAGE}\tCommand Summary:
\t\t-4\t\tUse IPv4
\t\t-6\t\tUse IPv6
\t\t-b\t\tAllow broadcast
\t\t-C\t\tSend CRLF as line-ending
\t\t-D\t\tEnable the debug socket option
\t\t-d\t\tDetach from stdin
\t\t-F\t\tPass socket fd
\t\t-h\t\tThis help text
\t\t-I length\tTCP receive buffer length
\t\t-i interval\tDelay interval for lines sent, ports scanned
\t\t-k\t\tKeep inbound sockets open for multiple connects
\t\t-l\t\tListen mode, for inbound connects
\t\t-M ttl\t\tOutgoing TTL / Hop Limit
\t\t-m minttl\tMinimum incoming TTL / Hop Limit
\t\t-N\t\tShutdown the network socket after EOF on stdin
\t\t-n\t\tSuppress name/port resolutions
\t\t-O length\tTCP send buffer length
\t\t-P proxyuser\tUsername for proxy authentication
\t\t-p port\t\tSpecify local port for remote connects
\t\t-q secs\t\tquit after EOF on stdin and delay of secs
\t\t-r\t\tRandomize remote ports
\t\t-S\t\tEnable the TCP MD5 signature option
\t\t-s sourceaddr\tLocal source address
\t\t-T keyword\tTOS value
\t\t-t\t\tAnswer TELNET negotiation
\t\t-U\t\tUse UNIX domain socket
\t\t-u\t\tUDP mode
\t\t-V rtable\tSpecify alternate routing table
\t\t-v\t\tVerbose
\t\t-W recvlimit\tTerminate after receiving a number of packets
\t\t-w timeout\tTimeout for connects and final net reads
\t\t-X proto\tProxy protocol: "4", "5" (SOCKS) or "connect"
\t\t-x addr[:port]\tSpecify proxy address and port
\t\t-Z\t\tDCCP mode
\t\t-z\t\tZero-I/O mode [used for scanning]
\tPort numbers can be individual or ranges: lo-hi [inclusive]
`;

const SHORTS = '46bCDdFhI:i:klM:m:NnO:P:p:q:rSs:T:tUuV:vW:w:X:x:Zz';
/** Options of netcat that need what Netloom's nc does not have (TCP, IPv6, UNIX sockets, proxies ...). */
const UNSUPPORTED = new Set(['F', 'I', 'i', 'M', 'm', 'O', 'P', 'r', 'S', 'T', 't', 'U', 'V', 'X', 'x', 'Z']);

interface Opts {
  listen: boolean;
  keep: boolean;
  numeric: boolean;
  verbose: boolean;
  detach: boolean;
  broadcast: boolean;
  crlf: boolean;
  /** -q: seconds to linger after EOF on stdin; negative waits for the network forever. */
  quit: number;
  /** -w: seconds of silence after which nc ends; -1 for none. */
  timeout: number;
  /** -W: datagrams to receive before ending; 0 for no limit. */
  recvLimit: number;
  /** -z: connect (with -v, probe and say whether the peer answered) and send nothing from stdin. */
  zero: boolean;
}

/** netcat's strtonum checks: "<what> invalid: X", "<what> too small: X", "<what> too large: X". */
function number(text: string, min: number, max: number, what: string): number | string {
  if (!/^[-+]?\d+$/.test(text)) return `${what} invalid: ${text}`;
  const n = Number(text);
  if (n < min) return `${what} too small: ${text}`;
  if (n > max) return `${what} too large: ${text}`;
  return n;
}

/**
 * A service as getaddrinfo takes it for a datagram socket: a number, cut to 16 bits as glibc's htons
 * does, or a udp name from /etc/services.
 */
function service(text: string, services: NetdbEntry[]): number | null {
  if (/^\d+$/.test(text)) return Number(text) % 65536;
  return serviceByName(services, text, 'udp')?.number ?? null;
}

/** netcat's port operands: N, a service name, or LO-HI (either order), each 1..65535. */
function portList(texts: readonly string[], services: NetdbEntry[], proto: string): number[] | string {
  const out: number[] = [];
  for (const t of texts) {
    const m = /^([^-]+)-([^-]+)$/.exec(t);
    const named = m ? undefined : serviceByName(services, t, proto);
    const ends = named ? [named.number] : (m ? [m[1]!, m[2]!] : [t]).map((x) => number(x, 1, 65535, 'port number'));
    const bad = ends.find((e) => typeof e === 'string');
    if (bad !== undefined) return bad as string;
    const [lo, hi] = (ends as number[]).length === 2 ? [Math.min(...(ends as number[])), Math.max(...(ends as number[]))] : [ends[0] as number, ends[0] as number];
    for (let q = lo; q <= hi; q++) out.push(q);
  }
  return out;
}

export const main: Program = async (sys, argv, envp) => {
  const p = new Cmd(sys, argv, envp);
  const fail = async (message: string): Promise<number> => {
    await p.error(message);
    return p.finish(1);
  };
  const usage = async (): Promise<number> => {
    await p.err.write(USAGE);
    return p.finish(1);
  };
  // netcat's getopt knows no long options: "--x" is the option '-'.
  const long = argv.slice(1).find((a) => a.startsWith('--') && a !== '--');
  const g = getopt(long ? argv.slice(0, argv.indexOf(long)) : argv, SHORTS);
  if (g.error || long) {
    await p.error(g.error ?? "invalid option -- '-'");
    return usage();
  }
  const o: Opts = { listen: false, keep: false, numeric: false, verbose: false, detach: false, broadcast: false, crlf: false, quit: -1, timeout: -1, recvLimit: 0, zero: false };
  let udp = false;
  let inet6 = false;
  let source: string | null = null;
  let localPort: string | null = null;
  for (const { key, value = '' } of g.opts) {
    if (key === 'h') {
      await p.err.write(HELP);
      return p.finish(0);
    }
    if (UNSUPPORTED.has(key)) return fail(`-${key}: not supported here (this nc speaks UDP over IPv4 only)`);
    if (key === 'u') udp = true;
    else if (key === '4' || key === '6') inet6 = key === '6';
    else if (key === 'z') o.zero = true;
    else if (key === 'l') o.listen = true;
    else if (key === 'k') o.keep = true;
    else if (key === 'n') o.numeric = true;
    else if (key === 'v') o.verbose = true;
    else if (key === 'd') o.detach = true;
    else if (key === 'b') o.broadcast = true;
    else if (key === 'C') o.crlf = true;
    else if (key === 's') source = value;
    else if (key === 'p') localPort = value;
    else if (key === 'q' || key === 'w' || key === 'W') {
      const what = key === 'q' ? 'quit timer' : key === 'w' ? 'timeout' : 'receive limit';
      // strtonum ranges: -q any int, -w 0..INT_MAX/1000 (it becomes milliseconds), -W 1..INT_MAX.
      const n = number(value, key === 'q' ? -2147483648 : key === 'w' ? 0 : 1, key === 'w' ? 2147483 : 2147483647, what);
      if (typeof n === 'string') return fail(n);
      if (key === 'q') o.quit = n;
      else if (key === 'w') o.timeout = n;
      else o.recvLimit = n;
    }
  }
  const ops = g.operands;
  // /etc/services names ports in operands and in -v's messages (never with -n).
  const services = o.numeric ? [] : await readNetdb(sys, 'services');
  if (o.keep && !o.listen) return fail('must use -l with -k');
  if (o.listen) {
    if (ops.length === 0 && localPort === null) return fail('missing port number');
    if (ops.length > 2 || (ops.length > 0 && (source !== null || localPort !== null))) return usage();
    if (o.zero) return fail('cannot use -z and -l');
    const host = ops.length === 2 ? ops[0]! : null;
    const port = ops.length ? ops[ops.length - 1]! : localPort!;
    if (!udp) return tcp(p, o, host, port);
    if (inet6) return fail(`-6: not supported here (this nc speaks UDP over IPv4 only)`);
    return listen(p, o, host, port, services);
  }
  if (ops.length === 0) return usage();
  if (ops.length === 1) return fail('missing port number');
  const host = ops[0]!;
  const ports = portList(ops.slice(1), services, udp ? 'udp' : 'tcp');
  if (typeof ports === 'string') return fail(ports);
  if (!udp) return tcp(p, o, host, String(ports[0]));
  if (inet6) {
    const known = await resolveHost(sys, host);
    return fail(`getaddrinfo for host "${host}" port ${ports[0]}: ${known ? 'Address family for hostname not supported' : 'Temporary failure in name resolution'}`);
  }
  // Each port in turn, as netcat scans: the status is the last probe's (0 when nothing is probed).
  let status = 0;
  for (const port of ports) {
    status = await client(p, o, host, String(port), source, localPort, services);
    if (status === FATAL) return p.finish(1);
  }
  return p.finish(status);
};

/** netcat's stream mode: the kernel decides (a stream socket is what this kernel refuses). */
async function tcp(p: Cmd, o: Opts, host: string | null, port: string): Promise<number> {
  const s = p.sys.socket(AF_INET, SOCK_STREAM, 0);
  if (s < 0) {
    if (o.listen) await p.error(strerror(-s));
    else if (o.verbose) await p.error(`connect to ${host} port ${port} (tcp) failed: ${strerror(-s)}`);
    return p.finish(1);
  }
  p.sys.close(s);
  await p.error('stream connections are not supported here');
  return p.finish(1);
}

const inet = (addr: number, port: number): SockaddrIn => ({ family: AF_INET, addr, port });

async function dgramSocket(p: Cmd, o: Opts): Promise<number> {
  const s = p.sys.socket(AF_INET, SOCK_DGRAM, 0);
  if (s >= 0) {
    p.sys.setsockopt(s, SOL_SOCKET, SO_REUSEADDR, 1);
    p.sys.setsockopt(s, SOL_SOCKET, SO_REUSEPORT, 1);
    if (o.broadcast) p.sys.setsockopt(s, SOL_SOCKET, SO_BROADCAST, 1);
  }
  return s;
}

async function listen(p: Cmd, o: Opts, host: string | null, portText: string, services: NetdbEntry[]): Promise<number> {
  const port = service(portText, services);
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
  return p.finish(await readwrite(p, o, s));
}

const FATAL = -1;

/** One port of the client: its status, or FATAL after an error that ends netcat (it has printed it). */
async function client(p: Cmd, o: Opts, host: string, portText: string, source: string | null, localPort: string | null,
  services: NetdbEntry[]): Promise<number> {
  const r = await resolveHost(p.sys, host);
  if (!r) return p.error(`getaddrinfo for host "${host}" port ${portText}: Temporary failure in name resolution`).then(() => FATAL);
  let srcAddr = 0;
  if (source !== null) {
    const a = inetAton(source);
    if (a === null) return p.error('getaddrinfo: Name or service not known').then(() => FATAL);
    srcAddr = a;
  }
  const lport = localPort === null ? 0 : service(localPort, services);
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
    return o.zero ? 0 : await readwrite(p, o, s);
  } finally {
    p.sys.close(s);
  }
}

const SEC = 1_000_000_000;

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
async function readwrite(p: Cmd, o: Opts, s: number): Promise<number> {
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

/** -C: every "\n" goes out as "\r\n". */
function crlf(data: Uint8Array): Uint8Array {
  const out: number[] = [];
  for (const b of data) {
    if (b === 10) out.push(13);
    out.push(b);
  }
  return Uint8Array.from(out);
}
