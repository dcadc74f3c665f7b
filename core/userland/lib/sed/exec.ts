// Runs a parsed sed script over its input: the cycle (read, run commands, autoprint, flush appends),
// address and range matching, pattern/hold space commands, branches, and quitting.

import { O_CREAT, O_TRUNC, O_WRONLY, type Sys } from '../../../kernel/abi.ts';
import { Output } from '../io.ts';
import { readInput } from '../cmd.ts';
import { strerror } from '../errno.ts';
import type { Line, LineSource } from './input.ts';
import { listLine, SedOut } from './output.ts';
import { substitute, testRegex } from './regex.ts';
import type { Address, Command, SedRegex } from './script.ts';

export interface ExecOptions {
  quiet: boolean;
  sep: string;
  lineWidth: number;
  unbuffered: boolean;
}

type Queued = { kind: 'text'; text: string } | { kind: 'file'; name: string };

export class SedRuntimeError extends Error {
  constructor(message: string, readonly status: number) {
    super(message);
  }
}

/** State kept across the files of one sed run (hold space, w files, R readers, quit status). */
export class SedMachine {
  hold = '';
  lineNo = 0;
  /** Exit status requested by q/Q, or null while running. */
  quit: number | null = null;
  private lastRegex: SedRegex | null = null;
  private readonly wfiles = new Map<string, SedOut>();
  private readonly rfiles = new Map<string, { lines: string[]; pos: number }>();
  private queue: Queued[] = [];
  out!: SedOut;

  constructor(
    private readonly sys: Sys,
    private readonly cmds: Command[],
    private readonly opts: ExecOptions,
    readonly stdout: SedOut,
  ) {
    this.out = stdout;
  }

  /** Opens (truncating) every w file named in the script, as sed does before reading input. */
  openWriteFiles(): string | null {
    for (const c of this.cmds) {
      const name = c.name === 'w' || c.name === 'W' ? c.text! : c.subst?.wfile;
      if (name === undefined || this.wfiles.has(name)) continue;
      if (name === '/dev/stdout') {
        this.wfiles.set(name, new SedOut(this.stdout.w, 1));
        continue;
      }
      const fd = name === '/dev/stderr' ? 2 : this.sys.open(name, O_WRONLY | O_CREAT | O_TRUNC, 0o666);
      if (fd < 0) return `couldn't open file ${name}: ${strerror(fd)}`;
      this.wfiles.set(name, new SedOut(new Output(this.sys, fd), fd));
    }
    return null;
  }

  async closeAll(): Promise<void> {
    for (const [name, w] of this.wfiles) {
      await w.w.flush();
      if (name !== '/dev/stdout' && w.fd > 2) this.sys.close(w.fd);
    }
  }

  private useRegex(r: SedRegex | null): SedRegex {
    if (r) {
      this.lastRegex = r;
      return r;
    }
    if (!this.lastRegex) throw new SedRuntimeError('no previous regular expression', 1);
    return this.lastRegex;
  }

  private match1(a: Address, ps: string, last: boolean): boolean {
    switch (a.kind) {
      case 'line': return this.lineNo === a.n;
      case 'last': return last;
      case 'zero': return false;
      case 'step': return a.step <= 0 ? this.lineNo === a.first : this.lineNo >= a.first && (this.lineNo - a.first) % a.step === 0;
      case 're': return testRegex(this.useRegex(a.re), ps);
    }
  }

  private selected(c: Command, ps: string, last: boolean): boolean {
    if (!c.a1) return true;
    const a2 = c.a2;
    if (!a2) return this.match1(c.a1, ps, last) !== c.negate;
    let hit: boolean;
    if (c.inRange) {
      hit = true;
      switch (a2.kind) {
        case 'line': if (this.lineNo >= a2.n) c.inRange = false; break;
        case 'plus': if (this.lineNo >= c.rangeEnd!) c.inRange = false; break;
        case 'mult': if (a2.n <= 0 || this.lineNo % a2.n === 0) c.inRange = false; break;
        case 'last': if (last) c.inRange = false; break;
        case 're': if (testRegex(this.useRegex(a2.re), ps)) c.inRange = false; break;
        default: c.inRange = false;
      }
    } else if (this.match1(c.a1, ps, last)) {
      hit = true;
      c.inRange = true;
      switch (a2.kind) {
        case 'line': if (a2.n <= this.lineNo) c.inRange = false; break;
        case 'plus': c.rangeEnd = this.lineNo + a2.n; if (a2.n === 0) c.inRange = false; break;
        case 'mult': if (a2.n <= 0 || this.lineNo % a2.n === 0) c.inRange = false; break;
        case 'last': if (last) c.inRange = false; break;
        default: break;
      }
    } else hit = false;
    return hit !== c.negate;
  }

  /** Resets ranges at the start of a stream (a 0,/re/ range is open before line 1). */
  startStream(): void {
    for (const c of this.cmds) c.inRange = c.a1?.kind === 'zero';
  }

  private async flushQueue(): Promise<void> {
    for (const q of this.queue) {
      if (q.kind === 'text') await this.out.raw(q.text);
      else {
        const r = await readInput(this.sys, q.name);
        if ('data' in r) await this.out.raw(r.data);
      }
    }
    this.queue = [];
    if (this.opts.unbuffered) await this.out.w.flush();
  }

