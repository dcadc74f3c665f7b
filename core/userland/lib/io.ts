// Buffered output and whole-input reading for programs, over the Sys calls.

import { ENOMEM, utf8Decode, utf8Encode, type Sys } from '../../kernel/abi.ts';

/**
 * CPU time (ns) a program spends on each byte it keeps or runs through a loop of its own (copying it into
 * memory, decoding, comparing, dumping): charged with `sys.yield(work)` as it goes, so a program reading an
 * endless input (/dev/zero) moves the lab's clock on at a pace its memory and the host can follow, and
 * timeout or a signal still ends it.
 */
export const BYTE_WORK = 10;

/** The most of one input a program keeps in memory (256 MiB): past it readAll fails with ENOMEM, as malloc would. */
export const KEEP_LIMIT = 256 * 1024 * 1024;

/** Collects output and writes it in large chunks, like stdio's buffered stdout. */
export class Output {
  private parts: Uint8Array[] = [];
  private size = 0;
  /** Set when a write failed (EPIPE, EBADF ...): the negative errno. */
  error = 0;

  constructor(
    private readonly sys: Sys,
    readonly fd: number,
    private readonly limit = 8192,
  ) {}

  async write(text: string | Uint8Array): Promise<void> {
    const bytes = typeof text === 'string' ? utf8Encode(text) : text;
    this.parts.push(bytes);
    this.size += bytes.length;
    if (this.size >= this.limit) await this.flush();
  }

  async flush(): Promise<void> {
    if (this.size === 0) return;
    const data = this.parts.length === 1 ? this.parts[0]! : concat(this.parts, this.size);
    this.parts = [];
    this.size = 0;
    if (this.error) return;
    const r = await writeAll(this.sys, this.fd, data);
    if (r < 0) this.error = r;
  }
}

export function concat(parts: readonly Uint8Array[], total?: number): Uint8Array {
  const size = total ?? parts.reduce((n, p) => n + p.length, 0);
  const out = new Uint8Array(size);
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

/** Writes everything (looping over partial writes); returns 0 or -errno. */
export async function writeAll(sys: Sys, fd: number, data: Uint8Array | string): Promise<number> {
  const bytes = typeof data === 'string' ? utf8Encode(data) : data;
  let off = 0;
  while (off < bytes.length) {
    const n = await sys.write(fd, off === 0 ? bytes : bytes.subarray(off));
    if (n < 0) return n;
    off += n;
  }
  return 0;
}

/** Reads until end of file, charging BYTE_WORK for each byte kept; returns the bytes or -errno (-ENOMEM past KEEP_LIMIT). */
export async function readAll(sys: Sys, fd: number): Promise<Uint8Array | number> {
  const parts: Uint8Array[] = [];
  let total = 0;
  const buf = new Uint8Array(65536);
  for (;;) {
    const n = await sys.read(fd, buf);
    if (n < 0) return n;
    if (n === 0) break;
    parts.push(buf.slice(0, n));
    total += n;
    if (total > KEEP_LIMIT) return -ENOMEM;
    await sys.yield(n * BYTE_WORK);
  }
  return concat(parts, total);
}

/** Reads a whole file by path; returns its text or -errno. */
export async function readFileText(sys: Sys, path: string): Promise<string | number> {
  const fd = sys.open(path, 0);
  if (fd < 0) return fd;
  const data = await readAll(sys, fd);
  sys.close(fd);
  return typeof data === 'number' ? data : utf8Decode(data);
}

/** Reads lines one at a time from a descriptor (the final line may lack its newline). */
export class LineReader {
  private pending: number[] = [];
  private buf = new Uint8Array(4096);
  private start = 0;
  private end = 0;
  eof = false;

  constructor(
    private readonly sys: Sys,
    private readonly fd: number,
  ) {}

  /** The next line without its newline, null at end of input, or -errno. */
  async next(): Promise<string | null | number> {
    for (;;) {
      while (this.start < this.end) {
        const b = this.buf[this.start++]!;
        if (b === 10) return this.take();
        this.pending.push(b);
      }
      if (this.eof) return this.pending.length ? this.take() : null;
      const n = await this.sys.read(this.fd, this.buf);
      if (n < 0) return n;
      if (n === 0) this.eof = true;
      this.start = 0;
      this.end = Math.max(n, 0);
    }
  }

  private take(): string {
    const line = utf8Decode(Uint8Array.from(this.pending));
    this.pending = [];
    return line;
  }
}
