// killall(1) from psmisc 23.6: signal every process whose name (the 15-character comm, or the whole
// command name with -e) is one of NAME..., with -s/-SIGNAL, -I, -q, -v, -w, -r, -u, -l and psmisc's
// messages ("NAME: no process found", "Killed NAME(PID) with signal N").
import { SIGNAL_NAMES, SIGTERM, type Program, type Sys } from '../../kernel/abi.ts';
import { strerror } from '../lib/errno.ts';
import { Proc } from '../lib/program.ts';
import { readProcFile, readProcTable, type ProcEntry } from '../lib/proc-table.ts';
import { translateRegex } from '../lib/regex.ts';
import { parseSignal } from '../lib/signals.ts';

const USAGE = `Usage: killall [OPTION]... [--] NAME...
       killall -l, --list
       killall -V, --version

  -e,--exact          require exact match for very long names
  -I,--ignore-case    case insensitive process name match
  -g,--process-group  kill process group instead of process
  -y,--younger-than   kill processes younger than TIME
  -o,--older-than     kill processes older than TIME
  -i,--interactive    ask for confirmation before killing
  -l,--list           list all known signal names
  -q,--quiet          don't print complaints
  -r,--regexp         interpret NAME as an extended regular expression
  -s,--signal SIGNAL  send this signal instead of SIGTERM
  -u,--user USER      kill only process(es) running as USER
  -v,--verbose        report if the signal was successfully sent
  -V,--version        display version information
  -w,--wait           wait for processes to die
  -n,--ns PID         match processes that belong to the same namespaces
                      as PID
  -Z,--context REGEXP kill only process(es) having context
                      (must precede other arguments)

`;

const VERSION = `killall (PSmisc) 23.6
Copyright (C) 1993-2022 Werner Almesberger and Craig Small

PSmisc comes with ABSOLUTELY NO WARRANTY.
This is free software, and you are welcome to redistribute it under
the terms of the GNU General Public License.
For more information about these matters, see the files named COPYING.
`;

/** psmisc names SIGIO "POLL"; its list wraps before 80 columns. */
function signalList(): string {
  let out = '';
  let col = 0;
  for (let i = 1; i < SIGNAL_NAMES.length; i++) {
    const name = i === 29 ? 'POLL' : SIGNAL_NAMES[i]!;
    if (col + name.length + 1 > 80) {
      out += '\n';
      col = 0;
    }
    out += (col ? ' ' : '') + name;
    col += name.length + 1;
  }
  return out + '\n';
}

const killallSignal = (text: string): number | null => parseSignal(/^(SIG)?POLL$/i.test(text) ? 'IO' : text);

/** Seconds from psmisc's TIME: a number with one of s m h d w M y. */
function parseAge(text: string): number | null {
  const m = /^(\d+(?:\.\d*)?)([smhdwMy])$/.exec(text);
  if (!m) return null;
  const unit: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86400, w: 604800, M: 2629746, y: 31556952 };
  return Number(m[1]) * unit[m[2]!]!;
}

function userId(sys: Sys, name: string): number | null {
  for (const line of (readProcFile(sys, '/etc/passwd') ?? '').split('\n')) {
    const f = line.split(':');
    if (f.length >= 3 && f[0] === name) return Number(f[2]);
  }
  return /^\d+$/.test(name) ? Number(name) : null;
}

