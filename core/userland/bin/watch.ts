// watch(1) from procps-ng 4.0.2: runs a command every INTERVAL seconds (-n, default 2) through
// `sh -c` and shows its output full screen under the "Every 2.0s: CMD   host: Sun Nov 22 03:21:23 2026"
// header (-t hides it); -d shows changed characters in reverse video; q or Ctrl-C quits.
import { CLOCK_MONOTONIC, CLOCK_REALTIME, POLLIN, type Program, type Sys } from '../../kernel/abi.ts';
import { Cmd } from '../lib/cmd.ts';
import { Screen } from '../lib/editor/screen.ts';
import { Terminal } from '../lib/editor/terminal.ts';
import { readAll } from '../lib/io.ts';
import { waitChild } from '../lib/run-child.ts';
import { displayText, wrapLine } from '../lib/pager-input.ts';
import { strftime } from '../lib/time.ts';

const USAGE = `
Usage:
 watch [options] command

Options:
  -b, --beep             beep if command has a non-zero exit
  -c, --color            interpret ANSI color and style sequences
  -d, --differences[=<permanent>]
                         highlight changes between updates
  -e, --errexit          exit if command has a non-zero exit
  -g, --chgexit          exit when output from command changes
  -q, --equexit <cycles>
                         exit when output from command does not change
  -n, --interval <secs>  seconds to wait between updates
  -p, --precise          attempt run command in precise intervals
  -t, --no-title         turn off header
  -w, --no-wrap          turn off line wrapping
  -x, --exec             pass command to exec instead of "sh -c"

 -h, --help     display this help and exit
 -v, --version  output version information and exit

For more details see watch(1).
`;

/** Runs the command with stdout and stderr into a pipe; returns what it printed. */
async function capture(sys: Sys, argv: readonly string[], envp: readonly string[]): Promise<string> {
  const pipe = sys.pipe2(0);
  if (typeof pipe === 'number') return '';
  const [r, w] = pipe;
  const pid = sys.fork(async (child) => {
    child.close(r);
    child.dup2(w, 1);
    child.dup2(w, 2);
    child.close(w);
    const fd = child.open('/dev/null', 0);
    if (fd >= 0) {
      child.dup2(fd, 0);
      child.close(fd);
    }
    return child.execve(argv[0]!, argv, envp).then((e) => (e === -2 ? 127 : 126));
  });
  sys.close(w);
  const data = await readAll(sys, r);
  sys.close(r);
  if (pid > 0) await waitChild(sys, pid);
  if (typeof data === 'number') return '';
  let s = '';
  for (let i = 0; i < data.length; i += 8192) s += String.fromCharCode(...data.subarray(i, i + 8192));
  return s;
}

const VERSION = 'watch from procps-ng 4.0.2\n';

export const main: Program = async (sys, argv, envp) => {
  const p = new Cmd(sys, argv, envp);
  let interval = 2;
  let title = true;
  let diff = false;
  let exec = false;
  let i = 1;
  for (; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') {
      i++;
      break;
    }
    if (!a.startsWith('-') || a === '-') break;
    const long = a.startsWith('--') ? a.slice(2).split('=')[0]! : null;
    if (long !== null) {
      if (long === 'no-title') title = false;
      else if (long.startsWith('differences')) diff = true;
      else if (long === 'exec') exec = true;
      else if (long === 'interval') {
        const v = a.includes('=') ? a.slice(a.indexOf('=') + 1) : argv[++i] ?? '';
        const n = Number(v);
        if (!/^\d*\.?\d+$/.test(v)) {
          await p.err.write(`watch: failed to parse argument: '${v}': Invalid argument\n`);
          return p.finish(1);
        }
        interval = Math.max(0.1, n);
      } else if (long === 'help' || long === 'version') {
        await p.put(long === 'help' ? USAGE : VERSION);
        return p.finish(0);
      }
      continue;
    }
    for (let j = 1; j < a.length; j++) {
      const c = a[j]!;
      if (c === 't') title = false;
      else if (c === 'd') diff = true;
      else if (c === 'x') exec = true;
      else if ('bcCegprw'.includes(c)) continue;
      else if (c === 'n' || c === 'q') {
        const v = a.slice(j + 1) || argv[++i] || '';
        if (c === 'n') {
          if (!/^\d*\.?\d+$/.test(v)) {
            await p.err.write(`watch: failed to parse argument: '${v}': Invalid argument\n`);
            return p.finish(1);
          }
          interval = Math.max(0.1, Number(v));
        }
        break;
      } else if (c === 'h' || c === 'v') {
        await p.put(c === 'h' ? USAGE : VERSION);
        return p.finish(0);
      } else {
        await p.err.write(`watch: invalid option -- '${c}'\n${USAGE}`);
        return p.finish(1);
      }
    }
  }
  const words = argv.slice(i);
  if (words.length === 0) {
    await p.err.write(USAGE);
    return p.finish(1);
  }
  const commandText = words.join(' ');
  const runArgv = exec ? words : ['/bin/sh', '-c', commandText];
  const term = new Terminal(sys);
  await term.enter(false);
  const screen = new Screen(term);
  const buf = new Uint8Array(64);
  let previous: string[] = [];
  const host = sys.uname().nodename;
  try {
    for (;;) {
      term.updateSize();
      const output = await capture(sys, runArgv, envp);
      const rows: string[] = [];
      if (title) {
        const left = `Every ${interval.toFixed(1)}s: ${commandText}`;
        const right = `${host}: ${strftime('%a %b %e %H:%M:%S %Y', sys.clockGettime(CLOCK_REALTIME))}`;
        const room = term.cols - right.length - 1;
        const shownLeft = left.length > room ? left.slice(0, Math.max(0, room - 3)) + '...' : left;
        rows.push(shownLeft.padEnd(term.cols - right.length) + right, '');
      }
      const body: string[] = [];
      const lines = output.split('\n');
      if (output.endsWith('\n')) lines.pop();
      for (const l of lines) body.push(...wrapLine(displayText(l), term.cols));
      const room = term.rows - rows.length;
      for (let r = 0; r < room; r++) {
        const text = body[r] ?? '';
        if (diff && previous.length) {
          const old = previous[r] ?? '';
          let out = '';
          for (let c = 0; c < text.length; c++) out += text[c] !== old[c] ? `\x1b[7m${text[c]}\x1b[27m` : text[c];
          rows.push(out);
        } else rows.push(text);
      }
      previous = body;
      screen.draw(rows, term.rows - 1, term.cols - 1);
      await term.flush();
      const until = sys.clockGettime(CLOCK_MONOTONIC) + interval * 1e9;
      for (;;) {
        const left = until - sys.clockGettime(CLOCK_MONOTONIC);
        if (left <= 0 || term.terminated) break;
        const fds = [{ fd: 0, events: POLLIN, revents: 0 }];
        const n = await sys.poll(fds, left);
        if (n <= 0 || !(fds[0]!.revents & POLLIN)) continue;
        const k = await sys.read(0, buf);
        if (k <= 0 || buf.subarray(0, k).some((b) => b === 0x71 || b === 0x03)) return p.finish(0);
      }
      if (term.terminated) break;
    }
  } finally {
    await term.leave(false);
  }
  return p.finish(0);
};
