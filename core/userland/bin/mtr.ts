// mtr 0.95 (Debian 12's mtr-tiny) for IPv4: report (-r, -w), JSON, CSV, XML and raw output after -c
// cycles, and the screen of the curses display (redrawn as answers come, q quits). Probes go out as
// select_loop schedules them (one per interval / hops-per-batch, five seconds of grace after the last
// cycle) so the routers' ICMP rate limits see what they see under the real tool. The curses display
// needs a terminal type ncurses knows: without TERM, ncurses' message.
import { AF_INET, CLOCK_REALTIME, EHOSTUNREACH, O_RDONLY, POLLIN, SOCK_DGRAM, utf8Decode, type Program, type Sys } from '../../kernel/abi.ts';
import { formatIpv4Address as fmt } from '../../net/wire/index.ts';
import { strerror } from '../lib/errno.ts';
import { readAll } from '../lib/io.ts';
import { Terminal } from '../lib/editor/terminal.ts';
import { cursesFrame, type ScreenHead } from '../lib/net/mtr-curses.ts';
import { MtrNet, type NetEvents } from '../lib/net/mtr-net.ts';
import { MTR_USAGE, isInteractive, parseMtr, type MtrOpts } from '../lib/net/mtr-opts.ts';
import { MtrProber } from '../lib/net/mtr-probe.ts';
import { formatCsv, formatJson, formatReport, formatXml, type ReportContext } from '../lib/net/mtr-report.ts';
import { inetAton, lookupHost, reverseName } from '../lib/net/resolve.ts';
import { Proc } from '../lib/program.ts';
import { strftime } from '../lib/time.ts';

function envValue(envp: readonly string[], key: string): string | undefined {
  const e = envp.find((x) => x.startsWith(`${key}=`));
  return e === undefined ? undefined : e.slice(key.length + 1);
}

/** Terminal types ncurses finds in a Debian image's terminfo (ncurses-base). */
const KNOWN_TERMS = /^(xterm(-.*)?|vt\d+|linux|screen(-.*)?|tmux(-.*)?|ansi|dumb|rxvt(-.*)?|cons25|cygwin|mach.*|pcansi|sun|hurd|Eterm(-.*)?|putty(-.*)?|konsole(-.*)?|gnome(-.*)?|st(-.*)?|kitty|alacritty)$/;

/** -F: host names from a file, one per line (trimmed), '-' for stdin. */
async function readNames(sys: Sys, p: Proc, file: string): Promise<string[] | null> {
  let fd = 0;
  if (file !== '-') {
    fd = sys.open(file, O_RDONLY);
    if (fd < 0) {
      await p.error(`open ${file}: ${strerror(fd)}`);
      return null;
    }
  }
  const data = await readAll(sys, fd);
  if (fd !== 0) sys.close(fd);
  if (typeof data === 'number') {
    await p.error(`ferror ${file}: ${strerror(data)}`);
    return null;
  }
  const lines = utf8Decode(data).split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines.map((l) => l.trim());
}

/** The MTU of the device the route to `dst` leaves by (1500 when unknown). */
function routeMtu(sys: Sys, dst: number): number {
  const route = sys.rtGetRoute(dst);
  const links = sys.rtLinks();
  if (typeof route === 'number' || typeof links === 'number') return 1500;
  return links.find((l) => l.ifindex === route.ifindex)?.mtu ?? 1500;
}

