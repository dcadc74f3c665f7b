// iproute2 6.1 ss(8): TCP, UDP and raw sockets (-t -u -w, -l -a, state filters, filter expressions
// through lib/net/ss-expr.ts), TCP from the socket diagnostics (Sys.tcpDiag, what ss reads over netlink,
// lib/net/ss-tcp.ts), UDP and raw from /proc/net, with ss's header rules (Netid only for several tables,
// State only for several states) and its errors; -p finds each socket's processes through
// /proc/<pid>/fd, -o adds TCP's timers, -e and -m the details and memory.
import { type Program } from '../../kernel/abi.ts';
import { formatIpv4Address as fmt } from '../../net/wire/index.ts';
import { Cmd } from '../lib/cmd.ts';
import { getopt, type LongOpt } from '../lib/getopt.ts';
import { readProc } from '../lib/net/nettools.ts';
import { socketOwners, ssUsers, type SocketOwner } from '../lib/net/proc-owners.ts';
import { readSockets, type SockRow } from '../lib/net/proc-sockets.ts';
import { hostsEntries } from '../lib/net/resolve.ts';
import { entryByNumber, readNetdb, serviceByName, serviceByPort, type NetdbEntry } from '../lib/net/netdb.ts';
import { parseSsExpr, ssMatches, type SsLookups } from '../lib/net/ss-expr.ts';
import { unixDetails, unixName, unixRows, type UnixRow } from '../lib/net/ss-unix.ts';
import { tcpExtColumn, tcpMem, tcpRows, type TcpRow, type TcpShow } from '../lib/net/ss-tcp.ts';
import { ALL_DBS, SS_ALL, SS_CONN, SS_LISTENING, STATE_NAMES, dbStates, popcount, stateBits, type Db } from '../lib/net/ss-filter.ts';

const USAGE = `Usage: ss [ OPTIONS ]
       ss [ OPTIONS ] [ FILTER ]
   -h, --help          this message
   -V, --version       output version information
   -n, --numeric       don't resolve service names
   -r, --resolve       resolve host names
   -a, --all           display all sockets
   -l, --listening     display listening sockets
   -o, --options       show timer information
   -e, --extended      show detailed socket information
   -m, --memory        show socket memory usage
   -p, --processes     show process using socket
   -T, --threads       show thread using socket
   -i, --info          show internal TCP information
       --tipcinfo      show internal tipc socket information
   -s, --summary       show socket usage summary
       --tos           show tos and priority information
       --cgroup        show cgroup information
   -b, --bpf           show bpf filter socket information
   -E, --events        continually display sockets as they are destroyed
   -Z, --context       display task SELinux security contexts
   -z, --contexts      display task and socket SELinux security contexts
   -N, --net           switch to the specified network namespace name

   -4, --ipv4          display only IP version 4 sockets
   -6, --ipv6          display only IP version 6 sockets
   -0, --packet        display PACKET sockets
   -t, --tcp           display only TCP sockets
   -M, --mptcp         display only MPTCP sockets
   -S, --sctp          display only SCTP sockets
   -u, --udp           display only UDP sockets
   -d, --dccp          display only DCCP sockets
   -w, --raw           display only RAW sockets
   -x, --unix          display only Unix domain sockets
       --tipc          display only TIPC sockets
       --vsock         display only vsock sockets
       --xdp           display only XDP sockets
   -f, --family=FAMILY display sockets of type FAMILY
       FAMILY := {inet|inet6|link|unix|netlink|vsock|tipc|xdp|help}

   -K, --kill          forcibly close sockets, display what was closed
   -H, --no-header     Suppress header line
   -O, --oneline       socket's data printed on a single line
       --inet-sockopt  show various inet socket options

   -A, --query=QUERY, --socket=QUERY
       QUERY := {all|inet|tcp|mptcp|udp|raw|unix|unix_dgram|unix_stream|unix_seqpacket|packet|packet_raw|packet_dgram|netlink|dccp|sctp|vsock_stream|vsock_dgram|tipc|xdp}[,QUERY]

   -D, --diag=FILE     Dump raw information about TCP sockets to FILE
   -F, --filter=FILE   read filter information from FILE
       FILTER := [ state STATE-FILTER ] [ EXPRESSION ]
       STATE-FILTER := {all|connected|synchronized|bucket|big|TCP-STATES}
         TCP-STATES := {established|syn-sent|syn-recv|fin-wait-{1,2}|time-wait|closed|close-wait|last-ack|listening|closing}
          connected := {established|syn-sent|syn-recv|fin-wait-{1,2}|time-wait|close-wait|last-ack|closing}
       synchronized := {established|syn-recv|fin-wait-{1,2}|time-wait|close-wait|last-ack|closing}
             bucket := {syn-recv|time-wait}
                big := {established|syn-sent|fin-wait-{1,2}|closed|close-wait|last-ack|listening|closing}
`;

