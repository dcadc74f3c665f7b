// Parses sed scripts (the -e expressions and -f files, in order) into commands, with GNU sed 4.9's
// error texts and positions ("-e expression #1, char 3: ..." or "file x.sed line 2: ...").

import { compileSedRegex } from './regex.ts';
import type { Address, Address2, Command, ReplPart, SedRegex, SubstSpec } from './script.ts';

/** One piece of script: an -e expression or the contents of an -f file. */
export interface ScriptPiece {
  text: string;
  /** Set for -f files. */
  file?: string;
}

export class SedError extends Error {}

export interface ParseOptions {
  extended: boolean;
}

const END_CMD = new Set(['', '\n', ';', '}', '#']);

export class ScriptParser {
  private src = '';
  private pos = 0;
  private readonly starts: number[] = [];
  private readonly cmds: Command[] = [];
  private readonly blocks: number[] = [];

  constructor(
    private readonly pieces: readonly ScriptPiece[],
    private readonly opts: ParseOptions,
  ) {
    for (const p of pieces) {
      this.starts.push(this.src.length);
      this.src += p.text + '\n';
    }
  }

  /** Where the last consumed char is, in GNU's words. */
  private where(): string {
    let k = 0;
    while (k + 1 < this.starts.length && this.starts[k + 1]! <= this.pos - 1) k++;
    const piece = this.pieces[k]!;
    const start = this.starts[k]!;
    if (piece.file !== undefined) {
      const line = this.src.slice(start, Math.max(start, this.pos - 1)).split('\n').length;
      return `file ${piece.file} line ${line}`;
    }
    const end = start + piece.text.length;
    return `-e expression #${k + 1}, char ${Math.min(this.pos, end) - start}`;
  }

  private fail(msg: string): never {
    throw new SedError(`${this.where()}: ${msg}`);
  }

  private peek(): string {
    return this.src[this.pos] ?? '';
  }

  private getc(): string {
    const c = this.src[this.pos] ?? '';
    if (c !== '') this.pos++;
    return c;
  }

  private skipSpace(): void {
    while (this.peek() === ' ' || this.peek() === '\t') this.pos++;
  }

