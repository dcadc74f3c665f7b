// Background jobs of a non-interactive bash in virtual time: a waiter started with & polls for a flag
// file with `sleep 1` and ends once another command creates the file; no wall-clock waiting.
import { describe, test, expect } from 'vitest';
import { Capture } from '../../core/index.ts';
import { TestGuest } from '../helpers/guest.ts';

describe('bash background waiter', () => {
  test('a waiter inside one shell ends when the same shell creates the flag', async () => {
    const g = new TestGuest();
    const t0 = g.cpu.now;
    const r = await g.sh('(while [[ ! -f /tmp/flag ]]; do sleep 1; done; echo go) & sleep 5; touch /tmp/flag; wait $!; echo "st=$?"');
    expect(r).toEqual({ exitCode: 0, output: 'go\nst=0\n' });
    const elapsed = (g.cpu.now - t0) / 1e9;
    expect(elapsed).toBeGreaterThanOrEqual(5);
    expect(elapsed).toBeLessThan(8);
  });

  test('a waiter started with & ends when another command creates the file', async () => {
    const g = new TestGuest();
    const cap = new Capture();
    const proc = g.guest.startCommand('while [[ ! -f /tmp/flag ]]; do sleep 1; done; echo go', cap);
    if (typeof proc === 'number') throw new Error(`cannot start bash: ${proc}`);
    let status = -1;
    void g.guest.kernel.whenExited(proc.pid).then((s) => (status = s));
    const wall = performance.now();
    // Thirty seconds of virtual time pass with the waiter still polling.
    await g.driver.runUntil(() => status >= 0, g.cpu.now + 30e9);
    expect(status).toBe(-1);
    expect(new TextDecoder().decode(cap.bytes())).toBe('');
    const created = await g.sh('touch /tmp/flag');
    expect(created.exitCode).toBe(0);
    const t0 = g.cpu.now;
    const ended = await g.driver.runUntil(() => status >= 0, g.cpu.now + 10e9);
    expect(ended).toBe(true);
    expect(status).toBe(0);
    expect(new TextDecoder().decode(cap.bytes())).toBe('go\n');
    expect((g.cpu.now - t0) / 1e9).toBeLessThanOrEqual(1.5);
    // Virtual time, not wall time: the whole wait took far less than the 30 s it simulated.
    expect(performance.now() - wall).toBeLessThan(10_000);
  });
});
