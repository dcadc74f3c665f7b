// net-tools 2.10 netstat's Internet socket tables (-t -u -w with -l -a -n -W): the lines of
// /proc/net/{tcp,udp,raw} in netstat's columns, with host and port names, -e's user and inode, -p's
// PID/program and -o's timer (`off (0.00/0/0)`, `on (0.20/0/0)`, `timewait (59.95/0/0)` ...).
import type { Sys } from '../../../kernel/abi.ts';
import { formatIpv4Address as fmt } from '../../../net/wire/index.ts';
import { userName } from '../users.ts';
import { readNetdb, type NetdbEntry } from './netdb.ts';
import { netstatProgram, socketOwners, type SocketOwner } from './proc-owners.ts';
import { readSockets, TCP_CLOSE, TCP_LISTEN, type SockRow } from './proc-sockets.ts';

const STATES = ['', 'ESTABLISHED', 'SYN_SENT', 'SYN_RECV', 'FIN_WAIT1', 'FIN_WAIT2', 'TIME_WAIT', 'CLOSE', 'CLOSE_WAIT', 'LAST_ACK', 'LISTEN', 'CLOSING'];

/**
 * How netstat names ports (net-tools lib/inet.c, get_sname): every /etc/services entry goes to a list
 * per protocol, /etc/protocols' entries to the raw list after them, each put in front of its list, so
 * for a number the last entry in the file wins and, for raw sockets, a protocol beats a "raw" service.
 * Null with -n or --numeric-ports.
 */
type PortNames = Record<SockRow['proto'], Map<number, string>> | null;

async function portNames(sys: Sys): Promise<NonNullable<PortNames>> {
  const names: NonNullable<PortNames> = { tcp: new Map(), udp: new Map(), raw: new Map() };
  const put = (m: Map<number, string>, e: NetdbEntry): void => void m.set(e.number, e.name);
  for (const e of await readNetdb(sys, 'services')) if (e.proto === 'tcp' || e.proto === 'udp' || e.proto === 'raw') put(names[e.proto], e);
  for (const e of await readNetdb(sys, 'protocols')) put(names.raw, e);
  return names;
}

/** What the command line asks of the socket tables. */
export interface SockOptions {
  protos: Array<SockRow['proto']>;
  all: boolean;
  listening: boolean;
  /** -n / --numeric-hosts / --numeric-ports / --numeric-users. */
  numericHosts: boolean;
  numericPorts: boolean;
  numericUsers: boolean;
  wide: boolean;
  extend: boolean;
  programs: boolean;
  timers: boolean;
}

/** What shapes a socket line: names for hosts and ports, -W, -e's user column, -p's owners and -o. */
interface SockText {
  numericHosts: boolean;
  names: PortNames;
  wide: boolean;
  /** -e: the owner's name (or uid) for the User and Inode columns. */
  user: ((uid: number) => string) | null;
  /** -p: the processes holding each socket inode, found by scanning /proc/<pid>/fd. */
  owners: Map<number, SocketOwner[]> | null;
  timers: boolean;
}

/**
 * "host:port" in at most 23 columns unless -W (netstat.c, addr_do_one): when the two are longer than 22,
 * the port keeps up to 18 characters and the host is cut to what is left.
 */
function addr(a: number, port: number, proto: SockRow['proto'], o: SockText): string {
  const host = !o.numericHosts && a === 0x7f000001 ? 'localhost' : fmt(a);
  const service = port === 0 ? '*' : (o.names?.[proto].get(port) ?? String(port));
  if (o.wide || host.length + service.length <= 22) return `${host}:${service}`;
  const keep = Math.min(service.length, 18);
  return `${host.slice(0, 22 - keep)}:${service.slice(0, keep)}`;
}

const TIMER_NAMES = ['off', 'on', 'keepalive', 'timewait', 'probe'];

/**
 * -o's Timer column: the timer's name, then the seconds left (tm->when in clock ticks of USER_HZ 100,
 * with two decimals), the retransmissions and the probes; always 0.00 when off.
 */
export function netstatTimer(r: SockRow): string {
  const name = TIMER_NAMES[r.timer] ?? `unkn-${r.timer}`;
  const secs = r.timer === 0 ? '0.00' : (r.when / 100).toFixed(2);
  return `${name} (${secs}/${r.retransmits}/${r.probes})`;
}

/** One socket line. */
function sockLine(r: SockRow, o: SockText): string {
  const state = r.proto === 'tcp' ? STATES[r.state] ?? 'UNKNOWN' : r.proto === 'udp' ? (r.state === 1 ? 'ESTABLISHED' : '') : String(r.state);
  let s = `${r.proto.padEnd(5)} ${String(r.rxQueue).padStart(6)} ${String(r.txQueue).padStart(6)} ` +
    `${addr(r.localAddr, r.localPort, r.proto, o).padEnd(23)} ${addr(r.remoteAddr, r.remotePort, r.proto, o).padEnd(23)} ${state.padEnd(11)}`;
  if (o.user) s += ` ${o.user(r.uid).padEnd(10)} ${String(r.inode).padEnd(10)}`;
  if (o.owners) s += ` ${netstatProgram(o.owners.get(r.inode)).padEnd(20)}`;
  if (o.timers) s += ` ${netstatTimer(r)}`;
  return s + '\n';
}

/**
 * The header and lines of the Internet tables: connections without -a or -l (a TCP listener or an
 * unconnected datagram socket is a "server"), servers only with -l, both with -a.
 */
export async function socketTables(sys: Sys, x: SockOptions): Promise<string> {
  const which = x.all ? 'servers and established' : x.listening ? 'only servers' : 'w/o servers';
  const serving = (r: SockRow): boolean => r.state === TCP_LISTEN || (r.proto !== 'tcp' && r.state === TCP_CLOSE);
  let out = `Active Internet connections (${which})\n`;
  out += `Proto Recv-Q Send-Q Local Address           Foreign Address         State      ${x.extend ? ' User       Inode     ' : ''}` +
    `${x.programs ? ' PID/Program name    ' : ''}${x.timers ? ' Timer' : ''}\n`;
  const o: SockText = {
    numericHosts: x.numericHosts, names: x.numericPorts ? null : await portNames(sys), wide: x.wide,
    user: x.extend ? (uid) => (x.numericUsers ? String(uid) : userName(sys, uid)) : null,
    owners: x.programs ? await socketOwners(sys) : null, timers: x.timers,
  };
  for (const proto of x.protos) {
    for (const r of await readSockets(sys, proto)) {
      if (!x.all && (x.listening ? !serving(r) : serving(r))) continue;
      out += sockLine(r, o);
    }
  }
  return out;
}
