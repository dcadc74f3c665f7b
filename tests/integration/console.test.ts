// An interactive console: prompt, a program in the foreground, Ctrl-C back to the prompt, Ctrl-D to end.
import { expect, test } from 'vitest';
import { TestGuest } from '../helpers/guest.ts';
import { exitCodeOf } from '../../core/index.ts';

test('console: prompt, cat, Ctrl-C back to the prompt, Ctrl-D ends the shell', async () => {
  const g = new TestGuest();
  let screen = '';
  const con = g.guest.openConsole((b) => (screen += new TextDecoder().decode(b)));
  if (typeof con === 'number') throw new Error('console failed');
  let ended = -1;
  void con.exited.then((s) => (ended = s));
  const settle = () => g.driver.runFor(10e6);
  const type = async (s: string) => {
    con.input(new TextEncoder().encode(s));
    await settle();
  };
  await settle();
  expect(screen).toBe('root@pc:~# ');
  await type('cat\r');
  await type('hello\r');
  expect(screen).toBe('root@pc:~# cat\r\nhello\r\nhello\r\n');
  await type('\x03');
  expect(screen.endsWith('^C\r\nroot@pc:~# ')).toBe(true);
  await type('echo $?\r');
  expect(screen.endsWith('echo $?\r\n130\r\nroot@pc:~# ')).toBe(true);
  await type('cd /tmp\r');
  expect(screen.endsWith('root@pc:/tmp# ')).toBe(true);
  await type('sleep 100\r');
  await type('\x1a');
  expect(screen).toContain('[1]+  Stopped                 sleep 100');
  await type('fg\r');
  await type('\x03');
  await type('\x04');
  expect(screen.endsWith('exit\r\n')).toBe(true);
  expect(ended).toBeGreaterThanOrEqual(0);
  expect(exitCodeOf(ended)).toBe(130);
});

test('an interactive shell has PS1 and PS2 (a shell that is not interactive has neither)', async () => {
  const { type } = await new TestGuest().console({ plain: true });
  expect(await type('declare -p PS2 PS4\r')).toContain('\ndeclare -- PS2="> "\ndeclare -- PS4="+ "\n');
  expect(await type('echo "a\r')).toBe('echo "a\n> ');
  expect(await type('b"\r')).toBe('b"\na\nb\nroot@pc:~# ');
  expect(await type('bash -c \'echo "[$PS1][$PS2]"\'\r')).toContain('\n[][]\n');
});

test('an interactive shell names only itself in errors, in functions and sourced files too; its functions come from "main"', async () => {
  // Recorded from bash 5.2.15 on a pseudo-terminal, one line after the other from the first prompt.
  const { type } = await new TestGuest().console({ plain: true });
  expect(await type('g() { echo "${BASH_SOURCE[*]}|${BASH_LINENO[*]}|${FUNCNAME[*]}"; }; h() { g; }; h\r')).toContain('\nmain main|1 1|g h\n');
  expect(await type('echo $LINENO\r')).toBe('echo $LINENO\n2\nroot@pc:~# ');
  expect(await type('f() { cd /x; }; f\r')).toBe('f() { cd /x; }; f\nbash: cd: /x: No such file or directory\nroot@pc:~# ');
  await type('echo "cd /y" > /tmp/bad.sh\r');
  expect(await type('. /tmp/bad.sh\r')).toBe('. /tmp/bad.sh\nbash: cd: /y: No such file or directory\nroot@pc:~# ');
  expect(await type('caller; echo $?\r')).toBe('caller; echo $?\n1\nroot@pc:~# ');
});

test('an interactive shell sets LINES and COLUMNS from its terminal, again when the terminal is resized', async () => {
  // Recorded from bash 5.2.15 on a pseudo-terminal (of no size at first: 80 by 24), then `stty cols 100 rows 30`.
  const { type, resize } = await new TestGuest().console({ plain: true });
  expect(await type('declare -p COLUMNS LINES; env | grep -c COLUMNS\r')).toContain('\ndeclare -- COLUMNS="80"\ndeclare -- LINES="24"\n0\n');
  expect(await type('help | head -9 | tail -1 | wc -c\r')).toContain('\n79\n');
  resize(100, 30);
  expect(await type('echo "$COLUMNS $LINES"\r')).toContain('\n100 30\n');
  expect(await type('help | head -9 | tail -1 | wc -c\r')).toContain('\n99\n');
  expect(await type('COLUMNS=5\r')).toBe('COLUMNS=5\nroot@pc:~# ');
  expect(await type('echo $COLUMNS\r')).toContain('\n5\n');
});

test('break with a count that is not a number drops the line of an interactive shell, status 128', async () => {
  // Recorded from bash 5.2.15 on a pseudo-terminal (a shell that is not interactive exits with 128 instead).
  const { type } = await new TestGuest().console({ plain: true });
  expect(await type('for i in 1; do break x; echo in; done; echo y\r')).toBe('for i in 1; do break x; echo in; done; echo y\nbash: break: x: numeric argument required\nroot@pc:~# ');
  expect(await type('echo still $?\r')).toContain('\nstill 128\n');
});

test('set -v shows each line as it is read, continuation lines too', async () => {
  // Recorded from bash 5.2.15 on a pseudo-terminal.
  const { type } = await new TestGuest().console({ plain: true });
  await type('set -v\r');
  expect(await type('echo hi\r')).toBe('echo hi\necho hi\nhi\nroot@pc:~# ');
  expect(await type('for i in 1; do\r')).toBe('for i in 1; do\nfor i in 1; do\n> ');
  expect(await type('echo $i; done\r')).toBe('echo $i; done\necho $i; done\n1\nroot@pc:~# ');
});

test('history in a pipeline, and fc running an editor on history entries, then the edited commands', async () => {
  // Recorded from bash 5.2.15 on a pseudo-terminal with HOME without a history file.
  const { type } = await new TestGuest().console({ plain: true });
  await type('echo hello\r');
  expect(await type('history | tail -2\r')).toBe('history | tail -2\n    1  echo hello\n    2  history | tail -2\nroot@pc:~# ');
  expect(await type('FCEDIT="sed -i s/hello/bye/" fc -2\r')).toBe('FCEDIT="sed -i s/hello/bye/" fc -2\necho bye\nbye\nroot@pc:~# ');
  expect(await type('fc -l -1\r')).toBe('fc -l -1\n3\t echo bye\nroot@pc:~# ');
  expect(await type('fc -e false; echo "st=$?"\r')).toContain('\nst=1\n');
  // The editor gets a file /tmp/bash-fc.XXXXXX (six random letters and digits), gone afterwards.
  expect(await type('fc -e echo -1\r')).toMatch(/^fc -e echo -1\n\/tmp\/bash-fc\.[A-Za-z0-9]{6}\nfc -e false; echo "st=\$\?"\n/);
  expect(await type('ls /tmp | wc -l\r')).toContain('\n0\n');
});
