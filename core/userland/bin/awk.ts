// awk(1) as Debian 12's default awk, mawk 1.3.4: -f progfile, -F fs, -v var=value, -W version/usage,
// var=value operands; syntax errors "awk: line N: ..." and run-time errors exit 2.
import type { Program } from '../../kernel/abi.ts';
import { argBytes, Cmd, readInput } from '../lib/cmd.ts';
import { strerror } from '../lib/errno.ts';
import { AwkFatal, AwkRuntimeError, Interp } from '../lib/awk/interp.ts';
import { AwkSyntaxError, unescapeString } from '../lib/awk/lexer.ts';
import { parseAwk } from '../lib/awk/parser.ts';
import { AWK_USAGE, AWK_VERSION_ERR, AWK_VERSION_OUT } from '../lib/awk/usage.ts';
import { toNum } from '../lib/awk/value.ts';

export const main: Program = async (sys, argv, envp) => {
  const p = new Cmd(sys, argv, envp);
  const progFiles: string[] = [];
  const assigns: [string, string][] = [];
  let fs: string | null = null;
  let i = 1;
  const needArg = async (opt: string): Promise<number> => {
    await p.err.write(`${p.name}: option -${opt} lacks argument\n`);
    return p.finish(2);
  };
  for (; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') {
      i++;
      break;
    }
    if (a.length < 2 || a[0] !== '-') break;
    const opt = a[1]!;
    if (opt === 'f' || opt === 'F' || opt === 'v' || opt === 'W') {
      let val = a.slice(2);
      if (val === '') {
        if (i + 1 >= argv.length) return needArg(opt);
        val = argv[++i]!;
      }
      if (opt === 'f') progFiles.push(val);
      else if (opt === 'F') fs = val;
      else if (opt === 'v') {
        const eq = val.indexOf('=');
        if (eq <= 0) {
          await p.err.write(`${p.name}: improper assignment: -v ${val}\n`);
          return p.finish(2);
        }
        assigns.push([val.slice(0, eq), val.slice(eq + 1)]);
      } else {
        const w = val.toLowerCase();
        if ('version'.startsWith(w.split('=')[0]!) && w !== '') {
          await p.out.write(AWK_VERSION_OUT);
          await p.out.flush();
          await p.err.write(AWK_VERSION_ERR);
          return p.finish(0);
        }
        if ('usage'.startsWith(w) || 'help'.startsWith(w)) {
          await p.err.write(AWK_USAGE);
          return p.finish(0);
        }
        // mawk warns about -W names it does not know, and about a value given to one that takes none.
        const name = w.split('=')[0]!;
        const known = name !== '' && ['dump', 'exec', 'interactive', 'posix_space', 'random', 'sprintf'].some((k) => k.startsWith(name));
        if (!known) await p.err.write(`${p.name}: vacuous option: -W ${val}\n`);
        if (w.includes('=') && !(known && ['exec', 'random', 'sprintf'].some((k) => k.startsWith(name)))) {
          await p.err.write(`${p.name}: unexpected option value ${val}\n`);
        }
      }
      continue;
    }
    // mawk names the option and stops, without its usage (--help and --version included).
    await p.err.write(`${p.name}: not an option: ${a}\n`);
    return p.finish(2);
  }
  let src: string;
  let srcName = '';
  if (progFiles.length) {
    const parts: string[] = [];
    for (const f of progFiles) {
      const r = await readInput(sys, f);
      if ('openError' in r) {
        await p.err.write(`${p.name}: cannot open ${f} (${strerror(r.openError)})\n`);
        return p.finish(2);
      }
      parts.push('data' in r ? r.data : '');
    }
    src = parts.join('\n');
    srcName = progFiles[progFiles.length - 1]! + ': ';
  } else {
    if (i >= argv.length) {
      await p.err.write(AWK_USAGE);
      return p.finish(0);
    }
    src = argBytes(argv[i++]!);
  }
  let prog;
  try {
    prog = parseAwk(src);
  } catch (e) {
    if (!(e instanceof AwkSyntaxError)) throw e;
    await p.err.write(`${p.name}: ${srcName}line ${e.line}: ${e.message}\n`);
    return p.finish(2);
  }
  const interp = new Interp(sys, prog, p.out, p.err, envp);
  interp.setArgs(['awk', ...argv.slice(i).map(argBytes)]);
  if (fs !== null) interp.vars.set('FS', unescapeString(argBytes(fs)));
  for (const [k, v] of assigns) interp.assignArg(k, argBytes(v));
  let status: number;
  try {
    status = await interp.run();
  } catch (e) {
    if (e instanceof AwkRuntimeError) {
      const v = interp.vars;
      await p.err.write(`${p.name}: run time error: ${e.message}\n\tFILENAME="${interp.str(v.get('FILENAME'))}" FNR=${toNum(v.get('FNR'))} NR=${toNum(v.get('NR'))}\n`);
      await interp.closeAll();
      return p.finish(2);
    }
    if (e instanceof AwkFatal) {
      await p.err.write(`${p.name}: ${e.message}\n`);
      await interp.closeAll();
      return p.finish(2);
    }
    throw e;
  }
  await interp.closeAll();
  return p.finish(status);
};
