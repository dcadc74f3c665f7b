// who(1) from GNU coreutils 9.1: the logins, boot time, run level, init and login processes and dead
// processes of utmp (or FILE), in who's columns (-H headings, -T/-w message status, -u idle time and
// pid), -q names and count, -m (or "am i") the terminal on stdin only. Times print in the C locale's
// "%b %e %H:%M" form, in UTC as the guest's other tools. Guests keep no utmp, so unless FILE names one there is nothing to list.
import type { Program, Sys } from '../../kernel/abi.ts';
import { Cmd } from '../lib/cmd.ts';
import { answerInfo } from '../lib/coreutils-info.ts';
import { getopt } from '../lib/getopt.ts';
import { localeQuote } from '../lib/locale-quote.ts';
import { formatDate } from '../lib/date-format.ts';
import { BOOT_TIME, DEAD_PROCESS, INIT_PROCESS, LOGIN_PROCESS, NEW_TIME, RUN_LVL, isUserProcess, readUtmp,
  type UtmpRecord } from '../lib/utmp.ts';

/** The width of "%b %e %H:%M". */
const TIME_WIDTH = 12;

interface Layout {
  mesg: boolean;
  idle: boolean;
  exit: boolean;
  short: boolean;
}

/** One output line: the columns present in this layout, trailing blanks removed. */
function line(l: Layout, user: string, state: string, tty: string, time: string, idle: string, pid: string, comment: string, exit: string): string {
  const x = `${user.padEnd(8)}${l.mesg ? ` ${state}` : ''} ${tty.padEnd(12)} ${time.padEnd(TIME_WIDTH)}` +
    `${l.idle && !l.short ? ` ${idle.padEnd(6)}` : ''}${l.short ? '' : ` ${pid.padStart(10)}`} ${comment.padEnd(8)}${l.exit ? ` ${exit.padEnd(12)}` : ''}`;
  return x.replace(/ +$/, '');
}

export const main: Program = async (sys, argv, envp) => {
  const p = new Cmd(sys, argv, envp);
  const r = getopt(argv, 'abdlmpqrstuwHT', [{ name: 'all', key: 'a' }, { name: 'boot', key: 'b' }, { name: 'count', key: 'q' },
    { name: 'dead', key: 'd' }, { name: 'heading', key: 'H' }, { name: 'login', key: 'l' }, { name: 'lookup' },
    { name: 'message', key: 'T' }, { name: 'mesg', key: 'T' }, { name: 'process', key: 'p' }, { name: 'runlevel', key: 'r' },
    { name: 'short', key: 's' }, { name: 'time', key: 't' }, { name: 'users', key: 'u' }, { name: 'writable', key: 'T' },
    { name: 'help' }, { name: 'version' }]);
  for (const o of r.opts) if (await answerInfo(p, 'who', [o])) return p.finish(0);
  if (r.error) return p.finish(await p.tryHelp(r.error));
  const want = new Set<number>();
  const l: Layout = { mesg: false, idle: false, exit: false, short: false };
  let assumptions = true, heading = false, countOnly = false, myLine = false;
  for (const o of r.opts) {
    const k = o.key === 'w' ? 'T' : o.key;
    if (k === 'a') {
      for (const t of [BOOT_TIME, DEAD_PROCESS, LOGIN_PROCESS, INIT_PROCESS, RUN_LVL, NEW_TIME, 7]) want.add(t);
      l.mesg = l.idle = l.exit = true;
    } else if (k === 'b') want.add(BOOT_TIME);
    else if (k === 'd') {
      want.add(DEAD_PROCESS);
      l.idle = l.exit = true;
    } else if (k === 'H') heading = true;
    else if (k === 'l') {
      want.add(LOGIN_PROCESS);
      l.idle = true;
    } else if (k === 'm') myLine = true;
    else if (k === 'p') want.add(INIT_PROCESS);
    else if (k === 'q') countOnly = true;
    else if (k === 'r') {
      want.add(RUN_LVL);
      l.idle = true;
    } else if (k === 's') l.short = true;
    else if (k === 't') want.add(NEW_TIME);
    else if (k === 'T') l.mesg = true;
    else if (k === 'u') {
      want.add(7);
      l.idle = true;
    }
    if ('abdlprtu'.includes(k)) assumptions = false;
  }
  if (assumptions) {
    want.add(7);
    l.short = true;
  }
  if (l.exit) l.short = false;
  const ops = r.operands;
  if (ops.length > 2) return p.finish(await p.tryHelp(`extra operand ${localeQuote(ops[2]!)}`));
  if (ops.length === 2) myLine = true;
  const records = await readUtmp(sys, ops.length === 1 ? ops[0]! : undefined);
  if (countOnly) {
    const names = records.filter(isUserProcess).map((u) => u.user.replace(/ +$/, ''));
    await p.put(`${names.join(' ')}\n# users=${names.length}\n`);
    return p.finish(0);
  }
  if (heading) await p.put(line(l, 'NAME', ' ', 'LINE', 'TIME', 'IDLE', 'PID', 'COMMENT', 'EXIT') + '\n');
  let tty: string | null = null;
  if (myLine) {
    const name = sys.ttyname(0);
    if (typeof name === 'number') return p.finish(0);
    tty = name.startsWith('/dev/') ? name.slice(5) : name;
  }
  let boot = 0;
  const now = Math.floor(sys.clockGettime(0) / 1e9);
  for (const u of records) {
    if (tty === null || u.line === tty) {
      const text = describe(sys, l, want, u, boot, now);
      if (text !== null) await p.put(text + '\n');
    }
    if (u.type === BOOT_TIME) boot = u.time;
  }
  return p.finish(0);
};

