// Helpers shared by the text tools (grep, sort, wc, head ...): a Proc whose stdout is buffered like
// glibc stdio (errors are not ordered after pending output unless stdout is a terminal), byte-exact
// latin1 strings (the C locale treats input as bytes), and reading whole inputs by name ('-' is stdin).

import { EISDIR, isDir, latin1Chunks, utf8Encode, type Sys } from '../../kernel/abi.ts';
import { readAll, type Output } from './io.ts';
import { strerror } from './errno.ts';
import { Proc, quoteIfNeeded } from './program.ts';

export class Cmd extends Proc {
  /** Prints "name: message" on stderr; pending stdout stays buffered (as stdio does on a pipe or file). */
  override async error(message: string): Promise<void> {
    if (this.sys.isatty(1)) await this.out.flush();
    await this.err.write(`${this.name}: ${message}\n`);
  }

  /** Writes a latin1 string (one char per byte) to stdout. */
  async put(text: string): Promise<void> {
    await this.out.write(fromLatin1(text));
  }

  /** Usage hint with a chosen exit status. */
  async usage(message: string, status: number): Promise<number> {
    await this.tryHelp(message);
    return status;
  }
}

/** Bytes to a string with one char per byte. */
export function toLatin1(bytes: Uint8Array): string {
  return latin1Chunks(bytes);
}

/** A one-char-per-byte string back to bytes. */
export function fromLatin1(s: string): Uint8Array {
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

/** An argument (a JS string) as the latin1 string of its UTF-8 bytes. */
export const argBytes = (s: string): string => toLatin1(utf8Encode(s));

export type InputResult = { data: string } | { openError: number } | { readError: number; data: string };

/** Opens and reads a whole input ('-' = stdin) as a latin1 string, telling open errors from read errors. */
export async function readInput(sys: Sys, name: string): Promise<InputResult> {
  const fd = name === '-' ? 0 : sys.open(name, 0);
  if (fd < 0) return { openError: fd };
  const st = sys.fstat(fd);
  if (typeof st !== 'number' && isDir(st.mode)) {
    if (fd !== 0) sys.close(fd);
    return { readError: -EISDIR, data: '' };
  }
  const r = await readAll(sys, fd);
  if (fd !== 0) sys.close(fd);
  if (typeof r === 'number') return { readError: r, data: '' };
  return { data: toLatin1(r) };
}

/**
 * Copies the first `count` lines (or bytes) of an input to `out` as it reads, and stops reading once they
 * are written, so that `yes | head` ends (the reader exits and the writer gets SIGPIPE) and a huge count
 * (`head -c 100G /dev/zero`) streams in constant memory, as with GNU head. `opened` runs once the input is
 * open, before any of it is written (head's header). Returns 0, or the open or read error.
 */
export async function copyInputPrefix(sys: Sys, name: string, count: number, bytes: boolean, eol: string,
  out: Output, opened: () => Promise<void>): Promise<{ openError: number } | { readError: number } | null> {
  const fd = name === '-' ? 0 : sys.open(name, 0);
  if (fd < 0) return { openError: fd };
  await opened();
  const st = sys.fstat(fd);
  if (typeof st !== 'number' && isDir(st.mode)) {
    if (fd !== 0) sys.close(fd);
    return { readError: -EISDIR };
  }
  const buf = new Uint8Array(65536);
  const end = eol.charCodeAt(0);
  let left = count;
  let result: { readError: number } | null = null;
  while (left > 0) {
    const n = await sys.read(fd, buf);
    if (n < 0) {
      result = { readError: n };
      break;
    }
    if (n === 0) break;
    let take = n;
    if (bytes) take = Math.min(n, left);
    else {
      for (let i = buf.indexOf(end); i >= 0 && i < n; i = buf.indexOf(end, i + 1)) {
        if (--left === 0) {
          take = i + 1;
          break;
        }
      }
    }
    if (bytes) left -= take;
    await out.write(buf.slice(0, take));
    if (out.error) break;
  }
  if (fd !== 0) sys.close(fd);
  return result;
}

/** Splits text into lines without their terminator; `complete` is false when the last line lacks one. */
export function splitLines(text: string, sep = '\n'): { lines: string[]; complete: boolean } {
  if (text === '') return { lines: [], complete: true };
  const lines = text.split(sep);
  const complete = text.endsWith(sep);
  if (complete) lines.pop();
  return { lines, complete };
}

/** Parses a GNU size/count with optional multiplier suffix (k K M G T, KB=1000, KiB=1024, b=512). */
export function parseSize(s: string): number | null {
  const m = /^(\d+)([a-zA-Z]*)$/.exec(s);
  if (!m) return null;
  const n = Number(m[1]);
  const suf = m[2]!;
  if (suf === '') return n;
  if (suf === 'b') return n * 512;
  const units = 'KMGTPEZY';
  const u = units.indexOf(suf[0]!.toUpperCase());
  if (u < 0 || (suf[0] === 'k' ? false : suf[0] !== suf[0]!.toUpperCase() && suf[0] !== 'k')) return null;
  const rest = suf.slice(1);
  let base: number;
  if (rest === '' || rest === 'iB') base = 1024;
  else if (rest === 'B') base = 1000;
  else return null;
  return n * base ** (u + 1);
}

/** Lets other guests run every `every` iterations of a loop. */
export async function maybeYield(sys: Sys, i: number, every = 4096): Promise<void> {
  if (i > 0 && i % every === 0) await sys.yield();
}

/**
 * Reads each input ('-' or none: stdin) whole and hands it to `use` with its name; one that cannot be
 * opened or read gets coreutils' "NAME: error" after what earlier inputs wrote (error(3) flushes stdout
 * first). Whether every input could be read.
 */
export async function forEachInput(p: Cmd, operands: readonly string[], use: (data: string, name: string) => Promise<void>): Promise<boolean> {
  let ok = true;
  for (const f of operands.length ? operands : ['-']) {
    const inp = await readInput(p.sys, f);
    if ('openError' in inp || 'readError' in inp) {
      await p.out.flush();
      await p.error(`${quoteIfNeeded(f)}: ${strerror('openError' in inp ? inp.openError : inp.readError)}`);
      ok = false;
      continue;
    }
    await use(inp.data, f);
  }
  return ok;
}
