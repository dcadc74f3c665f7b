// wget 1.21's "dot" progress (src/progress.c), what it shows when stderr is not a terminal: one dot per
// KiB, clusters of 10, rows of 50 (50K) headed by "%6dK"; each full row ends with the percentage (when
// the length is known), the row's speed and the time left; the last row is padded and ends with the
// speed and "=" the whole download time. Also wget's byte rates (retr_rate) and sizes ("117K").
import type { Sys } from '../../../kernel/abi.ts';
import { now, SEC } from './conn.ts';

const DOT = 1024, CLUSTER = 10, ROW = 50;

/** wget's speed with unit for a row: " %4.*f%c" in bytes (unit ' '), K, M, G (per 1024). */
function rowSpeed(bytes: number, ns: number): string {
  let rate = bytes / Math.max(ns / SEC, 1e-6);
  let unit = ' ';
  for (const u of ['K', 'M', 'G', 'T']) {
    if (rate < 1024) break;
    rate /= 1024;
    unit = u;
  }
  const prec = rate >= 99.95 ? 0 : rate >= 9.995 ? 1 : 2;
  return ` ${rate.toFixed(prec).padStart(4)}${unit}`;
}

/** "0s", "12s", "1m 5s", "2h 3m", "4d 5h" (wget's eta_to_human_short). */
export function shortTime(secs: number): string {
  const s = Math.round(secs);
  if (s < 100) return `${s}s`;
  if (s < 100 * 60) return `${Math.floor(s / 60)}m ${s % 60}s`;
  if (s < 48 * 3600) return `${Math.floor(s / 3600)}h ${Math.floor((s % 3600) / 60)}m`;
  return `${Math.floor(s / 86400)}d ${Math.floor((s % 86400) / 3600)}h`;
}

/** The download time after "=": seconds with up to 3 decimals, as wget prints it. */
function elapsed(ns: number): string {
  const s = ns / SEC;
  if (s < 0.001) return '0s';
  if (s < 10) return `${Number(s.toFixed(s < 0.1 ? 3 : s < 1 ? 2 : 1))}s`;
  return shortTime(s);
}

/** retr_rate: "2.28 MB/s" (B/s, KB/s, MB/s, GB/s; 1024-based). */
export function rate(bytes: number, ns: number): string {
  let r = bytes / Math.max(ns / SEC, 1e-6);
  let i = 0;
  const units = ['B/s', 'KB/s', 'MB/s', 'GB/s', 'TB/s'];
  while (r >= 1024 && i < units.length - 1) {
    r /= 1024;
    i++;
  }
  const prec = r >= 99.95 ? 0 : r >= 9.995 ? 1 : 2;
  return `${r.toFixed(prec)} ${units[i]}`;
}

/** The "(117K)" of a Length line: 1024-based, one decimal under 10. */
export function humanSize(n: number): string {
  let v = n;
  let i = 0;
  const units = ['', 'K', 'M', 'G', 'T', 'P'];
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  if (i === 0) return String(n);
  return v < 10 ? `${v.toFixed(1)}${units[i]}` : `${Math.round(v)}${units[i]}`;
}

export class DotProgress {
  private dots = 0;
  private got = 0;
  private readonly start: number;
  private rowStart: number;
  private rowBytes = 0;
  private begun = false;

  constructor(
    private readonly sys: Sys,
    private readonly write: (text: string) => Promise<void>,
    private readonly total: number | null,
  ) {
    this.start = now(sys);
    this.rowStart = this.start;
  }

  async add(n: number): Promise<void> {
    this.got += n;
    this.rowBytes += n;
    let text = '';
    while (Math.floor(this.got / DOT) > this.dots) {
      if (!this.begun) {
        text += '\n' + this.rowHead();
        this.begun = true;
      }
      if (this.dots % CLUSTER === 0) text += ' ';
      text += '.';
      this.dots++;
      if (this.dots % ROW === 0) {
        const t = now(this.sys);
        const rowBytes = ROW * DOT;
        text += this.percent(this.dots * DOT) + rowSpeed(rowBytes, t - this.rowStart);
        const speed = this.got / Math.max((t - this.start) / SEC, 1e-6);
        text += this.total !== null ? ` ${shortTime((this.total - this.got) / speed)}` : '';
        text += '\n' + this.rowHead();
        this.rowStart = t;
        this.rowBytes -= rowBytes;
      }
    }
    if (text) await this.write(text);
  }

