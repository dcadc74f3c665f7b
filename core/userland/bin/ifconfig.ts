// net-tools 2.10 ifconfig(8): shows interfaces (up ones, or all with -a; -s short table) and configures
// them (address[/len], netmask, broadcast, up/down, mtu, hw ether, aliases ethN:M) through rtnetlink calls.
import { EINVAL, type Program, type RtAddr, type RtLink } from '../../kernel/abi.ts';
import { broadcastOf, classfulPrefixLength, formatIpv4Address as fmt, netmaskToPrefix, prefixToNetmask } from '../../net/wire/index.ts';
import { strerror } from '../lib/errno.ts';
import { formatMac, parseLladdr } from '../lib/net/ip-common.ts';
import { ifFlags, parseQuad } from '../lib/net/nettools.ts';
import { IFCONFIG_USAGE, IFCONFIG_VERSION, printToolText } from '../lib/net/tool-texts.ts';
import { Proc } from '../lib/program.ts';

const FLAG_NAMES: Array<[number, string]> = [
  [0x1, 'UP'], [0x2, 'BROADCAST'], [0x4, 'DEBUG'], [0x8, 'LOOPBACK'], [0x10, 'POINTOPOINT'], [0x20, 'NOTRAILERS'],
  [0x40, 'RUNNING'], [0x80, 'NOARP'], [0x100, 'PROMISC'], [0x200, 'ALLMULTI'], [0x400, 'MASTER'], [0x800, 'SLAVE'],
  [0x1000, 'MULTICAST'],
];

function bytesText(n: number): string {
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let v = n;
  let u = 0;
  while (v >= 1000 && u < units.length - 1) {
    v /= 1000;
    u++;
  }
  return `${v.toFixed(1)} ${units[u]}`;
}

function block(l: RtLink, label: string, a: RtAddr | undefined, alias: boolean): string {
  const f = ifFlags(l);
  let s = `${label}: flags=${f}<${FLAG_NAMES.filter(([b]) => f & b).map(([, n]) => n).join(',')}>  mtu ${l.mtu}\n`;
  if (a) {
    s += `        inet ${fmt(a.address)}  netmask ${fmt(prefixToNetmask(a.prefixLength))}`;
    if (l.kind !== 'loopback') s += `  broadcast ${fmt(a.broadcast)}`;
    s += '\n';
  }
  s += l.kind === 'loopback' ? `        loop  txqueuelen ${l.txQueueLen}  (Local Loopback)\n` : `        ether ${formatMac(l.mac)}  txqueuelen ${l.txQueueLen}  (Ethernet)\n`;
  if (!alias) {
    const t = l.stats;
    s += `        RX packets ${t.rxPackets}  bytes ${t.rxBytes} (${bytesText(t.rxBytes)})\n` +
      `        RX errors ${t.rxErrors}  dropped ${t.rxDropped}  overruns ${t.rxFifo}  frame ${t.rxFrame}\n` +
      `        TX packets ${t.txPackets}  bytes ${t.txBytes} (${bytesText(t.txBytes)})\n` +
      `        TX errors ${t.txErrors}  dropped ${t.txDropped} overruns ${t.txFifo}  carrier ${t.txCarrier}  collisions ${t.collisions}\n`;
  }
  return s + '\n';
}

function shortRow(l: RtLink): string {
  const t = l.stats;
  const f = ifFlags(l);
  const letters = [[0x200, 'A'], [0x2, 'B'], [0x4, 'D'], [0x8, 'L'], [0x1000, 'M'], [0x80, 'O'], [0x100, 'P'], [0x40, 'R'], [0x1, 'U']]
    .filter(([b]) => f & (b as number)).map(([, c]) => c).join('');
  return `${l.name.padEnd(15)} ${String(l.mtu).padStart(5)} ${String(t.rxPackets).padStart(8)} ${String(t.rxErrors).padStart(6)} ` +
    `${String(t.rxDropped).padStart(6)} ${String(t.rxFifo).padEnd(6)} ${String(t.txPackets).padStart(8)} ${String(t.txErrors).padStart(6)} ` +
    `${String(t.txDropped).padStart(6)} ${String(t.txFifo).padStart(6)} ${letters}\n`;
}