/** One trace: returns 0, or 1 after mtr's fatal error (already printed). */
async function trace(sys: Sys, p: Proc, o: MtrOpts, host: string, dst: number, interactive: boolean): Promise<number> {
  // net_reopen: the source address is -a's, the first IPv4 address of -I's interface, or the one a UDP
  // socket connected to the target gets (an unreachable host leaves it unset, as Linux allows).
  let source: number | null = null;
  let localAddr = '';
  if (o.address !== null) {
    source = inetAton(o.address);
    if (source === null || !/^\d+\.\d+\.\d+\.\d+$/.test(o.address)) {
      await p.error('invalid local address');
      return 1;
    }
    localAddr = fmt(source);
  } else if (o.iface !== null) {
    const addrs = sys.rtAddrs();
    const links = sys.rtLinks();
    const a = typeof addrs === 'number' ? undefined : addrs.find((x) => x.label === o.iface);
    if (a) {
      source = a.address;
      localAddr = fmt(source);
    } else {
      const known = typeof links !== 'number' && links.some((l) => l.name === o.iface);
      await p.error(known ? 'interface missing IPv4 address' : 'no such interface');
      return 1;
    }
  } else {
    const udp = sys.socket(AF_INET, SOCK_DGRAM, 0);
    const c = await sys.connect(udp, { family: AF_INET, addr: dst, port: 1 });
    const name = sys.getsockname(udp);
    sys.close(udp);
    if (c < 0 && c !== -EHOSTUNREACH) {
      await p.error(`udp socket connect failed: ${strerror(c)}`);
      return 1;
    }
    if (c >= 0 && typeof name !== 'number' && name.family === AF_INET) localAddr = fmt(name.addr);
  }
  // Raw mode prints each event as it happens (raw.c); names ("d" lines) come from /etc/hosts.
  const raw: string[] = [];
  const named = new Set<number>();
  const events: NetEvents | null = o.display !== 'raw' ? null : {
    xmit: (i, seq) => raw.push(`x ${i} ${seq}`),
    host: (i, a) => raw.push(`h ${i} ${fmt(a)}`),
    ping: (i, us, seq) => raw.push(`p ${i} ${us} ${seq}`),
  };
  const net = new MtrNet(dst, o.first, o.max, o.maxUnknown, events);
  const flushRaw = async (): Promise<void> => {
    for (const line of raw.splice(0)) {
      const m = /^p (\d+) /.exec(line);
      if (m && o.dns && !named.has(Number(m[1]))) {
        const at = Number(m[1]);
        const a = net.hops[at]!.addr;
        const n = a === null ? null : await reverseName(sys, a);
        if (n !== null) {
          named.add(at);
          await p.out.write(`d ${at} ${n}\n`);
        }
      }
      await p.out.write(line + '\n');
    }
    await p.out.flush();
  };
  const prober = new MtrProber(sys, dst, o.udp, o.port, o.tos, o.bitpattern, o.timeout * 1e6, routeMtu(sys, dst), source);
  const localHost = sys.uname().nodename;
  const names = new Map<number, string>();
  const ctx: ReportContext = {
    net, localHost, target: host, fields: o.fields, wide: o.wide, tos: o.tos, psize: o.psize, bitpattern: o.bitpattern,
    maxPing: o.maxPing, name: (a) => (a === null ? '???' : names.get(a) ?? fmt(a)), ip: (a) => fmt(a),
  };
  if (o.display === 'report') {
    const ns = sys.clockGettime(CLOCK_REALTIME);
    await p.out.write(`Start: ${strftime('%Y-%m-%dT%H:%M:%S%z', ns)}\n`);
  }
  // Names of the hops shown, from /etc/hosts (each address looked up once).
  const looked = new Set<number>();
  const resolveNames = async (): Promise<void> => {
    if (!o.dns) return;
    for (let at = net.minShown(); at < net.maxShown(); at++) {
      for (const a of [net.hops[at]!.addr, ...net.hops[at]!.addrs]) {
        if (a === null || looked.has(a)) continue;
        looked.add(a);
        const n = await reverseName(sys, a);
        if (n !== null) names.set(a, o.showIps ? `${n} (${fmt(a)})` : n);
      }
    }
  };
  const close = async (): Promise<void> => {
    net.endTransit();
    await resolveNames();
    if (o.display === 'report') await p.out.write(formatReport(ctx));
    else if (o.display === 'json') await p.out.write(formatJson(ctx));
    else if (o.display === 'xml') await p.out.write(formatXml(ctx));
    else if (o.display === 'csv') await p.out.write(formatCsv(ctx, Math.floor(sys.clockGettime(CLOCK_REALTIME) / 1e9)));
  };
  // select_loop: a probe every tick; once -c batches went out, a grace period before the report. The
  // curses display redraws as things change and reads its keys (q or Ctrl-C quits).
  const head = (): ScreenHead => ({
    route: `${localHost} (${localAddr}) -> ${host} (${fmt(dst)})`,
    time: strftime('%Y-%m-%dT%H:%M:%S%z', sys.clockGettime(CLOCK_REALTIME)),
  });
  const draw = async (): Promise<void> => {
    if (!screen) return;
    await resolveNames();
    screen.updateSize();
    const lines = cursesFrame(ctx, head(), screen.cols, screen.rows);
    screen.write('\x1b[H' + lines.map((l) => `${l}\x1b[K`).join('\r\n') + '\x1b[J');
    await screen.flush();
  };
  const keys = new Uint8Array(64);
  let last = prober.nowUs();
  let pings = 0;
  let grace = false;
  let graceStart = 0;
  const graceUs = o.grace * 1e6;
  // display_open comes after net_open: the screen opens once the source address is known.
  const screen = interactive ? new Terminal(sys) : null;
  const bounded = !screen || o.forceMaxPing;
  try {
    await screen?.enter(false);
    await draw();
    for (;;) {
      const tick = net.tickUs(o.interval);
      const now = prober.nowUs();
      if (now >= last + tick) {
        last = now;
        if (!grace && bounded && pings >= o.maxPing) {
          grace = true;
          graceStart = now;
        }
        if (!grace) {
          const { probe, endsBatch } = net.nextProbe();
          const r = await prober.send(probe.seq, probe.ttl, o.psize);
          if (r !== null) {
            await screen?.leave(false);
            await close();
            await p.error(r === 'invalid' ? 'mtr-packet reported invalid argument' : 'Unexpected mtr-packet error');
            return 1;
          }
          if (endsBatch) pings++;
          await flushRaw();
        }
      }
      if (grace && now - graceStart > graceUs) break;
      // At least a microsecond: with a zero tick (-i tiny) virtual time must still move on.
      const wait = Math.max(1, tick - (now - last));
      const fds = prober.pollFds();
      const keyFd = screen ? fds.push({ fd: 0, events: POLLIN, revents: 0 }) - 1 : -1;
      if (fds.length > 0) await sys.poll(fds, wait * 1000);
      else await sys.nanosleep(wait * 1000);
      if (keyFd >= 0 && fds[keyFd]!.revents & POLLIN) {
        const n = await sys.read(0, keys);
        if (n <= 0 || /[q\x03]/.test(utf8Decode(keys.subarray(0, n)))) break;
      }
      if (screen?.terminated) break;
      for (const r of await prober.collect()) net.answer(r.seq, r.addr, r.err, r.us);
      await flushRaw();
      await draw();
    }
  } finally {
    prober.close();
    await screen?.leave(false);
  }
  if (screen) return 0;
  await close();
  return 0;
}

