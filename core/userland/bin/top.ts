// top(1) from procps-ng 4.0.2: the summary area (uptime line, Tasks, %Cpu(s), MiB Mem, MiB Swap) and
// the process table (PID USER PR NI VIRT RES SHR S %CPU %MEM TIME+ COMMAND) from /proc, in batch mode
// (-b, -n N, -d SECS, -p PIDS, -u USER, -w COLS, -c) or full screen on a terminal (redrawn every
// DELAY seconds, 'q' or Ctrl-C quits). Guests report no per-process memory, so VIRT/RES/SHR are the
// same small synthetic figures ps shows.
import { CLOCK_MONOTONIC, POLLIN, utf8Decode, type Program, type Sys } from '../../kernel/abi.ts';
import { Cmd } from '../lib/cmd.ts';
import { getenv } from '../lib/env.ts';
import { Terminal } from '../lib/editor/terminal.ts';
import { passwdEntry, userName } from '../lib/users.ts';
import { cpuTicks, memSummary, readProcFile, uptimeLine } from '../lib/sysinfo.ts';
import { TOP_HELP } from '../lib/help/procps.ts';

interface Task {
  pid: number;
  uid: number;
  state: string;
  prio: number;
  nice: number;
  ticks: number;
  comm: string;
  args: string;
}

const VIRT_KB = 4472, RES_KB = 1024, SHR_KB = 896;
const HEADER = '  PID USER      PR  NI    VIRT    RES    SHR S  %CPU  %MEM     TIME+ COMMAND';

function listTasks(sys: Sys): Task[] {
  const fd = sys.open('/proc', 0o200000);
  const ents = fd >= 0 ? sys.getdents(fd) : [];
  if (fd >= 0) sys.close(fd);
  const tasks: Task[] = [];
  for (const e of typeof ents === 'number' ? [] : ents) {
    if (!/^\d+$/.test(e.name)) continue;
    const stat = readProcFile(sys, `/proc/${e.name}/stat`);
    const status = readProcFile(sys, `/proc/${e.name}/status`);
    if (!stat || !status) continue;
    const comm = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const cmdline = readProcFile(sys, `/proc/${e.name}/cmdline`) ?? '';
    tasks.push({
      pid: Number(e.name), uid: Number(/Uid:\t(\d+)/.exec(status)?.[1] ?? 0), state: f[0]!, prio: Number(f[15] ?? 20),
      nice: Number(f[16] ?? 0), ticks: Number(f[11] ?? 0) + Number(f[12] ?? 0), comm,
      args: cmdline ? cmdline.replace(/\0$/, '').split('\0').join(' ') : comm,
    });
  }
  return tasks.sort((a, b) => a.pid - b.pid);
}

/** procps's scaled KiB column: the number when it fits, else m/g/t with one or no decimal. */
function scaleKb(kb: number, width: number): string {
  if (String(kb).length <= width) return String(kb);
  for (const [div, u] of [[1024, 'm'], [1048576, 'g'], [1073741824, 't']] as Array<[number, string]>) {
    const one = (kb / div).toFixed(1) + u;
    if (one.length <= width) return one;
    const whole = Math.floor(kb / div) + u;
    if (whole.length <= width) return whole;
  }
  return String(kb);
}

/** TIME+: minutes:seconds.hundredths from clock ticks (100 per second). */
function timePlus(ticks: number): string {
  const cs = Math.floor(ticks);
  const m = Math.floor(cs / 6000);
  const s = Math.floor((cs % 6000) / 100);
  return `${m}:${String(s).padStart(2, '0')}.${String(cs % 100).padStart(2, '0')}`;
}

const f1 = (v: number, w: number): string => v.toFixed(1).padStart(w);

interface Sample {
  cpu: number[];
  ticks: Map<number, number>;
  at: number;
}

interface Options {
  pids: number[] | null;
  uid: number | null;
  fullCommand: boolean;
  cols: number;
}

