// test(1) and [ from GNU coreutils 9.1 (/usr/bin/test, /usr/bin/[): exit 0 when the expression is
// true, 1 when false, 2 on a syntax error. Only `[` answers a sole --help or --version, and it needs
// its closing `]`; test takes every argument as part of the expression.
import type { Program } from '../../kernel/abi.ts';
import { Cmd } from '../lib/cmd.ts';
import { writeCoreutilsInfo } from '../lib/coreutils-info.ts';
import { localeQuote } from '../lib/locale-quote.ts';
import { TestSyntaxError, evaluateTest } from '../lib/test-expr.ts';

export const main: Program = async (sys, argv, envp) => {
  const p = new Cmd(sys, argv, envp);
  const args = argv.slice(1);
  let argc = args.length;
  if (p.name === '[') {
    if (args.length === 1 && (args[0] === '--help' || args[0] === '--version')) {
      await writeCoreutilsInfo(p, '[', args[0] === '--help' ? 'help' : 'version');
      return p.finish(0);
    }
    if (args[args.length - 1] !== ']') {
      await p.error(`missing ${localeQuote(']')}`);
      return p.finish(2);
    }
    argc--;
  }
  try {
    return await p.finish(evaluateTest(sys, args, argc) ? 0 : 1);
  } catch (e) {
    if (!(e instanceof TestSyntaxError)) throw e;
    await p.error(e.message);
    return p.finish(2);
  }
};
