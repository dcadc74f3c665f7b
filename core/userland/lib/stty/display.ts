// What `stty` and `stty -a` print: the speed line, the special characters, then one group of flags per
// field (control, input, output, local), words wrapped to the width of the screen. Without -a only what
// differs from `stty sane` is shown (and min and time when canonical mode is off).
import { ICANON, type TermiosView, type Winsize } from '../../../kernel/abi.ts';
import { CONTROL_CHARS, COUNTS, visibleChar } from './chars.ts';
import { MODES, modeIsOn, type ModeField } from './modes.ts';
import { speedOf } from './speeds.ts';

/** Words joined by spaces into lines of at most `width` columns (a word longer than a line stands alone). */
class Wrapper {
  private text = '';
  private column = 0;

  constructor(private readonly width: number) {}

  word(w: string): void {
    if (this.column > 0) {
      if (this.width - this.column < w.length) {
        this.text += '\n';
        this.column = 0;
      } else {
        this.text += ' ';
        this.column++;
      }
    }
    this.text += w;
    this.column += w.length;
  }

  /** Ends the current line, if one was started. */
  endLine(): void {
    if (this.column > 0) this.text += '\n';
    this.column = 0;
  }

  get output(): string {
    return this.text;
  }
}

const FIELDS: readonly ModeField[] = ['cflag', 'iflag', 'oflag', 'lflag'];

/**
 * The settings as `stty` (all = false) or `stty -a` prints them; `size` is the terminal's window size
 * (shown by -a when known), `width` the columns to wrap at.
 */
export function describe(t: TermiosView, all: boolean, size: Winsize | undefined, width: number): string {
  const w = new Wrapper(width);
  w.word(`speed ${speedOf(t.cflag)} baud;`);
  if (all && size) {
    w.word(`rows ${size.rows};`);
    w.word(`columns ${size.cols};`);
  }
  w.word('line = 0;');
  w.endLine();
  for (const c of CONTROL_CHARS) {
    const v = t.cc[c.index] ?? 0;
    if (all || v !== c.sane) w.word(`${c.name} = ${visibleChar(v)};`);
  }
  if (all || !(t.lflag & ICANON)) for (const c of COUNTS) w.word(`${c.name} = ${t.cc[c.index] ?? 0};`);
  w.endLine();
  for (const field of FIELDS) {
    for (const m of MODES) {
      if (m.field !== field || m.alias) continue;
      const on = modeIsOn(m, t[field]);
      if (on && (all || m.sane === 'off')) w.word(m.name);
      else if (!on && m.negatable && (all || m.sane === 'on')) w.word(`-${m.name}`);
    }
    w.endLine();
  }
  return w.output;
}