/** The line for one record, or null when the options do not ask for its kind. */
function describe(sys: Sys, l: Layout, want: Set<number>, u: UtmpRecord, boot: number, now: number): string | null {
  const time = formatDate('%b %e %H:%M', u.time * 1e9);
  const id = `id=${u.id}`;
  const pid = String(u.pid);
  if (want.has(7) && isUserProcess(u)) {
    const dev = u.line.startsWith('/') ? u.line : `/dev/${u.line}`;
    const st = sys.stat(dev);
    const state = typeof st === 'number' ? '?' : st.mode & 0o020 ? '+' : '-';
    const seen = typeof st === 'number' ? 0 : Math.floor(st.atime / 1e9);
    const idle = seen ? idleText(seen, boot, now) : '  ?';
    let comment = '';
    if (u.host !== '') {
      const colon = u.host.indexOf(':');
      comment = colon < 0 ? `(${u.host})` : `(${u.host.slice(0, colon)}:${u.host.slice(colon + 1)})`;
    }
    return line(l, u.user, state, u.line, time, idle, pid, comment, '');
  }
  if (want.has(RUN_LVL) && u.type === RUN_LVL) {
    const last = Math.floor(u.pid / 256) & 0xff, curr = u.pid & 0xff;
    const lastChar = last === 0x4e ? 'S' : String.fromCharCode(last);
    const comment = last >= 0x20 && last < 0x7f ? `last=${lastChar}` : '';
    return line(l, '', ' ', `run-level ${String.fromCharCode(curr)}`, time, '', '', comment, '');
  }
  if (want.has(BOOT_TIME) && u.type === BOOT_TIME) return line(l, '', ' ', 'system boot', time, '', '', '', '');
  if (want.has(NEW_TIME) && u.type === NEW_TIME) return line(l, '', ' ', 'clock change', time, '', '', '', '');
  if (want.has(INIT_PROCESS) && u.type === INIT_PROCESS) return line(l, '', ' ', u.line, time, '', pid, id, '');
  if (want.has(LOGIN_PROCESS) && u.type === LOGIN_PROCESS) return line(l, 'LOGIN', ' ', u.line, time, '', pid, id, '');
  if (want.has(DEAD_PROCESS) && u.type === DEAD_PROCESS) {
    return line(l, '', ' ', u.line, time, '', pid, id, `term=${u.termination} exit=${u.exit}`);
  }
  return null;
}

/** How long a terminal has been idle: "  .  " under a minute, HH:MM under a day (since boot), else " old ". */
function idleText(seen: number, boot: number, now: number): string {
  if (boot < seen && now - 86400 < seen && seen <= now) {
    const idle = now - seen;
    if (idle < 60) return '  .  ';
    return `${String(Math.floor(idle / 3600)).padStart(2, '0')}:${String(Math.floor((idle % 3600) / 60)).padStart(2, '0')}`;
  }
  return ' old ';
}
