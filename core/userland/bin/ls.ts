// ls(1) from GNU coreutils in the C locale: -a -A -l -1 -d -h -R -t -S -r -i -F -C --color=never;
// columns when stdout is a terminal, one name per line otherwise.
import { isChr, isDir, isLnk, S_IFMT, type Program, type Stat, type Sys } from '../../kernel/abi.ts';
import { strerror } from '../lib/errno.ts';
import { argmatch } from '../lib/argmatch.ts';
import { answerInfo } from '../lib/coreutils-info.ts';
import { getopt, type LongOpt } from '../lib/getopt.ts';
import { Proc, quote } from '../lib/program.ts';
import { formatLong, humanSize, type Entry } from '../lib/ls-format.ts';
import { getenv } from '../lib/env.ts';

interface Opts {
  all: boolean;
  almostAll: boolean;
  long: boolean;
  one: boolean;
  columns: boolean;
  dirSelf: boolean;
  human: boolean;
  recursive: boolean;
  sort: 'name' | 'time' | 'size' | 'none';
  reverse: boolean;
  inode: boolean;
  classify: boolean;
  numeric: boolean;
}

const SHORT: Record<string, (o: Opts) => void> = {
  a: (o) => { o.all = true; }, A: (o) => { o.almostAll = true; }, l: (o) => { o.long = true; o.one = false; o.columns = false; },
  '1': (o) => { o.one = true; o.columns = false; o.long = false; }, d: (o) => { o.dirSelf = true; },
  h: (o) => { o.human = true; }, R: (o) => { o.recursive = true; }, t: (o) => { o.sort = 'time'; },
  S: (o) => { o.sort = 'size'; }, r: (o) => { o.reverse = true; }, i: (o) => { o.inode = true; },
  F: (o) => { o.classify = true; }, C: (o) => { o.columns = true; o.one = false; o.long = false; },
  U: (o) => { o.sort = 'none'; }, f: (o) => { o.sort = 'none'; o.all = true; },
  n: (o) => { o.long = true; o.numeric = true; o.one = false; o.columns = false; },
};

const LONGS: LongOpt[] = [['all', 'a'], ['almost-all', 'A'], ['directory', 'd'], ['human-readable', 'h'], ['recursive', 'R'],
  ['reverse', 'r'], ['inode', 'i'], ['classify', 'F'], ['numeric-uid-gid', 'n']].map(([name, key]) => ({ name: name!, key }));
/** The --color arguments (the guest never colours). */
const COLORS = [['always', 'yes', 'force'], ['never', 'no', 'none'], ['auto', 'tty', 'if-tty']];

export const main: Program = async (sys, argv, envp) => {
  const p = new Proc(sys, argv, envp);
  const tty = sys.isatty(1);
  const o: Opts = {
    all: false, almostAll: false, long: false, one: !tty, columns: tty, dirSelf: false, human: false,
    recursive: false, sort: 'name', reverse: false, inode: false, classify: false, numeric: false,
  };
  const r = getopt(argv, Object.keys(SHORT).join(''), [...LONGS, { name: 'color', arg: 'optional' }, { name: 'help' }, { name: 'version' }]);
  for (const x of r.opts) {
    if (await answerInfo(p, 'ls', [x])) return p.finish(0);
    if (x.key !== 'color') SHORT[x.key]!(o);
    else if (x.value !== undefined && (await argmatch(p, '--color', x.value, COLORS)) === null) return p.finish(1);
  }
  if (r.error) return p.finish(await p.tryHelp(r.error) + 1);
  const names = r.operands;
  const width = Number(getenv(envp, 'COLUMNS')) || (tty ? ((w) => (typeof w === 'number' ? 80 : w.cols))(sys.tcgetwinsize(1)) : 80);
  let status = 0;
  const operands = names.length ? names : ['.'];
  const files: Entry[] = [];
  const dirs: Entry[] = [];
  for (const name of operands) {
    const st = o.long || o.dirSelf || o.classify ? sys.lstat(name) : sys.stat(name);
    const st2 = typeof st === 'number' && st !== -2 ? st : typeof st === 'number' ? sys.lstat(name) : st;
    if (typeof st2 === 'number') {
      await p.error(`cannot access ${quote(name)}: ${strerror(st2)}`);
      status = 2;
      continue;
    }
    let stat = st2;
    if (isLnk(stat.mode) && !o.long && !o.dirSelf && !o.classify) {
      const target = sys.stat(name);
      if (typeof target !== 'number') stat = target;
    }
    if (isLnk(stat.mode) && o.long && !o.dirSelf && name.endsWith('/')) {
      const target = sys.stat(name);
      if (typeof target !== 'number') stat = target;
    }
    const e: Entry = { name, path: name, stat };
    if (isDir(stat.mode) && !o.dirSelf) dirs.push(e);
    else files.push(e);
  }
  const show = operands.length > 1 || o.recursive;
  let first = true;
  if (files.length) {
    await print(p, sys, sortEntries(files, o), o, width, false);
    first = false;
  }
  const queue = sortEntries(dirs, o);
  while (queue.length) {
    const d = queue.shift()!;
    const r = await listDir(p, sys, d, o, width, show, first);
    first = false;
    if (r.status) status = status || r.status;
    if (o.recursive) queue.unshift(...r.subdirs);
  }
  return p.finish(status);
};