const LONGS: LongOpt[] = [
  { name: 'help', key: 'h' }, { name: 'version', key: 'V' }, { name: 'numeric', key: 'n' }, { name: 'resolve', key: 'r' },
  { name: 'all', key: 'a' }, { name: 'listening', key: 'l' }, { name: 'options', key: 'o' }, { name: 'extended', key: 'e' },
  { name: 'memory', key: 'm' }, { name: 'processes', key: 'p' }, { name: 'threads', key: 'T' }, { name: 'info', key: 'i' },
  { name: 'tipcinfo' }, { name: 'summary', key: 's' }, { name: 'tos' }, { name: 'cgroup' }, { name: 'bpf', key: 'b' },
  { name: 'events', key: 'E' }, { name: 'context', key: 'Z' }, { name: 'contexts', key: 'z' }, { name: 'net', arg: 'required', key: 'N' },
  { name: 'ipv4', key: '4' }, { name: 'ipv6', key: '6' }, { name: 'packet', key: '0' }, { name: 'tcp', key: 't' },
  { name: 'mptcp', key: 'M' }, { name: 'sctp', key: 'S' }, { name: 'udp', key: 'u' }, { name: 'dccp', key: 'd' },
  { name: 'raw', key: 'w' }, { name: 'unix', key: 'x' }, { name: 'tipc' }, { name: 'vsock' }, { name: 'xdp' },
  { name: 'family', arg: 'required', key: 'f' }, { name: 'kill', key: 'K' }, { name: 'no-header', key: 'H' },
  { name: 'oneline', key: 'O' }, { name: 'inet-sockopt' }, { name: 'query', arg: 'required', key: 'A' },
  { name: 'socket', arg: 'required', key: 'A' }, { name: 'diag', arg: 'required', key: 'D' }, { name: 'filter', arg: 'required', key: 'F' },
];

/** The tables an option selects (ss.c's filter_db_set): -t -u -w -M -S -d, --tipc, --vsock, --xdp. */
const BY_KEY: Record<string, Db[]> = {
  t: ['tcp'], u: ['udp'], w: ['raw'], M: ['mptcp'], S: ['sctp'], d: ['dccp'], tipc: ['tipc'], vsock: ['v_str', 'v_dgr'], xdp: ['xdp'],
};

const INET_DBS: Db[] = ['tcp', 'mptcp', 'udp', 'dccp', 'sctp', 'raw'];

/** The tables of each address family (default_afs[].dbs): -f FAMILY, and -x, -0, -4, -6. */
const FAMILIES: Record<string, Db[]> = {
  inet: INET_DBS, inet6: INET_DBS, unix: ['u_str', 'u_dgr', 'u_seq'], link: ['p_raw', 'p_dgr'], netlink: ['nl'],
  vsock: ['v_str', 'v_dgr'], tipc: ['tipc'], xdp: ['xdp'],
};
const FAMILY_KEYS: Record<string, string> = { x: 'unix', '0': 'link', '4': 'inet', '6': 'inet6' };

/** -A's table names. */
const QUERIES: Record<string, Db[]> = {
  all: ALL_DBS, inet: INET_DBS, tcp: ['tcp'], mptcp: ['mptcp'], udp: ['udp'], raw: ['raw'], unix: ['u_str', 'u_dgr', 'u_seq'],
  unix_dgram: ['u_dgr'], unix_stream: ['u_str'], unix_seqpacket: ['u_seq'], packet: ['p_raw', 'p_dgr'], packet_raw: ['p_raw'],
  packet_dgram: ['p_dgr'], netlink: ['nl'], dccp: ['dccp'], sctp: ['sctp'], vsock_stream: ['v_str'], vsock_dgram: ['v_dgr'],
  tipc: ['tipc'], xdp: ['xdp'],
};

