// /dev/pts is a devpts mount, as Docker gives a container: ptmx and one device per open terminal, made
// by the kernel (owned by the opener, group tty, mode 620), gone when the terminal closes. The messages
// of the refused changes are those of Debian 12's coreutils on a devpts mount.
import { expect, test } from 'vitest';
import { TestGuest } from '../helpers/guest.ts';

test('/proc/mounts shows devpts at /dev/pts with the options Docker mounts it with', async () => {
  const r = await new TestGuest().sh('grep devpts /proc/mounts; stat -c "%s %a %h %i %o" /dev/pts /dev/pts/ptmx');
  expect(r.output).toBe('devpts /dev/pts devpts rw,nosuid,noexec,relatime,gid=5,mode=620,ptmxmode=666 0 0\n0 755 2 1 1024\n0 666 1 2 1024\n');
});

test('a console has its device in /dev/pts while it is open', async () => {
  const g = new TestGuest();
  const { type, exited } = await g.console({ plain: true });
  expect(await type('ls /dev/pts\r')).toContain('\n0  ptmx\n');
  const st = await type('stat -c "%i %a %U %G %t,%T" /dev/pts/0; [ $(stat -c %d /dev/pts/0) = $(stat -c %d /dev/pts) ] && echo same-dev\r');
  expect(st).toContain('\n3 620 root tty 88,0\nsame-dev\n');
  expect(await type('chmod g-w /dev/pts/0; stat -c %a /dev/pts/0\r')).toContain('\n600\n');
  expect(await type('echo via-path > /dev/pts/0\r')).toContain('\nvia-path\n');
  await type('exit\r');
  expect(await exited).toBe(0);
  const after = await g.sh('ls /dev/pts; ls /dev/pts/0');
  expect(after.output).toBe("ptmx\nls: cannot access '/dev/pts/0': No such file or directory\n");
});

test('files cannot be made or removed in /dev/pts', async () => {
  const r = await new TestGuest().sh('touch /dev/pts/x; mkdir /dev/pts/d; rm -f /dev/pts/ptmx; ln -s a /dev/pts/l; ls /dev/pts');
  expect(r.output).toBe([
    "touch: cannot touch '/dev/pts/x': Permission denied",
    "mkdir: cannot create directory '/dev/pts/d': Operation not permitted",
    "rm: cannot remove '/dev/pts/ptmx': Operation not permitted",
    "ln: failed to create symbolic link '/dev/pts/l': Operation not permitted",
    'ptmx',
    '',
  ].join('\n'));
});