export const main: Program = async (sys, argv, envp) => {
  const p = new Proc(sys, argv, envp);
  let args = argv.slice(1);
  let all = false;
  let short = false;
  while (args[0]?.startsWith('-')) {
    const a = args.shift()!;
    if (a === '-h' || a === '-?' || a === '--help') return printToolText(p, IFCONFIG_USAGE);
    if (a === '-V' || a === '--version') return printToolText(p, IFCONFIG_VERSION);
    if (a === '-a') all = true;
    else if (a === '-s') short = true;
    else if (a === '-v') continue;
    else {
      await p.err.write(`ifconfig: option \`${a}' not recognised.\nifconfig: \`--help' gives usage information.\n`);
      return p.finish(1);
    }
  }
  const lr = sys.rtLinks();
  const links = (typeof lr === 'number' ? [] : lr).slice().sort((x, y) => (x.name < y.name ? -1 : x.name > y.name ? 1 : 0));
  const ar = sys.rtAddrs();
  const addrs = typeof ar === 'number' ? [] : ar;
  const primary = (l: RtLink, label: string): RtAddr | undefined => addrs.find((a) => a.ifindex === l.ifindex && a.label === label);
  if (args.length === 0) {
    for (const l of links) {
      if (!all && !l.up) continue;
      if (short) continue;
      await p.out.write(block(l, l.name, primary(l, l.name), false));
      for (const a of addrs) if (a.ifindex === l.ifindex && a.label !== l.name && (all || l.up)) await p.out.write(block(l, a.label, a, true));
    }
    if (short) {
      await p.out.write('Iface      MTU    RX-OK RX-ERR RX-DRP RX-OVR    TX-OK TX-ERR TX-DRP TX-OVR Flg\n');
      for (const l of links) if (all || l.up) await p.out.write(shortRow(l));
    }
    return p.finish(0);
  }
  const label = args.shift()!;
  const devName = label.split(':')[0]!;
  const l = links.find((x) => x.name === devName);
  if (args.length === 0) {
    if (!l) {
      await p.err.write(`${label}: error fetching interface information: Device not found\n`);
      return p.finish(1);
    }
    const a = primary(l, label);
    await p.out.write(block(l, label, a, label !== l.name));
    return p.finish(0);
  }
  let status = 0;
  let addr: { address: number; prefixLength: number; explicit: boolean } | undefined;
  let brd: number | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const next = (): string => args[++i] ?? '';
    if (a === 'up' || a === 'down') {
      if (!l) return noDev(p, label, 'SIOCSIFFLAGS');
      const r = sys.rtSetLink(l.ifindex, { up: a === 'up' });
      if (r !== 0) status = await fail(p, 'SIOCSIFFLAGS', r.errno);
    } else if (a === 'mtu') {
      if (!l) return noDev(p, label, 'SIOCSIFMTU');
      const r = sys.rtSetLink(l.ifindex, { mtu: Number(next()) });
      if (r !== 0) status = await fail(p, 'SIOCSIFMTU', r.errno);
    } else if (a === 'hw') {
      next();
      const mac = parseLladdr(next());
      if (typeof mac !== 'number') {
        await p.err.write(`${args[i]}: invalid ether address.\n`);
        return p.finish(1);
      }
      if (!l) return noDev(p, label, 'SIOCSIFHWADDR');
      const r = sys.rtSetLink(l.ifindex, { mac });
      if (r !== 0) status = await fail(p, 'SIOCSIFHWADDR', r.errno);
    } else if (a === 'netmask') {
      const m = parseQuad(next());
      const len = m === null ? null : netmaskToPrefix(m);
      if (len === null || !addr) return p.finish(1);
      addr.prefixLength = len;
    } else if (a === 'broadcast') {
      const b = parseQuad(next());
      if (b !== null) brd = b;
    } else if (a === 'promisc' || a === '-promisc' || a === 'arp' || a === '-arp' || a === 'allmulti' || a === '-allmulti') {
      if (!l) return noDev(p, label, 'SIOCSIFFLAGS');
      const on = !a.startsWith('-');
      const key = a.replace('-', '');
      sys.rtSetLink(l.ifindex, key === 'promisc' ? { promisc: on } : key === 'arp' ? { arp: on } : { allmulti: on });
    } else {
      const [host, len] = a.split('/') as [string, string | undefined];
      const ad = parseQuad(host);
      if (ad === null) {
        await p.err.write(`${host}: Host name lookup failure\nifconfig: \`--help' gives usage information.\n`);
        return p.finish(1);
      }
      addr = { address: ad, prefixLength: len !== undefined ? Number(len) : (classfulPrefixLength(ad) ?? 32), explicit: len !== undefined };
    }
  }
  if (addr) {
    if (!l) {
      await p.err.write(`SIOCSIFADDR: No such device\n${label}: ERROR while getting interface flags: No such device\n`);
      return p.finish(255);
    }
    // SIOCSIFADDR replaces the label's address; the broadcast follows the netmask unless given.
    // devinet_ioctl: inet_abc_len() refuses a class D (multicast) address.
    if (addr.address >>> 28 === 0xe) {
      status = await fail(p, 'SIOCSIFADDR', EINVAL);
      return p.finish(status);
    }
    const old = addrs.find((x) => x.ifindex === l.ifindex && x.label === label);
    if (old) sys.rtDelAddr(l.ifindex, old.address, old.prefixLength);
    const r = sys.rtAddAddr({ ifindex: l.ifindex, address: addr.address, prefixLength: addr.prefixLength, label,
      broadcast: brd ?? (addr.prefixLength < 31 ? broadcastOf(addr.address, addr.prefixLength) : 0) });
    if (r !== 0) status = await fail(p, 'SIOCSIFADDR', r.errno);
    if (!l.up) sys.rtSetLink(l.ifindex, { up: true });
  }
  return p.finish(status);
};

async function fail(p: Proc, what: string, errno: number): Promise<number> {
  await p.err.write(`${what}: ${strerror(errno)}\n`);
  return 1;
}

async function noDev(p: Proc, label: string, what: string): Promise<number> {
  await p.err.write(`${what}: No such device\n${label}: ERROR while getting interface flags: No such device\n`);
  return p.finish(255);
}
