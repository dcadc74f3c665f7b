// diff(1) from GNU diffutils: normal output and -u/-U N unified output (headers with the files' mtimes),
// -q, -r (recursive, "Only in"), -N? no; exit 0 same, 1 different, 2 trouble.
import { isDir, type Program, type Sys } from '../../kernel/abi.ts';
import { Cmd, readInput } from '../lib/cmd.ts';
import { diffLines, type Change } from '../lib/diff-lcs.ts';
import { strerror } from '../lib/errno.ts';
import { getopt } from '../lib/getopt.ts';
import { DIFF_HELP, DIFF_VERSION } from '../lib/help/diffutils.ts';
import { tryHelp } from '../lib/diff-try-help.ts';
import { joinPath, lastComponent, listNames } from '../lib/paths.ts';
import { strftime } from '../lib/time.ts';

interface Opts {
  unified: number;
  brief: boolean;
  recursive: boolean;
}

const NO_EOL = '\\ No newline at end of file\n';

function lines(text: string): { list: string[]; noEol: boolean } {
  if (text === '') return { list: [], noEol: false };
  const list = text.split('\n');
  const noEol = !text.endsWith('\n');
  if (!noEol) list.pop();
  return { list, noEol };
}

function range(start: number, count: number): string {
  return count === 1 ? String(start + 1) : count === 0 ? String(start) : `${start + 1},${start + count}`;
}

function normal(A: string[], B: string[], changes: Change[], noEolA: boolean, noEolB: boolean): string {
  let out = '';
  const lineA = (i: number): string => `< ${A[i]}\n` + (i === A.length - 1 && noEolA ? NO_EOL : '');
  const lineB = (i: number): string => `> ${B[i]}\n` + (i === B.length - 1 && noEolB ? NO_EOL : '');
  for (const c of changes) {
    const ra = c.delA === 0 ? String(c.a) : c.delA === 1 ? String(c.a + 1) : `${c.a + 1},${c.a + c.delA}`;
    const rb = c.insB === 0 ? String(c.b) : c.insB === 1 ? String(c.b + 1) : `${c.b + 1},${c.b + c.insB}`;
    const op = c.delA === 0 ? 'a' : c.insB === 0 ? 'd' : 'c';
    out += `${ra}${op}${rb}\n`;
    for (let i = 0; i < c.delA; i++) out += lineA(c.a + i);
    if (op === 'c') out += '---\n';
    for (let i = 0; i < c.insB; i++) out += lineB(c.b + i);
  }
  return out;
}

function unified(A: string[], B: string[], changes: Change[], ctx: number, noEolA: boolean, noEolB: boolean): string {
  let out = '';
  let k = 0;
  while (k < changes.length) {
    // Group changes whose context overlaps into one hunk.
    let end = k;
    while (end + 1 < changes.length && changes[end + 1]!.a - (changes[end]!.a + changes[end]!.delA) <= 2 * ctx) end++;
    const first = changes[k]!;
    const last = changes[end]!;
    const aStart = Math.max(0, first.a - ctx);
    const aEnd = Math.min(A.length, last.a + last.delA + ctx);
    const bStart = Math.max(0, first.b - ctx);
    const bEnd = Math.min(B.length, last.b + last.insB + ctx);
    const hr = (s: number, n: number): string => (n === 1 ? String(s + 1) : n === 0 ? `${s},0` : `${s + 1},${n}`);
    out += `@@ -${hr(aStart, aEnd - aStart)} +${hr(bStart, bEnd - bStart)} @@\n`;
    let i = aStart;
    const ctxLine = (idx: number): string => ` ${A[idx]}\n` + (idx === A.length - 1 && noEolA ? NO_EOL : '');
    for (let c = k; c <= end; c++) {
      const ch = changes[c]!;
      while (i < ch.a) out += ctxLine(i++);
      for (let d = 0; d < ch.delA; d++) out += `-${A[ch.a + d]}\n` + (ch.a + d === A.length - 1 && noEolA ? NO_EOL : '');
      for (let d = 0; d < ch.insB; d++) out += `+${B[ch.b + d]}\n` + (ch.b + d === B.length - 1 && noEolB ? NO_EOL : '');
      i = ch.a + ch.delA;
    }
    while (i < aEnd) out += ctxLine(i++);
    k = end + 1;
  }
  return out;
}

