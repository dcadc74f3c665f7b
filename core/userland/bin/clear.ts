// clear(1) from ncurses for TERM=xterm: home the cursor, clear the screen and the scrollback.
import type { Program } from '../../kernel/abi.ts';
import { Proc } from '../lib/program.ts';

export const main: Program = async (sys, argv, envp) => {
  const p = new Proc(sys, argv, envp);
  const keepScrollback = argv.includes('-x');
  await p.out.write('\x1b[H\x1b[2J' + (keepScrollback ? '' : '\x1b[3J'));
  return p.finish(0);
};
