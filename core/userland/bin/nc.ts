// netcat-openbsd 1.219 nc(1) over IPv4: the command line (options, operands, usage and argument errors
// as netcat's own) and the choice between its modes. Stream (TCP) mode is lib/nc/stream.ts: `nc HOST
// PORT...` connects (each port in turn; -z only scans), `nc -l [-p] PORT` accepts a client (-k: one
// after another). Datagram mode (-u) is lib/nc/datagram.ts; Unix domain stream sockets (-U) lib/nc/unix.ts, Unix datagrams (-uU) lib/nc/unix-datagram.ts.
import type { Program } from '../../kernel/abi.ts';
import { Cmd } from '../lib/cmd.ts';
import { getopt } from '../lib/getopt.ts';
import { readNetdb } from '../lib/net/netdb.ts';
import { resolveHost } from '../lib/net/resolve.ts';
import { FATAL, number, portList, type NcOptions } from '../lib/nc/args.ts';
import { datagramClient, datagramListen } from '../lib/nc/datagram.ts';
import { streamClient, streamServer } from '../lib/nc/stream.ts';
import { unixClient, unixServer } from '../lib/nc/unix.ts';
import { unixDatagramClient, unixDatagramServer } from '../lib/nc/unix-datagram.ts';

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
/** Options of netcat that need what Netloom's nc does not have (IPv6, UNIX sockets, proxies, TLS ...). */
const UNSUPPORTED = new Set(['F', 'I', 'i', 'M', 'm', 'O', 'P', 'r', 'S', 'T', 't', 'V', 'X', 'x', 'Z']);

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
  const o: NcOptions = {
    listen: false, keep: false, numeric: false, verbose: false, detach: false, broadcast: false, crlf: false,
    shutdownOnEof: false, quit: -1, timeout: -1, recvLimit: 0, zero: false,
  };
  let udp = false;
  let unix = false;
  let inet6 = false;
  let source: string | null = null;
  let localPort: string | null = null;
  for (const { key, value = '' } of g.opts) {
    if (key === 'h') {
      await p.err.write(HELP);
      return p.finish(0);
    }
    if (UNSUPPORTED.has(key)) return fail(`-${key}: not supported here (this nc speaks TCP and UDP over IPv4 only)`);
    if (key === 'u') udp = true;
    else if (key === 'U') unix = true;
    else if (key === '4' || key === '6') inet6 = key === '6';
    else if (key === 'z') o.zero = true;
    else if (key === 'l') o.listen = true;
    else if (key === 'k') o.keep = true;
    else if (key === 'n') o.numeric = true;
    else if (key === 'v') o.verbose = true;
    else if (key === 'd') o.detach = true;
    else if (key === 'b') o.broadcast = true;
    else if (key === 'C') o.crlf = true;
    else if (key === 'N') o.shutdownOnEof = true;
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
  if (unix) {
    // "host = argv[0]": the path is the one operand.
    if (ops.length !== 1) return usage();
    if (o.keep && !o.listen) return fail('must use -l with -k');
    if (udp) return o.listen ? unixDatagramServer(p, o, ops[0]!) : unixDatagramClient(p, o, ops[0]!, source);
    return o.listen ? unixServer(p, o, ops[0]!) : unixClient(p, o, ops[0]!);
  }
  // /etc/services names ports in operands and in -v's messages (not with -n: "[tcp/*]"). The datagram
  // mode reads none with -n.
  const services = await readNetdb(sys, 'services');
  const udpServices = o.numeric ? [] : services;
  if (o.keep && !o.listen) return fail('must use -l with -k');
  if (o.listen) {
    if (ops.length === 0 && localPort === null) return fail('missing port number');
    if (ops.length > 2 || (ops.length > 0 && (source !== null || localPort !== null))) return usage();
    if (o.zero) return fail('cannot use -z and -l');
    const port = ops.length ? ops[ops.length - 1]! : localPort!;
    if (inet6) return fail(`-6: not supported here (this nc speaks TCP and UDP over IPv4 only)`);
    // The address to listen on: the first of two operands, or -s (with -p).
    if (!udp) return streamServer(p, o, ops.length === 2 ? ops[0]! : source, port, services);
    return datagramListen(p, o, ops.length === 2 ? ops[0]! : null, port, udpServices);
  }
  if (ops.length === 0) return usage();
  if (ops.length === 1) return fail('missing port number');
  const host = ops[0]!;
  const ports = portList(ops.slice(1), udp ? udpServices : services, udp ? 'udp' : 'tcp');
  if (typeof ports === 'string') return fail(ports);
  if (inet6) {
    const known = await resolveHost(sys, host);
    return fail(`getaddrinfo for host "${host}" port ${ports[0]}: ${known ? 'Address family for hostname not supported' : 'Temporary failure in name resolution'}`);
  }
  if (!udp) return streamClient(p, o, { host, ports, source, localPort }, services);
  // Each port in turn, as netcat scans: the status is the last probe's (0 when nothing is probed).
  let status = 0;
  for (const port of ports) {
    status = await datagramClient(p, o, host, String(port), source, localPort, udpServices);
    if (status === FATAL) return p.finish(1);
  }
  return p.finish(status);
};

