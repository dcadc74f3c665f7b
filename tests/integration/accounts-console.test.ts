// Typing into the console for the interactive account tools: passwd (echo off, typed twice), adduser's
// password and chfn questions, su to a user and back with exit.
import { beforeEach, expect, test } from 'vitest';
import { TestGuest } from '../helpers/guest.ts';

let g: TestGuest;
let screen = '';
let input: (s: string) => Promise<void>;

const lastLines = (n: number): string => screen.split('\r\n').slice(-n).join('\n');
const shadowOf = (user: string): string => {
  const text = g.guest.vfs.readFile('/etc/shadow');
  return typeof text === 'number' ? '' : (text.split('\n').find((l) => l.startsWith(user + ':')) ?? '');
};

beforeEach(async () => {
  g = new TestGuest();
  screen = '';
  const con = g.guest.openConsole((b) => (screen += new TextDecoder().decode(b)));
  if (typeof con === 'number') throw new Error('console');
  input = async (s) => {
    for (const ch of s) {
      con.input(new TextEncoder().encode(ch));
      await g.driver.runFor(1e6);
    }
    await g.driver.runFor(400e6);
  };
  await g.driver.runFor(10e6);
});

test('passwd asks twice with echo off and stores a SHA-512 crypt hash', async () => {
  await input('useradd bob\r');
  await input('passwd bob\r');
  expect(lastLines(1)).toBe('New password: ');
  await input('s3cret\r');
  expect(screen).not.toContain('s3cret');
  expect(lastLines(2)).toBe('New password: \nRetype new password: ');
  await input('s3cret\r');
  expect(lastLines(4)).toBe('New password: \nRetype new password: \npasswd: password updated successfully\nroot@pc:~# ');
  expect(shadowOf('bob')).toMatch(/^bob:\$6\$[./0-9A-Za-z]{16}\$[./0-9A-Za-z]{86}:\d+:0:99999:7:::$/);
  await input('passwd bob\r');
  await input('one\r');
  await input('two\r');
  expect(lastLines(6)).toBe('New password: \nRetype new password: \nSorry, passwords do not match.\npasswd: Authentication token manipulation error\npasswd: password unchanged\nroot@pc:~# ');
});

test('interactive adduser: password, chfn questions, confirmation', async () => {
  await input('adduser carol\r');
  expect(screen).toContain("Adding user `carol' ...\r\nAdding new group `carol' (1000) ...\r\n");
  expect(lastLines(1)).toBe('New password: ');
  await input('pw\r');
  await input('pw\r');
  expect(lastLines(4)).toBe('passwd: password updated successfully\nChanging the user information for carol\nEnter the new value, or press ENTER for the default\n\tFull Name []: ');
  await input('Carol C\r');
  for (let i = 0; i < 4; i++) await input('\r');
  expect(lastLines(1)).toBe('Is the information correct? [Y/n] ');
  await input('y\r');
  expect(lastLines(3)).toBe("Adding new user `carol' to supplemental / extra groups `users' ...\nAdding user `carol' to group `users' ...\nroot@pc:~# ");
  const passwd = g.guest.vfs.readFile('/etc/passwd');
  expect(passwd).toContain('carol:x:1000:1000:Carol C,,,:/home/carol:/bin/bash\n');
  expect(shadowOf('carol')).toMatch(/^carol:\$6\$/);
});

test('su - user starts the login shell as that user; exit returns to root', async () => {
  await input('useradd -m -s /bin/bash bob\r');
  await input('su - bob\r');
  await input('id; pwd\r');
  expect(screen).toContain('uid=1000(bob) gid=1000(bob)');
  expect(screen).toContain('/home/bob\r\n');
  await input('su root\r');
  expect(lastLines(1)).toBe('Password: ');
  await input('x\r');
  expect(lastLines(2).split('\n')[0]).toBe('su: Authentication failure');
  await input('exit\r');
  await input('whoami\r');
  expect(lastLines(2)).toBe('root\nroot@pc:~# ');
});