/** One frame: the summary lines and the process rows, each line cut to `rows` when given. */
function frame(sys: Sys, opt: Options, prev: Sample | null): { lines: string[]; sample: Sample } {
  const tasks = listTasks(sys);
  const cpu = cpuTicks(sys);
  const now = sys.clockGettime(CLOCK_MONOTONIC);
  const ticks = new Map(tasks.map((t) => [t.pid, t.ticks]));
  const sample = { cpu, ticks, at: now };
  const count = (pred: (s: string) => boolean): string => String(tasks.filter((t) => pred(t.state)).length).padStart(3);
  const lines = [
    `top - ${uptimeLine(sys)}`,
    `Tasks: ${String(tasks.length).padStart(3)} total, ${count((s) => s === 'R')} running, ${count((s) => 'SDI'.includes(s))} sleeping, ` +
      `${count((s) => s === 'T' || s === 't')} stopped, ${count((s) => s === 'Z')} zombie`,
  ];
  const d = cpu.map((v, i) => v - (prev?.cpu[i] ?? 0));
  const sum = d.reduce((a, b) => a + b, 0);
  const pct = (i: number): string => f1(sum > 0 ? (d[i]! * 100) / sum : i === 3 ? 100 : 0, 5);
  lines.push(`%Cpu(s):${pct(0)} us,${pct(2)} sy,${pct(1)} ni,${pct(3)} id,${pct(4)} wa,${pct(5)} hi,${pct(6)} si,${pct(7)} st `);
  const m = memSummary(sys);
  const mib = (kb: number): string => f1(kb / 1024, 9);
  lines.push(`MiB Mem :${mib(m.total)} total,${mib(m.free)} free,${mib(m.used)} used,${mib(m.buffers + m.cache)} buff/cache     `);
  lines.push(`MiB Swap:${mib(m.swapTotal)} total,${mib(m.swapFree)} free,${mib(m.swapUsed)} used.${mib(m.available)} avail Mem `);
  lines.push('', HEADER);
  const elapsed = prev ? (now - prev.at) / 1e7 : 0;
  const rows = tasks
    .filter((t) => (opt.pids === null || opt.pids.includes(t.pid)) && (opt.uid === null || t.uid === opt.uid))
    .map((t) => ({ t, cpu: elapsed > 0 ? ((t.ticks - (prev?.ticks.get(t.pid) ?? t.ticks)) * 100) / elapsed : 0 }))
    .sort((a, b) => b.cpu - a.cpu || a.t.pid - b.t.pid);
  for (const { t, cpu: c } of rows) {
    let user = userName(sys, t.uid);
    if (user.length > 8) user = user.slice(0, 7) + '+';
    const pr = t.prio < -99 ? 'rt' : String(t.prio);
    const head = `${String(t.pid).padStart(5)} ${user.padEnd(8)} ${pr.padStart(3)} ${String(t.nice).padStart(3)} ` +
      `${scaleKb(VIRT_KB, 7).padStart(7)} ${scaleKb(RES_KB, 6).padStart(6)} ${scaleKb(SHR_KB, 6).padStart(6)} ${t.state} ` +
      `${f1(Math.min(c, 999.9), 5)} ${f1(m.total ? (RES_KB * 100) / m.total : 0, 5)} ${timePlus(t.ticks).padStart(9)} `;
    const room = opt.cols - head.length;
    let cmd = opt.fullCommand ? t.args : t.comm;
    if (cmd.length > room) cmd = room > 1 ? cmd.slice(0, room - 1) + '+' : '';
    lines.push(head + cmd);
  }
  return { lines: lines.map((l) => (l.length > opt.cols ? l.slice(0, opt.cols) : l)), sample };
}

const TOP_VERSION = 'top from procps-ng 4.0.2\n';

