// named, BIND 9.18's name server: reads named.conf (-c, default /etc/bind/named.conf) and its zone
// files, then answers on UDP port 53 of every address (NamedServer has the DNS logic). Without -f or -g
// it goes to the background once ready and writes /run/named/named.pid; it logs nowhere unless -g
// (to stderr, BIND's `DD-Mon-YYYY HH:MM:SS.mmm message` lines), where a bad configuration or zone
// shows named's messages.
import {
  AF_INET, CLOCK_REALTIME, O_CREAT, SIGHUP, SIGUSR1, O_TRUNC, O_WRONLY, SO_REUSEADDR, SOCK_DGRAM, SOL_SOCKET, type Program, type Sys,
} from '../../../kernel/abi.ts';
import { utf8Encode } from '../../../fs/utf8.ts';
import { readFileText, writeAll } from '../../lib/io.ts';
import { daemonize, ready } from '../../lib/daemonize.ts';
import { namedConf, parseConf, type NamedConf } from '../../lib/dns/named-conf.ts';
import { parseZoneFile } from '../../lib/dns/zone-file.ts';
import { TYPE, type Rr } from '../../lib/dns/message.ts';
import { Zone } from '../../lib/dns/zone-db.ts';
import { UdpLoop } from '../../lib/dns/udp-loop.ts';
import { NamedServer } from './server.ts';

export const BIND_VERSION = '9.18.49-1~deb12u3-Debian';
export const PID_FILE = '/run/named/named.pid';
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

const USAGE = 'usage: named [-4|-6] [-c conffile] [-d debuglevel] [-D comment] [-E engine]\n' +
  '             [-f|-g] [-L logfile] [-n number_of_cpus] [-p port] [-s]\n' +
  '             [-S sockets] [-t chrootdir] [-u username] [-U listeners]\n' +
  '             [-X lockfile] [-m {usage|trace|record|size|mctx}]\n' +
  '             [-M fill|nofill]\n' +
  'usage: named [-v|-V|-C]\n';

interface Options {
  conf: string;
  user: string | null;
  foreground: boolean;
  stderrLog: boolean;
  port: number;
}

export class Log {
  constructor(readonly sys: Sys, readonly on: boolean) {}
  async say(msg: string): Promise<void> {
    if (!this.on) return;
    const ns = this.sys.clockGettime(CLOCK_REALTIME);
    const d = new Date(Math.floor(ns / 1e6));
    const p = (n: number, w = 2) => String(n).padStart(w, '0');
    const stamp = `${p(d.getUTCDate())}-${MONTHS[d.getUTCMonth()]}-${d.getUTCFullYear()} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}.${p(d.getUTCMilliseconds(), 3)}`;
    await writeAll(this.sys, 2, utf8Encode(`${stamp} ${msg}\n`));
  }
}

function parseArgs(argv: readonly string[]): Options | string {
  const o: Options = { conf: '/etc/bind/named.conf', user: null, foreground: false, stderrLog: false, port: 53 };
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i]!;
    if (!a.startsWith('-') || a === '-') return `named: extra command line arguments`;
    for (let j = 1; j < a.length; j++) {
      const c = a[j]!;
      if ('fgs46'.includes(c)) {
        if (c === 'f') o.foreground = true;
        if (c === 'g') { o.foreground = true; o.stderrLog = true; }
        continue;
      }
      if ('cdDELnpStuUXmMTA'.includes(c)) {
        const v = j + 1 < a.length ? a.slice(j + 1) : argv[++i];
        if (v === undefined) return `named: option requires an argument -- '${c}'`;
        if (c === 'c') o.conf = v;
        if (c === 'u') o.user = v;
        if (c === 'p') {
          const n = Number(v);
          if (!Number.isInteger(n) || n < 0 || n > 65535) return `named: port '${v}' out of range`;
          o.port = n;
        }
        break;
      }
      return `named: unknown option '-${c}'`;
    }
  }
  return o;
}

async function readText(sys: Sys, path: string): Promise<string | null> {
  const t = await readFileText(sys, path);
  return typeof t === 'string' ? t : null;
}

