// factor(1) from GNU coreutils 9.1: "N: P1 P2 ..." with the prime factors of each NUMBER, or of each
// blank-separated word of stdin; a word that is not a non-negative decimal integer is an error (status 1).
// Like GNU factor, numbers below 2^127 are printed through a buffer of its own, written straight to
// the descriptor in runs of whole lines up to 512 bytes once 512 are held (every line when stdin or
// stdout is a terminal) and last at exit; larger numbers go through stdio (factor.c, lbuf_putc).
import type { Program } from '../../kernel/abi.ts';
import { Cmd, readInput } from '../lib/cmd.ts';
import { Output } from '../lib/io.ts';
import { answerInfo } from '../lib/coreutils-info.ts';
import { factorize } from '../lib/factorize.ts';
import { getopt } from '../lib/getopt.ts';
import { localeQuote } from '../lib/locale-quote.ts';

export const main: Program = async (sys, argv, envp) => {
  const p = new Cmd(sys, argv, envp);
  const r = getopt(argv, '', [{ name: 'help' }, { name: 'version' }]);
  if (await answerInfo(p, 'factor', r.opts)) return p.finish(0);
  if (r.error) return p.finish(await p.tryHelp(r.error));
  let status = 0;
  const direct = new Output(sys, 1, 0);
  const interactive = sys.isatty(0) || sys.isatty(1);
  let held = '';
  const PIPE_CHUNK = 512;
  const putSmall = async (line: string): Promise<void> => {
    held += line;
    if (interactive) {
      await direct.write(held);
      held = '';
    } else if (held.length >= PIPE_CHUNK) {
      const cut = held.lastIndexOf('\n', PIPE_CHUNK - 1) + 1;
      await direct.write(held.slice(0, cut));
      held = held.slice(cut);
    }
  };
  // factorize() calls pause every 128 steps of its search, each a modular multiplication counted as 500 ns
  // of the guest's processor (about what one costs here). Every 64 calls the time is charged and the
  // processor handed back: a long search lets the lab's clock and other processes go on, and a signal end it.
  let steps = 0;
  const pause = async (): Promise<void> => {
    if (++steps % 64 === 0) await sys.yield(64 * 128 * 500);
  };
  const factorWord = async (word: string): Promise<void> => {
    // Leading blanks and one '+' are allowed, as strtoumax allows them; nothing may follow the digits.
    const m = /^[ \t\n\v\f\r]*\+?([0-9]+)$/.exec(word);
    if (!m) {
      await p.error(`${localeQuote(word)} is not a valid positive integer`);
      status = 1;
      return;
    }
    const n = BigInt(m[1]!);
    const factors = await factorize(n, pause);
    const line = `${n}:${factors.map((f) => ` ${f}`).join('')}\n`;
    if (n < 1n << 127n) await putSmall(line);
    else await p.put(line);
  };
  if (r.operands.length) for (const w of r.operands) await factorWord(w);
  else {
    const inp = await readInput(sys, '-');
    const words = ('data' in inp ? inp.data : '').split(/[ \t\n]+/).filter((w) => w !== '');
    for (const w of words) await factorWord(w);
  }
  const result = await p.finish(status);
  await direct.write(held);
  return direct.error && !result ? 1 : result;
};
