// tcpdump 4.99.3: frames from an AF_PACKET socket on one interface (or `any`), filtered by a pcap-filter
// expression, printed one line each (core/net/wire's formatter) or written to a pcap savefile (-w), or
// read back from one (-r); -c, -e, -n, -q, -S, -t..., -v, -x/-X, -A, -p, -Q, -l, -#, -D, and the capture statistics
// when it ends (after -c packets, or at SIGINT/SIGTERM).
import {
  AF_PACKET, CLOCK_REALTIME, ETH_P_ALL, O_CREAT, O_RDONLY, O_TRUNC, O_WRONLY, PACKET_ADD_MEMBERSHIP, PACKET_MR_PROMISC,
  PACKET_OUTGOING, POLLIN, SIGINT, SIGTERM, SOCK_RAW, SOL_PACKET, SOL_SOCKET, SO_TIMESTAMP, MSG_DONTWAIT, utf8Decode, type Program, type RtLink, type Sys,
} from '../../kernel/abi.ts';
import { strerror } from '../lib/errno.ts';
import { getopt, type LongOpt } from '../lib/getopt.ts';
import { readAll, writeAll } from '../lib/io.ts';
import { entryByName, entryByNumber, readNetdb, serviceByName, serviceByPort } from '../lib/net/netdb.ts';
import { hostsEntries } from '../lib/net/resolve.ts';
import { Proc } from '../lib/program.ts';
import { compileFilter, FilterError, type FramePredicate } from '../lib/tcpdump/filter.ts';
import { LINKTYPE_ETHERNET, LINKTYPE_LINUX_SLL2, parsePcap, pcapHeader, pcapRecord } from '../lib/tcpdump/pcap-file.ts';
import { PacketPrinter, type Captured, type PrintOptions, type TimeFormat } from '../lib/tcpdump/print.ts';
import { linkTypeText, TCPDUMP_USAGE, TCPDUMP_VERSION } from '../lib/tcpdump/texts.ts';
import { formatMacAddress, TcpConversations, type FormatNames } from '../../net/wire/index.ts';

const SHORTS = 'AbdDefhHIJKlLnNOpqStuUvxX#B:c:C:E:F:G:i:j:M:Q:r:s:T:V:w:W:y:z:Z:';
const LONGS: LongOpt[] = [
  { name: 'count' }, { name: 'help', key: 'h' }, { name: 'immediate-mode' }, { name: 'interface', arg: 'required', key: 'i' },
  { name: 'list-interfaces', key: 'D' }, { name: 'number', key: '#' }, { name: 'print' }, { name: 'version' },
  { name: 'micro' }, { name: 'nano' }, { name: 'time-stamp-precision', arg: 'required' }, { name: 'no-promiscuous-mode', key: 'p' },
  { name: 'direction', arg: 'required', key: 'Q' }, { name: 'snapshot-length', arg: 'required', key: 's' },
  { name: 'relinquish-privileges', arg: 'required', key: 'Z' }, { name: 'list-time-stamp-types', key: 'J' },
  { name: 'time-stamp-type', arg: 'required', key: 'j' }, { name: 'monitor-mode', key: 'I' }, { name: 'linktype', arg: 'required', key: 'y' },
];
/** Options of the real tool this one does not have (decoders and file rotation): refused, never ignored. */
const NOT_HERE = new Set(['b', 'C', 'd', 'E', 'G', 'H', 'I', 'J', 'j', 'K', 'L', 'M', 'O', 'T', 'u', 'V', 'W', 'y', 'z', 'nano', 'time-stamp-precision']);
const SNAPLEN = 262144;

interface Opts {
  iface: string | null;
  count: number;
  filterFile: string | null;
  numeric: boolean;
  promisc: boolean;
  direction: 'inout' | 'in' | 'out';
  write: string | null;
  read: string | null;
  snaplen: number;
  lineBuffered: boolean;
  immediateMode: boolean;
  number: boolean;
  countOnly: boolean;
  print: boolean;
  list: boolean;
  view: PrintOptions;
}

