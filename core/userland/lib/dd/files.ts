// dd's input and output files: opening if= and of= (create, truncate to the seek= offset, the flags of
// iflag=/oflag=), flags set on the standard descriptors dd did not open, and conv=fsync/fdatasync.
// Follows GNU coreutils 9.1 src/dd.c (main's opening of the files, set_fd_flags, synchronize_output).
import {
  EINVAL, ENOTDIR, F_GETFL, F_SETFL, O_CREAT, O_DIRECTORY, O_EXCL, O_NOCTTY, O_NOFOLLOW, O_RDONLY, O_RDWR, O_TRUNC,
  O_WRONLY, SEEK_CUR, isDir, isReg,
} from '../../../kernel/abi.ts';
import { strerror } from '../errno.ts';
import { quote } from '../program.ts';
import { fail } from './exit.ts';
import { INTMAX } from './numbers.ts';
import { C_EXCL, C_FDATASYNC, C_FSYNC, C_NOCREAT, C_NOTRUNC, openFlags } from './operands.ts';
import { type DdState } from './state.ts';

export async function openFiles(dd: DdState): Promise<void> {
  const { sys, s } = dd;
  const ipass = openFlags(s.iflags);
  const opass = openFlags(s.oflags);
  if (s.inputGiven) {
    const fd = sys.open(s.inputFile, O_RDONLY | ipass);
    if (fd < 0) await fail(dd.p, `failed to open ${quote(s.inputFile)}: ${strerror(fd)}`);
    dd.ifd = fd;
  } else await setFdFlags(dd, 0, ipass, s.inputFile);
  if (s.outputFile === null) await setFdFlags(dd, 1, opass, 'standard output');
  else {
    const opts = opass | (s.conv & C_NOCREAT ? 0 : O_CREAT) | (s.conv & C_EXCL ? O_EXCL : 0) |
      (s.seekRecords || s.conv & C_NOTRUNC ? 0 : O_TRUNC);
    const size = s.seekRecords * s.obs + s.seekBytes;
    if (BigInt(s.seekRecords) * BigInt(s.obs) + BigInt(s.seekBytes) > INTMAX && !(s.conv & C_NOTRUNC)) {
      await fail(dd.p, `offset too large: cannot truncate to a length of seek=${s.seekRecordsText} (${s.obs}-byte) blocks`);
    }
    let fd = s.seekRecords ? sys.open(s.outputFile, O_RDWR | opts, 0o666) : -1;
    if (fd < 0) fd = sys.open(s.outputFile, O_WRONLY | opts, 0o666);
    if (fd < 0) await fail(dd.p, `failed to open ${quote(s.outputFile)}: ${strerror(fd)}`);
    dd.ofd = fd;
    if (s.seekRecords && !(s.conv & C_NOTRUNC)) {
      const r = sys.ftruncate(fd, size);
      const st = sys.fstat(fd);
      if (r < 0 && typeof st !== 'number' && (isReg(st.mode) || isDir(st.mode))) {
        await fail(dd.p, `failed to truncate to ${size} bytes in output file ${quote(s.outputFile)}: ${strerror(r)}`);
      }
    }
  }
  const offset = sys.lseek(dd.ifd, 0, SEEK_CUR);
  dd.inputSeekable = offset >= 0;
  dd.inputOffset = Math.max(0, offset);
  dd.inputSeekErrno = offset < 0 ? -offset : 0;
}

/** set_fd_flags(): flags for a descriptor dd did not open itself. */
async function setFdFlags(dd: DdState, fd: number, add: number, name: string): Promise<void> {
  const extra = add & ~(O_NOCTTY | O_NOFOLLOW);
  if (!extra) return;
  const old = dd.sys.fcntl(fd, F_GETFL);
  let err = old < 0 ? old : 0;
  let flags = old | extra;
  if (!err && flags !== old && flags & O_DIRECTORY) {
    const st = dd.sys.fstat(fd);
    if (typeof st === 'number') err = st;
    else if (!isDir(st.mode)) err = -ENOTDIR;
    flags &= ~O_DIRECTORY;
  }
  if (!err && flags !== old) err = Math.min(0, dd.sys.fcntl(fd, F_SETFL, flags));
  if (err) await fail(dd.p, `setting flags for ${quote(name)}: ${strerror(err)}`);
}

/**
 * synchronize_output(): conv=fdatasync/fsync. The guest's files live in memory, so syncing a regular
 * file or a directory has nothing to do and succeeds; other files fail with EINVAL as on Linux.
 */
export async function synchronize(dd: DdState): Promise<number> {
  const mask = dd.s.conv;
  dd.s.conv &= ~(C_FDATASYNC | C_FSYNC);
  if (!(mask & (C_FDATASYNC | C_FSYNC))) return 0;
  const st = dd.sys.fstat(dd.ofd);
  const err = typeof st === 'number' ? -st : isReg(st.mode) || isDir(st.mode) ? 0 : EINVAL;
  if (!err) return 0;
  // A failed fdatasync with EINVAL falls back to fsync, which fails the same way.
  await dd.p.error(`fsync failed for ${quote(dd.outputName)}: ${strerror(err)}`);
  return 1;
}
