// Program images. A program file starts with the magic "\x7fNLX" followed by the program's name (a
// TypeScript program of the image); a file starting with "#!" names an interpreter, as binfmt_script
// handles it; anything else is -ENOEXEC (a shell then runs it as a script).

import { E2BIG, ELOOP, ENOEXEC, type Program } from './abi.ts';
import type { Kernel } from './kernel.ts';
import type { Process } from './process.ts';
import { resolvePath } from './paths.ts';
import { decodeLatin1 } from './text.ts';

export const PROGRAM_MAGIC = '\x7fNLX';

/** The bytes of a program file naming `name`. */
export function programFile(name: string): string {
  return `${PROGRAM_MAGIC} ${name}\n`;
}

export interface LoadedImage {
  program: Program;
  path: string;
  argv: string[];
}

const HEAD = new Uint8Array(256);
/** Does the head of a file start with PROGRAM_MAGIC? */
const isProgramHead = (h: Uint8Array, n: number): boolean =>
  n >= 4 && h[0] === 0x7f && h[1] === 0x4e && h[2] === 0x4c && h[3] === 0x58;

/** The bytes String.prototype.trim and /\s/ take for white space (Latin-1 text). */
const isSpaceByte = (b: number): boolean => (b >= 9 && b <= 13) || b === 32 || b === 0xa0;

/** Resolves what execve(path, argv) would run, following up to four interpreter levels. */
export function loadImage(kernel: Kernel, proc: Process, path: string, argv: readonly string[], depth = 0):
  LoadedImage | number {
  if (depth > 4) return -ELOOP;
  const abs = resolvePath(proc.cwd, path);
  const caller = { pid: proc.pid, uid: proc.euid, gid: proc.egid };
  const handle = kernel.vfs.openExec(abs, caller);
  if (typeof handle === 'number') return handle;
  // The first line is read into one buffer shared by every exec (read and decoded before anything else runs).
  const head = HEAD;
  const n = handle.read(0, head);
  handle.release?.();
  if (n < 0) return n;
  if (isProgramHead(head, n)) {
    // The program's name is the first word after the magic; only its bytes are decoded.
    let start = PROGRAM_MAGIC.length;
    while (start < n && isSpaceByte(head[start]!)) start++;
    let end = start;
    while (end < n && !isSpaceByte(head[end]!)) end++;
    const program = kernel.programs(decodeLatin1(head, start, end));
    if (!program) return -ENOEXEC;
    return { program, path: abs, argv: argv.slice() };
  }
  if (n >= 2 && head[0] === 0x23 && head[1] === 0x21) {
    const text = decodeLatin1(head, 0, n);
    const nl = text.indexOf('\n');
    if (nl < 0 && n === head.length) return -E2BIG;
    const line = text.slice(2, nl < 0 ? undefined : nl).trim();
    if (!line) return -ENOEXEC;
    const sp = line.search(/[ \t]/);
    const interp = sp < 0 ? line : line.slice(0, sp);
    const arg = sp < 0 ? '' : line.slice(sp).trim();
    const newArgv = [interp, ...(arg ? [arg] : []), path, ...argv.slice(1)];
    return loadImage(kernel, proc, interp, newArgv, depth + 1);
  }
  return -ENOEXEC;
}
