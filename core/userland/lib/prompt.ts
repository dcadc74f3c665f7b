// The yes/no question of cp -i, mv -i and rm -i: the prompt goes to stderr, one line is read from
// stdin, and an answer starting with 'y' or 'Y' means yes (as rpmatch does in the C locale).
import type { Sys } from '../../kernel/abi.ts';
import { writeAll } from './io.ts';

export async function askYes(sys: Sys, question: string): Promise<boolean> {
  await writeAll(sys, 2, question);
  const one = new Uint8Array(1);
  let first = -1;
  for (;;) {
    const n = await sys.read(0, one);
    if (n <= 0) break;
    if (first < 0) first = one[0]!;
    if (one[0] === 10) break;
  }
  return first === 0x79 || first === 0x59;
}