  /** The last row, padded, with the speed and the whole time; then a line feed. */
  async finish(): Promise<void> {
    let text = '';
    if (!this.begun) text += '\n' + this.rowHead();
    const inRow = this.dots % ROW;
    for (let d = inRow; d < ROW; d++) {
      if (d % CLUSTER === 0) text += ' ';
      text += ' ';
    }
    const t = now(this.sys);
    text += this.percent(this.got) + rowSpeed(this.rowBytes, t - this.rowStart) + `=${elapsed(t - this.start)}\n`;
    await this.write(text);
  }

  private rowHead(): string {
    return `${String((this.dots / ROW) * ROW).padStart(6)}K`;
  }

  private percent(at: number): string {
    if (this.total === null || this.total === 0) return '';
    const pct = Math.min(100, Math.floor((at * 100) / this.total));
    return `${String(pct).padStart(3)}%`;
  }
}

/** The amount in the bar: bytes up to 1023, then "292.97K", "1.50M" (two decimals under 1000). */
function barSize(n: number): string {
  if (n < 1024) return String(n);
  let v = n;
  let i = 0;
  const units = ['', 'K', 'M', 'G', 'T'];
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${v.toFixed(v < 1000 ? 2 : 0)}${units[i]}`;
}

/**
 * wget's "bar" progress, what it shows when stderr is a terminal: one line redrawn after "\r": the file
 * name in a quarter of the width, the percentage, the bar, the amount, the speed and, at the end, "in
 * TIME". The line is one column narrower than the terminal.
 */
export class BarProgress {
  private got = 0;
  private readonly start: number;
  private last: number;

  constructor(
    private readonly sys: Sys,
    private readonly write: (text: string) => Promise<void>,
    private readonly total: number | null,
    private readonly name: string,
    private readonly cols: number,
  ) {
    this.start = now(sys);
    this.last = this.start;
  }

  async begin(): Promise<void> {
    await this.write(this.line(false));
  }

  async add(n: number): Promise<void> {
    this.got += n;
    const t = now(this.sys);
    if (t - this.last >= SEC / 5) {
      this.last = t;
      await this.write(this.line(false));
    }
  }

  async finish(): Promise<void> {
    await this.write(this.line(true) + '\n');
  }

  private line(done: boolean): string {
    const width = Math.max(this.cols, 45) - 1;
    const nameCols = Math.floor((width + 1) / 4);
    const barCols = Math.max(width - nameCols - 39, 5);
    const name = this.name.length > nameCols ? this.name.slice(0, nameCols) : this.name.padEnd(nameCols);
    let pct = '    ';
    let bar = ' '.repeat(barCols);
    if (this.total !== null && this.total > 0) {
      const ratio = Math.min(1, this.got / this.total);
      pct = `${String(Math.floor(ratio * 100)).padStart(3)}%`;
      const fill = Math.floor(ratio * barCols);
      if (fill > 0) bar = '='.repeat(fill - 1) + '>' + ' '.repeat(barCols - fill);
    } else if (this.total === null) {
      // Unknown size: a three-character block runs back and forth.
      const pos = Math.floor(this.got / 1024) % Math.max(barCols - 2, 1);
      bar = ' '.repeat(pos) + '<=>' + ' '.repeat(Math.max(barCols - pos - 3, 0));
    } else pct = '100%';
    const elapsed = (now(this.sys) - this.start) / SEC;
    const speed = elapsed >= 1 ? rate(this.got, now(this.sys) - this.start).replace(' ', '') : '--.-KB/s';
    const tail = done ? `    in ${elapsed < 0.005 ? '0' : elapsed < 10 ? Number(elapsed.toFixed(2)) : shortTime(elapsed)}s`.replace(/ss$/, 's') : '';
    return `\r${name}${pct}[${bar}] ${barSize(this.got).padStart(7)}  ${speed.padStart(8)}${tail.padEnd(15)}`;
  }
}
