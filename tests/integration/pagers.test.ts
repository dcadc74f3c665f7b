// less, more, watch and interactive top driven through a console by typing keys in fast virtual time;
// what they draw is read back through a small screen model (cursor moves, erase, scrolling, the
// alternate screen; colours and reverse video are dropped).
import { beforeEach, expect, test } from 'vitest';
import { TestGuest } from '../helpers/guest.ts';

/** A 24x80 screen that understands the sequences the pagers emit. */
class ScreenModel {
  cells: string[][] = [];
  row = 0;
  col = 0;
  alt = false;
  private saved: string[][] = [];
  private rest = '';
  constructor(readonly rows = 24, readonly cols = 80) {
    this.cells = this.blank();
  }
  private blank(): string[][] {
    return Array.from({ length: this.rows }, () => Array<string>(this.cols).fill(' '));
  }
  feed(text: string): void {
    text = this.rest + text;
    this.rest = '';
    let pendingWrap = false;
    for (let i = 0; i < text.length; i++) {
      const ch = text[i]!;
      if (ch === '\x1b') {
        const m = /^\x1b(\[[?]?[0-9;]*[@-~]|[=>()][0-9A-B]?|[78])/.exec(text.slice(i));
        if (!m) {
          this.rest = text.slice(i);
          return;
        }
        this.control(m[1]!);
        i += m[0].length - 1;
        pendingWrap = false;
      } else if (ch === '\r') {
        this.col = 0;
        pendingWrap = false;
      } else if (ch === '\n') {
        this.down();
        pendingWrap = false;
      } else if (ch === '\b') this.col = Math.max(0, this.col - 1);
      else if (ch >= ' ') {
        if (pendingWrap) {
          this.col = 0;
          this.down();
          pendingWrap = false;
        }
        this.cells[this.row]![this.col] = ch;
        if (this.col === this.cols - 1) pendingWrap = true;
        else this.col++;
      }
    }
  }
  private down(): void {
    if (this.row < this.rows - 1) this.row++;
    else {
      this.cells.shift();
      this.cells.push(Array<string>(this.cols).fill(' '));
    }
  }
  private control(seq: string): void {
    if (seq === '[?1049h') {
      this.saved = this.cells;
      this.cells = this.blank();
      this.alt = true;
    } else if (seq === '[?1049l') {
      if (this.alt) this.cells = this.saved;
      this.alt = false;
    }
    const m = /^\[([0-9;]*)([A-Za-z])$/.exec(seq);
    if (!m) return;
    const n = m[1]!.split(';').map((v) => Number(v || 0));
    if (m[2] === 'H') {
      this.row = Math.min(this.rows - 1, Math.max(0, (n[0] || 1) - 1));
      this.col = Math.min(this.cols - 1, Math.max(0, (n[1] || 1) - 1));
    } else if (m[2] === 'K') {
      for (let c = this.col; c < this.cols; c++) this.cells[this.row]![c] = ' ';
    } else if (m[2] === 'J') {
      if (n[0] === 2) this.cells = this.blank();
      else for (let r = this.row; r < this.rows; r++) for (let c = r === this.row ? this.col : 0; c < this.cols; c++) this.cells[r]![c] = ' ';
    }
  }
  line(r: number): string {
    return this.cells[r < 0 ? this.rows + r : r]!.join('').trimEnd();
  }
  text(): string {
    return this.cells.map((l) => l.join('').trimEnd()).join('\n');
  }
}

let g: TestGuest;
let screen: ScreenModel;
let raw = '';
let con: Exclude<ReturnType<TestGuest['guest']['openConsole']>, number>;

/** Types keys one at a time (escape sequences whole), 1 ms apart, then lets the guest settle. */
async function type(s: string): Promise<void> {
  for (const key of s.match(/\x1b\[[0-9;]*[A-Za-z~]|[^]/g) ?? []) {
    con.input(new TextEncoder().encode(key));
    await g.driver.runFor(1e6);
  }
  await g.driver.runFor(30e6);
}

/** The shell is back at its prompt and reads commands again. */
async function shellBack(): Promise<boolean> {
  await type('echo back-$((40+2))\r');
  return screen.text().includes('back-42');
}

beforeEach(async () => {
  g = new TestGuest();
  screen = new ScreenModel();
  raw = '';
  const c = g.guest.openConsole((b) => {
    const t = new TextDecoder().decode(b);
    raw += t;
    screen.feed(t);
  });
  if (typeof c === 'number') throw new Error('console');
  con = c;
  await g.driver.runFor(10e6);
  await g.sh('seq 1 100 | sed "s/^/row /" > /root/hundred.txt; printf "one\\ntwo\\n" > /root/short.txt');
});

test('less: first screen with the file name, paging, lines, search, (END), q', async () => {
  await type('less hundred.txt\r');
  expect(screen.alt).toBe(true);
  expect(screen.line(0)).toBe('row 1');
  expect(screen.line(22)).toBe('row 23');
  expect(screen.line(23)).toBe('hundred.txt');
  await type(' ');
  expect(screen.line(0)).toBe('row 24');
  expect(screen.line(23)).toBe(':');
  await type('j');
  expect(screen.line(0)).toBe('row 25');
  await type('k\x1b[A');
  expect(screen.line(0)).toBe('row 23');
  await type('b');
  expect(screen.line(0)).toBe('row 1');
  await type('/row 5\r');
  expect(screen.line(0)).toBe('row 5');
  await type('n');
  expect(screen.line(0)).toBe('row 50');
  await type('N');
  expect(screen.line(0)).toBe('row 5');
  await type('/nothing\r');
  expect(screen.line(23)).toBe('Pattern not found  (press RETURN)');
  await type('\rG');
  expect(screen.line(22)).toBe('row 100');
  expect(screen.line(23)).toBe('(END)');
  await type('g');
  expect(screen.line(0)).toBe('row 1');
  await type('q');
  expect(screen.alt).toBe(false);
  expect(await shellBack()).toBe(true);
});

test('less: a short file shows ~ rows and (END); a pipe is paged with keys from the terminal', async () => {
  await type('less short.txt\r');
  expect(screen.line(0)).toBe('one');
  expect(screen.line(2)).toBe('~');
  expect(screen.line(23)).toBe('(END)');
  await type('q');
  await type('seq 1 50 | less\r');
  expect(screen.line(0)).toBe('1');
  expect(screen.line(23)).toBe(':');
  await type('G');
  expect(screen.line(22)).toBe('50');
  await type('q');
  expect(screen.alt).toBe(false);
});

test('less: -N numbers lines, -M long prompt, :n to the next file', async () => {
  await type('less -N -M hundred.txt short.txt\r');
  expect(screen.line(0)).toBe('      1 row 1');
  expect(screen.line(23)).toBe('hundred.txt (file 1 of 2) lines 1-23/100 22%');
  await type('G');
  expect(screen.line(23)).toBe('hundred.txt (file 1 of 2) lines 78-100/100 (END) - Next: short.txt');
  await type(':n');
  expect(screen.line(0)).toBe('      1 one');
  await type('q');
  expect(await shellBack()).toBe(true);
});

test('more: --More--(NN%), space, Enter, search, q', async () => {
  await type('more hundred.txt\r');
  expect(screen.alt).toBe(false);
  expect(screen.line(23)).toBe('--More--(21%)');
  expect(screen.text()).toContain('row 23');
  expect(screen.text()).not.toContain('row 24');
  await type(' ');
  expect(screen.line(22)).toBe('row 46');
  expect(screen.line(23)).toBe('--More--(45%)');
  await type('\r');
  expect(screen.line(22)).toBe('row 47');
  expect(screen.line(23)).toBe('--More--(46%)');
  await type('/row 80\r');
  expect(screen.text()).toContain('row 80');
  await type('q');
  expect(await shellBack()).toBe(true);
  await type('echo done\r');
  expect(screen.text()).toContain('done');
});

test('more: a short file is printed without a prompt', async () => {
  await type('more short.txt\r');
  expect(screen.text()).toContain('one\ntwo');
  expect(raw).not.toContain('--More--');
  expect(await shellBack()).toBe(true);
});

test('watch: header, output, redraw every interval, q quits', async () => {
  await type('watch -n 1 cat /root/short.txt\r');
  expect(screen.alt).toBe(true);
  expect(screen.line(0)).toMatch(/^Every 1\.0s: cat \/root\/short\.txt +pc: \w{3} \w{3} [ \d]\d \d\d:\d\d:\d\d \d{4}$/);
  expect(screen.line(0).length).toBe(80);
  expect(screen.line(2)).toBe('one');
  await g.sh('echo three >> /root/short.txt');
  await g.driver.runFor(1.2e9);
  expect(screen.line(4)).toBe('three');
  await type('q');
  expect(screen.alt).toBe(false);
  expect(await shellBack()).toBe(true);
});

test('watch -t: no header; Ctrl-C quits', async () => {
  await type('watch -t echo hello\r');
  expect(screen.line(0)).toBe('hello');
  await type('\x03');
  expect(screen.alt).toBe(false);
  expect(await shellBack()).toBe(true);
});

test('top: full screen, refreshed every 3 s, q quits', async () => {
  await type('top\r');
  expect(screen.alt).toBe(true);
  expect(screen.line(0)).toMatch(/^top - \d\d:\d\d:\d\d up \d+ min,  0 user,  load average: 0\.00, 0\.00, 0\.00$/);
  expect(screen.line(1)).toMatch(/^Tasks: +\d+ total/);
  expect(screen.line(6)).toBe('    PID USER      PR  NI    VIRT    RES    SHR S  %CPU  %MEM     TIME+ COMMAND'.slice(2));
  expect(screen.text()).toMatch(/ top$/m);
  const first = screen.line(0);
  await g.driver.runFor(3.1e9);
  expect(screen.line(0)).not.toBe(first);
  await type('q');
  expect(screen.alt).toBe(false);
  expect(await shellBack()).toBe(true);
});
