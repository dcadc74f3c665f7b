// dig, as Debian 12's bind9-dnsutils (9.18) prints it: `dig [@server] [-x addr] [-t type] [-p port]
// [name] [type] [class] [+option...]`, servers from /etc/resolv.conf (127.0.0.1 without one), EDNS with
// a client cookie, +[no]rec, +short, +[no]all/answer/question/authority/additional/comments/stats/cmd,
// +time, +tries/+retry, +[no]edns, +[no]cookie, +[no]search, +trace. Like dig, what it prints goes to
// stdout; to a file or pipe stdio holds it until exit while the `communications error` lines go out at
// once, so those come first there (as the real dig's do).
import { AF_INET, CLOCK_MONOTONIC, CLOCK_REALTIME, ECONNREFUSED, POLLIN, SOCK_DGRAM, type Program, type Sys } from '../../kernel/abi.ts';
import { utf8Encode } from '../../fs/utf8.ts';
import { formatIpv4Address } from '../../net/wire/index.ts';
import { writeAll } from '../lib/io.ts';
import { inetAton, resolveHost } from '../lib/net/resolve.ts';
import {
  CLASS_IN, EDNS_COOKIE, EDNS_EDE, emitMessage, emptyMessage, nameToLabels, parseMessage, rcodeName, TYPE, typeNumber, type Message,
  type Rr,
} from '../lib/dns/message.ts';
import { DIG_HELP } from '../lib/dns/dig-help.ts';
import { questionLine, rdataText, rrLine } from '../lib/dns/format.ts';
import { inAddrArpa, readResolvConf } from '../lib/dns/stub-resolver.ts';

export const DIG_VERSION = '9.18.49-1~deb12u3-Debian';

interface Opts {
  servers: string[];
  serverGiven: boolean;
  name: string | null;
  type: number | null;
  port: number;
  rec: boolean;
  short: boolean;
  cmd: boolean;
  comments: boolean;
  question: boolean;
  answer: boolean;
  authority: boolean;
  additional: boolean;
  stats: boolean;
  edns: boolean;
  cookie: boolean;
  search: boolean;
  trace: boolean;
  timeSec: number;
  tries: number;
}

const EDE_NAMES: Record<number, string> = {
  0: 'Other', 1: 'Unsupported DNSKEY Algorithm', 2: 'Unsupported DS Digest Type', 3: 'Stale Answer', 4: 'Forged Answer',
  5: 'DNSSEC Indeterminate', 6: 'DNSSEC Bogus', 7: 'Signature Expired', 8: 'Signature Not Yet Valid', 9: 'DNSKEY Missing',
  10: 'RRSIGs Missing', 11: 'No Zone Key Bit Set', 12: 'NSEC Missing', 13: 'Cached Error', 14: 'Not Ready', 15: 'Blocked',
  16: 'Censored', 17: 'Filtered', 18: 'Prohibited', 19: 'Stale NXDOMAIN Answer', 20: 'Not Authoritative', 21: 'Not Supported',
  22: 'No Reachable Authority', 23: 'Network Error', 24: 'Invalid Data',
};

/** dig's output: held until exit when stdout is not a terminal (stdio's full buffering). */
class Out {
  private held = '';
  constructor(readonly sys: Sys, readonly tty: boolean) {}
  async put(text: string): Promise<void> {
    if (this.tty) await writeAll(this.sys, 1, utf8Encode(text));
    else this.held += text;
  }
  /** Lines dig writes at once (unbuffered). */
  async now(text: string): Promise<void> {
    await writeAll(this.sys, 1, utf8Encode(text));
  }
  async flush(): Promise<void> {
    if (this.held) await writeAll(this.sys, 1, utf8Encode(this.held));
    this.held = '';
  }
}

