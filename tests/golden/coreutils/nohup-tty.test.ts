// What nohup's golden cases cannot record (their stdin, stdout and stderr are never terminals): its
// messages on a console, each as Debian 12's nohup printed it under script(1), and nohup.out.
import { expect, test } from 'vitest';
import { TestGuest } from '../../helpers/guest.ts';

test('nohup on a terminal: input ignored, output appended to nohup.out (0600), stderr joined to it', async () => {
  const g = new TestGuest();
  const { type } = await g.console({ plain: true });
  await type('cd /tmp\r');
  expect(await type('nohup echo hi\r')).toContain("\nnohup: ignoring input and appending output to 'nohup.out'\n");
  expect(await type('cat nohup.out; stat -c %a nohup.out\r')).toContain('\nhi\n600\n');
  expect(await type('nohup echo hi >/dev/null\r')).toContain('\nnohup: ignoring input and redirecting stderr to stdout\n');
  expect(await type('nohup echo hi </dev/null\r')).toContain("\nnohup: appending output to 'nohup.out'\n");
  expect(await type('nohup echo hi </dev/null >x.out; cat x.out\r')).toContain('\nnohup: redirecting stderr to stdout\nhi\n');
  expect(await type('nohup bash -c "echo e >&2" </dev/null >y.out; cat y.out\r')).toContain('\nnohup: redirecting stderr to stdout\ne\n');
  expect(await type('nohup cat </dev/null; echo "s=$?"\r')).toContain("\nnohup: appending output to 'nohup.out'\ns=0\n");
});

test('nohup on a terminal reports a command it cannot run on the original stderr', async () => {
  const g = new TestGuest();
  const { type } = await g.console({ plain: true });
  await type('cd /tmp\r');
  expect(await type('nohup nonexist; echo "s=$?"\r')).toContain("\nnohup: ignoring input and appending output to 'nohup.out'\n" +
    "nohup: failed to run command 'nonexist': No such file or directory\ns=127\n");
  expect(await type('nohup nonexist >/dev/null; echo "s=$?"\r')).toContain('\nnohup: ignoring input and redirecting stderr to stdout\n' +
    "nohup: failed to run command 'nonexist': No such file or directory\ns=127\n");
});

test('nohup with only stdin a terminal says it ignores input, which it reopens write-only', async () => {
  const g = new TestGuest();
  const { type } = await g.console({ plain: true });
  expect(await type('nohup cat 2>err | cat; cat err\r')).toContain('\nnohup: ignoring input\ncat: -: Bad file descriptor\n');
});
