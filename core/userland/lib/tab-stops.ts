// The tab stops of expand(1) and unexpand(1) from coreutils 9.1: -t LIST (numbers separated by commas
// or blanks, ascending; a last `/N` adds stops at every multiple of N, a last `+N` every N after the
// last stop; one number alone is a tab size), the old -N form, and the next stop after a column.
import { localeQuote } from './locale-quote.ts';

export class TabStops {
  private list: bigint[] = [];
  /** `/N`: stops at multiples of N after the list (0: none). */
  private every = 0n;
  /** `+N`: stops every N after the list's last stop (0: none). */
  private after = 0n;
  private size = 0n;

  /** Adds a -t LIST; returns the messages of its errors (empty when valid). */
  add(text: string): string[] {
    const errors: string[] = [];
    let num: bigint | null = null;
    let numStart = 0;
    let kind: '' | '/' | '+' = '';
    const finish = (): void => {
      if (num === null) return;
      if ((this.every || this.after) && errors.length === 0) errors.push(`'${this.every ? '/' : '+'}' specifier only allowed with the last value`);
      if (kind === '/') this.every = num;
      else if (kind === '+') this.after = num;
      else this.list.push(num);
      num = null;
      kind = '';
    };
    for (let i = 0; i < text.length; i++) {
      const c = text[i]!;
      if (c === ',' || c === ' ' || c === '\t') finish();
      else if (c === '/' || c === '+') {
        if (num !== null) {
          errors.push(`'${c}' specifier not at start of number: ${localeQuote(text.slice(i))}`);
          return errors;
        }
        kind = c;
      } else if (c >= '0' && c <= '9') {
        if (num === null) {
          num = 0n;
          numStart = i;
        }
        num = num * 10n + BigInt(c.charCodeAt(0) - 48);
        if (num > 0xffffffffffffffffn) {
          errors.push(`tab stop is too large ${localeQuote(/^[0-9]*/.exec(text.slice(numStart))![0])}`);
          return errors;
        }
      } else {
        errors.push(`tab size contains invalid character(s): ${localeQuote(text.slice(i))}`);
        return errors;
      }
    }
    finish();
    return errors;
  }

  /** Checks the whole list once every option is in; returns an error message or null. */
  finish(): string | null {
    let prev = 0n;
    for (const t of this.list) {
      if (t === 0n) return 'tab size cannot be 0';
      if (t <= prev) return 'tab sizes must be ascending';
      prev = t;
    }
    if (this.list.length === 0) this.size = this.every || this.after || 8n;
    else if (this.list.length === 1 && !this.every && !this.after) this.size = this.list[0]!;
    return null;
  }

  /** The first stop after `column` at or past the list index `from`; null when the list has run out. */
  next(column: number, from: { index: number }): number | null {
    const col = BigInt(column);
    if (this.size) return Number(col + this.size - (col % this.size));
    for (; from.index < this.list.length; from.index++) if (col < this.list[from.index]!) return Number(this.list[from.index]!);
    if (this.every) return Number(col + this.every - (col % this.every));
    if (this.after) {
      const last = this.list[this.list.length - 1]!;
      return Number(col + this.after - ((col - last) % this.after));
    }
    return null;
  }
}

/**
 * argv with the old -N form (a digit inside a cluster of short options starts a tab list that runs to
 * the end of the argument) rewritten as --tabs=LIST, up to `--`, and how many were rewritten (unlike
 * -t, they do not make unexpand convert whole lines). `withArg` are the options taking an argument.
 */
export function modernizeTabArgs(argv: readonly string[], withArg: string): { args: string[]; oldForms: number } {
  const out = [argv[0] ?? ''];
  let oldForms = 0;
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') return { args: [...out, ...argv.slice(i)], oldForms };
    if (a.length < 2 || a[0] !== '-' || a[1] === '-') {
      out.push(a);
      continue;
    }
    let j = 1;
    while (j < a.length && !/[0-9]/.test(a[j]!) && !withArg.includes(a[j]!)) j++;
    if (j < a.length && /[0-9]/.test(a[j]!)) {
      if (j > 1) out.push(a.slice(0, j));
      out.push(`--tabs=${a.slice(j)}`);
      oldForms++;
    } else {
      out.push(a);
      if (j < a.length && j === a.length - 1 && i + 1 < argv.length) out.push(argv[++i]!);
    }
  }
  return { args: out, oldForms };
}
