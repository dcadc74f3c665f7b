// grep(1) from GNU grep 3.8: -G -E -F -P, -i -v -w -x, -c -l -L -o -q -s -m, -n -h -H, -A -B -C, -r -R,
// -e -f; exit 0 when a line is selected, 1 when none, 2 on error (0 with -q once a line matched).
import { isDir, isLnk, type Program, type Sys } from '../../kernel/abi.ts';
import { argBytes, Cmd, readInput, splitLines, toLatin1 } from '../lib/cmd.ts';
import { strerror } from '../lib/errno.ts';
import { getopt, type LongOpt } from '../lib/getopt.ts';
import { Matcher, type MatchOptions } from '../lib/grep-match.ts';
import { readAll } from '../lib/io.ts';
import { GREP_HELP, GREP_VERSION } from '../lib/help/grep.ts';

const LONGS: LongOpt[] = [
  ['extended-regexp', 'E'], ['fixed-strings', 'F'], ['basic-regexp', 'G'], ['perl-regexp', 'P'], ['ignore-case', 'i'],
  ['no-ignore-case', 'no-ignore-case'], ['invert-match', 'v'], ['word-regexp', 'w'], ['line-regexp', 'x'], ['count', 'c'],
  ['line-number', 'n'], ['only-matching', 'o'], ['quiet', 'q'], ['silent', 'q'], ['recursive', 'r'],
  ['dereference-recursive', 'R'], ['files-with-matches', 'l'], ['files-without-match', 'L'], ['no-filename', 'h'],
  ['with-filename', 'H'], ['no-messages', 's'], ['text', 'a'], ['null', 'Z'], ['null-data', 'z'], ['byte-offset', 'b'],
  ['initial-tab', 'T'], ['help', 'help'], ['version', 'V'],
].map(([name, key]) => ({ name: name!, key }));
LONGS.push(...[['after-context', 'A'], ['before-context', 'B'], ['context', 'C'], ['regexp', 'e'], ['file', 'f'],
  ['max-count', 'm'], ['label', 'label'], ['include', 'include'], ['exclude', 'exclude'], ['exclude-dir', 'exclude-dir']]
  .map(([name, key]) => ({ name: name!, key, arg: 'required' as const })));
LONGS.push({ name: 'color', arg: 'optional' }, { name: 'colour', key: 'color', arg: 'optional' });

interface State {
  p: Cmd;
  m: Matcher;
  invert: boolean; count: boolean; only: boolean; quiet: boolean; silent: boolean; number: boolean;
  list: 'l' | 'L' | null; names: boolean; after: number; before: number; max: number; text: boolean; nul: boolean;
  recursive: 'r' | 'R' | null; label: string;
  printed: boolean; matched: boolean; error: boolean; done: boolean;
}

