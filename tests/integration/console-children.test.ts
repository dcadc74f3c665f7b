// An interactive shell catches SIGCHLD (as bash does, with SA_RESTART) and reaps children that are not
// jobs at the next prompt after one ended; the prompt's read goes on undisturbed by the signal.
import { expect, test } from 'vitest';
import { TestGuest } from '../helpers/guest.ts';

async function console_() {
  const g = new TestGuest();
  return { g, ...(await g.console()) };
}

test('an interactive shell catches SIGCHLD', async () => {
  const { type } = await console_();
  const out = await type('grep SigCgt /proc/$$/status\r');
  const mask = /SigCgt:\t([0-9a-f]{16})/.exec(out);
  expect(mask).not.toBeNull();
  const bits = BigInt(`0x${mask![1]}`);
  expect(bits & (1n << 16n)).toBe(1n << 16n); // SIGCHLD (17)
  expect(bits & (1n << 1n)).toBe(1n << 1n); // SIGINT (2)
});

test('a child that is not a job is reaped at the next prompt, after its SIGCHLD', async () => {
  const { g, type } = await console_();
  // The process substitution's child is not a job; it ends while cat reads its output.
  expect(await type('cat <(echo from-child)\r')).toContain('from-child');
  const zombies = () => [...g.guest.kernel.processes.values()].filter((p) => !p.alive).length;
  await type('\r');
  expect(zombies()).toBe(0);
  expect(await type('ps -o stat=,comm=\r')).not.toContain('Z');
});

test('a background job that ends while the shell waits at its prompt is reported at the next prompt', async () => {
  const { type, g } = await console_();
  expect(await type('sleep 1 &\r')).toMatch(/\[1\] \d+/);
  await g.driver.runFor(2e9);
  expect(await type('\r')).toContain('[1]+  Done                    sleep 1');
});

test('a CHLD trap runs, and the shell still reaps with the trap set or removed', async () => {
  const { type, g } = await console_();
  await type('trap "echo child-changed" CHLD\r');
  expect(await type('/bin/true\r')).toContain('child-changed');
  await type('trap - CHLD\r');
  expect(await type('/bin/true\r')).not.toContain('child-changed');
  await type('cat <(echo again)\r');
  await type('\r');
  expect([...g.guest.kernel.processes.values()].filter((p) => !p.alive).length).toBe(0);
});

test('a background job that reads the terminal is stopped by SIGTTIN at once, before any input', async () => {
  const { type, g } = await console_();
  expect(await type('cat &\r')).toMatch(/\[1\] \d+/);
  const cat = [...g.guest.kernel.processes.values()].find((p) => p.comm === 'cat');
  expect(cat?.state).toBe('stopped');
  expect(await type('jobs\r')).toContain('[1]+  Stopped                 cat');
});

test('a background job that stops is reported once at the next prompt, on a line of its own, as bash does', async () => {
  // Recorded from bash 5.2.15 on a pseudo-terminal: `cat &`, Enter, Enter, `kill -CONT %1`.
  const { type } = await new TestGuest().console({ plain: true });
  expect(await type('cat &\r')).toMatch(/^cat &\n\[1\] \d+\nroot@pc:~# $/);
  expect(await type('\r')).toBe('\n\n[1]+  Stopped                 cat\nroot@pc:~# ');
  expect(await type('\r')).toBe('\nroot@pc:~# ');
  // Continued, it reads the terminal again and stops again: told again, once (bash tells it at the prompt
  // after `kill` or at the next one, as the race with the job goes).
  const again = (await type('kill -CONT %1\r')) + (await type('\r'));
  expect(again.split('\n[1]+  Stopped                 cat\n').length).toBe(2);
  expect(await type('\r')).toBe('\nroot@pc:~# ');
  expect(await type('jobs\r')).toBe('jobs\n[1]+  Stopped                 cat\nroot@pc:~# ');
});
