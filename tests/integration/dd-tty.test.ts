// tty on a console's terminal, and what dd's golden cases cannot record: a large copy, the statistics on
// SIGUSR1 while it goes on, and the statistics before it dies of SIGINT. Times are those of the guest's
// virtual clock. The background dd is found by name (pgrep) and reports its own status.
import { expect, test } from 'vitest';
import { TestGuest } from '../helpers/guest.ts';

test('tty names the terminal of a console as /proc/self/fd/0 does; -s answers by status alone', async () => {
  const g = new TestGuest();
  const { type } = await g.console({ plain: true });
  const out = await type('tty; readlink /proc/self/fd/0; tty -s; echo "s=$?"; tty </dev/null; echo "n=$?"\r');
  const lines = out.split('\n').slice(1, 6);
  expect(lines[0]).toMatch(/^\/dev\/pts\/\d+$/);
  expect(lines).toEqual([lines[1], lines[1], 's=0', 'not a tty', 'n=1']);
  expect(await type('echo x | tty -s; echo $?\r')).toContain('\n1\n');
});

test('dd copies 50 MiB from /dev/zero into a file block by block', async () => {
  const r = await new TestGuest().sh('dd if=/dev/zero of=f bs=1M count=50; wc -c <f; tail -c 4 f | od -An -tx1');
  expect(r.output).toMatch(/^50\+0 records in\n50\+0 records out\n52428800 bytes \(52 MB, 50 MiB\) copied, [^\n]+\n52428800\n 00 00 00 00\n$/);
});

test('dd through a pipe to a slow reader keeps every byte and counts the records', async () => {
  const r = await new TestGuest().sh('dd if=/dev/zero bs=64k count=40 2>err | (sleep 1; wc -c); cat err');
  expect(r.output).toMatch(/^2621440\n40\+0 records in\n40\+0 records out\n2621440 bytes \(2\.6 MB, 2\.5 MiB\) copied, /);
});

test('SIGUSR1 prints the statistics so far and dd goes on', async () => {
  const r = await new TestGuest().sh('{ printf abc; sleep 2; printf de; } | { dd of=out 2>err; echo "status $?" >st; } & ' +
    'sleep 1; kill -USR1 $(pgrep -x dd); wait; cat st err out; echo');
  expect(r.output).toMatch(new RegExp('^status 0\n0\\+1 records in\n0\\+0 records out\n0 bytes copied, 1 s, 0 B/s\n' +
    '0\\+2 records in\n0\\+1 records out\n5 bytes copied, 2 s, 2 B/s\nabcde\n$'));
});

test('SIGINT prints the statistics, then dd dies of it', async () => {
  const r = await new TestGuest().sh('set -m; { printf abc; sleep 5; } | { dd bs=1 of=out 2>err; echo "status $?" >st; } & ' +
    'sleep 1; kill -INT $(pgrep -x dd); wait; cat st err out; echo');
  expect(r.output).toBe('status 130\n3+0 records in\n3+0 records out\n3 bytes copied, 1 s, 3 B/s\nabc\n');
});
