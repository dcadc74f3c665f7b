// dd's reads and writes: a read retried after EINTR (with the partial read warning), whole blocks for
// iflag=fullblock, and a write of all of a buffer that turns a NUL block into a seek for conv=sparse.
// Follows GNU coreutils 9.1 src/dd.c (iread, iread_fullblock, iwrite).
import { EINTR, ENOSPC, SEEK_CUR } from '../../../kernel/abi.ts';
import { C_SPARSE, STATUS_NONE } from './operands.ts';
import { processSignals } from './signals.ts';
import { type DdState } from './state.ts';

async function iread(dd: DdState, fd: number, buf: Uint8Array): Promise<number> {
  let n: number;
  do {
    await processSignals(dd);
    n = await dd.sys.read(fd, buf);
  } while (n === -EINTR);
  if (n > 0 && n < buf.length) await processSignals(dd);
  if (n > 0 && dd.warnPartialRead) {
    if (dd.prevRead > 0 && dd.prevRead < buf.length) {
      if (dd.s.status !== STATUS_NONE) {
        await dd.p.error(`warning: partial read (${dd.prevRead} byte${dd.prevRead === 1 ? '' : 's'}); suggest iflag=fullblock`);
      }
      dd.warnPartialRead = false;
    }
  }
  dd.prevRead = n;
  return n;
}

/** Reads into `buf`: one read, or with iflag=fullblock until it is full or the input ends. */
export async function readBlock(dd: DdState, fd: number, buf: Uint8Array): Promise<number> {
  if (!dd.s.fullblock) return iread(dd, fd, buf);
  let got = 0;
  while (got < buf.length) {
    const n = await iread(dd, fd, buf.subarray(got));
    if (n < 0) return n;
    if (n === 0) break;
    got += n;
  }
  return got;
}

/** iwrite(): writes all of `data` (a sparse NUL block becomes a seek); the count written, and errno if short. */
export async function iwrite(dd: DdState, data: Uint8Array): Promise<{ n: number; errno: number }> {
  let total = 0;
  while (total < data.length) {
    await processSignals(dd);
    let n = 0;
    dd.finalOpWasSeek = false;
    if (dd.s.conv & C_SPARSE && data.every((b) => b === 0)) {
      if (dd.sys.lseek(dd.ofd, data.length, SEEK_CUR) < 0) dd.s.conv &= ~C_SPARSE;
      else {
        dd.finalOpWasSeek = true;
        n = data.length;
      }
    }
    if (!n) n = await dd.sys.write(dd.ofd, total ? data.subarray(total) : data);
    if (n < 0) {
      if (n !== -EINTR) return { n: total, errno: -n };
    } else if (n === 0) return { n: total, errno: ENOSPC };
    else total += n;
  }
  return { n: total, errno: 0 };
}