  private readLineOf(name: string): Promise<string | null> {
    return (async () => {
      let f = this.rfiles.get(name);
      if (!f) {
        const r = await readInput(this.sys, name);
        const data = 'data' in r ? r.data : '';
        const lines = data === '' ? [] : data.split('\n').map((l) => l + '\n');
        if (data.endsWith('\n')) lines.pop();
        else if (lines.length) lines[lines.length - 1] = lines[lines.length - 1]!.slice(0, -1);
        f = { lines, pos: 0 };
        this.rfiles.set(name, f);
      }
      return f.pos < f.lines.length ? f.lines[f.pos++]! : null;
    })();
  }

  /** Runs the script over every line of `src`; returns when input ends or q/Q ran. */
  async run(src: LineSource, needLast: boolean): Promise<void> {
    const cmds = this.cmds;
    const sep = this.opts.sep;
    let line: Line | null = await src.next();
    let ps = '';
    let newline = true;
    let last = false;
    let fresh = true;
    let tflag = false;
    let iterations = 0;
    const readNext = async (): Promise<boolean> => {
      const l = await src.next();
      if (!l) return false;
      this.lineNo++;
      ps = l.text;
      newline = l.newline;
      last = needLast ? await src.atEnd() : false;
      return true;
    };
    if (line) {
      this.lineNo++;
      ps = line.text;
      newline = line.newline;
      last = needLast ? await src.atEnd() : false;
    }
    while (line) {
      // Every 4096 cycles and commands the work is charged (200 ns each) and the processor handed back.
      if (++iterations % 4096 === 0) await this.sys.yield(4096 * 200);
      if (fresh) tflag = false;
      fresh = true;
      let autoprint = !this.opts.quiet;
      let endInput = false;
      let pc = 0;
      cycle: while (pc < cmds.length) {
        // Commands count too: a loop of branches (`:a; ba`) never ends its cycle.
        if (++iterations % 4096 === 0) await this.sys.yield(4096 * 200);
        const c = cmds[pc]!;
        if (!this.selected(c, ps, last)) {
          pc = c.name === '{' ? c.target! + 1 : pc + 1;
          continue;
        }
        pc++;
        switch (c.name) {
          case '{': case '}': case ':': break;
          case '=': await this.out.raw(`${this.lineNo}\n`); break;
          case 'a': this.queue.push({ kind: 'text', text: c.text! + '\n' }); break;
          case 'i': await this.out.raw(c.text! + '\n'); break;
          case 'c':
            if (!c.a2 || c.negate || !c.inRange) await this.out.raw(c.text! + '\n');
            autoprint = false;
            break cycle;
          case 'r': this.queue.push({ kind: 'file', name: c.text! }); break;
          case 'R': {
            const l = await this.readLineOf(c.text!);
            if (l !== null) this.queue.push({ kind: 'text', text: l });
            break;
          }
          case 'w': await this.wfiles.get(c.text!)!.line(ps, newline, sep); break;
          case 'W': await this.wfiles.get(c.text!)!.line(ps.split('\n')[0]!, true, sep); break;
          case 'b': pc = c.text === '' ? cmds.length : c.target!; break;
          case 't': if (tflag) { tflag = false; pc = c.text === '' ? cmds.length : c.target!; } break;
          case 'T': if (!tflag) pc = c.text === '' ? cmds.length : c.target!; else tflag = false; break;
          case 'd': autoprint = false; break cycle;
          case 'D': {
            const nl = ps.indexOf('\n');
            autoprint = false;
            if (nl < 0) break cycle;
            ps = ps.slice(nl + 1);
            await this.flushQueue();
            pc = 0;
            fresh = false;
            autoprint = !this.opts.quiet;
            continue cycle;
          }
          case 'g': ps = this.hold; break;
          case 'G': ps += '\n' + this.hold; break;
          case 'h': this.hold = ps; break;
          case 'H': this.hold += '\n' + ps; break;
          case 'x': [ps, this.hold] = [this.hold, ps]; break;
          case 'z': ps = ''; break;
          case 'F': await this.out.raw(`${src.fileName}\n`); break;
          case 'l': await this.out.raw(listLine(ps, c.num ?? this.opts.lineWidth)); break;
          case 'p': await this.out.line(ps, newline, sep); break;
          case 'P': await this.out.line(ps.split('\n')[0]!, true, sep); break;
          case 'n':
            if (needLast ? last : await src.atEnd()) {
              endInput = true;
              break cycle;
            }
            if (!this.opts.quiet) await this.out.line(ps, newline, sep);
            await this.flushQueue();
            await readNext();
            break;
          case 'N': {
            if (needLast ? last : await src.atEnd()) {
              endInput = true;
              break cycle;
            }
            const prev = ps;
            await this.flushQueue();
            await readNext();
            ps = prev + '\n' + ps;
            break;
          }
          case 'q':
            this.quit = c.num ?? 0;
            break cycle;
          case 'Q':
            this.quit = c.num ?? 0;
            return;
          case 'y': {
            let s = '';
            for (const ch of ps) s += c.map!.get(ch) ?? ch;
            ps = s;
            break;
          }
          case 's': {
            const sp = c.subst!;
            const r = substitute(this.useRegex(sp.re), ps, sp.repl, sp.nth, sp.global);
            if (r === null) break;
            ps = r;
            tflag = true;
            if (sp.print) await this.out.line(ps, newline, sep);
            if (sp.wfile !== undefined) await this.wfiles.get(sp.wfile)!.line(ps, newline, sep);
            break;
          }
          default: break;
        }
      }
      if (autoprint) await this.out.line(ps, newline, sep);
      await this.flushQueue();
      if (this.quit !== null || endInput) return;
      if (!(await readNext())) return;
    }
  }
}
