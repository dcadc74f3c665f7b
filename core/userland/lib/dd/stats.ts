// dd's statistics on stderr: the records in/out counts, truncated records, and the transfer line (bytes,
// seconds, rate), printed at the end, on SIGUSR1, and once a second as a status=progress line.
// Follows GNU coreutils 9.1 src/dd.c (print_stats, print_xfer_stats).
import { CLOCK_MONOTONIC, type Sys } from '../../../kernel/abi.ts';
import { humanReadable } from '../human-size.ts';
import { formatFloat } from '../printf-format.ts';
import { type Proc } from '../program.ts';
import { STATUS_NONE, STATUS_NOXFER, STATUS_PROGRESS } from './operands.ts';

const NS = 1e9;

export class Stats {
  /** Full and partial blocks read and written. */
  rFull = 0;
  rPartial = 0;
  wFull = 0;
  wPartial = 0;
  /** Records conv=block cut at cbs. */
  rTruncate = 0;
  wBytes = 0;
  startTime = 0;
  /** When the next status=progress line is due. */
  nextTime = 0;
  /** Length of the progress line on screen, 0 for none. */
  progressLen = 0;

  constructor(
    readonly sys: Sys,
    readonly p: Proc,
    readonly status: number,
  ) {}

  /** Starts the clock of the copy. */
  start(): void {
    this.startTime = this.sys.clockGettime(CLOCK_MONOTONIC);
    this.nextTime = this.startTime + NS;
  }

  /** status=progress: the transfer line again once a second has passed since the last one. */
  async progress(): Promise<void> {
    if (this.status !== STATUS_PROGRESS) return;
    const now = this.sys.clockGettime(CLOCK_MONOTONIC);
    if (this.nextTime <= now) {
      await this.printXfer(now);
      this.nextTime += NS;
    }
  }

  async print(): Promise<void> {
    if (this.status === STATUS_NONE) return;
    let text = '';
    if (this.progressLen > 0) {
      text += '\n';
      this.progressLen = 0;
    }
    text += `${this.rFull}+${this.rPartial} records in\n${this.wFull}+${this.wPartial} records out\n`;
    if (this.rTruncate) text += `${this.rTruncate} truncated record${this.rTruncate === 1 ? '' : 's'}\n`;
    await this.p.err.write(text);
    if (this.status === STATUS_NOXFER) return;
    await this.printXfer(0);
  }

  /** The transfer line: bytes (SI, IEC) copied, seconds, rate; `progress` is the time of a progress report. */
  async printXfer(progress: number): Promise<void> {
    const now = progress || this.sys.clockGettime(CLOCK_MONOTONIC);
    const n = this.wBytes;
    const si = humanReadable(n, 1, 1);
    const iec = humanReadable(n, 1, 1, true);
    let seconds = 0;
    let rate = 'Infinity B/s';
    if (this.startTime < now) {
      const delta = now - this.startTime;
      seconds = delta / NS;
      rate = `${humanReadable(n, NS, delta)}/s`;
    }
    const time = progress ? `${formatFloat(seconds, '.0', 'f')} s` : `${formatFloat(seconds, '', 'g')} s`;
    const bare = (h: string): boolean => / B$/.test(h);
    const line = bare(si) ? `${n} byte${n === 1 ? '' : 's'} copied, ${time}, ${rate}`
      : bare(iec) ? `${n} bytes (${si}) copied, ${time}, ${rate}`
        : `${n} bytes (${si}, ${iec}) copied, ${time}, ${rate}`;
    if (!progress) {
      await this.p.err.write(line + '\n');
      return;
    }
    await this.p.err.write(`\r${line}${' '.repeat(Math.max(0, this.progressLen - line.length))}`);
    this.progressLen = line.length;
  }
}