export const main: Program = async (sys, argv, envp) => {
  const p = new Proc(sys, argv, envp, 'mtr');
  const parsed = parseMtr(argv, envValue(envp, 'MTR_OPTIONS'));
  if ('exit' in parsed) {
    if (parsed.out) await p.out.write(parsed.out);
    if (parsed.error) await p.error(parsed.error);
    if (parsed.usage) await p.err.write(MTR_USAGE);
    return p.finish(parsed.exit);
  }
  const o = parsed.opts;
  const interactive = isInteractive(o.display);
  const hosts: string[] = [];
  for (const f of o.files) {
    const n = await readNames(sys, p, f);
    if (n === null) return p.finish(1);
    hosts.push(...n);
  }
  hosts.push(...o.hosts);
  if (hosts.length === 0) hosts.push('localhost');
  for (const host of hosts) {
    let dst: number | null = null;
    if (o.inet6) {
      await p.error(`Failed to resolve host: ${host}: ${inetAton(host) !== null ? 'Address family for hostname not supported' : 'Temporary failure in name resolution'}`);
    } else {
      const r = await lookupHost(sys, host);
      if (typeof r === 'string') await p.error(`Failed to resolve host: ${host}: ${r}`);
      else dst = r.addr;
    }
    if (dst === null) {
      if (interactive) return p.finish(1);
      continue;
    }
    if (o.tcp) {
      await p.error('TCP probes (-T) are not available; use ICMP (the default) or -u');
      return p.finish(1);
    }
    if (o.display === 'split') {
      await p.error('split output (-p) is not available; use -r, -w, -j, -x, -l or -C');
      return p.finish(1);
    }
    if (interactive) {
      // initscr() needs a terminal description.
      const term = envValue(envp, 'TERM') ?? '';
      if (!KNOWN_TERMS.test(term)) {
        await p.out.flush();
        await p.err.write(`Error opening terminal: ${term === '' ? 'unknown' : term}.\n`);
        return p.finish(1);
      }
    }
    const st = await trace(sys, p, o, host, dst, interactive);
    if (st !== 0) return p.finish(st);
    await p.out.flush();
    if (interactive) break;
  }
  return p.finish(0);
};
