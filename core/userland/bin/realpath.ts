// realpath(1) from GNU coreutils: canonical absolute names; -e (all must exist), -m (none need),
// -s (no symlinks), -q, -z, --relative-to DIR, --relative-base DIR.
import type { Program } from '../../kernel/abi.ts';
import { canonicalize, type CanonMode } from '../lib/canonical-path.ts';
import { Cmd } from '../lib/cmd.ts';
import { strerror } from '../lib/errno.ts';
import { answerInfo } from '../lib/coreutils-info.ts';
import { getopt } from '../lib/getopt.ts';

function relative(path: string, base: string): string {
  const a = path.split('/').filter(Boolean);
  const b = base.split('/').filter(Boolean);
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  const parts = [...b.slice(i).map(() => '..'), ...a.slice(i)];
  return parts.length ? parts.join('/') : '.';
}

function lexical(sys: { getcwd(): string }, path: string): string {
  const out: string[] = [];
  for (const part of (path.startsWith('/') ? path : `${sys.getcwd()}/${path}`).split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') out.pop();
    else out.push(part);
  }
  return '/' + out.join('/');
}

export const main: Program = async (sys, argv, envp) => {
  const p = new Cmd(sys, argv, envp);
  const r = getopt(argv, 'emLPqsz', [{ name: 'canonicalize-existing', key: 'e' }, { name: 'canonicalize-missing', key: 'm' },
    { name: 'logical', key: 'L' }, { name: 'physical', key: 'P' }, { name: 'quiet', key: 'q' }, { name: 'strip', key: 's' },
    { name: 'no-symlinks', key: 's' }, { name: 'zero', key: 'z' }, { name: 'relative-to', arg: 'required' },
    { name: 'relative-base', arg: 'required' }, { name: 'help' }, { name: 'version' }]);
  if (await answerInfo(p, 'realpath', r.opts)) return p.finish(0);
  if (r.error) return p.finish(await p.tryHelp(r.error));
  let mode: CanonMode = 'all-but-last';
  let quiet = false;
  let strip = false;
  let eol = '\n';
  let relTo: string | undefined;
  let relBase: string | undefined;
  for (const o of r.opts) {
    if (o.key === 'e') mode = 'existing';
    else if (o.key === 'm') mode = 'missing';
    else if (o.key === 'q') quiet = true;
    else if (o.key === 's') strip = true;
    else if (o.key === 'z') eol = '\0';
    else if (o.key === 'relative-to') relTo = o.value;
    else if (o.key === 'relative-base') relBase = o.value;
  }
  if (r.operands.length === 0) return p.finish(await p.tryHelp('missing operand'));
  const resolve = (path: string): string | number => (strip ? lexical(sys, path) : canonicalize(sys, path, mode));
  let base: string | undefined;
  let to: string | undefined;
  for (const [name, v] of [['to', relTo], ['base', relBase]] as const) {
    if (v === undefined) continue;
    const c = resolve(v);
    if (typeof c === 'number') {
      await p.error(`${v}: ${strerror(c)}`);
      return p.finish(1);
    }
    if (name === 'to') to = c;
    else base = c;
  }
  if (base !== undefined && to === undefined) to = base;
  let status = 0;
  for (const f of r.operands) {
    const c = resolve(f);
    if (typeof c === 'number') {
      if (!quiet) await p.error(`${f}: ${strerror(c)}`);
      status = 1;
      continue;
    }
    let out = c;
    const under = (x: string, dir: string): boolean => dir === '/' || x === dir || x.startsWith(dir + '/');
    if (to !== undefined && (base === undefined || (under(c, base) && under(to, base)))) out = relative(c, to);
    await p.out.write(out + eol);
  }
  return p.finish(status);
};
