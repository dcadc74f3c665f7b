// SHA-512 crypt against glibc's crypt(3) results (recorded with `openssl passwd -6 -salt SALT PASSWORD`).
import { expect, test } from 'vitest';
import type { Sys } from '../../../kernel/abi.ts';
import { sha512Crypt } from './sha512-crypt.ts';

const sys = { yield: async () => {} } as unknown as Sys;
const enc = (s: string): Uint8Array => new TextEncoder().encode(s);

test('matches crypt(3) for the default and explicit rounds', async () => {
  expect(await sha512Crypt(sys, enc('secret'), '$6$abcdefgh')).toBe(
    '$6$abcdefgh$ltjgWl6579NluT/Vi1nwEvcil.G5Nbc4NiXZaNGStk8PSwGfQv72N2CKPPrVACtLtip/cZ/1GM/O6IND4WQhG.');
  expect(await sha512Crypt(sys, enc('Hello world!'), '$6$rounds=10000$saltstringsaltstring')).toBe(
    '$6$rounds=10000$saltstringsaltst$OW1/O6BYHV6BcXZu8QVeXbDWra3Oeqh0sbHbbMCVNSnCM/UrjmM0Dp8vOuZeHBy/YTBmSK6H9qs/y3RnOaw5v.');
});
