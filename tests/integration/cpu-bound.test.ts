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

test('a bc loop that never ends is ended by timeout: its statements charge their work', async () => {
  const g = new TestGuest();
  const r = await g.sh("echo 'while (1) { }' | timeout 0.2 bc; echo \"st=$?\"");
  expect(r).toEqual({ exitCode: 0, output: 'st=124\n' });
});

test('programs reading an endless device are ended by timeout: what they keep or compute charges its work', async () => {
  const g = new TestGuest();
  const cmds = ['md5sum /dev/urandom', 'sha256sum /dev/zero', 'cmp /dev/zero /dev/zero', 'xxd /dev/zero >/dev/null',
    'tac /dev/zero', 'split -b 1 /dev/zero /tmp/x', 'sort /dev/zero'];
  for (const c of cmds) {
    // Without the charge, half a second of reads at the kernel's 0.25 ns a byte is 2 GB to keep or hash.
    const r = await g.sh(`timeout 0.5 ${c}; echo "st=$?"`);
    expect({ c, r }).toEqual({ c, r: { exitCode: 0, output: 'st=124\n' } });
  }
});

test('head copies a huge count as it reads, without holding it (no crash)', async () => {
  const g = new TestGuest();
  const r = await g.sh('timeout 0.5 head -c 100000000000 /dev/zero >/dev/null; echo "st=$?"; head -c 100000 /dev/zero | wc -c; timeout 0.1 head -n 1 /dev/zero >/dev/null; echo "st=$?"; printf "a\\nb\\nc\\n" | head -n 2');
  expect(r).toEqual({ exitCode: 0, output: 'st=124\n100000\nst=124\na\nb\n' });
});

test('seq over a huge range is ended by timeout: each number it formats charges its work', async () => {
  const g = new TestGuest();
  const r = await g.sh('timeout 0.1 seq 1 100000000000 >/dev/null; echo "st=$?"');
  expect(r).toEqual({ exitCode: 0, output: 'st=124\n' });
});
