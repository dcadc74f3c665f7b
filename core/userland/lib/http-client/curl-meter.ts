// curl's progress meter (lib/progress.c, 7.88): on stderr, a two-line header, then one line per update
// starting with "\r" (so a terminal redraws it in place): percentages, sizes in curl's 5-character form,
// average speeds, times, current speed. Updated when a transfer starts, at most once a virtual second
// after, and at its end (with a line feed).
import type { Sys } from '../../../kernel/abi.ts';
import { now, SEC } from './conn.ts';

const HEADER =
  '  % Total    % Received % Xferd  Average Speed   Time    Time     Time  Current\n' +
  '                                 Dload  Upload   Total   Spent    Left  Speed\n';

/** A byte count in 5 characters (curl's max5data): 12345, 1234k, 12.3M, 1234M, 12.3G ... */
export function max5(n: number): string {
  const K = 1024, M = K * K, G = M * K, T = G * K, P = T * K;
  const pad = (s: string): string => s.padStart(5);
  if (n < 100000) return pad(String(Math.floor(n)));
  if (n < 10000 * K) return pad(`${Math.floor(n / K)}k`);
  if (n < 100 * M) return pad(`${Math.floor(n / M)}.${Math.floor((n % M) / (M / 10))}M`);
  if (n < 10000 * M) return pad(`${Math.floor(n / M)}M`);
  if (n < 100 * G) return pad(`${Math.floor(n / G)}.${Math.floor((n % G) / (G / 10))}G`);
  if (n < 10000 * G) return pad(`${Math.floor(n / G)}G`);
  if (n < 10000 * T) return pad(`${Math.floor(n / T)}T`);
  return pad(`${Math.floor(n / P)}P`);
}

/** Seconds in 8 characters (curl's time2str): "--:--:--" for none, "H:MM:SS", then days. */
export function time8(seconds: number): string {
  if (seconds <= 0) return '--:--:--';
  const s = Math.floor(seconds);
  const h = Math.floor(s / 3600);
  if (h <= 99) return `${String(h).padStart(2)}:${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
  const d = Math.floor(s / 86400);
  if (d <= 999) return `${String(d).padStart(3)}d ${String(h % 24).padStart(2, '0')}h`;
  return `${String(d).padStart(7)}d`;
}

export class Meter {
  private started = 0;
  private last = -1;
  /** Bytes downloaded and uploaded, and the expected totals (null: unknown). */
  dl = 0;
  ul = 0;
  dlTotal: number | null = null;
  ulTotal: number | null = null;
  /** (time, dl) samples for the current speed. */
  private samples: Array<[number, number]> = [];

  constructor(
    private readonly sys: Sys,
    private readonly write: (text: string) => Promise<void>,
    readonly enabled: boolean,
  ) {}

  /** The header and the first line. */
  async start(): Promise<void> {
    this.started = now(this.sys);
    if (!this.enabled) return;
    await this.write(HEADER);
    await this.line();
  }

  /** A line if a second has passed since the last one. */
  async update(): Promise<void> {
    if (!this.enabled) return;
    const t = now(this.sys);
    if (Math.floor((t - this.started) / SEC) > Math.floor((this.last - this.started) / SEC)) await this.line();
  }

  /** The last line and its line feed. */
  async done(): Promise<void> {
    if (!this.enabled) return;
    await this.line();
    await this.write('\n');
  }

  private async line(): Promise<void> {
    const t = now(this.sys);
    this.last = t;
    const spent = (t - this.started) / SEC;
    this.samples.push([t, this.dl]);
    while (this.samples.length > 6) this.samples.shift();
    const first = this.samples[0]!;
    const span = (t - first[0]) / SEC;
    const avgDl = spent > 0 ? Math.floor(this.dl / spent) : 0;
    const avgUl = spent > 0 ? Math.floor(this.ul / spent) : 0;
    const current = span > 0 ? Math.floor((this.dl - first[1]) / span) : avgDl;
    const pct = (n: number, total: number | null): string => String(total ? Math.floor((n * 100) / total) : 0).padStart(3);
    const total = (this.dlTotal ?? 0) + (this.ulTotal ?? 0);
    const left = this.dlTotal !== null && avgDl > 0 ? (this.dlTotal - this.dl) / avgDl : 0;
    const totalTime = this.dlTotal !== null && avgDl > 0 ? this.dlTotal / avgDl : 0;
    await this.write(
      `\r${pct(this.dl + this.ul, total || null)} ${max5(total)}  ${pct(this.dl, this.dlTotal)} ${max5(this.dl)}  ${pct(this.ul, this.ulTotal)} ${max5(this.ul)}  ` +
      `${max5(avgDl)}  ${max5(avgUl)} ${time8(totalTime)} ${time8(spent)} ${time8(left)} ${max5(current)}`,
    );
  }
}
