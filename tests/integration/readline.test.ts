// Interactive editing at the prompt, tested by typing key sequences into a console.
import { beforeEach, expect, test } from 'vitest';
import { TestGuest } from '../helpers/guest.ts';

let g: TestGuest;
let screen = '';
let input: (s: string) => Promise<void>;

/** The text of the screen after the last prompt, with cursor movement codes left in. */
const lastLines = (n = 3) => screen.split('\r\n').slice(-n).join('\n');

beforeEach(async () => {
  g = new TestGuest();
  screen = '';
  const con = g.guest.openConsole((b) => (screen += new TextDecoder().decode(b)));
  if (typeof con === 'number') throw new Error('console');
  input = async (s) => {
    for (const ch of s.match(/\x1b\[[0-9;]*[A-Za-z~]|[^]/g) ?? []) {
      con.input(new TextEncoder().encode(ch));
      await g.driver.runFor(1e6);
    }
    await g.driver.runFor(20e6);
  };
  await g.driver.runFor(10e6);
});

test('history with Up, editing with the cursor keys, Home and End', async () => {
  await input('echo one\r');
  await input('\x1b[A\x1b[D\x1b[D\x1b[DX\r');
  expect(lastLines(2)).toBe('Xone\nroot@pc:~# ');
  await input('two\x01echo \r');
  expect(lastLines(2)).toBe('two\nroot@pc:~# ');
  await input('echo abc\x1b[D\x1b[D\x1b[3~\x05d\r');
  expect(lastLines(2)).toBe('acd\nroot@pc:~# ');
  await input('\x1b[A\x1b[A\x1b[A\x1b[B\r');
  expect(lastLines(2)).toBe('two\nroot@pc:~# ');
});

test('kill and yank: Ctrl-K, Ctrl-U, Ctrl-W, Ctrl-Y', async () => {
  await input('echo hello world\x17there\r');
  expect(lastLines(2)).toBe('hello there\nroot@pc:~# ');
  await input('junk\x15echo ok\r');
  expect(lastLines(2)).toBe('ok\nroot@pc:~# ');
  await input('echo abc\x01\x06\x06\x06\x06\x0b\x19 x\r');
  expect(lastLines(2)).toBe('abc x\nroot@pc:~# ');
  await input('echo abc\x01\x06\x06\x06\x06\x0b\r');
  expect(lastLines(2)).toBe('\nroot@pc:~# ');
});

test('Tab completes commands and paths; a second Tab lists the choices', async () => {
  await input('ech\t1\r');
  expect(lastLines(2)).toBe('1\nroot@pc:~# ');
  await input('ls /pro\tself/cmdl\t\r');
  expect(lastLines(2)).toBe('/proc/self/cmdline\nroot@pc:~# ');
  await input('ls /etc/pro\t\t');
  expect(screen).toContain('profile');
});

test('Tab completes with a command\'s completion spec: a word list, a function given the COMP_ variables, -o nospace', async () => {
  // What the commands printed, recorded from bash 5.2.15 on a pseudo-terminal with the same keys.
  await input('svc() { echo "svc:$1"; }; complete -W "start stop status" svc\r');
  await input('svc sta\t\r');
  expect(lastLines(2)).toBe('svc:sta\nroot@pc:~# ');
  await input('_f() { COMPREPLY=( $(compgen -W "alpha beta" -- "${COMP_WORDS[COMP_CWORD]}") ); }; complete -F _f tool\r');
  await input('tool() { echo "tool:$1:$2"; }\r');
  await input('tool x al\t\r');
  expect(lastLines(2)).toBe('tool:x:alpha\nroot@pc:~# ');
  await input('_g() { COMPREPLY=("$COMP_CWORD-$3-$2-${#COMP_WORDS[@]}-$COMP_POINT"); }; complete -F _g show; show() { echo "$@"; }\r');
  await input('show a b\t\r');
  expect(lastLines(2)).toBe('a 2-a-b-3-8\nroot@pc:~# ');
  await input('complete -o nospace -W "dir/" nd; nd() { echo "[$1]"; }\r');
  await input('nd d\tx\r');
  expect(lastLines(2)).toBe('[dir/x]\nroot@pc:~# ');
});

test('Ctrl-R searches the history backwards', async () => {
  await input('echo first\r');
  await input('echo second\r');
  await input('\x12fir');
  expect(screen).toContain("(reverse-i-search)`fir': echo first");
  await input('\r');
  expect(lastLines(2)).toBe('first\nroot@pc:~# ');
});

test('!! repeats, history lists, Ctrl-C abandons the line, Ctrl-C stops a pipeline', async () => {
  await input('echo again\r');
  await input('!!\r');
  expect(lastLines(3)).toBe('echo again\nagain\nroot@pc:~# ');
  await input('history\r');
  expect(screen).toContain('    1  echo again\r\n    2  echo again\r\n    3  history\r\n');
  await input('echo never\x03');
  expect(lastLines(2)).toBe('root@pc:~# echo never^C\nroot@pc:~# ');
  await input('sleep 100 | cat\r');
  await input('\x03');
  await input('echo $?\r');
  expect(lastLines(2)).toBe('130\nroot@pc:~# ');
});

test('a paste longer than one read, with characters of several bytes across the reads', async () => {
  const con = g.guest.openConsole((b) => (screen += new TextDecoder().decode(b)));
  if (typeof con === 'number') throw new Error('console');
  await g.driver.runFor(10e6);
  screen = '';
  // 'echo ' then 2-byte characters from an odd offset: one of them falls across the 64-byte boundary.
  const text = `echo ${'é'.repeat(40)}${'€'.repeat(30)}${'😀'.repeat(10)}`;
  con.input(new TextEncoder().encode(text + '\r'));
  await g.driver.runFor(20e6);
  expect(lastLines(2)).toBe(`${'é'.repeat(40)}${'€'.repeat(30)}${'😀'.repeat(10)}\nroot@pc:~# `);
});

test('a new console reads the history file at start-up: Up recalls a line typed in an earlier one', async () => {
  await input('echo remembered\r');
  let second = '';
  const con = g.guest.openConsole((b) => (second += new TextDecoder().decode(b)));
  if (typeof con === 'number') throw new Error('console');
  await g.driver.runFor(10e6);
  for (const key of ['\x1b[A', '\r']) {
    con.input(new TextEncoder().encode(key));
    await g.driver.runFor(20e6);
  }
  expect(second.split('\r\n').slice(-2).join('\n')).toBe('remembered\nroot@pc:~# ');
});
