// vi / vim / view: a vim-like full-screen editor (see lib/editor/vi-*.ts). Options: +N, +, +/pattern,
// -R (read-only, also when run as "view"); the first file name is edited.

import type { Program } from '../../kernel/abi.ts';
import { InputClosed, ViEditor } from '../lib/editor/vi-editor.ts';
import { normalCommand } from '../lib/editor/vi-normal.ts';
import { exCommand } from '../lib/editor/vi-ex.ts';
import { VIM_HELP, VIM_VERSION } from '../lib/help/vim.ts';
import { writeAll } from '../lib/io.ts';

export const main: Program = async (sys, argv) => {
  const name = (argv[0] ?? 'vi').split('/').pop()!;
  const ed = new ViEditor(sys);
  let file: string | null = null;
  const startup: string[] = [];
  let endOfOptions = false;
  for (const a of argv.slice(1)) {
    if (!endOfOptions && a === '--') endOfOptions = true;
    else if (!endOfOptions && a === '-R') ed.readonly = true;
    else if (!endOfOptions && (a === '--version' || a === '-h' || a === '--help')) {
      // vim prints these texts (the same under every name) and exits, as its argument scan meets them.
      await writeAll(sys, 1, a === '--version' ? VIM_VERSION : VIM_HELP);
      return 0;
    } else if (!endOfOptions && a.startsWith('+')) startup.push(a === '+' ? '$' : a.slice(1));
    else if (!endOfOptions && a.startsWith('-') && a !== '-') continue;
    else file ??= a;
  }
  if (name === 'view') ed.readonly = true;
  await ed.term.enter(false);
  let closed = false;
  try {
    if (file !== null) await ed.open(file);
    for (const cmd of startup) await exCommand(ed, cmd);
    while (!ed.quit) {
      try {
        await normalCommand(ed);
      } catch (e) {
        if (e instanceof InputClosed) {
          closed = true;
          break;
        }
        // A bug must not lose the user's text: report it and go on editing.
        ed.mode = 'normal';
        ed.cmdline = null;
        ed.replay = [];
        ed.error(`E000: internal error: ${e instanceof Error ? e.message : String(e)}`);
      } finally {
        ed.buf.endChange();
        ed.clamp();
      }
    }
  } finally {
    await ed.term.leave(false);
  }
  if (closed) {
    await writeAll(sys, 2, ed.term.terminated ? 'Vim: Caught deadly signal TERM\nVim: Finished.\n' : 'Vim: Error reading input, exiting...\nVim: Finished.\n');
    return 1;
  }
  return ed.exitCode;
};
