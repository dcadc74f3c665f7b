// A program that computes for long charges the guest's processor as it goes, so the lab's clock moves
// on (fast mode) and timers, other processes and signals still get their turn.
import { expect, test } from 'vitest';
import { TestGuest } from '../helpers/guest.ts';

test('a long factor search is ended by timeout: its work advances the virtual clock', async () => {
  const g = new TestGuest();
  const t0 = g.cpu.now;
  // 2^128 + 1 = 59649589127497217 * 5704689200685129054721: a long Pollard rho search.
  const r = await g.sh('timeout 0.2 factor 340282366920938463463374607431768211457; echo "st=$?"');
  expect(r).toEqual({ exitCode: 0, output: 'st=124\n' });
  expect((g.cpu.now - t0) / 1e9).toBeGreaterThanOrEqual(0.2);
});

test('an awk or sed loop that never ends is ended by timeout', async () => {
  const g = new TestGuest();
  const r = await g.sh("timeout 0.2 awk 'BEGIN { while (1) x++ }'; echo \"st=$?\"; echo x | timeout 0.2 sed ':a; ba'; echo \"st=$?\"");
  expect(r).toEqual({ exitCode: 0, output: 'st=124\nst=124\n' });
});