export const main: Program = async (sys, argv, envp) => {
  const p = new Cmd(sys, argv, envp);
  const args = argv.map((a, i) => (i > 0 && /^-\d+$/.test(a) ? `-U${a.slice(1)}` : a));
  const r = getopt(args, 'uU:qrNaiwbBv', [{ name: 'unified', arg: 'optional', key: 'U' }, { name: 'brief', key: 'q' },
    { name: 'recursive', key: 'r' }, { name: 'text', key: 'a' }, { name: 'help' }, { name: 'version' }]);
  // diffutils acts on --help and -v as its option loop meets them, before a later bad option.
  for (const x of r.opts) {
    if (x.key === 'help' || x.key === 'v' || x.key === 'version') {
      await p.out.write(x.key === 'help' ? DIFF_HELP : DIFF_VERSION);
      return p.finish(0);
    }
  }
  if (r.error) return p.finish(await tryHelp(p, r.error));
  const o: Opts = { unified: -1, brief: false, recursive: false };
  for (const x of r.opts) {
    if (x.key === 'u') o.unified = 3;
    else if (x.key === 'U') o.unified = x.value === undefined ? 3 : Number(x.value);
    else if (x.key === 'q') o.brief = true;
    else if (x.key === 'r') o.recursive = true;
  }
  if (r.operands.length < 2) return p.finish(await tryHelp(p, `missing operand after '${r.operands[0] ?? 'diff'}'`));
  if (r.operands.length > 2) return p.finish(await tryHelp(p, `extra operand '${r.operands[2]}'`));
  let [a, b] = r.operands as [string, string];
  const sa = a === '-' ? null : sys.stat(a);
  const sb = b === '-' ? null : sys.stat(b);
  for (const [name, st] of [[a, sa], [b, sb]] as const) {
    if (typeof st === 'number') {
      await p.error(`${name}: ${strerror(st)}`);
      return p.finish(2);
    }
  }
  const dirA = sa !== null && typeof sa !== 'number' && isDir(sa.mode);
  const dirB = sb !== null && typeof sb !== 'number' && isDir(sb.mode);
  if (dirA && dirB) return p.finish(await diffDirs(p, sys, a, b, o, argv));
  if (dirA) a = joinPath(a, lastComponent(b));
  if (dirB) b = joinPath(b, lastComponent(a));
  return p.finish(await diffFiles(p, sys, a, b, o));
};

async function diffFiles(p: Cmd, sys: Sys, a: string, b: string, o: Opts): Promise<number> {
  const texts: string[] = [];
  for (const n of [a, b]) {
    const inp = await readInput(sys, n);
    if ('openError' in inp || 'readError' in inp) {
      await p.error(`${n}: ${strerror('openError' in inp ? inp.openError : inp.readError)}`);
      return 2;
    }
    texts.push(inp.data);
  }
  if (texts[0] === texts[1]) return 0;
  if (o.brief) {
    await p.put(`Files ${a} and ${b} differ\n`);
    return 1;
  }
  const la = lines(texts[0]!);
  const lb = lines(texts[1]!);
  const changes = diffLines(la.list, lb.list);
  // Only the missing final newline differs: the last lines count as changed.
  if (changes.length === 0) {
    const n = la.list.length - 1;
    changes.push({ a: n, delA: 1, b: lb.list.length - 1, insB: 1 });
  } else {
    const lastA = la.list.length - 1;
    const lastB = lb.list.length - 1;
    const touches = changes.some((c) => c.a + c.delA > lastA || c.b + c.insB > lastB);
    if (la.noEol !== lb.noEol && !touches) changes.push({ a: lastA, delA: 1, b: lastB, insB: 1 });
  }
  await sys.yield();
  if (o.unified >= 0) {
    const stamp = (name: string): string => {
      const st = name === '-' ? sys.fstat(0) : sys.stat(name);
      return typeof st === 'number' ? '' : strftime('%Y-%m-%d %H:%M:%S.%N +0000', st.mtime);
    };
    await p.put(`--- ${a}\t${stamp(a)}\n+++ ${b}\t${stamp(b)}\n`);
    await p.put(unified(la.list, lb.list, changes, o.unified, la.noEol, lb.noEol));
  } else await p.put(normal(la.list, lb.list, changes, la.noEol, lb.noEol));
  return 1;
}

async function diffDirs(p: Cmd, sys: Sys, a: string, b: string, o: Opts, argv: readonly string[]): Promise<number> {
  const na = listNames(sys, a);
  const nb = listNames(sys, b);
  if (typeof na === 'number' || typeof nb === 'number') return 2;
  const all = [...new Set([...na, ...nb])].sort();
  let status = 0;
  const opts = argv.slice(1).filter((x) => x.startsWith('-')).join(' ');
  for (const n of all) {
    const pa = joinPath(a, n);
    const pb = joinPath(b, n);
    if (!na.includes(n) || !nb.includes(n)) {
      await p.put(`Only in ${na.includes(n) ? a : b}: ${n}\n`);
      status = Math.max(status, 1);
      continue;
    }
    const sa = sys.stat(pa);
    const sb = sys.stat(pb);
    if (typeof sa === 'number' || typeof sb === 'number') continue;
    if (isDir(sa.mode) && isDir(sb.mode)) {
      if (o.recursive) status = Math.max(status, await diffDirs(p, sys, pa, pb, o, argv));
      else await p.put(`Common subdirectories: ${pa} and ${pb}\n`);
      continue;
    }
    if (isDir(sa.mode) !== isDir(sb.mode)) {
      await p.put(`File ${pa} is a ${isDir(sa.mode) ? 'directory' : 'regular file'} while file ${pb} is a ${isDir(sb.mode) ? 'directory' : 'regular file'}\n`);
      status = Math.max(status, 1);
      continue;
    }
    const ta = await readInput(sys, pa);
    const tb = await readInput(sys, pb);
    if ('data' in ta && 'data' in tb && ta.data === tb.data) continue;
    if (!o.brief) await p.put(`diff ${opts ? opts + ' ' : ''}${pa} ${pb}\n`);
    status = Math.max(status, await diffFiles(p, sys, pa, pb, o));
  }
  return status;
}
