// find(1) from GNU findutils: walks paths (default '.') evaluating an expression of tests (-name -iname
// -path -type -maxdepth -mindepth -newer -size -perm -user -group -empty -mtime), actions (-print
// -print0 -exec {} ; / + -delete -prune -quit) and operators (! -not -a -and -o -or ( ) ,).
import { isDir, isLnk, S_IFMT, WEXITSTATUS, WIFEXITED, type Program, type Stat, type Sys, CLOCK_REALTIME } from '../../kernel/abi.ts';
import { Cmd } from '../lib/cmd.ts';
import { strerror } from '../lib/errno.ts';
import { FIND_HELP, FIND_VERSION } from '../lib/help/findutils.ts';
import { joinPath, listNames } from '../lib/paths.ts';
import { quote } from '../lib/program.ts';
import { spawnCommand, quoteCmd, waitChild } from '../lib/run-child.ts';
import { lookupGroup, lookupUser } from '../lib/owner-spec.ts';

type Node =
  | { k: 'and' | 'or' | 'comma'; l: Node; r: Node }
  | { k: 'not'; e: Node }
  | { k: 'test'; f: (c: Ctx) => boolean }
  | { k: 'exec'; argv: string[]; plus: boolean; id: number };

interface Ctx {
  path: string;
  st: Stat;
  depth: number;
  prune: boolean;
}

class Usage {
  constructor(readonly message: string) {}
}

/** -help and -version (with one or two dashes) print their text and end find as the parser meets them. */
class Info {
  constructor(readonly text: string) {}
}

/** fnmatch(3) without FNM_PATHNAME: * ? [...] and backslash escapes. */
function globToRegex(glob: string, icase: boolean): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === '*') re += '[\\s\\S]*';
    else if (c === '?') re += '[\\s\\S]';
    else if (c === '[') {
      const end = glob.indexOf(']', i + 2);
      if (end < 0) re += '\\[';
      else {
        let body = glob.slice(i + 1, end);
        if (body.startsWith('!')) body = '^' + body.slice(1);
        re += `[${body.replace(/\\/g, '\\\\')}]`;
        i = end;
      }
    } else if (c === '\\' && i + 1 < glob.length) re += '\\' + glob[++i];
    else re += /[\w]/.test(c) ? c : '\\' + c;
  }
  return new RegExp(`^${re}$`, icase ? 'is' : 's');
}

const TYPES: Record<string, number> = { f: 0o100000, d: 0o040000, l: 0o120000, c: 0o020000, b: 0o060000, p: 0o010000, s: 0o140000 };