/** Reads every file the configuration names first (the parsers are synchronous). */
export async function loadConfig(sys: Sys, path: string, log: { say(m: string): Promise<void> }): Promise<NamedConf | null> {
  const files = new Map<string, string | null>();
  // includes are discovered by parsing; a few rounds read the ones found.
  for (let round = 0; round < 8; round++) {
    const missing: string[] = [];
    const read = (p: string) => {
      if (!files.has(p)) missing.push(p);
      return files.get(p) ?? null;
    };
    read(path);
    for (const p of missing) files.set(p, await readText(sys, p));
    if (missing.length === 0) break;
    const top = files.get(path);
    if (top === null || top === undefined) break;
    const again: string[] = [];
    parseConf(top, path, (p) => {
      if (!files.has(p)) again.push(p);
      return files.get(p) ?? '';
    });
    for (const p of again) files.set(p, await readText(sys, p));
    if (again.length === 0) break;
  }
  await log.say(`loading configuration from '${path}'`);
  const top = files.get(path);
  if (top === null || top === undefined) {
    await log.say(`open: ${path}: file not found`);
    await log.say('loading configuration: file not found');
    return null;
  }
  const parsed = parseConf(top, path, (p) => files.get(p) ?? null);
  if (parsed.error) {
    await log.say(parsed.error);
    await log.say('loading configuration: failure');
    return null;
  }
  const conf = namedConf(parsed.statements);
  if (typeof conf === 'string') {
    await log.say(conf);
    await log.say('loading configuration: failure');
    return null;
  }
  return conf;
}

/** Loads one master or hint zone from `path`, saying what named says; the records, or null when it failed. */
export async function loadZoneFile(sys: Sys, name: string, path: string, shownPath: string, say: (m: string) => Promise<void>,
  hint = false): Promise<Rr[] | null> {
  const label = name === '.' ? '.' : name.replace(/\.$/, '');
  const text = await readText(sys, path);
  if (text === null) {
    await say(`zone ${label}/IN: loading from master file ${shownPath} failed: file not found`);
    await say(`zone ${label}/IN: not loaded due to errors.`);
    return null;
  }
  const dir = path.replace(/\/[^/]*$/, '') || '/';
  const includes = new Map<string, string | null>();
  for (const m of text.matchAll(/^\$INCLUDE\s+("?)([^\s"]+)\1/gim)) {
    includes.set(m[2]!, await readText(sys, m[2]!.startsWith('/') ? m[2]! : `${dir}/${m[2]!}`));
  }
  const load = parseZoneFile(text, name, path, { include: (p) => includes.get(p) ?? null });
  for (const w of load.warnings) await say(w);
  for (const e of load.errors) await say(e);
  if (hint) return load.records;
  const soa = load.records.find((r) => r.type === TYPE.SOA && r.name.toLowerCase() === name.toLowerCase());
  const hasNs = load.records.some((r) => r.type === TYPE.NS && r.name.toLowerCase() === name.toLowerCase());
  const failure = load.failure ?? (soa ? null : 'no SOA');
  if (failure !== null || !hasNs) {
    if (failure !== null) await say(`zone ${label}/IN: loading from master file ${shownPath} failed: ${failure}`);
    else await say(`zone ${label}/IN: has no NS records`);
    await say(`zone ${label}/IN: not loaded due to errors.`);
    return null;
  }
  await say(`zone ${label}/IN: loaded serial ${soa!.data.t === 'soa' ? soa!.data.serial : 0}`);
  return load.records;
}

async function loadZones(sys: Sys, conf: NamedConf, log: Log): Promise<{ zones: Zone[]; hints: Rr[] }> {
  const zones: Zone[] = [];
  let hints: Rr[] = [];
  const resolvePath = (f: string) => (f.startsWith('/') ? f : `${conf.directory.replace(/\/$/, '')}/${f}`);
  for (const z of conf.zones) {
    if ((z.type !== 'master' && z.type !== 'hint') || z.file === null) continue;
    const records = await loadZoneFile(sys, z.name, resolvePath(z.file), z.file, (m) => log.say(m), z.type === 'hint');
    if (records === null) continue;
    if (z.type === 'hint') hints = records;
    else zones.push(new Zone(z.name, records));
  }
  return { zones, hints };
}

