// The state of one dd run, shared by its parts: the settings, the open descriptors and where the input
// stands, the input and output buffers with the output block being filled, and the statistics.
import { type Sys } from '../../../kernel/abi.ts';
import { humanReadable } from '../human-size.ts';
import { type Proc } from '../program.ts';
import { translationTable, type Translation } from './convert.ts';
import { MemoryExhausted } from './exit.ts';
import { C_TWOBUFS, type Settings } from './operands.ts';
import { type Signals } from './signals.ts';
import { Stats } from './stats.ts';

export class DdState {
  ifd = 0;
  ofd = 1;
  inputSeekable = false;
  inputSeekErrno = 0;
  /** Bytes read so far from where the input started, -1 once unknown (overflow). */
  inputOffset = 0;
  /** The size of the last read, for the partial read warning. */
  prevRead = 0;
  warnPartialRead: boolean;
  /** Whether the last output operation was a conv=sparse seek, so the file may need extending at the end. */
  finalOpWasSeek = false;

  ibuf: Uint8Array = new Uint8Array(0);
  obuf: Uint8Array = new Uint8Array(0);
  /** Bytes in the output block. */
  oc = 0;
  /** Column in the current conv=block or conv=unblock record. */
  col = 0;
  /** conv=unblock: spaces held back until a non-space shows they were not trailing. */
  pendingSpaces = 0;
  readonly translation: Translation;
  readonly stats: Stats;

  constructor(
    readonly sys: Sys,
    readonly p: Proc,
    readonly s: Settings,
    readonly signals: Signals,
  ) {
    this.warnPartialRead = s.warnPartialRead;
    this.translation = translationTable(s.conv);
    this.stats = new Stats(sys, p, s.status);
  }

  get outputName(): string {
    return this.s.outputFile ?? 'standard output';
  }

  advanceInput(n: number): void {
    if (this.inputOffset >= 0) {
      this.inputOffset += n;
      if (!Number.isSafeInteger(this.inputOffset)) this.inputOffset = -1;
    }
  }

  closeFiles(): void {
    if (this.ifd !== 0) this.sys.close(this.ifd);
    if (this.ofd !== 1) this.sys.close(this.ofd);
  }

  inputBuffer(): Uint8Array {
    if (this.ibuf.length) return this.ibuf;
    try {
      this.ibuf = new Uint8Array(this.s.ibs);
    } catch {
      throw exhausted('input', this.s.ibs);
    }
    return this.ibuf;
  }

  /** The output block: the input buffer itself unless a conversion needs its own (TWOBUFS). */
  outputBuffer(): Uint8Array {
    if (this.obuf.length) return this.obuf;
    if (!(this.s.conv & C_TWOBUFS)) this.obuf = this.inputBuffer();
    else {
      try {
        this.obuf = new Uint8Array(this.s.obs);
      } catch {
        throw exhausted('output', this.s.obs);
      }
    }
    return this.obuf;
  }
}

function exhausted(which: string, size: number): Error {
  return new MemoryExhausted(`memory exhausted by ${which} buffer of size ${BigInt(size)} bytes (${humanReadable(size, 1, 1, true)})`);
}
