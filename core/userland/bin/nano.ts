// nano: GNU nano 7.2's screen and keys for editing one file (see lib/editor/nano-*.ts). Accepts
// +LINE[,COLUMN] and a file name; other options are ignored.

import type { Program } from '../../kernel/abi.ts';
import { NanoEditor, NanoInputClosed } from '../lib/editor/nano-editor.ts';
import { NANO_HELP, NANO_VERSION } from '../lib/help/nano.ts';
import { writeAll } from '../lib/io.ts';

export const main: Program = async (sys, argv) => {
  let file = '';
  let startLine = 0;
  let startCol = 0;
  for (const a of argv.slice(1)) {
    // -h/--help and -V/--version print their text and exit where getopt meets them.
    if (a === '--help' || a === '--version' || /^-[hV]/.test(a)) {
      await writeAll(sys, 1, a === '--help' || a.startsWith('-h') ? NANO_HELP : NANO_VERSION);
      return 0;
    }
    const m = /^\+(\d*)(?:,(\d+))?$/.exec(a);
    if (m) {
      startLine = Number(m[1] || 0);
      startCol = Number(m[2] || 0);
    } else if (!a.startsWith('-') || a === '-') file ||= a;
  }
  const ed = new NanoEditor(sys);
  await ed.term.enter(true);
  let closed = false;
  try {
    if (file) await ed.open(file);
    if (startLine > 0) {
      ed.cur.row = Math.min(startLine - 1, ed.lastRow);
      ed.cur.col = Math.max(0, Math.min(startCol - 1, ed.line().length));
      ed.centre();
    }
    while (!ed.quit) {
      try {
        await ed.command();
      } catch (e) {
        if (e instanceof NanoInputClosed) {
          closed = true;
          break;
        }
        ed.status(`Internal error: ${e instanceof Error ? e.message : String(e)}`);
      }
    }
  } finally {
    await ed.term.leave(true);
  }
  if (closed) {
    await writeAll(sys, 2, ed.term.terminated ? 'Received SIGHUP or SIGTERM\n' : 'Too many errors from stdin\n');
    return 1;
  }
  return 0;
};