/**
 * The tables to dump, as ss.c settles them: those options and -A select, then for each family asked for
 * (-f, -x, -0, -4, -6) all of its tables unless one of them is selected already (filter_merge_defaults);
 * every table when nothing was asked; `query` when -A was given. A message for a bad -f or -A.
 */
function tablesOf(opts: ReadonlyArray<{ key: string; value?: string }>): { dbs: Db[]; query: boolean } | { error: string } | 'help' {
  const dbs = new Set<Db>();
  const families: string[] = [];
  let chosen = false;
  let query = false;
  for (const o of opts) {
    if (BY_KEY[o.key]) {
      for (const d of BY_KEY[o.key]!) dbs.add(d);
      chosen = true;
    } else if (FAMILY_KEYS[o.key]) {
      families.push(FAMILY_KEYS[o.key]!);
    } else if (o.key === 'f') {
      const f = o.value ?? '';
      if (f === 'help') return 'help';
      if (!FAMILIES[f]) return { error: `"${f}" is invalid family` };
      families.push(f);
    } else if (o.key === 'A') {
      for (const item of (o.value ?? '').split(',')) {
        const off = item.startsWith('!');
        const name = off ? item.slice(1) : item;
        const q = QUERIES[name];
        if (!q) return { error: `"${name}" is illegal socket table id` };
        for (const d of q) off ? dbs.delete(d) : dbs.add(d);
        chosen = query = true;
      }
    }
  }
  for (const f of families) {
    const own = FAMILIES[f]!;
    if (!own.some((d) => dbs.has(d))) for (const d of own) dbs.add(d);
    chosen = true;
  }
  if (!chosen) return { dbs: [...ALL_DBS], query };
  return { dbs: ALL_DBS.filter((d) => dbs.has(d)), query };
}

/** What ss names ports with unless -n: the services and protocols databases and the ephemeral port range. */
interface PortNames {
  services: NetdbEntry[];
  protocols: NetdbEntry[];
  /** net.ipv4.ip_local_port_range, whose ports ss never looks up (1024-4999 when it cannot read it). */
  ephemeral: [number, number];
}

async function portNames(sys: Parameters<Program>[0]): Promise<PortNames> {
  const range = /^\s*(\d+)\s+(\d+)/.exec((await readProc(sys, '/proc/sys/net/ipv4/ip_local_port_range')) ?? '');
  return {
    services: await readNetdb(sys, 'services'),
    protocols: await readNetdb(sys, 'protocols'),
    ephemeral: range ? [Number(range[1]), Number(range[2])] : [1024, 4999],
  };
}

/**
 * A port as ss 6.1 prints it (misc/ss.c, resolve_service): '*' for 0, the number with -n (`names` null);
 * a raw socket's protocol from /etc/protocols (`ipproto-N` when it has no name); otherwise the first
 * /etc/services entry for the port and the table's protocol, except in the ephemeral range.
 */
function portText(port: number, proto: SockRow['proto'], names: PortNames | null): string {
  if (port === 0) return '*';
  if (!names) return String(port);
  if (proto === 'raw') return entryByNumber(names.protocols, port)?.name ?? `ipproto-${port}`;
  if (port >= names.ephemeral[0] && port <= names.ephemeral[1]) return String(port);
  return serviceByPort(names.services, port, proto)?.name ?? String(port);
}

