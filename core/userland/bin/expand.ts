// expand(1) from GNU coreutils 9.1: turns tabs into spaces up to the next tab stop (every 8 columns,
// or -t LIST); -i only in a line's leading blanks. Backspace steps back a column; after the list's
// last stop a tab is one space.
import type { Program } from '../../kernel/abi.ts';
import { Cmd } from '../lib/cmd.ts';
import { convertInputs, parseTabOptions } from '../lib/tab-tool.ts';

export const main: Program = async (sys, argv, envp) => {
  const p = new Cmd(sys, argv, envp);
  const o = await parseTabOptions(p, 'expand', 'it:', [{ name: 'initial', key: 'i' }]);
  if (typeof o === 'number') return o;
  const initialOnly = o.opts.some((x) => x.key === 'i');
  let column = 0;
  const at = { index: 0 };
  let convert = true;
  return convertInputs(sys, p, o.operands, (text) => {
    let out = '';
    for (const c of text) {
      if (c === '\n') {
        column = 0;
        at.index = 0;
        convert = true;
      } else if (convert) {
        if (c === '\t') {
          const next = o.stops.next(column, at) ?? column + 1;
          out += ' '.repeat(next - column);
          column = next;
          continue;
        }
        if (c === '\b') {
          if (column > 0) column--;
          if (at.index > 0) at.index--;
        } else column++;
        if (initialOnly && c !== ' ') convert = false;
      }
      out += c;
    }
    return out;
  });
};
