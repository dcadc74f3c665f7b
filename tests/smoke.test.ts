import { test, expect } from 'vitest';
import { TestGuest } from './helpers/guest.ts';

test('smoke', async () => {
  const g = new TestGuest();
  const r = await g.run(['ls', '/proc/self']);
  console.log(r);
  const r2 = await g.run(['cat'], { stdin: 'abc\n' });
  console.log(r2);
  const r3 = await g.run(['ps', '-ef']);
  console.log(r3.output);
  expect(r2.output).toBe('abc\n');
});
