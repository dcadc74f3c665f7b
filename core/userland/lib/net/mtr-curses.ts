// The screen of mtr 0.95's curses display (ui/curses.c) as text lines with bold runs: the centred title,
// "LOCAL (SRC) -> HOST (DST)" with the time at the right, the keys line, the two header lines, then a
// line per hop ("(waiting for reply)" for a hop nobody answered yet) with the columns of the report.
import type { ReportContext } from './mtr-report.ts';
import { reportCells } from './mtr-report.ts';

const BOLD = '\x1b[1m';
const PLAIN = '\x1b[m';

export interface ScreenHead {
  /** "pc1 (10.0.0.2) -> 10.0.9.2 (10.0.9.2)" */
  route: string;
  /** iso_time of now. */
  time: string;
}

/** Lines for a screen of `cols` x `rows` (each without a newline, bold as SGR 1). */
export function cursesFrame(ctx: ReportContext, head: ScreenHead, cols: number, rows: number): string[] {
  const title = 'My traceroute  [v0.95]';
  const { header, hops } = reportCells(ctx);
  const width = header.length;
  const startstat = Math.max(20, cols - 1 - width);
  const lines: string[] = [];
  lines.push(' '.repeat(Math.max(0, (cols - title.length) >> 1)) + BOLD + title + PLAIN);
  const timeAt = Math.max(head.route.length + 1, cols - 25);
  lines.push(head.route.padEnd(timeAt) + head.time);
  const key = (k: string, rest: string): string => `${BOLD}${k}${PLAIN}${rest}`;
  lines.push(`Keys:  ${key('H', 'elp')}   ${key('D', 'isplay mode')}   ${key('R', 'estart statistics')}   ${key('O', 'rder of fields')}   ${key('q', 'uit')}`);
  lines.push(BOLD + ' '.repeat(startstat) + '   Packets' + ' '.repeat(15) + 'Pings' + PLAIN);
  lines.push(BOLD + ' Host'.padEnd(startstat) + header + PLAIN);
  for (const hop of hops) {
    const num = `${String(hop.at + 1).padStart(2)}. `;
    if (hop.addr === null) {
      lines.push(num + BOLD + '(waiting for reply)' + PLAIN);
      continue;
    }
    lines.push((num + hop.name).slice(0, startstat - 1).padEnd(startstat) + hop.cells);
    for (const extra of hop.others) lines.push(`    ${extra}`);
  }
  return lines.slice(0, rows).map((l) => l);
}