export const main: Program = async (sys, argv, envp) => {
  const p = new Cmd(sys, argv, envp);
  const r = getopt(argv, 'EFGPivwxcnoqsrRlLhHaZzbTVyUA:B:C:e:f:m:', LONGS);
  const usage = async (msg?: string): Promise<number> => {
    if (msg) await p.error(msg);
    await p.err.write(`Usage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n`);
    return p.finish(2);
  };
  if (r.error) return usage(r.error);
  const mo: MatchOptions = { mode: 'G', icase: false, word: false, line: false };
  const patterns: string[] = [];
  let havePatterns = false;
  let names: boolean | null = null;
  let showHelp = false, showVersion = false;
  const st = {
    p, invert: false, count: false, only: false, quiet: false, silent: false, number: false, list: null, after: -1,
    before: -1, max: -1, text: false, nul: false, recursive: null, label: '(standard input)', printed: false, matched: false, error: false, done: false,
  } as Omit<State, 'm' | 'names'> & { m?: Matcher; names?: boolean };
  for (const o of r.opts) {
    const v = o.value ?? '';
    switch (o.key) {
      case 'E': case 'F': case 'G': case 'P': mo.mode = o.key; break;
      case 'i': case 'y': mo.icase = true; break;
      case 'no-ignore-case': mo.icase = false; break;
      case 'v': st.invert = true; break;
      case 'w': mo.word = true; break;
      case 'x': mo.line = true; break;
      case 'c': st.count = true; break;
      case 'n': st.number = true; break;
      case 'o': st.only = true; break;
      case 'q': st.quiet = true; break;
      case 's': st.silent = true; break;
      case 'r': case 'R': st.recursive = o.key; break;
      case 'l': case 'L': st.list = o.key; break;
      case 'h': names = false; break;
      case 'H': names = true; break;
      case 'a': st.text = true; break;
      case 'Z': st.nul = true; break;
      case 'label': st.label = v; break;
      case 'A': case 'B': case 'C': {
        if (!/^\d+$/.test(v)) {
          await p.error(`${v}: invalid context length argument`);
          return p.finish(2);
        }
        const n = Number(v);
        if (o.key !== 'B') st.after = n;
        if (o.key !== 'A') st.before = n;
        break;
      }
      case 'm': {
        if (!/^-?\d+$/.test(v)) {
          await p.error('invalid max count');
          return p.finish(2);
        }
        st.max = Number(v) < 0 ? -1 : Number(v);
        break;
      }
      case 'e': patterns.push(...v.split('\n')); havePatterns = true; break;
      case 'f': {
        const inp = await readInput(sys, v);
        if ('openError' in inp) {
          await p.error(`${v}: ${strerror(inp.openError)}`);
          return p.finish(2);
        }
        patterns.push(...splitLines(inp.data).lines);
        havePatterns = true;
        break;
      }
      case 'help': showHelp = true; break;
      case 'V': showVersion = true; break;
      default: break;
    }
  }
  // As grep.c: the option loop only notes --help and -V; the version wins.
  if (showVersion) { await p.out.write(GREP_VERSION); return p.finish(0); }
  if (showHelp) { await p.out.write(GREP_HELP); return p.finish(0); }
  const files = [...r.operands];
  if (!havePatterns) {
    if (files.length === 0) return usage();
    patterns.push(...files.shift()!.split('\n'));
  }
  const m = Matcher.compile(patterns, mo);
  if (typeof m === 'string') {
    await p.error(m);
    return p.finish(2);
  }
  st.m = m;
  if (files.length === 0) files.push(st.recursive ? '.' : '-');
  const implicitDot = st.recursive !== null && r.operands.length === (havePatterns ? 0 : 1);
  st.names = names ?? (files.length > 1 || st.recursive !== null);
  const s = st as State;
  for (const f of files) {
    if (s.done) break;
    await searchPath(sys, s, f, true, implicitDot);
  }
  if (s.quiet && s.matched) return p.finish(0);
  return p.finish(s.error ? 2 : s.matched ? 0 : 1);
};

async function searchPath(sys: Sys, s: State, path: string, top: boolean, implicitDot: boolean): Promise<void> {
  if (path !== '-' && s.recursive) {
    const lst = top || s.recursive === 'R' ? sys.stat(path) : sys.lstat(path);
    if (typeof lst !== 'number' && isLnk(lst.mode)) return;
    if (typeof lst !== 'number' && isDir(lst.mode)) {
      const fd = sys.open(path, 0);
      const ents = fd < 0 ? fd : sys.getdents(fd);
      if (fd >= 0) sys.close(fd);
      if (typeof ents === 'number') {
        if (!s.silent) await s.p.error(`${path}: ${strerror(ents)}`);
        s.error = true;
        return;
      }
      for (const e of ents) {
        if (e.name === '.' || e.name === '..') continue;
        const child = implicitDot && top && path === '.' ? e.name : path.endsWith('/') ? path + e.name : `${path}/${e.name}`;
        await searchPath(sys, s, child, false, implicitDot);
        if (s.done) return;
      }
      return;
    }
  }
  const fd = path === '-' ? 0 : sys.open(path, 0);
  if (fd < 0) {
    if (!s.silent) await s.p.error(`${path}: ${strerror(fd)}`);
    s.error = true;
    return;
  }
  const stt = sys.fstat(fd);
  if (typeof stt !== 'number' && isDir(stt.mode)) {
    if (fd !== 0) sys.close(fd);
    if (!s.silent) await s.p.error(`${path}: Is a directory`);
    s.error = true;
    return;
  }
  const data = await readAll(sys, fd);
  if (fd !== 0) sys.close(fd);
  if (typeof data === 'number') {
    if (!s.silent) await s.p.error(`${path}: ${strerror(data)}`);
    s.error = true;
    return;
  }
  await searchText(sys, s, toLatin1(data), path === '-' ? s.label : path);
}