function parseArgs(argv: readonly string[]): Opts | string {
  const o: Opts = {
    servers: [], serverGiven: false, name: null, type: null, port: 53, rec: true, short: false, cmd: true, comments: true,
    question: true, answer: true, authority: true, additional: true, stats: true, edns: true, cookie: true, search: false,
    trace: false, timeSec: 5, tries: 3,
  };
  const flag = (name: string, on: boolean, value: string | undefined): string | null => {
    const n = name.toLowerCase();
    const is = (full: string, min: number) => n.length >= min && full.startsWith(n);
    if (is('recurse', 3)) o.rec = on;
    else if (is('short', 2)) {
      o.short = on;
      if (on) { o.cmd = o.comments = o.question = o.authority = o.additional = o.stats = false; o.answer = true; }
    } else if (is('all', 2)) o.cmd = o.comments = o.question = o.answer = o.authority = o.additional = o.stats = on;
    else if (is('answer', 2)) o.answer = on;
    else if (is('question', 2)) o.question = on;
    else if (is('authority', 2)) o.authority = on;
    else if (is('additional', 3)) o.additional = on;
    else if (is('comments', 3)) o.comments = on;
    else if (is('stats', 2)) o.stats = on;
    else if (is('cmd', 2)) o.cmd = on;
    else if (is('edns', 2)) o.edns = on;
    else if (is('cookie', 2)) o.cookie = on;
    else if (is('search', 3)) o.search = on;
    else if (is('trace', 2)) o.trace = on;
    else if (is('time', 2) && value !== undefined) o.timeSec = Math.max(1, Number(value) || 1);
    else if (is('tries', 2) && value !== undefined) o.tries = Math.max(1, Number(value) || 1);
    else if (is('retry', 3) && value !== undefined) o.tries = Math.max(0, Number(value) || 0) + 1;
    else if (/^(tcp|vc|ignore|fail|besteffort|dnssec|nsid|ttlid|ttlunits|class|multiline|identify|adflag|cdflag|qr|crypto|idnin|idnout|onesoa|rrcomments|split|subnet|bufsize|keepopen|defname|domain|ndots|sigchase|topdown|showsearch|besteff|expire|header-only|zflag|opcode|padding|nssearch|unknownformat|mapped|ttl)/.test(n)) {
      // Accepted and ignored.
    } else return `Invalid option: +${on ? '' : 'no'}${name}`;
    return null;
  };
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i]!;
    if (a.startsWith('@')) {
      o.servers = [a.slice(1)];
      o.serverGiven = true;
    } else if (a.startsWith('+')) {
      let body = a.slice(1);
      let on = true;
      if (body.startsWith('no')) { on = false; body = body.slice(2); }
      const eq = body.indexOf('=');
      const err = flag(eq < 0 ? body : body.slice(0, eq), on, eq < 0 ? undefined : body.slice(eq + 1));
      if (err) return err;
    } else if (a.startsWith('-') && a.length > 1) {
      const c = a[1]!;
      const val = () => (a.length > 2 ? a.slice(2) : argv[++i]);
      if (c === 'x') {
        const v = val();
        const r = v === undefined ? null : inAddrArpa(v);
        if (r === null) return `Invalid IP address ${v ?? ''}`;
        o.name = r;
        o.type = TYPE.PTR;
      } else if (c === 't') {
        const v = val() ?? '';
        const t = typeNumber(v);
        if (t === null) return `invalid type: ${v}`;
        o.type = t;
      } else if (c === 'p') o.port = Number(val() ?? 53);
      else if (c === 'q') o.name = val() ?? o.name;
      else if (c === 'c' || c === 'b' || c === 'f' || c === 'k' || c === 'y') val();
      else if (c === 'h') return 'help';
      else if (c === 'v') return 'version';
      // -4, -6, -m, -r, -u, -i: accepted.
    } else if (o.name !== null && o.type === null && typeNumber(a) !== null) o.type = typeNumber(a);
    else if (o.name !== null && /^(IN|CH|HS|ANY)$/i.test(a)) {
      // The class: IN is all Netloom answers.
    } else o.name = a;
  }
  return o;
}

function absolute(name: string): string {
  return name.endsWith('.') ? name : `${name}.`;
}

function whenText(ns: number): string {
  const d = new Date(Math.floor(ns / 1e6));
  const days = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const p = (n: number) => String(n).padStart(2, '0');
  return `${days[d.getUTCDay()]} ${months[d.getUTCMonth()]} ${p(d.getUTCDate())} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} UTC ${d.getUTCFullYear()}`;
}

