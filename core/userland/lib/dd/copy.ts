// dd's copy: skip= on the input, seek= on the output (written as zeros where it cannot seek), then
// blocks read, counted, converted and written until count= or the end of the input, with conv=noerror
// and conv=sync for read errors and short blocks. Follows GNU coreutils 9.1 src/dd.c (dd_copy).
import { ESPIPE, SEEK_CUR, isReg } from '../../../kernel/abi.ts';
import { strerror } from '../errno.ts';
import { quote, quoteIfNeeded } from '../program.ts';
import { convert, finishConversion, swab } from './convert.ts';
import { fail } from './exit.ts';
import { iwrite, readBlock } from './io.ts';
import { C_BLOCK, C_NOERROR, C_SWAB, C_SYNC, C_UNBLOCK, STATUS_NONE } from './operands.ts';
import { advanceAfterReadError, skip } from './skip.ts';
import { type DdState } from './state.ts';

/** skip= over the input and seek= over the output, before the first block is read. */
async function skipAndSeek(dd: DdState): Promise<void> {
  const s = dd.s;
  if (s.skipRecords || s.skipBytes) {
    const bytes = s.skipRecords * s.ibs + s.skipBytes;
    const offset0 = dd.inputOffset;
    const rest = { n: s.skipBytes };
    const left = await skip(dd, dd.ifd, s.inputFile, s.skipRecords, s.ibs, rest);
    if ((left || (dd.inputOffset >= 0 && (!Number.isSafeInteger(bytes) || bytes !== dd.inputOffset - offset0))) &&
      s.status !== STATUS_NONE) {
      await dd.p.error(`${quoteIfNeeded(s.inputFile)}: cannot skip to specified offset`);
    }
  }
  if (s.seekRecords || s.seekBytes) {
    const rest = { n: s.seekBytes };
    let records = await skip(dd, dd.ofd, dd.outputName, s.seekRecords, s.obs, rest);
    if (records || rest.n) {
      const zeros = new Uint8Array(records ? s.obs : rest.n);
      do {
        const size = records ? s.obs : rest.n;
        const { n, errno } = await iwrite(dd, zeros.subarray(0, size));
        if (n !== size) await fail(dd.p, `writing to ${quote(dd.outputName)}: ${strerror(errno)}`, 1, true);
        if (records) records--;
        else rest.n = 0;
      } while (records || rest.n);
    }
  }
}

/** dd_copy(): the whole copy; the exit status so far (1 after a read or write error). */
export async function copy(dd: DdState): Promise<number> {
  const { s, stats } = dd;
  let status = 0;
  let partread = 0;
  await skipAndSeek(dd);
  if (s.maxRecords === 0 && s.maxBytes === 0) return status;
  const ibuf = dd.inputBuffer();
  const obuf = dd.outputBuffer();
  const twoBufs = ibuf !== obuf;
  const fill = s.conv & (C_BLOCK | C_UNBLOCK) ? 32 : 0;
  let saved = -1;
  for (;;) {
    await stats.progress();
    const blocks = stats.rPartial + stats.rFull;
    if (blocks >= s.maxRecords + (s.maxBytes ? 1 : 0)) break;
    if (s.conv & C_SYNC && s.conv & C_NOERROR) ibuf.fill(fill);
    let nread = await readBlock(dd, dd.ifd, blocks >= s.maxRecords ? ibuf.subarray(0, s.maxBytes) : ibuf);
    if (nread > 0) dd.advanceInput(nread);
    else if (nread === 0) break;
    else {
      if (!(s.conv & C_NOERROR) || s.status !== STATUS_NONE) {
        await dd.p.error(`error reading ${quote(s.inputFile)}: ${strerror(nread)}`);
      }
      if (!(s.conv & C_NOERROR)) {
        status = 1;
        break;
      }
      await stats.print();
      if (!(await advanceAfterReadError(dd, s.ibs - partread))) {
        status = 1;
        dd.inputSeekable = false;
        dd.inputSeekErrno = ESPIPE;
      }
      if (s.conv & C_SYNC && !partread) nread = 0;
      else continue;
    }
    let n = nread;
    if (n < s.ibs) {
      stats.rPartial++;
      partread = n;
      if (s.conv & C_SYNC) {
        if (!(s.conv & C_NOERROR)) ibuf.fill(fill, n);
        n = s.ibs;
      }
    } else {
      stats.rFull++;
      partread = 0;
    }
    if (!twoBufs) {
      const { n: written, errno } = await iwrite(dd, ibuf.subarray(0, n));
      stats.wBytes += written;
      if (written !== n) {
        await dd.p.error(`error writing ${quote(dd.outputName)}: ${strerror(errno)}`);
        return 1;
      }
      if (n === s.ibs) stats.wFull++;
      else stats.wPartial++;
      continue;
    }
    let block: Uint8Array = ibuf.subarray(0, n);
    const table = dd.translation.table;
    if (table) for (let i = 0; i < n; i++) block[i] = table[block[i]!]!;
    if (s.conv & C_SWAB) [block, saved] = swab(block, saved);
    await convert(dd, block);
  }
  await finishConversion(dd, saved);
  return (await finishOutput(dd)) || status;
}

/** Writes what is left in the output block, and extends the file over a final conv=sparse seek; 1 on error. */
async function finishOutput(dd: DdState): Promise<number> {
  if (dd.oc) {
    const { n, errno } = await iwrite(dd, dd.obuf.subarray(0, dd.oc));
    dd.stats.wBytes += n;
    if (n) dd.stats.wPartial++;
    if (n !== dd.oc) {
      await dd.p.error(`error writing ${quote(dd.outputName)}: ${strerror(errno)}`);
      return 1;
    }
  }
  if (dd.finalOpWasSeek) {
    const st = dd.sys.fstat(dd.ofd);
    if (typeof st === 'number') {
      await dd.p.error(`cannot fstat ${quote(dd.outputName)}: ${strerror(st)}`);
      return 1;
    }
    if (isReg(st.mode)) {
      const offset = dd.sys.lseek(dd.ofd, 0, SEEK_CUR);
      if (offset >= 0 && st.size < offset) {
        const r = dd.sys.ftruncate(dd.ofd, offset);
        if (r < 0) {
          await dd.p.error(`failed to truncate to ${offset} bytes in output file ${quote(dd.outputName)}: ${strerror(r)}`);
          return 1;
        }
      }
    }
  }
  return 0;
}