  parse(): Command[] {
    for (;;) {
      while (/^[ \t\n;]$/.test(this.peek())) this.pos++;
      if (this.peek() === '') break;
      if (this.peek() === '#') {
        while (this.peek() !== '\n' && this.peek() !== '') this.pos++;
        continue;
      }
      this.command();
    }
    if (this.blocks.length) {
      const k = this.pieces.length - 1;
      const p = this.pieces[k]!;
      throw new SedError(`${p.file !== undefined ? `file ${p.file} line ${p.text.split('\n').length}` : `-e expression #${k + 1}, char 0`}: unmatched \`{'`);
    }
    const labels = new Map<string, number>();
    this.cmds.forEach((c, i) => {
      if (c.name === ':') labels.set(c.text!, i);
    });
    for (const c of this.cmds) {
      if ((c.name === 'b' || c.name === 't' || c.name === 'T') && c.text !== '') {
        const t = labels.get(c.text!);
        if (t === undefined) throw new SedError(`!can't find label for jump to \`${c.text}'`);
        c.target = t;
      }
    }
    return this.cmds;
  }

  private number(): number {
    let s = '';
    while (/^[0-9]$/.test(this.peek())) s += this.getc();
    return Number(s);
  }

  /** Reads up to an unescaped delimiter; escapes are kept (\n as newline escape handled later). */
  private delimited(delim: string, what: string): string {
    let s = '';
    for (;;) {
      const c = this.getc();
      if (c === '') this.fail(what);
      if (c === delim) return s;
      if (c === '\\') {
        const n = this.getc();
        if (n === '') this.fail(what);
        if (n === '\n') s += '\\n';
        else s += '\\' + n;
        continue;
      }
      if (c === '\n' && what !== 'unterminated address regex') this.fail(what);
      s += c;
    }
  }

  private regex(p: string, delim: string, icase: boolean, multi: boolean): SedRegex | null {
    if (p === '') return null;
    const r = compileSedRegex(p, delim, this.opts.extended, icase, multi);
    if (typeof r === 'string') this.fail(r);
    return r;
  }

  private address(): Address | null {
    const c = this.peek();
    if (/^[0-9]$/.test(c)) {
      const n = this.number();
      if (this.peek() === '~') {
        this.pos++;
        const step = /^[0-9]$/.test(this.peek()) ? this.number() : 0;
        return { kind: 'step', first: n, step };
      }
      return n === 0 ? { kind: 'zero' } : { kind: 'line', n };
    }
    if (c === '$') {
      this.pos++;
      return { kind: 'last' };
    }
    if (c === '/' || c === '\\') {
      this.pos++;
      let delim = '/';
      if (c === '\\') {
        delim = this.getc();
        if (delim === '' || delim === '\n') this.fail('unexpected `,\'');
      }
      const p = this.delimited(delim, 'unterminated address regex');
      let icase = false;
      let multi = false;
      for (;;) {
        if (this.peek() === 'I') icase = true;
        else if (this.peek() === 'M') multi = true;
        else break;
        this.pos++;
      }
      return { kind: 're', re: this.regex(p, delim, icase, multi) };
    }
    return null;
  }

  private endOfCommand(): void {
    this.skipSpace();
    const c = this.peek();
    if (!END_CMD.has(c)) {
      this.pos++;
      this.fail('extra characters after command');
    }
    if (c === ';' || c === '\n') this.pos++;
  }

  /** A label or file name: the rest of the line (labels also stop at ';'). */
  private word(stopAtSemicolon: boolean): string {
    this.skipSpace();
    let s = '';
    while (this.peek() !== '\n' && this.peek() !== '' && !(stopAtSemicolon && this.peek() === ';')) s += this.getc();
    if (stopAtSemicolon) s = s.replace(/[ \t]+$/, '');
    if (this.peek() === ';' || this.peek() === '\n') this.pos++;
    return s;
  }

  /** a/i/c text in GNU's one-line form ("a text") or the classic "a\<newline>text" form. */
  private text(): string {
    this.skipSpace();
    if (this.peek() === '' || this.peek() === '\n') this.fail("expected \\ after `a', `c' or `i'");
    if (this.peek() === '\\') {
      this.pos++;
      if (this.peek() === '\n') this.pos++;
      else this.skipSpace();
    }
    let s = '';
    for (;;) {
      const c = this.getc();
      if (c === '' || c === '\n') break;
      if (c === '\\') {
        const n = this.getc();
        if (n === '') break;
        s += n === 't' ? '\t' : n === 'n' ? '\n' : n;
        continue;
      }
      s += c;
    }
    return s;
  }

  private command(): void {
    const cmd: Command = { negate: false, name: '' };
    const a1 = this.address();
    if (a1) {
      cmd.a1 = a1;
      this.skipSpace();
      if (this.peek() === ',') {
        this.pos++;
        this.skipSpace();
        const c = this.peek();
        let a2: Address2 | null;
        if (c === '+' || (c === '~' && a1.kind !== 'step')) {
          this.pos++;
          if (!/^[0-9]$/.test(this.peek())) this.fail("unexpected `,'");
          const n = this.number();
          a2 = c === '+' ? { kind: 'plus', n } : { kind: 'mult', n };
        } else {
          a2 = this.address();
          if (a2?.kind === 'zero') a2 = { kind: 'line', n: 0 };
          if (a2?.kind === 'step') a2 = { kind: 'line', n: a2.first };
        }
        if (!a2) {
          this.getc();
          this.fail("unexpected `,'");
        }
        cmd.a2 = a2;
      }
    }
    this.skipSpace();
    if (this.peek() === '!') {
      this.pos++;
      cmd.negate = true;
      this.skipSpace();
      if (this.peek() === '!') {
        this.pos++;
        this.fail("multiple `!'s");
      }
    }
    const name = this.getc();
    cmd.name = name;
    if (name === '' || name === '\n' || name === ';') this.fail('missing command');
    if (cmd.a1?.kind === 'zero' && (cmd.a2 === undefined || cmd.a2.kind !== 're')) this.fail('invalid usage of line address 0');
    const oneAddr = (): void => {
      if (cmd.a2) this.fail('command only uses one address');
    };
    switch (name) {
      case '{':
        this.blocks.push(this.cmds.length);
        this.cmds.push(cmd);
        return;
      case '}': {
        if (cmd.a1) this.fail('unexpected `}\'');
        const open = this.blocks.pop();
        if (open === undefined) this.fail("unexpected `}'");
        this.cmds[open]!.target = this.cmds.length;
        this.cmds.push(cmd);
        this.endOfCommand();
        return;
      }
      case '#':
        if (cmd.a1) this.fail("comments don't accept any addresses");
        while (this.peek() !== '\n' && this.peek() !== '') this.pos++;
        return;
      case ':': {
        if (cmd.a1) this.fail(": doesn't want any addresses");
        const label = this.word(true);
        if (label === '') this.fail('":" lacks a label');
        cmd.text = label;
        break;
      }
      case 'b': case 't': case 'T':
        cmd.text = this.word(true);
        break;
      case 'a': case 'i': case 'c':
        cmd.text = this.text();
        break;
      case 'r': case 'R': case 'w': case 'W':
        cmd.text = this.word(false);
        if (cmd.text === '') this.fail('missing filename in r/R/w/W commands');
        break;
      case 'q': case 'Q': case 'l': case 'L': {
        if (name !== 'l' && name !== 'L') oneAddr();
        this.skipSpace();
        if (/^[0-9]$/.test(this.peek())) cmd.num = this.number();
        this.endOfCommand();
        break;
      }
      case '=': case 'd': case 'D': case 'g': case 'G': case 'h': case 'H': case 'n': case 'N': case 'p': case 'P':
      case 'x': case 'z': case 'F':
        this.endOfCommand();
        break;
      case 's':
        cmd.subst = this.subst();
        break;
      case 'y':
        cmd.map = this.translit();
        this.endOfCommand();
        break;
      default:
        this.fail(`unknown command: \`${name}'`);
    }
    this.cmds.push(cmd);
  }

  private subst(): SubstSpec {
    const delim = this.getc();
    if (delim === '' || delim === '\n' || delim === '\\') this.fail("unterminated `s' command");
    const pat = this.delimited(delim, "unterminated `s' command");
    const rawRepl = this.delimited(delim, "unterminated `s' command");
    const spec: SubstSpec = { re: null, repl: [], global: false, nth: 1, print: 0, exec: false };
    let icase = false;
    let multi = false;
    let haveNum = false;
    for (;;) {
      const c = this.peek();
      if (c === 'g') {
        this.pos++;
        if (spec.global) this.fail("multiple `g' options to `s' command");
        spec.global = true;
      } else if (c === 'p') {
        this.pos++;
        if (spec.print) this.fail("multiple `p' options to `s' command");
        spec.print = 1;
      } else if (c === 'i' || c === 'I') {
        this.pos++;
        icase = true;
      } else if (c === 'm' || c === 'M') {
        this.pos++;
        multi = true;
      } else if (c === 'e') {
        this.pos++;
        spec.exec = true;
      } else if (/^[0-9]$/.test(c)) {
        if (haveNum) {
          this.number();
          this.fail("multiple number options to `s' command");
        }
        const n = this.number();
        if (n === 0) this.fail("number option to `s' command may not be zero");
        spec.nth = n;
        haveNum = true;
      } else if (c === 'w') {
        this.pos++;
        spec.wfile = this.word(false);
        if (spec.wfile === '') this.fail('missing filename in r/R/w/W commands');
        break;
      } else {
        if (END_CMD.has(c) || c === ' ' || c === '\t') {
          this.endOfCommand();
          break;
        }
        this.pos++;
        this.fail("unknown option to `s'");
      }
    }
    spec.re = this.regex(pat, delim, icase, multi);
    spec.repl = this.replacement(rawRepl, delim);
    const maxRef = Math.max(0, ...spec.repl.map((p) => (p.kind === 'group' ? p.n : 0)));
    if (spec.re && maxRef > spec.re.groups) this.fail(`invalid reference \\${maxRef} on \`s' command's RHS`);
    return spec;
  }

  private replacement(raw: string, delim: string): ReplPart[] {
    const parts: ReplPart[] = [];
    let text = '';
    const flush = (): void => {
      if (text) parts.push({ kind: 'text', text });
      text = '';
    };
    for (let i = 0; i < raw.length; i++) {
      const c = raw[i]!;
      if (c === '&') {
        flush();
        parts.push({ kind: 'group', n: 0 });
        continue;
      }
      if (c !== '\\') {
        text += c;
        continue;
      }
      const n = raw[++i] ?? '';
      if (/^[0-9]$/.test(n)) {
        flush();
        parts.push({ kind: 'group', n: Number(n) });
      } else if (n === 'L' || n === 'U' || n === 'l' || n === 'u' || n === 'E') {
        flush();
        parts.push({ kind: 'case', mode: n });
      } else if (n === 'n') text += '\n';
      else if (n === 't') text += '\t';
      else if (n === 'r') text += '\r';
      else if (n === 'a') text += '\x07';
      else if (n === 'f') text += '\f';
      else if (n === 'v') text += '\v';
      else if (n === delim) text += delim;
      else text += n;
    }
    flush();
    return parts;
  }

  private translit(): Map<string, string> {
    const delim = this.getc();
    if (delim === '' || delim === '\n' || delim === '\\') this.fail("unterminated `y' command");
    const unescape = (s: string): string => {
      let out = '';
      for (let i = 0; i < s.length; i++) {
        if (s[i] !== '\\') {
          out += s[i];
          continue;
        }
        const n = s[++i] ?? '';
        out += n === 'n' ? '\n' : n === 't' ? '\t' : n === 'r' ? '\r' : n === '\\' ? '\\' : n === delim ? delim : '\\' + n;
      }
      return out;
    };
    const src = unescape(this.delimited(delim, "unterminated `y' command"));
    const dst = unescape(this.delimited(delim, "unterminated `y' command"));
    if (src.length !== dst.length) this.fail("strings for `y' command are different lengths");
    const map = new Map<string, string>();
    for (let i = 0; i < src.length; i++) map.set(src[i]!, dst[i]!);
    return map;
  }
}
