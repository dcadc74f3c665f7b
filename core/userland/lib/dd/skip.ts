// Moving over input and output without copying: skip= and seek= by lseek where the file allows it, else
// by reading, and stepping over a bad block of a seekable input after a read error (conv=noerror).
// Follows GNU coreutils 9.1 src/dd.c (skip, advance_input_after_read_error).
import { ESPIPE, SEEK_CUR, SEEK_END, isReg } from '../../../kernel/abi.ts';
import { strerror } from '../errno.ts';
import { quote, quoteIfNeeded } from '../program.ts';
import { Exit, fail } from './exit.ts';
import { readBlock } from './io.ts';
import { C_NOERROR, STATUS_NONE } from './operands.ts';
import { type DdState } from './state.ts';

/**
 * skip(): moves `fd` forward by records * blocksize + bytes, by lseek when it can, else by reading.
 * Returns the records it could not skip; `bytes` is left as the bytes not skipped.
 */
export async function skip(dd: DdState, fd: number, file: string, records: number, blocksize: number, bytes: { n: number }): Promise<number> {
  const sys = dd.sys;
  const offset = records * blocksize + bytes.n;
  // An offset too large to ask lseek for has no errno of its own (EOVERFLOW below, as GNU reports it).
  const moved = Number.isSafeInteger(offset) ? sys.lseek(fd, offset, SEEK_CUR) : null;
  if (moved !== null && moved >= 0) {
    if (fd !== dd.ifd) {
      bytes.n = 0;
      return 0;
    }
    const st = sys.fstat(fd);
    if (typeof st === 'number') return fail(dd.p, `cannot fstat ${quote(file)}: ${strerror(st)}`);
    let skipped = offset;
    let left = 0;
    if (isReg(st.mode) && st.size > 0 && dd.inputOffset >= 0 && st.size - dd.inputOffset < offset) {
      left = Math.floor((offset - st.size) / blocksize);
      skipped = st.size - dd.inputOffset;
    }
    dd.advanceInput(skipped);
    return left;
  }
  let lseekErrno = moved === null ? 0 : -moved;
  if (sys.lseek(fd, 0, SEEK_END) >= 0) {
    if (!lseekErrno) lseekErrno = 75;
    await fail(dd.p, `${quoteIfNeeded(file)}: ${fd === dd.ifd ? 'cannot skip' : 'cannot seek'}: ${strerror(lseekErrno)}`, 1, true);
  }
  const buf = fd === dd.ifd ? dd.inputBuffer() : dd.outputBuffer();
  let left = records;
  do {
    const n = await readBlock(dd, fd, buf.subarray(0, left ? blocksize : bytes.n));
    if (n < 0) {
      if (fd === dd.ifd) {
        await dd.p.error(`error reading ${quote(file)}: ${strerror(n)}`);
        if (dd.s.conv & C_NOERROR) await dd.stats.print();
      } else await dd.p.error(`${quoteIfNeeded(file)}: cannot seek: ${strerror(lseekErrno)}`);
      throw new Exit(1, true);
    }
    if (n === 0) break;
    if (fd === dd.ifd) dd.advanceInput(n);
    if (left) left--;
    else bytes.n = 0;
  } while (left || bytes.n);
  return left;
}

/** advance_input_after_read_error(): steps over a bad block of a seekable input. */
export async function advanceAfterReadError(dd: DdState, n: number): Promise<boolean> {
  let errno: number;
  if (!dd.inputSeekable) {
    if (dd.inputSeekErrno === ESPIPE) return true;
    errno = dd.inputSeekErrno;
  } else {
    dd.advanceInput(n);
    if (dd.inputOffset < 0) {
      await dd.p.error(`offset overflow while reading file ${quote(dd.s.inputFile)}`);
      return false;
    }
    const offset = dd.sys.lseek(dd.ifd, 0, SEEK_CUR);
    if (offset >= 0) {
      if (offset === dd.inputOffset) return true;
      const diff = dd.inputOffset - offset;
      if (!(diff >= 0 && diff <= n) && dd.s.status !== STATUS_NONE) await dd.p.error('warning: invalid file offset after failed read');
      const r = dd.sys.lseek(dd.ifd, diff, SEEK_CUR);
      if (r >= 0) return true;
      errno = -r;
    } else errno = -offset;
  }
  await dd.p.error(`${quoteIfNeeded(dd.s.inputFile)}: cannot seek: ${strerror(errno)}`);
  return false;
}
