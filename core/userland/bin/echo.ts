// echo(1) from GNU coreutils: -n, -e, -E; the escapes of -e.
import type { Program } from '../../kernel/abi.ts';
import { Proc } from '../lib/program.ts';
import { expandEchoEscapes } from '../lib/escapes.ts';

export const main: Program = async (sys, argv, envp) => {
  const p = new Proc(sys, argv, envp);
  let newline = true;
  let escapes = false;
  let i = 1;
  for (; i < argv.length; i++) {
    const a = argv[i]!;
    if (!/^-[neE]+$/.test(a)) break;
    for (const c of a.slice(1)) {
      if (c === 'n') newline = false;
      else if (c === 'e') escapes = true;
      else escapes = false;
    }
  }
  let text = argv.slice(i).join(' ');
  if (escapes) {
    const r = expandEchoEscapes(text);
    text = r.text;
    if (r.stop) newline = false;
  }
  await p.out.write(newline ? text + '\n' : text);
  return p.finish(0);
};