export const main: Program = async (sys, argv, envp) => {
  const p = new Cmd(sys, argv, envp);
  const g = getopt(argv, 'dhaletuwxnro460spbEf:mMiA:D:F:vVzZN:KHSO', LONGS);
  if (g.error) {
    await p.error(g.error);
    await p.err.write(USAGE);
    return p.finish(255);
  }
  const has = (k: string): boolean => g.opts.some((o) => o.key === k);
  if (has('h')) {
    await p.out.write(USAGE);
    return p.finish(0);
  }
  if (has('V')) {
    await p.out.write('ss utility, iproute2-6.1.0\n');
    return p.finish(0);
  }
  if (has('z') || has('Z')) {
    await p.error('SELinux is not enabled.');
    return p.finish(1);
  }
  const tables = tablesOf(g.opts);
  if (tables === 'help') {
    await p.out.write(USAGE);
    return p.finish(0);
  }
  if ('error' in tables) {
    await p.error(tables.error);
    await p.err.write(USAGE);
    return p.finish(255);
  }
  const dbs = tables.dbs;
  if (dbs.length === 0) {
    await p.err.write('ss: no socket tables to show with such filter.\n');
    return p.finish(0);
  }
  let states = has('a') ? SS_ALL : has('l') ? SS_LISTENING : SS_CONN;
  const ops = g.operands;
  let stateSet = false;
  let i = 0;
  for (; i < ops.length && (ops[i] === 'state' || ops[i] === 'exclude' || ops[i] === 'excl'); i += 2) {
    const name = ops[i + 1] ?? '';
    const b = stateBits(name);
    if (b === null) {
      await p.error(`wrong state name: ${name}`);
      return p.finish(255);
    }
    // The first state word replaces the default set: `state` starts from none, `exclude` from all.
    if (ops[i] === 'state') states = (stateSet ? states : 0) | b;
    else states = (stateSet ? states : SS_ALL) & ~b;
    stateSet = true;
  }
  const parsed = parseSsExpr(ops.slice(i), await lookups(sys, dbs));
  if ('syntax' in parsed) {
    await p.err.write('ss: bison bellows (while parsing filter): "syntax error!" Sorry.\n' + USAGE);
    return p.finish(255);
  }
  if ('error' in parsed) {
    await p.err.write(`${parsed.error}\nCannot parse dst/src address.\n`);
    return p.finish(1);
  }
  const filter = parsed.expr;
  const shown = states & dbs.reduce((m, d) => m | dbStates(d), 0);
  // This kernel has no DCCP: its dump fails.
  if (dbs.includes('dccp')) await p.err.write('RTNETLINK answers: Invalid argument\n');
  const netid = dbs.length > 1;
  // A state filter of its own decides the State column whole, and so do the default states when -A chose
  // the tables (it brings no states of its own); otherwise the defaults only through the tables shown.
  const stateCol = popcount(stateSet || tables.query ? states : shown) > 1;
  const rows: string[][] = [];
  const owners = has('p') ? await socketOwners(sys) : new Map<number, SocketOwner[]>();
  const ext: Ext = { users: has('p'), details: has('e'), memory: has('m'), owners, rcvbuf: 0, sndbuf: 0,
    tcp: { options: has('o'), details: has('e'), memory: has('m') && dbs.includes('tcp') ? await tcpMem(sys) : null } };
  const names = has('n') ? null : await portNames(sys);
  if (ext.memory) {
    ext.rcvbuf = Number(await readProc(sys, '/proc/sys/net/core/rmem_default')) || 212992;
    ext.sndbuf = Number(await readProc(sys, '/proc/sys/net/core/wmem_default')) || 212992;
  }
  // ss dumps Unix sockets, then raw, then UDP, then TCP. Filters by address and port leave Unix sockets out.
  if (!filter) {
    for (const u of unixRows(sys, dbs)) if (shown & (1 << u.diag.state)) rows.push(unixRow(u, netid, stateCol, ext));
  }
  for (const proto of ['raw', 'udp', 'tcp'] as const) {
    if (!dbs.includes(proto)) continue;
    for (const r of proto === 'tcp' ? tcpRows(sys) : await readSockets(sys, proto)) {
      const st = r.proto !== 'tcp' && r.state === 10 ? 7 : r.state;
      if (!(shown & (1 << st)) || (filter && !ssMatches(filter, r))) continue;
      rows.push(row(r, st, netid, stateCol, names, ext));
    }
  }
  const head = [...(netid ? ['Netid'] : []), ...(stateCol ? ['State'] : []), 'Recv-Q', 'Send-Q', 'Local Address:', 'Port', 'Peer Address:', 'Port', 'Process'];
  for (const line of layout(has('H') ? rows : [head, ...rows], head.length)) await p.out.write(line + '\n');
  return p.finish(0);
};

/**
 * Names in host conditions: /etc/hosts, and /etc/services for the protocol ss asks getservbyname()
 * about (udp or raw when that is the only table shown, else tcp).
 */
async function lookups(sys: Parameters<Program>[0], dbs: Db[]): Promise<SsLookups> {
  const hosts = await hostsEntries(sys);
  const proto = dbs.length === 1 && (dbs[0] === 'udp' || dbs[0] === 'raw') ? dbs[0] : 'tcp';
  const services = await readNetdb(sys, 'services');
  return {
    host: (name) => hosts.find((e) => e.names.some((x) => x.toLowerCase() === name.toLowerCase()))?.addr ?? null,
    port: (name) => serviceByName(services, name, proto)?.number ?? null,
  };
}