function hex(b: Uint8Array): string {
  return [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
}

type Exchange = { kind: 'reply'; bytes: Uint8Array; msg: Message; ms: number } | { kind: 'timeout' } | { kind: 'refused' } | { kind: 'error' };

/** One query to server:port over UDP, waiting `timeoutNs`. */
async function exchangeOnce(sys: Sys, server: number, port: number, query: Uint8Array, id: number, timeoutNs: number): Promise<Exchange> {
  const fd = sys.socket(AF_INET, SOCK_DGRAM, 0);
  if (fd < 0) return { kind: 'error' };
  try {
    if ((await sys.connect(fd, { family: AF_INET, addr: server, port })) < 0) return { kind: 'error' };
    const start = sys.clockGettime(CLOCK_MONOTONIC);
    const sent = await sys.sendto(fd, query, 0);
    if (sent === -ECONNREFUSED) return { kind: 'refused' };
    if (sent < 0) return { kind: 'error' };
    const deadline = start + timeoutNs;
    const buf = new Uint8Array(65535);
    for (;;) {
      const left = deadline - sys.clockGettime(CLOCK_MONOTONIC);
      if (left <= 0) return { kind: 'timeout' };
      const fds = [{ fd, events: POLLIN, revents: 0 }];
      const n = await sys.poll(fds, left);
      if (n === 0) return { kind: 'timeout' };
      if (n < 0) return { kind: 'error' };
      const r = await sys.recvfrom(fd, buf, 0);
      if (r === -ECONNREFUSED) return { kind: 'refused' };
      if (typeof r === 'number') return { kind: 'error' };
      const bytes = buf.slice(0, r.length);
      const msg = parseMessage(bytes);
      if (!msg || msg.id !== id || !msg.qr) continue;
      return { kind: 'reply', bytes, msg, ms: Math.round((sys.clockGettime(CLOCK_MONOTONIC) - start) / 1e6) };
    }
  } finally {
    sys.close(fd);
  }
}

function section(title: string, rrs: Rr[]): string {
  return `;; ${title} SECTION:\n${rrs.map((r) => `${rrLine(r)}\n`).join('')}\n`;
}

/** The reply as dig prints it (after the command lines). */
function formatReply(o: Opts, m: Message, bytes: Uint8Array, sentCookie: Uint8Array | null, server: string, ms: number, whenNs: number): string {
  if (o.short) return m.answers.map((r) => `${rdataText(r.data)}\n`).join('');
  let s = '';
  if (o.comments) {
    s += ';; Got answer:\n';
    s += `;; ->>HEADER<<- opcode: ${m.opcode === 0 ? 'QUERY' : m.opcode === 2 ? 'STATUS' : m.opcode === 4 ? 'NOTIFY' : m.opcode === 5 ? 'UPDATE' : `RESERVED${m.opcode}`}, status: ${rcodeName(m.rcode)}, id: ${m.id}\n`;
    const flags = [m.qr && 'qr', m.aa && 'aa', m.tc && 'tc', m.rd && 'rd', m.ra && 'ra', m.ad && 'ad', m.cd && 'cd'].filter(Boolean).map((f) => ` ${f}`).join('');
    s += `;; flags:${flags}; QUERY: ${m.questions.length}, ANSWER: ${m.answers.length}, AUTHORITY: ${m.authority.length}, ADDITIONAL: ${m.additional.length + (m.edns ? 1 : 0)}\n`;
    if (m.rd && !m.ra) s += ';; WARNING: recursion requested but not available\n';
    s += '\n';
    if (m.edns) {
      s += ';; OPT PSEUDOSECTION:\n';
      s += `; EDNS: version: ${m.edns.version}, flags:${m.edns.flags & 0x8000 ? ' do' : ''}; udp: ${m.edns.udpSize}\n`;
      for (const opt of m.edns.options) {
        if (opt.code === EDNS_COOKIE) {
          const good = sentCookie !== null && opt.data.length >= 8 && hex(opt.data.subarray(0, 8)) === hex(sentCookie);
          s += `; COOKIE: ${hex(opt.data)}${good ? (opt.data.length > 8 ? ' (good)' : ' (echoed)') : ''}\n`;
        } else if (opt.code === EDNS_EDE && opt.data.length >= 2) {
          const code = (opt.data[0]! << 8) | opt.data[1]!;
          const text = opt.data.length > 2 ? `: (${String.fromCharCode(...opt.data.subarray(2))})` : '';
          s += `; EDE: ${code}${EDE_NAMES[code] ? ` (${EDE_NAMES[code]})` : ''}${text}\n`;
        } else s += `; OPT=${opt.code}: ${[...opt.data].map((x) => x.toString(16).padStart(2, '0').toUpperCase()).join(' ')} ("${String.fromCharCode(...[...opt.data].map((x) => (x >= 0x20 && x < 0x7f ? x : 0x2e)))}")\n`;
      }
    }
  }
  if (o.question && m.questions.length) s += `${o.comments ? ';; QUESTION SECTION:\n' : ''}${m.questions.map((q) => `${questionLine(q)}\n`).join('')}${o.comments ? '\n' : ''}`;
  const sec = (on: boolean, title: string, rrs: Rr[]) => {
    if (!on || rrs.length === 0) return;
    s += o.comments ? section(title, rrs) : rrs.map((r) => `${rrLine(r)}\n`).join('');
  };
  sec(o.answer, 'ANSWER', m.answers);
  sec(o.authority, 'AUTHORITY', m.authority);
  sec(o.additional, 'ADDITIONAL', m.additional);
  if (o.stats) {
    s += `;; Query time: ${ms} msec\n;; SERVER: ${server}#53(${server}) (UDP)\n;; WHEN: ${whenText(whenNs)}\n;; MSG SIZE  rcvd: ${bytes.length}\n\n`;
  }
  return s;
}

/** One query as dig sends it (RD as asked, EDNS with a client cookie); the reply or why there is none. */
async function query(sys: Sys, o: Opts, server: number, name: string, qtype: number, rd: boolean): Promise<Exchange> {
  const idb = new Uint8Array(2);
  sys.getrandom(idb);
  const id = (idb[0]! << 8) | idb[1]!;
  const q = emptyMessage(id);
  q.rd = rd;
  q.ad = true;
  q.questions = [{ name, type: qtype, class: CLASS_IN }];
  if (o.edns) {
    q.edns = { udpSize: 1232, extRcode: 0, version: 0, flags: 0, options: [] };
    if (o.cookie) {
      const cookie = new Uint8Array(8);
      sys.getrandom(cookie);
      q.edns.options.push({ code: EDNS_COOKIE, data: cookie });
    }
  }
  let r: Exchange = { kind: 'error' };
  for (let t = 0; t < o.tries; t++) {
    r = await exchangeOnce(sys, server, o.port, emitMessage(q), id, o.timeSec * 1e9);
    if (r.kind === 'reply') break;
  }
  return r;
}

/**
 * +trace: the root's NS set from the configured server, then each zone's servers asked in turn without
 * recursion, following referrals down; each reply's answer and authority records and where it came from.
 */
async function trace(sys: Sys, o: Opts, out: Out, servers: number[], name: string, qtype: number): Promise<number> {
  const received = (bytes: Uint8Array, addr: number, label: string, ms: number) =>
    out.put(`;; Received ${bytes.length} bytes from ${formatIpv4Address(addr)}#${o.port}(${label}) in ${ms} ms\n\n`);
  const show = (m: Message) => out.put([...m.answers, ...m.authority].map((r) => `${rrLine(r)}\n`).join(''));
  const first = await query(sys, o, servers[0]!, '.', TYPE.NS, true);
  if (first.kind !== 'reply') {
    await out.put(';; no servers could be reached\n');
    return 9;
  }
  await show(first.msg);
  await received(first.bytes, servers[0]!, formatIpv4Address(servers[0]!), first.ms);
  let ns = first.msg.answers.filter((r) => r.type === TYPE.NS);
  let glue = first.msg.additional;
  for (let step = 0; step < 30 && ns.length > 0; step++) {
    const target = ns[0]!.data.t === 'name' ? ns[0]!.data.name : '.';
    let addr = glue.find((r) => r.type === TYPE.A && r.name.toLowerCase() === target.toLowerCase() && r.data.t === 'a');
    if (!addr) {
      const look = await query(sys, o, servers[0]!, target, TYPE.A, true);
      if (look.kind === 'reply') addr = look.msg.answers.find((r) => r.type === TYPE.A && r.data.t === 'a');
    }
    if (!addr || addr.data.t !== 'a') {
      await out.put(`dig: couldn't get address for '${target.replace(/\.$/, '')}': not found\n`);
      return 10;
    }
    const r = await query(sys, o, addr.data.addr, name, qtype, false);
    if (r.kind !== 'reply') {
      await out.put(`;; communications error to ${formatIpv4Address(addr.data.addr)}#${o.port}: timed out\n`);
      return 9;
    }
    await show(r.msg);
    await received(r.bytes, addr.data.addr, target === '.' ? '.' : target.replace(/\.$/, ''), r.ms);
    const deeper = r.msg.answers.length === 0 && r.msg.rcode === 0 ? r.msg.authority.filter((x) => x.type === TYPE.NS) : [];
    if (deeper.length === 0 || deeper[0]!.name.toLowerCase() === ns[0]!.name.toLowerCase()) break;
    ns = deeper;
    glue = r.msg.additional;
  }
  return 0;
}

export const main: Program = async (sys, argv) => {
  const out = new Out(sys, sys.isatty(1));
  const o = parseArgs(argv);
  if (o === 'version') {
    await writeAll(sys, 2, utf8Encode(`DiG ${DIG_VERSION}\n`));
    return 0;
  }
  if (o === 'help') {
    await writeAll(sys, 1, utf8Encode(DIG_HELP));
    return 0;
  }
  if (typeof o === 'string') {
    await writeAll(sys, 2, utf8Encode(`${o}\n`));
    return 1;
  }
  let name = o.name === null ? '.' : o.name;
  const qtype = o.type ?? (o.name === null ? TYPE.NS : TYPE.A);
  const conf = await readResolvConf(sys);
  if (!o.serverGiven) o.servers = conf.nameservers.map(formatIpv4Address);
  const names = [absolute(name)];
  if (o.search && !name.endsWith('.')) names.unshift(...conf.search.map((d) => `${name}.${absolute(d)}`));
  if (!nameToLabels(absolute(name))) {
    await writeAll(sys, 2, utf8Encode(`dig: '${name}' is not a legal name (label too long)\n`));
    return 10;
  }
  const servers: number[] = [];
  for (const s of o.servers) {
    const a = inetAton(s) ?? (await resolveHost(sys, s))?.addr ?? null;
    if (a === null) {
      await writeAll(sys, 2, utf8Encode(`dig: couldn't get address for '${s}': not found\n`));
      return 10;
    }
    servers.push(a);
  }
  if (o.cmd) {
    await out.put(`\n; <<>> DiG ${DIG_VERSION} <<>>${argv.slice(1).map((a) => ` ${a}`).join('')}\n`);
    if (o.serverGiven) await out.put(`; (${servers.length} server${servers.length === 1 ? '' : 's'} found)\n`);
    await out.put(';; global options: +cmd\n');
  }
  if (o.trace) {
    const status = await trace(sys, o, out, servers, absolute(name), qtype);
    await out.flush();
    return status;
  }
  for (const qname of names) {
    name = qname;
    const id = ((): number => {
      const b = new Uint8Array(2);
      sys.getrandom(b);
      return (b[0]! << 8) | b[1]!;
    })();
    const q = emptyMessage(id);
    q.rd = o.rec;
    q.ad = true;
    q.questions = [{ name, type: qtype, class: CLASS_IN }];
    let cookie: Uint8Array | null = null;
    if (o.edns) {
      q.edns = { udpSize: 1232, extRcode: 0, version: 0, flags: 0, options: [] };
      if (o.cookie) {
        cookie = new Uint8Array(8);
        sys.getrandom(cookie);
        q.edns.options.push({ code: EDNS_COOKIE, data: cookie });
      }
    }
    const bytes = emitMessage(q);
    let got: Extract<Exchange, { kind: 'reply' }> | null = null;
    let gotFrom = 0;
    for (const server of servers) {
      for (let t = 0; t < o.tries && !got; t++) {
        const r = await exchangeOnce(sys, server, o.port, bytes, id, o.timeSec * 1e9);
        if (r.kind === 'reply') {
          got = r;
          gotFrom = server;
        } else {
          const why = r.kind === 'timeout' ? 'timed out' : r.kind === 'refused' ? 'connection refused' : 'failure';
          await out.now(`;; communications error to ${formatIpv4Address(server)}#${o.port}: ${why}\n`);
        }
      }
      if (got) break;
    }
    if (!got) {
      await out.put(';; no servers could be reached\n');
      await out.flush();
      return 9;
    }
    // With +search, a name that does not exist under one domain is tried under the next.
    if (got.msg.rcode === 3 && qname !== names[names.length - 1]) continue;
    await out.put(formatReply(o, got.msg, got.bytes, cookie, formatIpv4Address(gotFrom), got.ms, sys.clockGettime(CLOCK_REALTIME)));
    break;
  }
  await out.flush();
  return 0;
};
