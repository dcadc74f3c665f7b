// net-tools 2.10 netstat(8): the routing table (-r, as route -n/-e), the interface table (-i, from
// /proc/net/dev through the link calls), statistics (-s, /proc/net/snmp and netstat), and the socket
// tables of /proc/net/{tcp,udp,raw} (lib/net/netstat-sockets.ts: -t -u -w -l -a -n; -e adds the owner
// and inode, -p the PID/program holding each socket, -o the timers), the UNIX domain sockets of
// /proc/net/unix (lib/net/netstat-unix.ts: -x, or when no family is named), and multicast memberships
// (-g, /proc/net/igmp).
import { RT_TABLE_MAIN, type Program } from '../../kernel/abi.ts';
import { formatIpv4Address as fmt, prefixToNetmask } from '../../net/wire/index.ts';
import { Cmd } from '../lib/cmd.ts';
import { getopt, type LongOpt } from '../lib/getopt.ts';
import { formatStats } from '../lib/net/netstat-stats.ts';
import { ifaceRow, readProc } from '../lib/net/nettools.ts';
import { socketTables } from '../lib/net/netstat-sockets.ts';
import { unixTable } from '../lib/net/netstat-unix.ts';
import { socketOwners } from '../lib/net/proc-owners.ts';
import type { SockRow } from '../lib/net/proc-sockets.ts';

const USAGE = `usage: netstat [-vWeenNcCF] [<Af>] -r         netstat {-V|--version|-h|--help}
       netstat [-vWnNcaeol] [<Socket> ...]
       netstat { [-vWeenNac] -i | [-cnNe] -M | -s [-6tuw] }

        -r, --route              display routing table
        -i, --interfaces         display interface table
        -g, --groups             display multicast group memberships
        -s, --statistics         display networking statistics (like SNMP)
        -M, --masquerade         display masqueraded connections

        -v, --verbose            be verbose
        -W, --wide               don't truncate IP addresses
        -n, --numeric            don't resolve names
        --numeric-hosts          don't resolve host names
        --numeric-ports          don't resolve port names
        --numeric-users          don't resolve user names
        -N, --symbolic           resolve hardware names
        -e, --extend             display other/more information
        -p, --programs           display PID/Program name for sockets
        -o, --timers             display timers
        -c, --continuous         continuous listing

        -l, --listening          display listening server sockets
        -a, --all                display all sockets (default: connected)
        -F, --fib                display Forwarding Information Base (default)
        -C, --cache              display routing cache instead of FIB
        -Z, --context            display SELinux security context for sockets

  <Socket>={-t|--tcp} {-u|--udp} {-U|--udplite} {-S|--sctp} {-w|--raw}
           {-x|--unix} --ax25 --ipx --netrom
  <AF>=Use '-6|-4' or '-A <af>' or '--<af>'; default: inet
  List of possible address families (which support routing):
    inet (DARPA Internet) inet6 (IPv6) ax25 (AMPR AX.25) 
    netrom (AMPR NET/ROM) rose (AMPR ROSE) ipx (Novell IPX) 
    ddp (Appletalk DDP) x25 (CCITT X.25) 
`;

const LONGS: LongOpt[] = [
  { name: 'route', key: 'r' }, { name: 'interfaces', key: 'i' }, { name: 'groups', key: 'g' }, { name: 'statistics', key: 's' },
  { name: 'masquerade', key: 'M' }, { name: 'verbose', key: 'v' }, { name: 'wide', key: 'W' }, { name: 'numeric', key: 'n' },
  { name: 'numeric-hosts' }, { name: 'numeric-ports' }, { name: 'numeric-users' }, { name: 'symbolic', key: 'N' },
  { name: 'extend', key: 'e' }, { name: 'programs', key: 'p' }, { name: 'timers', key: 'o' }, { name: 'continuous', key: 'c' },
  { name: 'listening', key: 'l' }, { name: 'all', key: 'a' }, { name: 'fib', key: 'F' }, { name: 'cache', key: 'C' },
  { name: 'tcp', key: 't' }, { name: 'udp', key: 'u' }, { name: 'udplite', key: 'U' }, { name: 'raw', key: 'w' },
  { name: 'unix', key: 'x' }, { name: 'inet', key: '4' }, { name: 'help', key: 'h' }, { name: 'version', key: 'V' },
];

function routeTable(p: Cmd, extend: boolean): string {
  const lr = p.sys.rtLinks();
  const names = new Map((typeof lr === 'number' ? [] : lr).map((l) => [l.ifindex, l.name] as [number, string]));
  const rr = p.sys.rtRoutes(RT_TABLE_MAIN);
  const routes = (typeof rr === 'number' ? [] : rr).filter((r) => r.table === RT_TABLE_MAIN)
    .sort((a, b) => a.dst - b.dst || b.prefixLength - a.prefixLength || a.metric - b.metric);
  let s = 'Kernel IP routing table\n';
  s += extend ? 'Destination     Gateway         Genmask         Flags Metric Ref    Use Iface\n'
    : 'Destination     Gateway         Genmask         Flags   MSS Window  irtt Iface\n';
  for (const r of routes) {
    const rej = r.type >= 6 && r.type <= 8;
    let flags = rej ? '!' : 'U';
    if (r.gateway) flags += 'G';
    if (r.prefixLength === 32) flags += 'H';
    const dev = rej ? '-' : (names.get(r.ifindex) ?? '');
    const head = `${fmt(r.dst).padEnd(15)} ${fmt(r.gateway).padEnd(15)} ${fmt(prefixToNetmask(r.prefixLength)).padEnd(15)} `;
    s += extend ? `${head}${flags.padEnd(5)} ${String(r.metric).padEnd(6)} 0        0 ${dev}\n`
      : `${head}${flags.padEnd(5)} ${'0'.padStart(5)} ${'0'.padEnd(6)} ${'0'.padStart(5)} ${dev}\n`;
  }
  return s;
}