export const main: Program = async (sys, argv, envp) => {
  const p = new Cmd(sys, argv, envp);
  let batch = false;
  let iterations = Infinity;
  let delay = 3;
  const opt: Options = { pids: null, uid: null, fullCommand: false, cols: Number(getenv(envp, 'COLUMNS')) || 0 };
  const fail = async (msg: string): Promise<number> => {
    await p.err.write(`top: ${msg}\n`);
    return p.finish(1);
  };
  const info = async (text: string): Promise<number> => {
    await p.out.write(text);
    return p.finish(0);
  };
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--help') return info(TOP_HELP);
    if (a === '--version') return info(TOP_VERSION);
    if (a.startsWith('--') && a.length > 2) {
      await p.err.write(`top: unrecognized option '${a}'\n`);
      return p.finish(0);
    }
    if (!a.startsWith('-') || a.length < 2) return fail(`unknown option '${a}'`);
    for (let j = 1; j < a.length; j++) {
      const c = a[j]!;
      if (c === 'h') return info(TOP_HELP);
      if (c === 'V') return info(TOP_VERSION);
      if (c === 'b') batch = true;
      else if (c === 'c') opt.fullCommand = !opt.fullCommand;
      else if ('ndpuUw'.includes(c)) {
        let v = a.slice(j + 1);
        if (v === '' && c !== 'w') v = argv[++i] ?? '';
        if (c === 'n') {
          if (!/^\d+$/.test(v)) return fail(`bad iterations argument '${v}'`);
          iterations = Number(v) || 1;
        } else if (c === 'd') {
          if (!/^\d*\.?\d+$/.test(v)) return fail(`bad delay interval '${v}'`);
          delay = Number(v);
        } else if (c === 'p') {
          const ids = v.split(',');
          if (!ids.every((x) => /^\d+$/.test(x))) return fail(`bad pid '${v}'`);
          opt.pids = [...(opt.pids ?? []), ...ids.map(Number)];
        } else if (c === 'u' || c === 'U') {
          const pw = /^\d+$/.test(v) ? { uid: Number(v) } : passwdEntry(sys, v);
          if (!pw) return fail('Invalid user');
          opt.uid = pw.uid;
        } else if (c === 'w') {
          opt.cols = v === '' ? 512 : Number(v);
        }
        break;
      } else if ('HiSs'.includes(c)) continue;
      else {
        // top 4.0.2 reports a bad option and exits with status 0.
        await p.err.write(`top: invalid option -- '${c}'\n`);
        return p.finish(0);
      }
    }
  }
  const tty = !batch && sys.isatty(1) && sys.isatty(0);
  if (!tty) {
    if (!opt.cols) opt.cols = 80;
    let prev: Sample | null = null;
    for (let n = 0; n < iterations; n++) {
      const f = frame(sys, opt, prev);
      prev = f.sample;
      await p.put((n > 0 ? '\n' : '') + f.lines.join('\n') + '\n');
      await p.out.flush();
      if (n + 1 < iterations) await sys.nanosleep(delay * 1e9);
    }
    return p.finish(0);
  }
  return interactive(sys, p, opt, delay, iterations);
};

/** Full screen: redraw every `delay` seconds until 'q', Ctrl-C or the iteration count. */
async function interactive(sys: Sys, p: Cmd, opt: Options, delay: number, iterations: number): Promise<number> {
  const term = new Terminal(sys);
  await term.enter(false);
  let prev: Sample | null = null;
  const buf = new Uint8Array(64);
  try {
    for (let n = 0; n < iterations; n++) {
      term.updateSize();
      const f = frame(sys, { ...opt, cols: opt.cols || term.cols }, prev);
      prev = f.sample;
      const shown = f.lines.slice(0, term.rows);
      term.write('\x1b[H' + shown.map((l, i) => (i === 6 ? `\x1b[7m${l.padEnd(term.cols)}\x1b[m` : l) + '\x1b[K').join('\r\n') + '\x1b[J');
      await term.flush();
      if (n + 1 >= iterations) break;
      const fds = [{ fd: 0, events: POLLIN, revents: 0 }];
      const until = sys.clockGettime(CLOCK_MONOTONIC) + delay * 1e9;
      let quit = false;
      for (;;) {
        const left = until - sys.clockGettime(CLOCK_MONOTONIC);
        if (left <= 0 || term.terminated) break;
        const r = await sys.poll(fds, left);
        if (r <= 0 || !(fds[0]!.revents & POLLIN)) continue;
        const k = await sys.read(0, buf);
        if (k <= 0) {
          quit = true;
          break;
        }
        const keys = utf8Decode(buf.subarray(0, k));
        if (/[qQ\x03]/.test(keys)) {
          quit = true;
          break;
        }
        if (keys.includes(' ') || keys.includes('\r')) break;
      }
      if (quit || term.terminated) break;
    }
  } finally {
    await term.leave(false);
  }
  return p.finish(0);
}