async function serve(sys: Sys, o: Options, log: Log, readyFd: number, conf: NamedConf, zones: Zone[], hints: Rr[]): Promise<number> {
  const fd = sys.socket(AF_INET, SOCK_DGRAM, 0);
  if (fd < 0) return 1;
  sys.setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, 1);
  if (sys.bind(fd, { family: AF_INET, addr: 0, port: o.port }) < 0) {
    await log.say(`could not listen on UDP socket: address in use`);
    await log.say('loading configuration: address in use');
    await log.say('exiting (due to fatal error)');
    return 1;
  }
  sys.mkdir('/run/named', 0o775);
  const pfd = sys.open(PID_FILE, O_WRONLY | O_CREAT | O_TRUNC, 0o644);
  if (pfd >= 0) {
    await writeAll(sys, pfd, utf8Encode(`${sys.getpid()}\n`));
    sys.close(pfd);
  }
  if (o.user !== null) {
    // -u: run as the user once the privileged port is open (BIND keeps only the capabilities it needs).
    const passwd = await readText(sys, '/etc/passwd');
    const entry = passwd?.split('\n').map((l) => l.split(':')).find((f) => f[0] === o.user);
    if (!entry) {
      await log.say(`user '${o.user}' unknown`);
      await log.say('exiting (due to early fatal error)');
      return 1;
    }
    sys.chown('/run/named', 0, Number(entry[3]));
    sys.setgid(Number(entry[3]));
    sys.setuid(Number(entry[2]));
  }
  const loop = new UdpLoop(sys);
  const env = {
    now: () => loop.now() / 1e9,
    exchange: (addr: number, q: Uint8Array) => loop.exchange(addr, q),
    random: (n: number) => {
      const b = new Uint8Array(n);
      sys.getrandom(b);
      return b;
    },
    locals: () => {
      const a = sys.rtAddrs();
      return typeof a === 'number' ? [] : a.map((x) => ({ addr: x.address, len: x.prefixLength }));
    },
  };
  let server = new NamedServer(conf, zones, hints, env);
  // SIGHUP (rndc reload): the configuration and zones again; SIGUSR1 (Netloom's rndc flush): an empty cache.
  let pending: 'reload' | 'flush' | null = null;
  sys.sigaction(SIGHUP, { handler: () => { pending = 'reload'; }, restart: false });
  sys.sigaction(SIGUSR1, { handler: () => { pending ??= 'flush'; }, restart: false });
  loop.beforePoll = async () => {
    const what = pending;
    pending = null;
    if (what === 'flush') server = new NamedServer(server.conf, server.zoneList, server.hintList, env);
    if (what === 'reload') {
      const c = await loadConfig(sys, o.conf, log);
      if (!c) return;
      const z = await loadZones(sys, c, log);
      server = new NamedServer(c, z.zones, z.hints, env);
      await log.say('reloading configuration succeeded');
    }
  };
  await log.say('all zones loaded');
  await log.say('running');
  await ready(sys, readyFd);
  return loop.run([fd], (s, data, from) => {
    loop.spawn(async () => {
      const reply = await server.handle(data, from.addr);
      if (reply) loop.send(s, reply, from);
    });
  });
}

export const main: Program = async (sys, argv) => {
  const o = parseArgs(argv);
  if (argv.includes('-v') || argv.includes('-V')) {
    await writeAll(sys, 1, utf8Encode(`BIND ${BIND_VERSION} (Extended Support Version) <id:>\n`));
    return 0;
  }
  if (typeof o === 'string') {
    await writeAll(sys, 2, utf8Encode(`${o}\n${USAGE}`));
    return 1;
  }
  const log = new Log(sys, o.stderrLog);
  await log.say(`starting BIND ${BIND_VERSION} (Extended Support Version) <id:>`);
  const conf = await loadConfig(sys, o.conf, log);
  if (!conf) {
    await log.say('exiting (due to fatal error)');
    return 1;
  }
  const { zones, hints } = await loadZones(sys, conf, log);
  if (o.foreground) return serve(sys, o, log, -1, conf, zones, hints);
  return daemonize(sys, (child, w) => serve(child, o, new Log(child, false), w, conf, zones, hints));
};
