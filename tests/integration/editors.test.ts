// vi and nano driven through a console by typing keys in fast virtual time; the screen is checked with
// a small terminal emulator (cursor addressing, erase, alternate screen) and files with cat.
import { beforeEach, expect, test } from 'vitest';
import { ICANON, ECHO, ISIG } from '../../core/kernel/abi.ts';
import { TestGuest } from '../helpers/guest.ts';

/** Just enough of xterm to read what the editors draw. */
class Vt {
  grid: string[][] = [];
  row = 0;
  col = 0;
  alt = false;
  private main: string[][] = [];
  private pending = '';
  constructor(public rows = 24, public cols = 80) {
    this.clear();
  }
  clear(): void {
    this.grid = Array.from({ length: this.rows }, () => Array<string>(this.cols).fill(' '));
  }
  resize(rows: number, cols: number): void {
    const old = this.grid;
    this.rows = rows;
    this.cols = cols;
    this.clear();
    for (let r = 0; r < Math.min(rows, old.length); r++) for (let c = 0; c < Math.min(cols, old[r]!.length); c++) this.grid[r]![c] = old[r]![c]!;
    this.row = Math.min(this.row, rows - 1);
    this.col = Math.min(this.col, cols - 1);
  }
  feed(text: string): void {
    text = this.pending + text;
    this.pending = '';
    let wrap = false;
    for (let i = 0; i < text.length; i++) {
      const ch = text[i]!;
      if (ch === '\x1b') {
        const m = /^\x1b(\[[?]?[0-9;]*[ -\/]*[@-~]|[=>78]|\][^\x07]*\x07)/.exec(text.slice(i));
        if (!m) {
          this.pending = text.slice(i);
          return;
        }
        this.csi(m[1]!);
        i += m[0].length - 1;
        wrap = false;
        continue;
      }
      if (ch === '\r') this.col = 0;
      else if (ch === '\n') this.lineFeed();
      else if (ch === '\b') this.col = Math.max(0, this.col - 1);
      else if (ch === '\x07') continue;
      else {
        if (wrap) {
          this.col = 0;
          this.lineFeed();
          wrap = false;
        }
        this.grid[this.row]![this.col] = ch;
        if (this.col === this.cols - 1) wrap = true;
        else this.col++;
      }
    }
  }
  private lineFeed(): void {
    if (this.row === this.rows - 1) {
      this.grid.shift();
      this.grid.push(Array<string>(this.cols).fill(' '));
    } else this.row++;
  }
  private csi(seq: string): void {
    if (seq === '[?1049h') {
      this.main = this.grid;
      this.alt = true;
      this.clear();
      return;
    }
    if (seq === '[?1049l') {
      if (this.alt) this.grid = this.main;
      this.alt = false;
      return;
    }
    const m = /^\[([0-9;]*)([A-Za-z@])$/.exec(seq);
    if (!m) return;
    const p = m[1]!.split(';').map((x) => (x === '' ? 0 : Number(x)));
    switch (m[2]) {
      case 'H': this.row = Math.min(this.rows - 1, Math.max(1, p[0] || 1) - 1); this.col = Math.min(this.cols - 1, Math.max(1, p[1] || 1) - 1); break;
      case 'J': if (p[0] === 2) this.clear(); break;
      case 'K': for (let c = this.col; c < this.cols; c++) this.grid[this.row]![c] = ' '; break;
      case 'A': this.row = Math.max(0, this.row - (p[0] || 1)); break;
      case 'B': this.row = Math.min(this.rows - 1, this.row + (p[0] || 1)); break;
      case 'C': this.col = Math.min(this.cols - 1, this.col + (p[0] || 1)); break;
      case 'D': this.col = Math.max(0, this.col - (p[0] || 1)); break;
    }
  }
  line(r: number): string {
    return this.grid[r < 0 ? this.rows + r : r]!.join('').trimEnd();
  }
  text(): string {
    return this.grid.map((l) => l.join('').trimEnd()).join('\n');
  }
}

let g: TestGuest;
let vt: Vt;
let raw = '';
let con: Exclude<ReturnType<TestGuest['guest']['openConsole']>, number>;

/** Types keys one at a time (escape sequences whole), 1 ms apart, then lets the guest settle. */
async function type(s: string): Promise<void> {
  for (const k of s.match(/\x1b\[[0-9;]*[A-Za-z~]|\x1bO[A-Z]|[^]/g) ?? []) {
    con.input(new TextEncoder().encode(k));
    await g.driver.runFor(1e6);
  }
  await g.driver.runFor(20e6);
}

async function shell(cmd: string): Promise<string> {
  const r = await g.sh(cmd);
  return r.output;
}

beforeEach(async () => {
  g = new TestGuest();
  vt = new Vt();
  raw = '';
  const c = g.guest.openConsole((b) => {
    const t = new TextDecoder().decode(b);
    raw += t;
    vt.feed(t);
  });
  if (typeof c === 'number') throw new Error('console');
  con = c;
  await g.driver.runFor(10e6);
  await shell("printf 'alpha one\\nbeta two\\ngamma three\\n' > /etc/demo.conf");
});

const canonical = () => {
  const l = con.tty.termios.lflag;
  return (l & ICANON) !== 0 && (l & ECHO) !== 0 && (l & ISIG) !== 0;
};

test('vi: open, move, insert, delete a line, undo, :wq', async () => {
  await type('vi /etc/demo.conf\r');
  expect(vt.alt).toBe(true);
  expect(vt.line(0)).toBe('alpha one');
  expect(vt.line(3)).toBe('~');
  expect(vt.line(-1)).toMatch(/^"\/etc\/demo.conf" 3L, 31B/);
  await type('jwiBIG \x1b');
  expect(vt.line(1)).toBe('beta BIG two');
  await type('jdd');
  expect(vt.line(2)).toBe('~');
  await type('u');
  expect(vt.line(2)).toBe('gamma three');
  expect(vt.line(-1)).toMatch(/^1 more line; before #2/);
  await type('ggAx\x1b:wq\r');
  expect(vt.alt).toBe(false);
  expect(raw).toContain('\x1b[?1049l');
  expect(await shell('cat /etc/demo.conf')).toBe('alpha onex\nbeta BIG two\ngamma three\n');
});

test('vi: :q on a modified buffer shows E37 and stays; :q! quits without writing', async () => {
  await type('vi /etc/demo.conf\r');
  await type('x:q\r');
  expect(vt.line(-1)).toMatch(/^E37: No write since last change \(add ! to override\)/);
  expect(vt.alt).toBe(true);
  await type(':q!\r');
  expect(vt.alt).toBe(false);
  expect(await shell('cat /etc/demo.conf')).toBe('alpha one\nbeta two\ngamma three\n');
});

test('vi: search with / and n, :%s, :set nu, :1,2d, counts and dot', async () => {
  await type('vi /etc/demo.conf\r');
  await type('/t\r');
  expect(vt.line(-1)).toMatch(/^\/t +2,3 /);
  await type('n');
  expect(vt.line(-1)).toMatch(/^\/t +2,6 /);
  await type('n');
  expect(vt.line(-1)).toMatch(/^\/t +3,7 /);
  await type('n');
  expect(vt.line(-1)).toMatch(/^search hit BOTTOM, continuing at TOP/);
  await type('/nothere\r');
  expect(vt.line(-1)).toMatch(/^E486: Pattern not found: nothere/);
  await type(':%s/a/A/g\r');
  expect(vt.line(0)).toBe('AlphA one');
  expect(vt.line(-1)).toMatch(/^5 substitutions on 3 lines/);
  await type(':set nu\r');
  expect(vt.line(0)).toBe('  1 AlphA one');
  await type(':set nonu\r:1,2d\r');
  expect(vt.line(0)).toBe('gAmmA three');
  await type('u');
  await type('ggx..');
  expect(vt.line(0)).toBe('hA one');
  await type('3u');
  expect(vt.line(0)).toBe('AlphA one');
  await type('\x12');
  expect(vt.line(0)).toBe('lphA one');
  await type('ZZ');
  expect(await shell('cat /etc/demo.conf')).toBe('lphA one\nbetA two\ngAmmA three\n');
});

test('vi: new file, :w name, yy/p, o, cw, visual delete, window resize redraws', async () => {
  await type('vi /tmp/new.txt\r');
  expect(vt.line(-1)).toMatch(/^"\/tmp\/new.txt" \[New\]/);
  await type('ihello world\x1byyp');
  expect(vt.line(1)).toBe('hello world');
  await type('cwbye\x1bofoo\x1b');
  expect(vt.text().split('\n').slice(0, 3)).toEqual(['hello world', 'bye world', 'foo']);
  await type('ggvlld');
  expect(vt.line(0)).toBe('lo world');
  con.resize(40, 10);
  vt.resize(10, 40);
  await type('');
  expect(vt.line(9)).toMatch(/^ +1,1 +All$/);
  expect(vt.line(0)).toBe('lo world');
  expect(vt.line(3)).toBe('~');
  await type(':w\r');
  expect(vt.line(-1)).toMatch(/^"\/tmp\/new.txt" \[New\] 3L, 23B written/);
  await type(':q\r');
  expect(vt.alt).toBe(false);
  expect(await shell('cat /tmp/new.txt; stat -c %a /tmp/new.txt 2>/dev/null || ls -l /tmp/new.txt')).toMatch(/^lo world\nbye world\nfoo\n(644|-rw-r--r--)/);
});

test('nano: open, type, ^O Enter, ^X, the file is written', async () => {
  await type('nano /etc/demo.conf\r');
  expect(vt.alt).toBe(true);
  expect(vt.line(0)).toMatch(/^  GNU nano 7\.2 +\/etc\/demo\.conf$/);
  expect(vt.line(1)).toBe('alpha one');
  expect(vt.line(-3).trim()).toBe('[ Read 3 lines ]');
  expect(vt.line(-2)).toBe('^G Help      ^O Write Out ^W Where Is  ^K Cut       ^T Execute   ^C Location');
  expect(vt.line(-1)).toBe('^X Exit      ^R Read File ^\\ Replace   ^U Paste     ^J Justify   ^/ Go To Line');
  await type('\x1b[BNEW \x1b[F!');
  expect(vt.line(2)).toBe('NEW beta two!');
  expect(vt.line(0)).toMatch(/demo\.conf \*$/);
  await type('\x0f');
  expect(vt.line(-3)).toBe('File Name to Write: /etc/demo.conf');
  await type('\r');
  expect(vt.line(-3).trim()).toBe('[ Wrote 3 lines ]');
  await type('\x18');
  expect(vt.alt).toBe(false);
  expect(await shell('cat /etc/demo.conf')).toBe('alpha one\nNEW beta two!\ngamma three\n');
});

test('nano: ^X with unsaved changes asks, N discards; ^K/^U; search; go to line', async () => {
  await type('nano /etc/demo.conf\r');
  await type('\x0b\x0b\x15\x15');
  expect(vt.text().split('\n').slice(1, 6)).toEqual(['alpha one', 'beta two', 'alpha one', 'beta two', 'gamma three']);
  await type('\x17gam\r');
  expect(vt.line(-3).trim()).toBe('[ This is the only occurrence ]');
  await type('\x1b\\\x17gam\r');
  expect(vt.line(-3)).toBe('');
  await type('\x03');
  expect(vt.line(-3)).toMatch(/\[ line  5\/6/);
  await type('\x17zzz\r');
  expect(vt.line(-3).trim()).toBe('[ "zzz" not found ]');
  await type('\x1f2\r\x1b[3~');
  expect(vt.line(2)).toBe('eta two');
  await type('\x18');
  expect(vt.line(-3)).toBe('Save modified buffer?');
  expect(vt.line(-2)).toBe(' Y Yes');
  await type('n');
  expect(vt.alt).toBe(false);
  expect(await shell('cat /etc/demo.conf')).toBe('alpha one\nbeta two\ngamma three\n');
});

test('nano: new file, ^X Y Enter saves; window resize redraws the bars', async () => {
  await type('nano /tmp/notes\r');
  expect(vt.line(-3).trim()).toBe('[ New File ]');
  await type('line 1\rline 2');
  con.resize(50, 12);
  vt.resize(12, 50);
  await type('');
  expect(vt.line(0)).toMatch(/^  GNU nano 7\.2 +\/tmp\/notes \*$/);
  expect(vt.line(-1)).toBe('^X Exit     ^R Read File^\\ Replace  ^U Paste');
  await type('\x18y');
  expect(vt.line(-3)).toBe('File Name to Write: /tmp/notes');
  await type('\r');
  expect(vt.alt).toBe(false);
  expect(await shell('cat /tmp/notes')).toBe('line 1\nline 2\n');
});

/** A seeded generator (xorshift) so a failing fuzz run can be replayed. */
function rng(seed: number): () => number {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >> 17;
    x ^= x << 5;
    x >>>= 0;
    return x / 0x100000000;
  };
}

const SEQUENCES = ['\x1b[A', '\x1b[B', '\x1b[C', '\x1b[D', '\x1b[H', '\x1b[F', '\x1b[3~', '\x1b[5~', '\x1b[6~', '\x1bOA', '\x1b', '\r', '\x7f', ':', '/', 'dd', 'u', 'p', 'i', 'v', ':s/a/b/g\r', ':%d\r', '100', '\x1b[1;5C', '\x1b[', '\xc3\xa9', '\xe2\x82', '\x1bO'];

async function fuzz(seed: number, exclude: RegExp, rounds: number): Promise<void> {
  const rand = rng(seed);
  for (let i = 0; i < rounds; i++) {
    let chunk = '';
    const parts = 1 + Math.floor(rand() * 4);
    for (let j = 0; j < parts; j++) {
      if (rand() < 0.3) chunk += SEQUENCES[Math.floor(rand() * SEQUENCES.length)]!;
      else chunk += String.fromCharCode(Math.floor(rand() * 256));
    }
    chunk = chunk.replace(exclude, '');
    const bytes = Uint8Array.from([...chunk].map((c) => c.charCodeAt(0) & 0xff));
    con.input(bytes);
    if (i % 97 === 0) con.resize(20 + Math.floor(rand() * 100), 3 + Math.floor(rand() * 40));
    await g.driver.runFor(2e6);
  }
  con.resize(80, 24);
  vt.resize(24, 80);
  await g.driver.runFor(50e6);
}

test('fuzz: vi survives random keys, quits cleanly and restores the terminal', async () => {
  await shell('seq 1 50 > /tmp/f.txt');
  await type('vi /tmp/f.txt\r');
  // Z (ZZ/ZQ) and ':' followed by q/x would quit early; the rest of the keyboard is fair game.
  await fuzz(7, /[Zq]|x(?=\r)|:x/g, 1500);
  expect(vt.alt).toBe(true);
  expect(raw).not.toContain('internal error');
  await type('\x1b\x1b\x03\x1b');
  await type(':q!\r');
  expect(vt.alt).toBe(false);
  expect(raw.lastIndexOf('\x1b[?1049l')).toBeGreaterThan(raw.lastIndexOf('\x1b[?1049h'));
  await type('cat\r');
  expect(canonical()).toBe(true);
  await type('\x04');
});

test('fuzz: nano survives random keys, quits cleanly and restores the terminal', async () => {
  await shell('seq 1 50 > /tmp/f.txt');
  await type('nano /tmp/f.txt\r');
  // ^X would leave; ^O/^S could write over random file names (harmless but pointless).
  await fuzz(11, /[\x18\x0f\x13]/g, 1500);
  expect(vt.alt).toBe(true);
  expect(raw).not.toContain('Internal error');
  await type('\x03\x03\x03');
  await type('\x18n');
  if (vt.alt) await type('\x03\x18n');
  expect(vt.alt).toBe(false);
  await type('cat\r');
  expect(canonical()).toBe(true);
  await type('\x04');
});