export const main: Program = async (sys, argv, envp) => {
  const p = new Cmd(sys, argv, envp);
  let i = 1;
  const paths: string[] = [];
  while (i < argv.length && (!argv[i]!.startsWith('-') || argv[i] === '-') && argv[i] !== '(' && argv[i] !== '!') paths.push(argv[i++]!);
  const toks = argv.slice(i);
  let maxDepth = Infinity;
  let minDepth = 0;
  let hasAction = false;
  let status = 0;
  const now = sys.clockGettime(CLOCK_REALTIME);
  const plusBatches = new Map<number, { argv: string[]; files: string[] }>();
  let execId = 0;
  let quit = false;
  let pos = 0;
  const need = (opt: string): string => {
    if (pos >= toks.length) throw new Usage(`missing argument to \`${opt}'`);
    return toks[pos++]!;
  };
  const primary = (): Node => {
    const t = toks[pos++]!;
    const test = (f: (c: Ctx) => boolean): Node => ({ k: 'test', f });
    switch (t) {
      case '(': {
        const e = orExpr();
        if (toks[pos] !== ')') throw new Usage("invalid expression; I was expecting to find a ')' somewhere but did not see one.");
        pos++;
        return e;
      }
      case '!': case '-not': return { k: 'not', e: primary() };
      case '-name': case '-iname': {
        const re = globToRegex(need(t), t === '-iname');
        return test((c) => re.test(c.path === '/' ? '/' : c.path.replace(/\/+$/, '').split('/').pop()!));
      }
      case '-path': case '-wholename': case '-ipath': {
        const re = globToRegex(need(t), t === '-ipath');
        return test((c) => re.test(c.path));
      }
      case '-type': {
        const v = need(t);
        const kinds = v.split(',');
        for (const x of kinds) if (!(x in TYPES)) throw new Usage(`Unknown argument to -type: ${x}`);
        return test((c) => kinds.some((x) => (c.st.mode & S_IFMT) === TYPES[x]));
      }
      case '-maxdepth': case '-mindepth': {
        const v = need(t);
        if (!/^\d+$/.test(v)) throw new Usage(`Expected a positive decimal integer argument to ${t}, but got ${quote(v)}`);
        if (t === '-maxdepth') maxDepth = Number(v);
        else minDepth = Number(v);
        return test(() => true);
      }
      case '-newer': {
        const f = need(t);
        const st = sys.stat(f);
        if (typeof st === 'number') throw new Usage(`${quote(f)}: ${strerror(st)}`);
        return test((c) => c.st.mtime > st.mtime);
      }
      case '-mtime': case '-mmin': {
        const v = need(t);
        const m = /^([-+]?)(\d+)$/.exec(v);
        if (!m) throw new Usage(`invalid argument ${quote(v)} to ${quote(t)}`);
        const unit = t === '-mtime' ? 86400e9 : 60e9;
        const n = Number(m[2]);
        return test((c) => {
          const age = Math.floor((now - c.st.mtime) / unit);
          return m[1] === '+' ? age > n : m[1] === '-' ? age < n : age === n;
        });
      }
      case '-size': {
        const v = need(t);
        const m = /^([-+]?)(\d+)([bcwkMG]?)$/.exec(v);
        if (!m) throw new Usage(`invalid -size type \`${v.replace(/^[-+]?\d+/, '')}'`);
        const unit = { b: 512, c: 1, w: 2, k: 1024, M: 1048576, G: 1073741824, '': 512 }[m[3] as 'b']!;
        const n = Number(m[2]);
        return test((c) => {
          const size = Math.ceil(c.st.size / unit);
          return m[1] === '+' ? size > n : m[1] === '-' ? size < n : size === n;
        });
      }
      case '-perm': {
        const v = need(t);
        const m = /^([-/]?)([0-7]+)$/.exec(v);
        if (!m) throw new Usage(`invalid mode ${quote(v)}`);
        const want = parseInt(m[2]!, 8);
        return test((c) => {
          const mode = c.st.mode & 0o7777;
          return m[1] === '-' ? (mode & want) === want : m[1] === '/' ? want === 0 || (mode & want) !== 0 : mode === want;
        });
      }
      case '-user': {
        const v = need(t);
        const u = lookupUser(sys, v);
        if (!u) throw new Usage(`${quote(v)} is not the name of a known user`);
        return test((c) => c.st.uid === u.uid);
      }
      case '-group': {
        const v = need(t);
        const g = lookupGroup(sys, v);
        if (g === null) throw new Usage(`${quote(v)} is not the name of an existing group`);
        return test((c) => c.st.gid === g);
      }
      case '-empty':
        return test((c) => (isDir(c.st.mode) ? (() => { const n = listNames(sys, c.path); return typeof n !== 'number' && n.length === 0; })() : (c.st.mode & S_IFMT) === 0o100000 && c.st.size === 0));
      case '-true': return test(() => true);
      case '-false': return test(() => false);
      case '-print': case '-print0': {
        hasAction = true;
        const end = t === '-print' ? '\n' : '\0';
        return test((c) => {
          out.push(c.path + end);
          return true;
        });
      }
      case '-prune': return test((c) => ((c.prune = true), true));
      case '-quit': return test(() => ((quit = true), true));
      case '-delete':
        hasAction = true;
        depthFirst = true;
        return test((c) => {
          const r = isDir(c.st.mode) ? sys.rmdir(c.path) : sys.unlink(c.path);
          if (r < 0) {
            errors.push(`cannot delete ${quote(c.path)}: ${strerror(r)}`);
            status = 1;
            return false;
          }
          return true;
        });
      case '-exec': case '-ok': {
        hasAction = true;
        const args: string[] = [];
        while (pos < toks.length && toks[pos] !== ';' && !(toks[pos] === '+' && args[args.length - 1] === '{}')) args.push(toks[pos++]!);
        if (pos >= toks.length) throw new Usage(`missing argument to \`${t}'`);
        const plus = toks[pos++] === '+';
        const id = execId++;
        if (plus) plusBatches.set(id, { argv: args, files: [] });
        return { k: 'exec', argv: args, plus, id };
      }
      case '-depth': depthFirst = true; return test(() => true);
      case '-help': case '--help': throw new Info(FIND_HELP);
      case '-version': case '--version': throw new Info(FIND_VERSION);
      default:
        if (t.startsWith('-')) throw new Usage(`unknown predicate \`${t}'`);
        {
          const prev = toks[pos - 3] ?? '';
          const hint = ['-name', '-iname', '-path', '-ipath', '-wholename'].includes(prev) ? `\n${p.name}: possible unquoted pattern after predicate \`${prev}'?` : '';
          throw new Usage(`paths must precede expression: \`${t}'${hint}`);
        }
    }
  };
  const andExpr = (): Node => {
    let l = primary();
    while (pos < toks.length && toks[pos] !== '-o' && toks[pos] !== '-or' && toks[pos] !== ')' && toks[pos] !== ',') {
      if (toks[pos] === '-a' || toks[pos] === '-and') pos++;
      l = { k: 'and', l, r: primary() };
    }
    return l;
  };
  const orExpr = (): Node => {
    let l = andExpr();
    while (toks[pos] === '-o' || toks[pos] === '-or' || toks[pos] === ',') {
      const comma = toks[pos] === ',';
      pos++;
      l = { k: comma ? 'comma' : 'or', l, r: andExpr() };
    }
    return l;
  };
  let depthFirst = false;
  const out: string[] = [];
  const errors: string[] = [];
  let expr: Node | null = null;
  try {
    if (toks.length) {
      expr = orExpr();
      if (pos < toks.length) {
        if (toks[pos] === ')') throw new Usage("invalid expression; you have too many ')'");
        const prev = toks[pos - 2] ?? '';
        const hint = ['-name', '-iname', '-path', '-ipath', '-wholename'].includes(prev) ? `\n${p.name}: possible unquoted pattern after predicate \`${prev}'?` : '';
        throw new Usage(`paths must precede expression: \`${toks[pos]}'${hint}`);
      }
    }
  } catch (e) {
    if (e instanceof Info) {
      await p.out.write(e.text);
      return p.finish(0);
    }
    if (!(e instanceof Usage)) throw e;
    await p.error(e.message);
    return p.finish(1);
  }
  if (!hasAction) expr = expr ? { k: 'and', l: expr, r: { k: 'test', f: (c) => (out.push(c.path + '\n'), true) } } : { k: 'test', f: (c) => (out.push(c.path + '\n'), true) };

  const flush = async (): Promise<void> => {
    for (const o of out) await p.put(o);
    out.length = 0;
    for (const e of errors) await p.error(e);
    errors.length = 0;
  };
  const run = async (argvx: string[]): Promise<boolean> => {
    await flush();
    await p.out.flush();
    const pid = spawnCommand(sys, argvx, envp, (e) => `${p.name}: ${quoteCmd(argvx[0] ?? '')}: ${strerror(e)}`);
    if (pid < 0) return false;
    const ws = await waitChild(sys, pid);
    return WIFEXITED(ws) && WEXITSTATUS(ws) === 0;
  };
  const evaluate = async (n: Node, c: Ctx): Promise<boolean> => {
    switch (n.k) {
      case 'and': return (await evaluate(n.l, c)) && evaluate(n.r, c);
      case 'or': return (await evaluate(n.l, c)) || evaluate(n.r, c);
      case 'comma': await evaluate(n.l, c); return evaluate(n.r, c);
      case 'not': return !(await evaluate(n.e, c));
      case 'test': return n.f(c);
      case 'exec': {
        if (n.plus) {
          plusBatches.get(n.id)!.files.push(c.path);
          return true;
        }
        const ok = await run(n.argv.map((a) => a.split('{}').join(c.path)));
        return ok;
      }
    }
  };
  const walk = async (path: string, depth: number): Promise<void> => {
    if (quit) return;
    const st = sys.lstat(path);
    if (typeof st === 'number') {
      await flush();
      await p.error(`${quote(path)}: ${strerror(st)}`);
      status = 1;
      return;
    }
    const c: Ctx = { path, st, depth, prune: false };
    const inRange = depth >= minDepth && depth <= maxDepth;
    if (inRange && !depthFirst) await evaluate(expr!, c);
    if (isDir(st.mode) && !isLnk(st.mode) && depth < maxDepth && !c.prune) {
      const names = listNames(sys, path);
      if (typeof names === 'number') {
        await flush();
        await p.error(`${quote(path)}: ${strerror(names)}`);
        status = 1;
      } else {
        for (const name of names) {
          await walk(joinPath(path, name), depth + 1);
          if (quit) break;
        }
      }
    }
    if (inRange && depthFirst && !quit) await evaluate(expr!, c);
    if (out.length > 256) await flush();
    await sys.yield();
  };
  for (const path of paths.length ? paths : ['.']) {
    await walk(path, 0);
    if (quit) break;
  }
  await flush();
  for (const b of plusBatches.values()) {
    if (b.files.length === 0) continue;
    const at = b.argv.indexOf('{}');
    if (!(await run([...b.argv.slice(0, at), ...b.files, ...b.argv.slice(at + 1)]))) status = 1;
  }
  return p.finish(status);
};