/**
 * -g: the IPv4 memberships of /proc/net/igmp as "%-15s %-6d %s" lines (device, users, group). Group
 * addresses have no names here (no resolver knows 224.0.0.0/4), so -n changes nothing.
 */
function groupTable(igmp: string | null): string {
  let s = 'IPv6/IPv4 Group Memberships\nInterface       RefCnt Group\n--------------- ------ ---------------------\n';
  let dev = '';
  for (const line of (igmp ?? '').split('\n').slice(1)) {
    if (!line) continue;
    if (line[0] !== '\t') {
      dev = (line.split(/\s+/)[1] ?? '').replace(/:$/, '');
      continue;
    }
    const [hex, users] = line.trim().split(/\s+/);
    const le = parseInt(hex!, 16) >>> 0;
    const be = (((le & 0xff) << 24) | ((le & 0xff00) << 8) | ((le >>> 8) & 0xff00) | (le >>> 24)) >>> 0;
    s += `${dev.padEnd(15)} ${users!.padEnd(6)} ${fmt(be)}\n`;
  }
  return s;
}

export const main: Program = async (sys, argv, envp) => {
  const p = new Cmd(sys, argv, envp);
  const g = getopt(argv, 'A:CFMacdeghilnNoprsStuUvVWwx64?Z', LONGS);
  if (g.error) {
    await p.error(g.error);
    await p.err.write(USAGE);
    return p.finish(3);
  }
  const has = (k: string): boolean => g.opts.some((o) => o.key === k);
  const numeric = has('n');
  if (has('h') || has('?')) {
    await p.err.write(USAGE);
    return p.finish(0);
  }
  if (has('V')) {
    await p.out.write('net-tools 2.10\nFred Baumgarten, Alan Cox, Bernd Eckenfels, Phil Blundell, Tuan Hoang, Brian Micek and others\n+NEW_ADDRT +RTF_IRTT +RTF_REJECT +FW_MASQUERADE +I18N +SELINUX\nAF: (inet) +UNIX +INET +INET6 +IPX +AX25 +NETROM +X25 +ATALK +ECONET +ROSE -BLUETOOTH\nHW:  +ETHER +ARC +SLIP +PPP +TUNNEL -TR +AX25 +NETROM +X25 +FR +ROSE +ASH +SIT +FDDI +HIPPI +HDLC/LAPB +EUI64\n');
    return p.finish(0);
  }
  if (has('r')) {
    await p.out.write(routeTable(p, has('e')));
    return p.finish(0);
  }
  if (has('i')) {
    const lr = sys.rtLinks();
    const links = (typeof lr === 'number' ? [] : lr).filter((l) => l.up || has('a'))
      .sort((x, y) => (x.name < y.name ? -1 : x.name > y.name ? 1 : 0));
    await p.out.write('Kernel Interface table\nIface             MTU    RX-OK RX-ERR RX-DRP RX-OVR    TX-OK TX-ERR TX-DRP TX-OVR Flg\n');
    for (const l of links) await p.out.write(ifaceRow(l));
    return p.finish(0);
  }
  if (has('g')) {
    await p.out.write(groupTable(await readProc(sys, '/proc/net/igmp')));
    return p.finish(0);
  }
  if (has('s')) {
    for (const f of ['/proc/net/snmp', '/proc/net/netstat']) {
      const text = await readProc(sys, f);
      if (text !== null) await p.out.write(formatStats(text));
    }
    return p.finish(0);
  }
  const listening = has('l');
  const all = has('a');
  const picked = (['t', 'u', 'w'] as const).filter((k) => has(k));
  const unix = has('x') || (picked.length === 0 && !has('4'));
  const protos: Array<SockRow['proto']> = picked.length ? picked.map((k) => (k === 't' ? 'tcp' : k === 'u' ? 'udp' : 'raw'))
    : unix && has('x') ? [] : ['tcp', 'udp', 'raw'];
  const which = all ? 'servers and established' : listening ? 'only servers' : 'w/o servers';
  if (protos.length) {
    await p.out.write(await socketTables(sys, {
      protos, all, listening, numericHosts: numeric || has('numeric-hosts'), numericPorts: numeric || has('numeric-ports'),
      numericUsers: numeric || has('numeric-users'), wide: has('W'), extend: has('e'), programs: has('p'), timers: has('o'),
    }));
  }
  if (unix) {
    await p.out.write(`Active UNIX domain sockets (${which})\n`);
    await p.out.write(`Proto RefCnt Flags       Type       State         I-Node   ${has('p') ? 'PID/Program name     ' : ''}Path\n`);
    await p.out.write(await unixTable(sys, { all, listening, owners: has('p') ? await socketOwners(sys) : null }));
  }
  return p.finish(0);
};
