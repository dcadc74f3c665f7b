// awk's input and output streams: records read by RS from files and command pipes, output files and
// pipes for print redirections, and running commands through /bin/sh for pipes and system().

import { O_APPEND, O_CLOEXEC, O_CREAT, O_TRUNC, O_WRONLY, type Sys } from '../../../kernel/abi.ts';
import { Output } from '../io.ts';

/** Reads records separated by RS: "\n", one char, "" (paragraphs) or a regex. */

/** Bytes to a one-char-per-byte string (apply over small slices: spreading large arrays is very slow in V8). */
function latin1(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 1024) s += String.fromCharCode.apply(null, bytes.subarray(i, i + 1024) as unknown as number[]);
  return s;
}

export class RecordReader {
  private buf = '';
  private pos = 0;
  eof = false;
  private readonly chunk = new Uint8Array(65536);
  /** Negative errno after a read error. */
  error = 0;

  constructor(private readonly sys: Sys, readonly fd: number) {}

  private async fill(): Promise<boolean> {
    if (this.eof) return false;
    const n = await this.sys.read(this.fd, this.chunk);
    if (n <= 0) {
      if (n < 0) this.error = n;
      this.eof = true;
      return false;
    }
    if (this.pos > 0) {
      this.buf = this.buf.slice(this.pos);
      this.pos = 0;
    }
    this.buf += latin1(this.chunk.subarray(0, n));
    return true;
  }

  /** The next record, or null at end of input. `re` is RS compiled when it is longer than one char. */
  async next(rs: string, re: RegExp | null): Promise<string | null> {
    if (rs === '') return this.paragraph();
    for (;;) {
      if (re) {
        re.lastIndex = this.pos;
        const m = re.exec(this.buf);
        if (m && m[0].length > 0 && (this.eof || m.index + m[0].length < this.buf.length)) {
          const rec = this.buf.slice(this.pos, m.index);
          this.pos = m.index + m[0].length;
          return rec;
        }
      } else {
        const i = this.buf.indexOf(rs, this.pos);
        if (i >= 0) {
          const rec = this.buf.slice(this.pos, i);
          this.pos = i + 1;
          return rec;
        }
      }
      if (!(await this.fill())) {
        if (this.pos >= this.buf.length) return null;
        const rec = this.buf.slice(this.pos);
        this.pos = this.buf.length;
        return rec;
      }
    }
  }

  private async paragraph(): Promise<string | null> {
    for (;;) {
      while (this.pos < this.buf.length && this.buf[this.pos] === '\n') this.pos++;
      if (this.pos < this.buf.length || !(await this.fill())) break;
    }
    if (this.pos >= this.buf.length) return null;
    for (;;) {
      const i = this.buf.indexOf('\n\n', this.pos);
      if (i >= 0) {
        let j = i + 2;
        while (j < this.buf.length && this.buf[j] === '\n') j++;
        if (j < this.buf.length || this.eof) {
          const rec = this.buf.slice(this.pos, i);
          this.pos = j;
          return rec;
        }
      }
      if (!(await this.fill())) {
        const rec = this.buf.slice(this.pos).replace(/\n+$/, '');
        this.pos = this.buf.length;
        return rec;
      }
    }
  }
}

export interface OutStream {
  out: Output;
  fd: number;
  pid?: number;
}

/** Starts `sh -c cmd` with one end of a pipe as its stdin (`write`) or stdout; returns our end and the pid. */
export function spawnPiped(sys: Sys, cmd: string, envp: readonly string[], write: boolean): { fd: number; pid: number } | number {
  const p = sys.pipe2(O_CLOEXEC);
  if (typeof p === 'number') return p;
  const [r, w] = p;
  const pid = sys.fork(async (child) => {
    child.dup2(write ? r : w, write ? 0 : 1);
    const e = await child.execve('/bin/sh', ['sh', '-c', cmd], envp);
    return e < 0 ? 127 : 0;
  });
  if (pid < 0) {
    sys.close(r);
    sys.close(w);
    return pid;
  }
  sys.close(write ? r : w);
  return { fd: write ? w : r, pid };
}

/** Runs `sh -c cmd` with our stdin/stdout and waits; returns its exit status as system() reports it. */
export async function runSystem(sys: Sys, cmd: string, envp: readonly string[]): Promise<number> {
  const pid = sys.fork(async (child) => {
    const e = await child.execve('/bin/sh', ['sh', '-c', cmd], envp);
    return e < 0 ? 127 : 0;
  });
  if (pid < 0) return -1;
  return waitStatus(sys, pid);
}

/** Waits for a child; returns its exit code (256 + signal when killed). */
export async function waitStatus(sys: Sys, pid: number): Promise<number> {
  for (;;) {
    const r = await sys.wait4(pid, 0);
    if (typeof r === 'number') {
      if (r === -4) continue;
      return -1;
    }
    const s = r.status;
    return (s & 0x7f) === 0 ? (s >> 8) & 0xff : 256 + (s & 0x7f);
  }
}

export const openFlags = (append: boolean): number => O_WRONLY | O_CREAT | O_CLOEXEC | (append ? O_APPEND : O_TRUNC);
