// Copying one file's bytes and attributes, shared by cp and mv (across devices): data in chunks with
// a yield between them, and -p style preservation of mode, owner and times.
import { O_CREAT, O_TRUNC, O_WRONLY, type Stat, type Sys } from '../../kernel/abi.ts';
import { writeAll } from './io.ts';

export type CopyFailure = { step: 'open-src' | 'open-dst' | 'read' | 'write'; errno: number };

/** Copies the bytes of `src` into `dst` (created with `mode` when new, truncated when it exists). */
export async function copyData(sys: Sys, src: string, dst: string, mode: number): Promise<CopyFailure | null> {
  const inFd = sys.open(src, 0);
  if (inFd < 0) return { step: 'open-src', errno: inFd };
  const outFd = sys.open(dst, O_WRONLY | O_CREAT | O_TRUNC, mode);
  if (outFd < 0) {
    sys.close(inFd);
    return { step: 'open-dst', errno: outFd };
  }
  const buf = new Uint8Array(65536);
  let failure: CopyFailure | null = null;
  for (;;) {
    const n = await sys.read(inFd, buf);
    if (n < 0) {
      failure = { step: 'read', errno: n };
      break;
    }
    if (n === 0) break;
    const w = await writeAll(sys, outFd, buf.subarray(0, n));
    if (w < 0) {
      failure = { step: 'write', errno: w };
      break;
    }
    await sys.yield();
  }
  sys.close(inFd);
  sys.close(outFd);
  return failure;
}

/** Gives `dst` the owner, mode and times of `st` (cp -p, cp -a, mv across devices). */
export function preserveAttributes(sys: Sys, dst: string, st: Stat, symlink = false): void {
  if (symlink) {
    sys.lchown(dst, st.uid, st.gid);
    sys.utimens(dst, st.atime, st.mtime, false);
    return;
  }
  sys.chown(dst, st.uid, st.gid);
  sys.chmod(dst, st.mode & 0o7777);
  sys.utimens(dst, st.atime, st.mtime);
}