function sortEntries(list: Entry[], o: Opts): Entry[] {
  const byName = (a: Entry, b: Entry) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
  let out = list.slice();
  if (o.sort === 'name') out.sort(byName);
  else if (o.sort === 'time') out.sort((a, b) => b.stat.mtime - a.stat.mtime || byName(a, b));
  else if (o.sort === 'size') out.sort((a, b) => b.stat.size - a.stat.size || byName(a, b));
  if (o.reverse) out = out.reverse();
  return out;
}

async function listDir(p: Proc, sys: Sys, d: Entry, o: Opts, width: number, header: boolean, first: boolean):
  Promise<{ status: number; subdirs: Entry[] }> {
  const fd = sys.open(d.path, 0o200000);
  if (fd < 0) {
    await p.error(`cannot open directory ${quote(d.path)}: ${strerror(fd)}`);
    return { status: 2, subdirs: [] };
  }
  const list = sys.getdents(fd);
  sys.close(fd);
  if (typeof list === 'number') {
    await p.error(`reading directory ${quote(d.path)}: ${strerror(list)}`);
    return { status: 2, subdirs: [] };
  }
  const entries: Entry[] = [];
  for (const de of list) {
    const hidden = de.name.startsWith('.');
    if (hidden && !o.all && !(o.almostAll && de.name !== '.' && de.name !== '..')) continue;
    const path = d.path.endsWith('/') ? d.path + de.name : `${d.path}/${de.name}`;
    const st = sys.lstat(path);
    if (typeof st === 'number') continue;
    entries.push({ name: de.name, path, stat: st });
  }
  const sorted = sortEntries(entries, o);
  if (header) await p.out.write(`${first ? '' : '\n'}${d.path}:\n`);
  if (o.long) {
    const blocks = sorted.reduce((n, e) => n + e.stat.blocks, 0);
    await p.out.write(`total ${o.human ? humanSize(blocks * 512) : Math.ceil(blocks / 2)}\n`);
  }
  await print(p, sys, sorted, o, width, true);
  const subdirs = o.recursive
    ? sorted.filter((e) => isDir(e.stat.mode) && e.name !== '.' && e.name !== '..')
    : [];
  return { status: 0, subdirs };
}

function classifyChar(st: Stat): string {
  const t = st.mode & S_IFMT;
  if (isDir(st.mode)) return '/';
  if (isLnk(st.mode)) return '@';
  if (t === 0o010000) return '|';
  if (t === 0o140000) return '=';
  if (!isChr(st.mode) && st.mode & 0o111) return '*';
  return '';
}

async function print(p: Proc, sys: Sys, list: Entry[], o: Opts, width: number, inDir: boolean): Promise<void> {
  if (list.length === 0) return;
  if (o.long) {
    const now = sys.clockGettime(0);
    for (const line of formatLong(sys, list, { human: o.human, inode: o.inode, numeric: o.numeric, classify: o.classify, now }))
      await p.out.write(line + '\n');
    return;
  }
  void inDir;
  const labels = list.map((e) => (o.inode ? `${e.stat.ino} ` : '') + e.name + (o.classify ? classifyChar(e.stat) : ''));
  if (!o.columns) {
    for (const l of labels) await p.out.write(l + '\n');
    return;
  }
  await p.out.write(columns(labels, width));
}

/** GNU ls's vertical column layout: the most columns that fit, each as wide as its longest name + 2. */
export function columns(labels: string[], width: number): string {
  const n = labels.length;
  const lens = labels.map((l) => l.length);
  let best = 1;
  let bestWidths = [Math.max(...lens)];
  for (let cols = Math.min(n, Math.max(1, Math.floor(width / 3))); cols > 1; cols--) {
    const rows = Math.ceil(n / cols);
    const realCols = Math.ceil(n / rows);
    const widths: number[] = [];
    for (let c = 0; c < realCols; c++) {
      let w = 0;
      for (let r = 0; r < rows; r++) {
        const i = c * rows + r;
        if (i < n) w = Math.max(w, lens[i]!);
      }
      widths.push(w + (c < realCols - 1 ? 2 : 0));
    }
    if (widths.reduce((a, b) => a + b, 0) < width) {
      best = realCols;
      bestWidths = widths;
      break;
    }
  }
  const rows = Math.ceil(n / best);
  let out = '';
  for (let r = 0; r < rows; r++) {
    let line = '';
    for (let c = 0; c < best; c++) {
      const i = c * rows + r;
      if (i >= n) break;
      const last = c === best - 1 || (c + 1) * rows + r >= n;
      line += last ? labels[i] : labels[i]!.padEnd(bestWidths[c]!);
    }
    out += line + '\n';
  }
  return out;
}