async function searchText(sys: Sys, s: State, text: string, name: string): Promise<void> {
  const binary = !s.text && text.includes('\0');
  const { lines } = splitLines(text);
  const prefix = s.names ? argBytes(name) : '';
  let count = 0;
  let lastPrinted = -1;
  let afterLeft = 0;
  const emit = async (i: number, sep: string): Promise<void> => {
    if (lastPrinted >= 0 && i > lastPrinted + 1 && (s.before >= 0 || s.after >= 0)) await s.p.put('--\n');
    else if (lastPrinted < 0 && s.printed && (s.before >= 0 || s.after >= 0)) await s.p.put('--\n');
    lastPrinted = i;
    s.printed = true;
    await s.p.put(`${prefix ? prefix + (s.nul ? '\0' : sep) : ''}${s.number ? `${i + 1}${sep}` : ''}${lines[i]}\n`);
  };
  for (let i = 0; i < lines.length; i++) {
    if (i % 4096 === 4095) await sys.yield();
    const line = lines[i]!;
    const selected = s.m.test(line) !== s.invert;
    if (!selected) {
      if (afterLeft > 0 && !s.count && !s.list && !s.quiet && !binary) {
        await emit(i, '-');
        afterLeft--;
      }
      continue;
    }
    count++;
    s.matched = true;
    if (s.quiet) {
      s.done = true;
      return;
    }
    if (s.list || s.count) {
      if (s.list || count === s.max) break;
      continue;
    }
    if (binary) break;
    if (s.before > 0) for (let j = Math.max(lastPrinted + 1, i - s.before); j < i; j++) await emit(j, '-');
    if (s.only) {
      if (!s.invert) {
        for (let from = 0; from <= line.length;) {
          const f = s.m.find(line, from);
          if (!f) break;
          if (f[1] > f[0]) {
            await s.p.put(`${prefix ? prefix + (s.nul ? '\0' : ':') : ''}${s.number ? `${i + 1}:` : ''}${line.slice(f[0], f[1])}\n`);
          }
          from = f[1] > f[0] ? f[1] : f[0] + 1;
        }
      }
      lastPrinted = i;
    } else await emit(i, ':');
    afterLeft = s.after > 0 ? s.after : 0;
    if (count === s.max) {
      for (let j = i + 1; j < lines.length && afterLeft > 0; j++, afterLeft--) {
        if (s.m.test(lines[j]!) !== s.invert) break;
        await emit(j, '-');
      }
      break;
    }
  }
  if (s.count) await s.p.put(`${prefix ? prefix + (s.nul ? '\0' : ':') : ''}${count}\n`);
  if (s.list === 'l' && count > 0) await s.p.put(`${argBytes(name)}${s.nul ? '\0' : '\n'}`);
  if (s.list === 'L' && count === 0) await s.p.put(`${argBytes(name)}${s.nul ? '\0' : '\n'}`);
  if (binary && count > 0 && !s.count && !s.list) await s.p.out.write(`grep: ${name}: binary file matches\n`);
}
