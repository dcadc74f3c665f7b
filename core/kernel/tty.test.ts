import { describe, expect, test } from 'vitest';
import { Cpu } from '../cpu/index.ts';
import { ECHO, ICANON, SIGINT, SIGQUIT, SIGTSTP, SIGWINCH } from './abi.ts';
import { Tty } from './tty.ts';

function setup() {
  const cpu = new Cpu();
  const signals: Array<[number, number]> = [];
  const tty = new Tty(cpu, 'pts/0', 0, { ttySignal: (pg, s) => signals.push([pg, s]) });
  let shown = '';
  tty.sink = (b) => (shown += String.fromCharCode(...b));
  tty.foreground = 7;
  const type = (s: string) => tty.receive(Uint8Array.from(s, (c) => c.charCodeAt(0)));
  const read = () => {
    const buf = new Uint8Array(100);
    const n = tty.read(buf);
    return n < 0 ? n : String.fromCharCode(...buf.subarray(0, n));
  };
  return { tty, signals, type, read, shown: () => shown, clear: () => (shown = '') };
}

describe('line discipline', () => {
  test('canonical mode: echo, a line is readable only after Enter, \\r becomes \\n, output gets \\r\\n', () => {
    const t = setup();
    t.type('ab');
    expect(t.read()).toBe(-11);
    t.type('c\r');
    expect(t.read()).toBe('abc\n');
    expect(t.shown()).toBe('abc\r\n');
    t.clear();
    t.tty.write(Uint8Array.from('x\ny', (c) => c.charCodeAt(0)));
    expect(t.shown()).toBe('x\r\ny');
  });

  test('erase, kill line and word erase edit the line', () => {
    const t = setup();
    t.type('helo\x7flo wor\x17world\n');
    expect(t.read()).toBe('hello world\n');
    t.type('garbage\x15ok\n');
    expect(t.read()).toBe('ok\n');
    expect(t.shown()).toContain('\b \b');
  });

  test('^C, ^\\ and ^Z signal the foreground group, echo ^X, and flush the line', () => {
    const t = setup();
    t.type('partial\x03');
    t.type('\x1c\x1a');
    expect(t.signals).toEqual([[7, SIGINT], [7, SIGQUIT], [7, SIGTSTP]]);
    expect(t.shown()).toBe('partial^C^\\^Z');
    t.type('\n');
    expect(t.read()).toBe('\n');
  });

  test('^D on an empty line is end of file; on a partial line it ends the read without a newline', () => {
    const t = setup();
    t.type('\x04');
    expect(t.read()).toBe('');
    t.type('abc\x04');
    expect(t.read()).toBe('abc');
  });

  test('raw mode hands over bytes at once, without echo when ECHO is off; a partial line carries over', () => {
    const t = setup();
    t.type('xy');
    const raw = { ...t.tty.termios, lflag: t.tty.termios.lflag & ~(ICANON | ECHO) };
    t.tty.setTermios(raw);
    expect(t.read()).toBe('xy');
    t.clear();
    t.type('\x1b[A');
    expect(t.read()).toBe('\x1b[A');
    expect(t.shown()).toBe('');
  });

  test('terminals given equal settings share one frozen copy; the caller keeps its own object', () => {
    const a = setup();
    const b = setup();
    const raw = { ...a.tty.termios, lflag: a.tty.termios.lflag & ~(ICANON | ECHO), cc: a.tty.termios.cc.slice() };
    a.tty.setTermios(raw);
    b.tty.setTermios({ ...raw, cc: raw.cc.slice() });
    expect(a.tty.termios).toBe(b.tty.termios);
    expect(Object.isFrozen(a.tty.termios) && Object.isFrozen(a.tty.termios.cc)).toBe(true);
    expect(a.tty.termios).not.toBe(raw);
    // Changing what was passed in changes neither terminal; new settings on one leave the other as it was.
    raw.lflag |= ECHO;
    expect(a.tty.termios.lflag & ECHO).toBe(0);
    a.tty.setTermios(raw);
    expect(a.tty.termios.lflag & ECHO).toBe(ECHO);
    expect(b.tty.termios.lflag & ECHO).toBe(0);
    b.type('q');
    expect(b.read()).toBe('q');
    expect(b.shown()).toBe('');
  });

  test('a window size change sends SIGWINCH to the foreground group', () => {
    const t = setup();
    t.tty.setWinsize({ rows: 50, cols: 132 });
    expect(t.signals).toEqual([[7, SIGWINCH]]);
    t.tty.setWinsize({ rows: 50, cols: 132 });
    expect(t.signals.length).toBe(1);
  });

  test('flow control: with the host behind, writes wait until it acknowledges', () => {
    const t = setup();
    t.tty.flowControl = true;
    const big = new Uint8Array(70000).fill(65);
    const n = t.tty.write(big);
    expect(n).toBe(65536);
    expect(t.tty.write(big)).toBe(-11);
    t.tty.ack(65536);
    expect(t.tty.write(big)).toBeGreaterThan(0);
  });
});
