// nice(1) from GNU coreutils 9.1: runs COMMAND with its niceness raised by -n N (10 by default; the
// old forms -N and --N too), or prints the niceness when there is no command. Guests have no
// scheduler priorities, so every process runs at niceness 0: that is what nice prints, and an
// adjustment changes nothing, except that lowering it is refused to a user other than root as Linux
// refuses it (a warning; the command still runs).
import { EACCES, ENOENT, type Program } from '../../kernel/abi.ts';
import { Cmd } from '../lib/cmd.ts';
import { answerInfo } from '../lib/coreutils-info.ts';
import { strerror } from '../lib/errno.ts';
import { getopt } from '../lib/getopt.ts';
import { localeQuote } from '../lib/locale-quote.ts';
import { execvp } from '../lib/path-search.ts';
import { quoteCmd } from '../lib/run-child.ts';

const EXIT_CANCELED = 125;

/** argv with the old "-N" / "--N" adjustments written as --adjustment=N, up to the command. */
function modernize(argv: readonly string[]): string[] {
  const out = [argv[0] ?? 'nice'];
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i]!;
    if (/^-[+-]?[0-9]/.test(a)) out.push(`--adjustment=${a.slice(1)}`);
    else if (a === '--' || !a.startsWith('-') || a === '-') return [...out, ...argv.slice(i)];
    else {
      out.push(a);
      const long = a.startsWith('--') && !a.includes('=') && 'adjustment'.startsWith(a.slice(2));
      if ((a === '-n' || long) && i + 1 < argv.length) out.push(argv[++i]!);
    }
  }
  return out;
}

export const main: Program = async (sys, argv, envp) => {
  const p = new Cmd(sys, argv, envp);
  const r = getopt(modernize(argv), '+n:', [{ name: 'adjustment', arg: 'required', key: 'n' }, { name: 'help' }, { name: 'version' }],
    { stopAtOperand: true });
  const hint = async (message: string): Promise<number> => {
    await p.tryHelp(message);
    return p.finish(EXIT_CANCELED);
  };
  for (const o of r.opts) if (await answerInfo(p, 'nice', [o])) return p.finish(0);
  if (r.error) return hint(r.error);
  const adjustment = r.opts.filter((o) => o.key === 'n').pop()?.value;
  let lowering = false;
  if (adjustment !== undefined) {
    // xstrtol: leading white space, a sign, digits; a value out of range still counts (it is clamped).
    if (!/^[ \t\n\v\f\r]*[+-]?[0-9]+$/.test(adjustment)) {
      await p.error(`invalid adjustment ${localeQuote(adjustment)}`);
      return p.finish(EXIT_CANCELED);
    }
    lowering = /^\s*-0*[1-9]/.test(adjustment);
  }
  if (r.operands.length === 0) {
    if (adjustment !== undefined) return hint('a command must be given with an adjustment');
    await p.out.write('0\n');
    return p.finish(0);
  }
  if (lowering && sys.getids().euid !== 0) await p.error(`cannot set niceness: ${strerror(-EACCES)}`);
  await p.finish(0);
  const e = await execvp(sys, r.operands, envp);
  await p.error(`${quoteCmd(r.operands[0]!)}: ${strerror(e)}`);
  await p.finish(0);
  return e === -ENOENT ? 127 : 126;
};