export const main: Program = async (sys, argv, envp) => {
  const p = new Proc(sys, argv, envp);
  const g = getopt(argv, SHORTS, LONGS);
  const usage = async (msg: string): Promise<number> => {
    await p.error(msg);
    await p.err.write(TCPDUMP_VERSION + TCPDUMP_USAGE);
    return p.finish(1);
  };
  if (g.error) return usage(g.error);
  const times: TimeFormat[] = ['clock', 'none', 'epoch', 'delta', 'date', 'since-first'];
  let tflag = 0;
  let verbose = 0;
  let quiet = false;
  let hex = 0;
  let absolute = false;
  const o: Opts = {
    iface: null, count: -1, filterFile: null, numeric: false, promisc: true, direction: 'inout', write: null, read: null,
    snaplen: SNAPLEN, lineBuffered: false, immediateMode: false, number: false, countOnly: false, print: false, list: false,
    view: { time: 'clock', link: false, hex: 0, ascii: false, any: false, format: {} },
  };
  for (const opt of g.opts) {
    const v = opt.value ?? '';
    if (NOT_HERE.has(opt.key)) return fail(p, `${opt.text}: this option is not available in Netloom's tcpdump`);
    switch (opt.key) {
      case 'h': await p.out.write(TCPDUMP_VERSION + TCPDUMP_USAGE); return p.finish(0);
      case 'version': await p.out.write(TCPDUMP_VERSION); return p.finish(0);
      case 'D': o.list = true; break;
      case 'e': o.view.link = true; break;
      case 'S': absolute = true; break;
      case 'f': case 'N': case 'U': case 'micro': break;
      case 'q': quiet = true; break;
      case 'immediate-mode': o.immediateMode = true; break;
      case 'l': o.lineBuffered = true; break;
      case 'v':
        // -vvv decodes further (telnet options, NFS ...) than this tcpdump does.
        if (++verbose > 2) return fail(p, "-vvv: this option is not available in Netloom's tcpdump");
        break;
      case 'n': o.numeric = true; break;
      case 'p': o.promisc = false; break;
      case 't': tflag++; break;
      case 'x': hex++; break;
      case 'A': o.view.asciiOnly = true; break;
      case 'X': hex++; o.view.ascii = true; break;
      case '#': o.number = true; break;
      case 'count': o.countOnly = true; break;
      case 'print': o.print = true; break;
      case 'c': {
        const n = /^\d+$/.test(v) ? Number(v) : NaN;
        if (!(n > 0)) return fail(p, `invalid packet count ${v}`);
        o.count = n;
        break;
      }
      case 'F': o.filterFile = v; break;
      case 'i': o.iface = v; break;
      case 'Q':
        if (v !== 'in' && v !== 'out' && v !== 'inout') return fail(p, `unknown capture direction \`${v}'`);
        o.direction = v;
        break;
      case 'r': o.read = v; break;
      case 'w': o.write = v; break;
      case 's': {
        const n = /^\d+$/.test(v) ? Number(v) : NaN;
        if (!(n >= 0 && n <= SNAPLEN)) return fail(p, `invalid snaplen ${v}`);
        o.snaplen = n === 0 ? SNAPLEN : n;
        break;
      }
      case 'Z': break;
    }
  }
  o.view.time = times[tflag % 6] ?? 'clock';
  if (tflag === 1) o.view.time = 'none';
  o.view.hex = hex === 0 ? 0 : hex === 1 ? 1 : 2;
  if (o.list) return listInterfaces(p);

  const names = await loadNames(sys);
  o.view.format = {
    verbose: verbose > 0, veryVerbose: verbose > 1, quiet, ...(o.numeric ? {} : { names: names.format }),
    // Relative sequence numbers come from the conversations this run has seen (-S: absolute ones).
    ...(absolute ? {} : { tcpConversations: new TcpConversations() }),
  };
  // The filter is compiled once the savefile or the device is open, as tcpdump does: their errors come first.
  const compile = async (): Promise<FramePredicate | null> => {
    let text = g.operands.join(' ');
    if (o.filterFile !== null) {
      // -F's file replaces the expression; '#' starts a comment there.
      const fd = sys.open(o.filterFile, O_RDONLY);
      const f = fd < 0 ? fd : await readAll(sys, fd);
      if (fd >= 0) sys.close(fd);
      if (typeof f === 'number') {
        await p.error(`can't open ${o.filterFile}: ${strerror(f)}`);
        return null;
      }
      text = utf8Decode(f).replace(/#.*$/gm, ' ');
    }
    try {
      return compileFilter(text, names);
    } catch (e) {
      if (!(e instanceof FilterError)) throw e;
      await p.error(e.message);
      return null;
    }
  };
  return o.read !== null ? readFile(p, o, compile) : capture(p, o, compile);
};

type Compile = () => Promise<FramePredicate | null>;

async function fail(p: Proc, message: string): Promise<number> {
  await p.error(message);
  return p.finish(1);
}

interface Names {
  /** A host name's address (/etc/hosts), a service's port (/etc/services) and a protocol's number (/etc/protocols), as filters name them. */
  host(name: string): number | null;
  port(name: string): number | null;
  protocol(name: string): number | null;
  /** What the decoded lines call addresses, ports, protocols and MACs without -n. */
  format: FormatNames;
}

/** The OUI table knows none of a lab's MACs; all ones is the broadcast address. */
const BROADCAST = 0xffffffffffff;

async function loadNames(sys: Sys): Promise<Names> {
  const hosts = new Map<string, number>();
  const byAddr = new Map<number, string>();
  for (const e of await hostsEntries(sys)) {
    for (const n of e.names) if (!hosts.has(n)) hosts.set(n, e.addr);
    if (e.names[0] !== undefined && !byAddr.has(e.addr)) byAddr.set(e.addr, e.names[0]);
  }
  const services = await readNetdb(sys, 'services');
  const protocols = await readNetdb(sys, 'protocols');
  return {
    host: (name) => hosts.get(name) ?? null,
    port: (name) => serviceByName(services, name, null)?.number ?? null,
    protocol: (name) => entryByName(protocols, name)?.number ?? null,
    format: {
      host: (a) => byAddr.get(a) ?? null,
      port: (port, proto) => serviceByPort(services, port, proto)?.name ?? null,
      // /etc/protocols, and the two numbers IANA keeps for experiments.
      protocol: (n) => entryByNumber(protocols, n)?.name ?? (n === 253 || n === 254 ? `exptest-${n}` : null),
      mac: (m) => (m === BROADCAST ? 'Broadcast' : `${formatMacAddress(m)} (oui Unknown)`),
    },
  };
}

/** The links in the order libpcap lists them: up ones first, then `any`, then the rest, loopback last. */
function links(sys: Sys): RtLink[] {
  const r = sys.rtLinks();
  return typeof r === 'number' ? [] : r;
}

async function listInterfaces(p: Proc): Promise<number> {
  const all = links(p.sys);
  const flags = (l: RtLink) => (l.kind === 'loopback' ? '[Up, Running, Loopback]' : l.up && l.carrier ? '[Up, Running, Connected]' : l.up ? '[Up, Disconnected]' : '[none, Disconnected]');
  const up = all.filter((l) => l.kind !== 'loopback' && l.up);
  const down = all.filter((l) => l.kind !== 'loopback' && !l.up);
  const lo = all.filter((l) => l.kind === 'loopback');
  const lines = [
    ...up.map((l) => `${l.name} ${flags(l)}`), 'any (Pseudo-device that captures on all interfaces) [Up, Running]',
    ...lo.filter((l) => l.up).map((l) => `${l.name} ${flags(l)}`),
    'bluetooth-monitor (Bluetooth Linux Monitor) [Wireless]', 'nflog (Linux netfilter log (NFLOG) interface) [none]',
    'nfqueue (Linux netfilter queue (NFQUEUE) interface) [none]', 'dbus-system (D-Bus system bus) [none]', 'dbus-session (D-Bus session bus) [none]',
    ...lo.filter((l) => !l.up).map((l) => `${l.name} [Loopback]`), ...down.map((l) => `${l.name} ${flags(l)}`),
  ];
  await p.out.write(lines.map((l, i) => `${i + 1}.${l}\n`).join(''));
  return p.finish(0);
}

/** Live capture on -i's interface (or the first up one). */
async function capture(p: Proc, o: Opts, compile: Compile): Promise<number> {
  const sys = p.sys;
  const all = links(sys);
  const any = o.iface === 'any';
  let link: RtLink | undefined;
  if (!any) {
    link = o.iface !== null
      ? all.find((l) => l.name === o.iface) ?? (/^\d+$/.test(o.iface) ? all[Number(o.iface) - 1] : undefined)
      : all.find((l) => l.kind !== 'loopback' && l.up) ?? all.find((l) => l.kind !== 'loopback') ?? all[0];
    if (!link) {
      await p.error(`${o.iface}: No such device exists\n(No such device exists)`);
      return p.finish(1);
    }
    if (!link.up) {
      await p.error(`${link.name}: That device is not up`);
      return p.finish(1);
    }
  }
  o.view.any = any;
  const filter = await compile();
  if (!filter) return p.finish(1);
  const fd = sys.socket(AF_PACKET, SOCK_RAW, ETH_P_ALL);
  if (fd < 0) return fail(p, `socket: ${strerror(fd)}`);
  const b = sys.bind(fd, { family: AF_PACKET, ifindex: link?.ifindex ?? 0, protocol: ETH_P_ALL });
  if (b < 0) return fail(p, `bind: ${strerror(b)}`);
  if (link && o.promisc) sys.setsockopt(fd, SOL_PACKET, PACKET_ADD_MEMBERSHIP, { ifindex: link.ifindex, type: PACKET_MR_PROMISC });
  sys.setsockopt(fd, SOL_SOCKET, SO_TIMESTAMP, 1);
  const name = any ? 'any' : link!.name;
  let out: number | null = null;
  if (o.write !== null) {
    out = o.write === '-' ? 1 : sys.open(o.write, O_WRONLY | O_CREAT | O_TRUNC, 0o644);
    if (out < 0) return fail(p, `${o.write}: ${strerror(out)}`);
    await writeAll(sys, out, pcapHeader(o.snaplen, any ? LINKTYPE_LINUX_SLL2 : LINKTYPE_ETHERNET));
  }
  const printing = out === null || o.print;
  if (any) await p.err.write('tcpdump: data link type LINUX_SLL2\n');
  if (printing && !o.view.format.verbose) await p.err.write('tcpdump: verbose output suppressed, use -v[v]... for full protocol decode\n');
  await p.err.write(`${out !== null || o.view.format.verbose ? 'tcpdump: ' : ''}listening on ${name}, link-type ${linkTypeText(any)}, snapshot length ${o.snaplen} bytes\n`);
  let stop = false;
  const onSignal = () => {
    stop = true;
  };
  sys.sigaction(SIGINT, { handler: onSignal, restart: false });
  sys.sigaction(SIGTERM, { handler: onSignal, restart: false });
  const printer = new PacketPrinter(o.view);
  // libpcap hands packets over a ring block at a time, a block when the retire timer ticks (each second
  // from the capture's start), unless in immediate mode, which tcpdump asks for when it prints to a
  // terminal or line by line.
  const immediate = o.immediateMode || (printing && (o.lineBuffered || sys.isatty(1)));
  const started = sys.clockGettime(CLOCK_REALTIME);
  let lastNs = started;
  const buf = new Uint8Array(65536);
  let captured = 0;
  // What passed the filter in the kernel (the direction is libpcap's own test, after it).
  let received = 0;
  const wanted = (pkttype: number) => o.direction === 'inout' || (o.direction === 'out') === (pkttype === PACKET_OUTGOING);
  const names = new Map(all.map((l) => [l.ifindex, l.name]));
  const loopbacks = new Set(all.filter((l) => l.kind === 'loopback').map((l) => l.ifindex));
  while (!stop && (o.count < 0 || captured < o.count)) {
    const m = await sys.recvmsg(fd, buf, 0);
    if (typeof m === 'number') {
      if (stop) break;
      continue;
    }
    const from = m.from && m.from.family === AF_PACKET ? m.from : null;
    const pkttype = from?.pkttype ?? 0;
    const frame = buf.slice(0, m.length);
    if (!filter(frame)) continue;
    received++;
    if (!wanted(pkttype)) continue;
    // libpcap drops what loopback sends: the same packet comes back in as it is received.
    if (pkttype === PACKET_OUTGOING && loopbacks.has(from?.ifindex ?? 0)) continue;
    captured++;
    const stamp = m.control.find((c) => c.level === SOL_SOCKET && c.type === SO_TIMESTAMP);
    const ns = stamp ? (stamp.value as number) : sys.clockGettime(CLOCK_REALTIME);
    lastNs = ns;
    const sec = Math.floor(ns / 1e9);
    const cap: Captured = { sec, usec: Math.min(999999, Math.max(0, Math.floor((ns - sec * 1e9) / 1000))), frame, ifname: names.get(from?.ifindex ?? 0) ?? '?', ifindex: from?.ifindex ?? 0, pkttype };
    if (out !== null) {
      const data = any ? cooked(cap) : frame;
      await writeAll(sys, out, pcapRecord(cap.sec, cap.usec, data.subarray(0, o.snaplen), data.length));
    }
    if (printing && !o.countOnly) {
      await p.out.write((o.number ? `${String(captured).padStart(5)}  ` : '') + printer.line(cap));
      if (immediate) await p.out.flush();
    }
  }
  // After -c packets: the block holding the last one was handed over at the tick after it came, and what
  // came until then was received too.
  if (!stop && !immediate && o.count > 0) {
    const tick = started + (Math.floor((lastNs - started) / 1e9) + 1) * 1e9;
    for (let now = sys.clockGettime(CLOCK_REALTIME); now < tick && !stop; now = sys.clockGettime(CLOCK_REALTIME)) {
      await sys.poll([{ fd, events: POLLIN, revents: 0 }], tick - now);
      received += await drainMatching(sys, fd, buf, filter);
    }
  }
  // What the socket had queued when the capture ended passed the filter in the kernel as well.
  received += await drainMatching(sys, fd, buf, filter);
  sys.close(fd);
  if (out !== null && out !== 1) sys.close(out);
  if (stop && printing) await p.out.write('\n');
  await p.out.flush();
  const plural = (n: number, what: string) => `${n} packet${n === 1 ? '' : 's'} ${what}\n`;
  await p.err.write(plural(captured, 'captured') + plural(received, 'received by filter') + '0 packets dropped by kernel\n');
  return p.finish(0);
}

/** Reads what the socket holds now; how many of those frames the filter takes. */
async function drainMatching(sys: Sys, fd: number, buf: Uint8Array, filter: FramePredicate): Promise<number> {
  let n = 0;
  for (;;) {
    const m = await sys.recvfrom(fd, buf, MSG_DONTWAIT);
    if (typeof m === 'number') return n;
    if (filter(buf.subarray(0, m.length))) n++;
  }
}

/** A frame as the Linux cooked v2 header (-i any with -w) carries it: the link header replaced by 20 bytes. */
function cooked(c: Captured): Uint8Array {
  const f = c.frame;
  const out = new Uint8Array(20 + Math.max(0, f.length - 14));
  const v = new DataView(out.buffer);
  v.setUint16(0, f.length >= 14 ? (f[12]! << 8) | f[13]! : 0);
  v.setUint32(4, c.ifindex ?? 0);
  v.setUint16(8, 1);
  out[10] = c.pkttype ?? 0;
  out[11] = 6;
  if (f.length >= 12) out.set(f.subarray(6, 12), 12);
  out.set(f.subarray(14), 20);
  return out;
}

/** -r FILE: the savefile's packets through the filter, printed. */
async function readFile(p: Proc, o: Opts, compile: Compile): Promise<number> {
  const sys = p.sys;
  const fd = o.read === '-' ? 0 : sys.open(o.read!, O_RDONLY);
  if (fd < 0) return fail(p, `${o.read}: ${strerror(fd)}`);
  const bytes = await readAll(sys, fd);
  if (fd !== 0) sys.close(fd);
  if (typeof bytes === 'number') return fail(p, `${o.read}: ${strerror(bytes)}`);
  const file = parsePcap(bytes);
  if (typeof file === 'string') return fail(p, file);
  const any = file.linktype === LINKTYPE_LINUX_SLL2;
  if (!any && file.linktype !== LINKTYPE_ETHERNET) return fail(p, `${o.read}: link type ${file.linktype} is not one Netloom's tcpdump decodes`);
  o.view.any = any;
  await p.err.write(`reading from file ${o.read}, link-type ${linkTypeText(any)}, snapshot length ${file.snaplen}\n`);
  // Cooked records name interfaces by index, which are this machine's, not the capturing one's.
  if (any) await p.err.write('Warning: interface names might be incorrect\n');
  const filter = await compile();
  if (!filter) return p.finish(1);
  const names = new Map(links(sys).map((l) => [l.ifindex, l.name]));
  const printer = new PacketPrinter(o.view);
  let n = 0;
  for (const r of file.records) {
    const cap: Captured = any ? uncooked(r.data, names) : { sec: 0, usec: 0, frame: r.data };
    cap.sec = r.sec;
    cap.usec = r.usec;
    if (!filter(cap.frame)) continue;
    n++;
    if (!o.countOnly) await p.out.write((o.number ? `${String(n).padStart(5)}  ` : '') + printer.line(cap));
    if (o.count > 0 && n >= o.count) break;
  }
  if (o.countOnly) await p.out.write(`${n} packet${n === 1 ? '' : 's'}\n`);
  if (file.truncated && !(o.count > 0 && n >= o.count)) return fail(p, `pcap_loop: ${file.truncated}`);
  return p.finish(0);
}

/** A cooked v2 record as an Ethernet frame (the destination MAC is not in it: zeros). */
function uncooked(d: Uint8Array, names: Map<number, string>): Captured {
  const frame = new Uint8Array(14 + Math.max(0, d.length - 20));
  if (d.length >= 20) {
    frame.set(d.subarray(12, 18), 6);
    frame[12] = d[0]!;
    frame[13] = d[1]!;
    frame.set(d.subarray(20), 14);
  }
  const ifindex = d.length >= 8 ? new DataView(d.buffer, d.byteOffset).getUint32(4) : 0;
  return { sec: 0, usec: 0, frame, ifindex, ifname: names.get(ifindex) ?? `#${ifindex}`, pkttype: d[10] ?? 0 };
}
