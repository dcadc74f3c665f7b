// sed's input: lines from a list of files read chunk by chunk (so `sed 5q` on an endless pipe ends), with
// one line of lookahead for the `$` address, and GNU's messages for files that cannot be read.

import { EISDIR, isDir, type Sys } from '../../../kernel/abi.ts';
import { strerror } from '../errno.ts';


/** Bytes to a one-char-per-byte string (apply over small slices: spreading large arrays is very slow in V8). */
function latin1(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 1024) s += String.fromCharCode.apply(null, bytes.subarray(i, i + 1024) as unknown as number[]);
  return s;
}

export interface Line {
  text: string;
  /** False when the line ended at end of file without a terminator. */
  newline: boolean;
}

export type InputProblem = (message: string, fatal: boolean) => Promise<void>;

export class LineSource {
  private idx = -1;
  private fd = -1;
  private buf = '';
  private eof = true;
  private readonly chunk = new Uint8Array(65536);
  private ahead: Line | null = null;
  private haveAhead = false;
  /** The file the last returned line came from ('-' for stdin). */
  fileName = '-';
  private nextName = '-';
  /** Set when a fatal read error ended input. */
  failed = false;

  constructor(
    private readonly sys: Sys,
    private readonly names: readonly string[],
    private readonly sep: string,
    private readonly problem: InputProblem,
  ) {}

  private async openNext(): Promise<boolean> {
    for (;;) {
      if (this.fd > 0) this.sys.close(this.fd);
      this.fd = -1;
      if (++this.idx >= this.names.length || this.failed) return false;
      const name = this.names[this.idx]!;
      const fd = name === '-' ? 0 : this.sys.open(name, 0);
      if (fd < 0) {
        await this.problem(`can't read ${name}: ${strerror(fd)}`, false);
        continue;
      }
      const st = this.sys.fstat(fd);
      if (typeof st !== 'number' && isDir(st.mode)) {
        if (fd > 0) this.sys.close(fd);
        await this.problem(`read error on ${name}: ${strerror(-EISDIR)}`, true);
        this.failed = true;
        return false;
      }
      this.fd = fd;
      this.nextName = name;
      this.eof = false;
      this.buf = '';
      return true;
    }
  }

  private async read(): Promise<Line | null> {
    for (;;) {
      const nl = this.buf.indexOf(this.sep);
      if (nl >= 0) {
        const text = this.buf.slice(0, nl);
        this.buf = this.buf.slice(nl + 1);
        return { text, newline: true };
      }
      if (this.eof) {
        if (this.buf !== '') {
          const text = this.buf;
          this.buf = '';
          return { text, newline: false };
        }
        if (!(await this.openNext())) return null;
        continue;
      }
      const n = await this.sys.read(this.fd, this.chunk);
      if (n < 0) {
        await this.problem(`read error on ${this.nextName}: ${strerror(n)}`, true);
        this.failed = true;
        this.eof = true;
        this.buf = '';
        return null;
      }
      if (n === 0) this.eof = true;
      else this.buf += latin1(this.chunk.subarray(0, n));
    }
  }

  /** The next line, or null at the end of every file. */
  async next(): Promise<Line | null> {
    if (this.haveAhead) {
      this.haveAhead = false;
      this.fileName = this.aheadName;
      return this.ahead;
    }
    const l = await this.read();
    this.fileName = this.nextName;
    return l;
  }

  private aheadName = '-';

  /** Whether no line follows the last one returned. */
  async atEnd(): Promise<boolean> {
    if (!this.haveAhead) {
      this.ahead = await this.read();
      this.aheadName = this.nextName;
      this.haveAhead = true;
    }
    return this.ahead === null;
  }

  close(): void {
    if (this.fd > 0) this.sys.close(this.fd);
    this.fd = -1;
  }
}
