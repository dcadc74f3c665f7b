// unexpand(1) from GNU coreutils 9.1: turns runs of blanks that reach a tab stop into tabs, in a
// line's leading blanks only unless -a (or -t LIST, which implies -a; --first-only undoes both). A
// single space that just reaches a stop stays a space, as POSIX asks. The old -N form does not imply -a.
import type { Program } from '../../kernel/abi.ts';
import { Cmd } from '../lib/cmd.ts';
import { convertInputs, parseTabOptions } from '../lib/tab-tool.ts';

export const main: Program = async (sys, argv, envp) => {
  const p = new Cmd(sys, argv, envp);
  const o = await parseTabOptions(p, 'unexpand', 'at:', [{ name: 'all', key: 'a' }, { name: 'first-only' }]);
  if (typeof o === 'number') return o;
  const has = (k: string): boolean => o.opts.some((x) => x.key === k);
  const everywhere = !has('first-only') && (has('a') || o.tabsOption);
  // The state of the current line, kept across inputs.
  let column = 0;
  const at = { index: 0 };
  let convert = true;
  let pending = '';
  /** The pending run is one space that ended exactly on a stop. */
  let loneBlankAtStop = false;
  let prevBlank = true;
  const flush = (): string => {
    let run = pending;
    if (run.length > 1 && loneBlankAtStop) run = '\t' + run.slice(1);
    pending = '';
    loneBlankAtStop = false;
    return run;
  };
  return convertInputs(sys, p, o.operands, (text) => {
    let out = '';
    for (let c of text) {
      if (convert) {
        const blank = c === ' ' || c === '\t';
        if (blank) {
          const next = o.stops.next(column, at);
          if (next === null) convert = false;
          else if (c === '\t') {
            column = next;
            if (pending) pending = '\t';
            pending = loneBlankAtStop ? pending.slice(0, 1) : '';
          } else {
            column++;
            if (!(prevBlank && column === next)) {
              if (column === next) loneBlankAtStop = true;
              pending += c;
              prevBlank = true;
              continue;
            }
            c = '\t';
            pending = loneBlankAtStop ? '\t' : '';
          }
        } else if (c === '\b') {
          if (column > 0) column--;
          if (at.index > 0) at.index--;
        } else column++;
        if (pending) out += flush();
        prevBlank = blank;
        if (!everywhere && !blank) convert = false;
      }
      out += c;
      if (c === '\n') {
        out += flush();
        column = 0;
        at.index = 0;
        convert = true;
        prevBlank = true;
      }
    }
    return out;
  }, flush);
};
