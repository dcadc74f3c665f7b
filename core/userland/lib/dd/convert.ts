// The conv= transformations and the output block they fill: one translation table for ascii, lcase/ucase
// and ebcdic/ibm, swab over a stream of blocks, block and unblock by cbs, and the output block written
// each time it holds obs bytes. Follows GNU coreutils 9.1 src/dd.c (apply_translations, swab_buffer,
// copy_simple, copy_with_block, copy_with_unblock, write_output).
import { ASCII_TO_EBCDIC, ASCII_TO_IBM, EBCDIC_TO_ASCII } from '../ebcdic.ts';
import { strerror } from '../errno.ts';
import { quote } from '../program.ts';
import { Exit } from './exit.ts';
import { iwrite } from './io.ts';
import { C_ASCII, C_BLOCK, C_EBCDIC, C_IBM, C_LCASE, C_UCASE, C_UNBLOCK } from './operands.ts';
import { type DdState } from './state.ts';

/** The byte translation (null for none) and the newline and space of the output character set. */
export interface Translation {
  table: Uint8Array | null;
  newline: number;
  space: number;
}

/** apply_translations(): one table for ascii, lcase/ucase and ebcdic/ibm, applied in that order. */
export function translationTable(conv: number): Translation {
  const none = { table: null, newline: 10, space: 32 };
  if (!(conv & (C_ASCII | C_LCASE | C_UCASE | C_EBCDIC | C_IBM))) return none;
  const t = Uint8Array.from({ length: 256 }, (_, i) => i);
  const through = (map: Uint8Array): void => t.forEach((v, i) => (t[i] = map[v]!));
  if (conv & C_ASCII) through(EBCDIC_TO_ASCII);
  if (conv & C_UCASE) t.forEach((v, i) => (t[i] = v >= 97 && v <= 122 ? v - 32 : v));
  else if (conv & C_LCASE) t.forEach((v, i) => (t[i] = v >= 65 && v <= 90 ? v + 32 : v));
  const out = conv & C_EBCDIC ? ASCII_TO_EBCDIC : conv & C_IBM ? ASCII_TO_IBM : null;
  if (!out) return { ...none, table: t };
  through(out);
  return { table: t, newline: out[10]!, space: out[32]! };
}

/**
 * conv=swab over a stream: bytes are swapped in pairs across blocks, an odd byte waits for the next
 * block (`saved`, -1 for none) and is written as it is at the end.
 */
export function swab(block: Uint8Array, saved: number): [Uint8Array, number] {
  if (block.length === 0) return [block, saved];
  const all = saved >= 0 ? new Uint8Array(block.length + 1) : block.slice();
  if (saved >= 0) {
    all[0] = saved;
    all.set(block, 1);
  }
  let len = all.length;
  let next = -1;
  if (len % 2) next = all[--len]!;
  for (let i = 0; i + 1 < len; i += 2) {
    const t = all[i]!;
    all[i] = all[i + 1]!;
    all[i + 1] = t;
  }
  return [all.subarray(0, len), next];
}

/** write_output(): a full output block. */
async function writeOutput(dd: DdState): Promise<void> {
  const { n, errno } = await iwrite(dd, dd.obuf.subarray(0, dd.s.obs));
  dd.stats.wBytes += n;
  if (n !== dd.s.obs) {
    await dd.p.error(`writing to ${quote(dd.outputName)}: ${strerror(errno)}`);
    if (n) dd.stats.wPartial++;
    throw new Exit(1, true);
  }
  dd.stats.wFull++;
  dd.oc = 0;
}

async function outputByte(dd: DdState, c: number): Promise<void> {
  dd.obuf[dd.oc++] = c;
  if (dd.oc >= dd.s.obs) await writeOutput(dd);
}

async function copySimple(dd: DdState, buf: Uint8Array): Promise<void> {
  let start = 0;
  while (start < buf.length) {
    const take = Math.min(buf.length - start, dd.s.obs - dd.oc);
    dd.obuf.set(buf.subarray(start, start + take), dd.oc);
    start += take;
    dd.oc += take;
    if (dd.oc >= dd.s.obs) await writeOutput(dd);
  }
}

/** conv=block: newline-ended records padded with spaces to cbs (longer ones truncated and counted). */
async function copyWithBlock(dd: DdState, buf: Uint8Array): Promise<void> {
  const { newline, space } = dd.translation;
  for (const c of buf) {
    if (c === newline) {
      for (let j = dd.col; j < dd.s.cbs; j++) await outputByte(dd, space);
      dd.col = 0;
    } else {
      if (dd.col === dd.s.cbs) dd.stats.rTruncate++;
      else if (dd.col < dd.s.cbs) await outputByte(dd, c);
      dd.col++;
    }
  }
}

/** conv=unblock: cbs-sized records with their trailing spaces replaced by one newline. */
async function copyWithUnblock(dd: DdState, buf: Uint8Array): Promise<void> {
  const { newline, space } = dd.translation;
  for (let i = 0; i < buf.length; i++) {
    const c = buf[i]!;
    if (dd.col++ >= dd.s.cbs) {
      dd.col = dd.pendingSpaces = 0;
      i--;
      await outputByte(dd, newline);
    } else if (c === space) dd.pendingSpaces++;
    else {
      for (; dd.pendingSpaces; dd.pendingSpaces--) await outputByte(dd, space);
      await outputByte(dd, c);
    }
  }
}

/** Puts a block of (translated, swabbed) input into the output block: as it is, or by block or unblock. */
export async function convert(dd: DdState, buf: Uint8Array): Promise<void> {
  if (dd.s.conv & C_BLOCK) await copyWithBlock(dd, buf);
  else if (dd.s.conv & C_UNBLOCK) await copyWithUnblock(dd, buf);
  else await copySimple(dd, buf);
}

/** At the end of the input: the byte swab held back, the padding of the last block, the last newline. */
export async function finishConversion(dd: DdState, saved: number): Promise<void> {
  const conv = dd.s.conv;
  if (saved >= 0) {
    if (conv & (C_BLOCK | C_UNBLOCK)) await convert(dd, Uint8Array.of(saved));
    else await outputByte(dd, saved);
  }
  if (conv & C_BLOCK && dd.col > 0) for (let i = dd.col; i < dd.s.cbs; i++) await outputByte(dd, dd.translation.space);
  if (dd.col && conv & C_UNBLOCK) await outputByte(dd, dd.translation.newline);
}