/** What -p, -e and -m add after the peer port. */
interface Ext {
  users: boolean;
  details: boolean;
  memory: boolean;
  owners: Map<number, SocketOwner[]>;
  /** The default buffer sizes (net.core.rmem_default / wmem_default) that UDP's skmem rb and tb show. */
  rcvbuf: number;
  sndbuf: number;
  tcp: TcpShow;
}

/**
 * The Process column: ` users:(...)` (-p); for TCP, the timer, details and memory of lib/net/ss-tcp.ts;
 * for UDP, from the socket diagnostics, ` uid:N` (when not root), ` ino:N sk:HEX cgroup:PATH` and the
 * shutdown state ` <->` (-e), then `\n\t skmem:(...)` on its own line (-m). ss 6.1 prints neither for raw
 * sockets, only their users.
 */
function extColumn(r: SockRow | TcpRow, x: Ext): string {
  let s = x.users ? (ssUsers(x.owners.get(r.inode)) ? ` ${ssUsers(x.owners.get(r.inode))}` : '') : '';
  if ('diag' in r) return s + tcpExtColumn(r, x.tcp);
  if (r.proto !== 'udp') return s;
  if (x.details) s += `${r.uid ? ` uid:${r.uid}` : ''} ino:${r.inode} sk:${r.pointer} cgroup:/ <->`;
  if (x.memory) s += `\n\t skmem:(r${r.rxQueue},rb${x.rcvbuf},t${r.txQueue},tb${x.sndbuf},f${forwardAlloc(r.rxQueue)},w0,o0,bl0,d${r.drops})`;
  return s;
}

/** sk_forward_alloc of a UDP socket: what is left of the whole pages charged for its receive queue. */
const forwardAlloc = (rmem: number): number => (rmem ? Math.ceil(rmem / 4096) * 4096 - rmem : 0);

/** A Unix socket's cells: the name (or `*`) and inode, `*` and the peer's inode, a space between. */
function unixRow(u: UnixRow, netid: boolean, stateCol: boolean, x: Ext): string[] {
  const d = u.diag;
  const users = x.users ? ssUsers(x.owners.get(d.inode)) : '';
  return [...(netid ? [u.db] : []), ...(stateCol ? [STATE_NAMES[d.state] ?? 'UNKNOWN'] : []), String(d.rqueue).padEnd(6),
    String(d.wqueue).padEnd(6), `${unixName(d.path)} `, String(d.inode), '* ', String(d.peer),
    (users ? ` ${users}` : '') + (x.details ? unixDetails(d) : '')];
}

/** One line's cells; ss prints the queues as "%-6d", so they keep that width without a header (-H). */
function row(r: SockRow, st: number, netid: boolean, stateCol: boolean, names: PortNames | null, x: Ext): string[] {
  const host = (a: number): string => (a === 0 ? '0.0.0.0:' : `${fmt(a)}:`);
  return [...(netid ? [r.proto] : []), ...(stateCol ? [STATE_NAMES[st] ?? 'UNKNOWN'] : []), String(r.rxQueue).padEnd(6), String(r.txQueue).padEnd(6),
    host(r.localAddr), portText(r.localPort, r.proto, names), host(r.remoteAddr), portText(r.remotePort, r.proto, names), extColumn(r, x)];
}

/**
 * ss's columns: each as wide as its widest cell (header included), a blank before State, the queues
 * and the addresses, addresses right-aligned against their ':' and ports left-aligned after it. The
 * Process column counts its cells whole (a `\n\t` of -m included), except the last line's: ss measures
 * every field but the final one it buffered.
 */
function layout(table: string[][], n: number): string[] {
  const last = table.length - 1;
  const widths = Array.from({ length: n }, (_, k) => Math.max(0, ...table.map((r, i) => (k === n - 1 && i === last && i > 0 ? 0 : r[k]!.length))));
  const right = new Set([n - 5, n - 3]);
  const glued = new Set([n - 4, n - 2, n - 1, 0]);
  return table.map((r) => r.map((c, k) => (glued.has(k) ? '' : ' ') + (right.has(k) ? c.padStart(widths[k]!) : c.padEnd(widths[k]!))).join(''));
}