export const main: Program = async (sys, argv, envp) => {
  const p = new Proc(sys, argv, envp);
  let signo = SIGTERM;
  let exact = false, icase = false, group = false, quiet = false, regexp = false, verbose = false, wait = false;
  let user: number | null = null;
  let younger: number | null = null;
  let older: number | null = null;
  const names: string[] = [];
  const usage = async (): Promise<number> => {
    await p.err.write(USAGE);
    return p.finish(1);
  };
  const longs: Record<string, string> = {
    exact: 'e', 'ignore-case': 'I', 'process-group': 'g', 'younger-than': 'y', 'older-than': 'o', interactive: 'i',
    list: 'l', quiet: 'q', regexp: 'r', signal: 's', user: 'u', verbose: 'v', version: 'V', wait: 'w', ns: 'n', context: 'Z', help: 'h',
  };
  const needsArg = 'yosunZ';
  let i = 1;
  for (; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') {
      i++;
      break;
    }
    if (a[0] !== '-' || a.length < 2) {
      names.push(a);
      continue;
    }
    let opts: { key: string; value?: string }[] = [];
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      const name = a.slice(2, eq < 0 ? undefined : eq);
      const hits = Object.keys(longs).filter((l) => l.startsWith(name));
      const key = longs[name] ?? (hits.length === 1 ? longs[hits[0]!] : undefined);
      if (!key || key === 'h') return usage();
      if (needsArg.includes(key)) {
        const v = eq >= 0 ? a.slice(eq + 1) : argv[++i];
        if (v === undefined) return usage();
        opts.push({ key, value: v });
      } else opts.push({ key });
    } else {
      // A leading -SIGNAL (a number or a name that is not a cluster of flags) sets the signal.
      const body = a.slice(1);
      if (/^\d+$/.test(body) || !/^[eIgiqrvwlV]+$/.test(body) && !/^[eIgiqrvwlV]*[yosunZ]/.test(body)) {
        const s = killallSignal(body);
        if (s === null) {
          await p.err.write(`${body.replace(/^SIG/i, '')}: unknown signal; killall -l lists signals.\n`);
          return p.finish(1);
        }
        signo = s;
        continue;
      }
      opts = [];
      for (let j = 0; j < body.length; j++) {
        const ch = body[j]!;
        if (needsArg.includes(ch)) {
          const v = j + 1 < body.length ? body.slice(j + 1) : argv[++i];
          if (v === undefined) return usage();
          opts.push({ key: ch, value: v });
          break;
        }
        opts.push({ key: ch });
      }
    }
    for (const o of opts) {
      switch (o.key) {
        case 'e': exact = true; break;
        case 'I': icase = true; break;
        case 'g': group = true; break;
        case 'i': break;
        case 'q': quiet = true; break;
        case 'r': regexp = true; break;
        case 'v': verbose = true; break;
        case 'w': wait = true; break;
        case 'n': case 'Z': break;
        case 'l':
          await p.out.write(signalList());
          return p.finish(0);
        case 'V':
          await p.err.write(VERSION);
          return p.finish(0);
        case 's': {
          const s = killallSignal(o.value!);
          if (s === null) {
            await p.err.write(`${o.value!.replace(/^SIG/i, '')}: unknown signal; killall -l lists signals.\n`);
            return p.finish(1);
          }
          signo = s;
          break;
        }
        case 'u':
          user = userId(sys, o.value!);
          if (user === null) {
            await p.err.write(`Cannot find user ${o.value}\n`);
            return p.finish(1);
          }
          break;
        case 'y':
        case 'o': {
          const secs = parseAge(o.value!);
          if (secs === null) {
            await p.err.write('Invalid time format\n');
            return usage();
          }
          if (o.key === 'y') younger = secs;
          else older = secs;
          break;
        }
      }
    }
  }
  names.push(...argv.slice(i));
  if (names.length === 0 && user === null) return usage();

  const matchers: ((e: ProcEntry) => boolean)[] = [];
  for (const name of names) {
    if (regexp) {
      const t = translateRegex(name, true, icase);
      if ('error' in t) {
        await p.err.write(`killall: Bad regular expression: ${name}\n`);
        return p.finish(1);
      }
      const re = new RegExp(t.source, icase ? 'is' : 's');
      matchers.push((e) => re.test(commandName(e)));
      continue;
    }
    const same = (x: string, y: string): boolean => (icase ? x.toLowerCase() === y.toLowerCase() : x === y);
    matchers.push((e) => {
      if (name.includes('/')) return e.args[0] === name;
      if (name.length > 15) return e.comm.length === 15 && same(commandName(e), name);
      return same(e.comm, name);
    });
  }
  const self = sys.getpid();
  const uptime = parseFloat(readProcFile(sys, '/proc/uptime') ?? '0');
  const table = readProcTable(sys).filter((e) => e.pid !== self && (user === null || e.uid === user) && (() => {
    const age = uptime - e.start / 100;
    return (younger === null || age < younger) && (older === null || age > older);
  })());
  const found = new Array<number>(Math.max(names.length, 1)).fill(0);
  const victims: number[] = [];
  const killedGroups = new Set<number>();
  let errors = 0;
  for (const e of table) {
    const k = names.length ? matchers.findIndex((m) => m(e)) : 0;
    if (k < 0) continue;
    const target = group ? -e.pgid : e.pid;
    if (group && killedGroups.has(e.pgid)) {
      found[k]!++;
      continue;
    }
    const r = sys.kill(target, signo);
    if (r < 0) {
      if (!quiet) await p.err.write(`${e.comm}(${e.pid}): ${strerror(r)}\n`);
      errors++;
      continue;
    }
    if (group) killedGroups.add(e.pgid);
    found[k]!++;
    victims.push(e.pid);
    if (verbose) await p.err.write(group ? `Killed ${e.comm}(${e.pid}) with signal ${signo}\n`.replace(`(${e.pid})`, `(pgid ${e.pgid})`) : `Killed ${e.comm}(${e.pid}) with signal ${signo}\n`);
  }
  let status = 0;
  names.forEach((name, k) => {
    if (found[k] === 0) status = 1;
  });
  for (let k = 0; k < names.length; k++) {
    if (found[k] === 0 && !quiet) await p.err.write(`${names[k]}: no process found\n`);
  }
  if (names.length === 0 && found[0] === 0) status = 1;
  if (errors) status = 1;
  if (wait) {
    // psmisc polls once a second until every victim is gone.
    while (victims.some((pid) => sys.kill(pid, 0) === 0 && readProcFile(sys, `/proc/${pid}/stat`)?.split(') ')[1]?.[0] !== 'Z')) {
      await sys.nanosleep(1e9);
    }
  }
  return p.finish(status);
};

/** The whole command name: the basename of argv[0] when there is a command line, else the comm. */
function commandName(e: ProcEntry): string {
  return e.args.length ? e.args[0]!.split('/').pop()! : e.comm;
}
