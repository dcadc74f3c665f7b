// SHA-512 crypt ("$6$salt$hash", Ulrich Drepper's SHA-crypt specification) for the passwords that
// passwd, chpasswd and useradd store in /etc/shadow. Written from the specification; checked against
// glibc's crypt(3) output in sha512-crypt.test.ts. (Debian 12's PAM would write yescrypt "$y$" hashes.)
import type { Sys } from '../../../kernel/abi.ts';
import { Sha512Words } from './sha512-words.ts';

const ITOA64 = './0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const DEFAULT_ROUNDS = 5000;


/** `len` bytes made of `block` repeated. */
function stretch(block: Uint8Array, len: number): Uint8Array {
  const out = new Uint8Array(len);
  for (let i = 0; i < len; i++) out[i] = block[i % block.length]!;
  return out;
}

/** The 86-character encoding of a 64-byte digest, in the byte order the specification fixes. */
function encode(c: Uint8Array): string {
  let s = '';
  const put = (w: number, n: number): void => {
    for (let i = 0; i < n; i++, w >>= 6) s += ITOA64[w & 0x3f];
  };
  for (let k = 0; k < 21; k++) {
    const t = [k, k + 21, k + 42];
    const [a, b, d] = k % 3 === 0 ? t : k % 3 === 1 ? [t[1]!, t[2]!, t[0]!] : [t[2]!, t[0]!, t[1]!];
    put((c[a]! << 16) | (c[b]! << 8) | c[d]!, 4);
  }
  put(c[63]!, 2);
  return s;
}

/** crypt(password, "$6$[rounds=N$]salt"); yields now and then (the default is 5000 digest rounds). */
export async function sha512Crypt(sys: Sys, password: Uint8Array, setting: string): Promise<string> {
  const m = /^\$6\$(?:rounds=(\d+)\$)?([^$]{0,16})/.exec(setting);
  const roundsGiven = m?.[1] !== undefined;
  const rounds = roundsGiven ? Math.min(999999999, Math.max(1000, Number(m![1]))) : DEFAULT_ROUNDS;
  const saltText = m?.[2] ?? '';
  const salt = Uint8Array.from(saltText, (ch) => ch.charCodeAt(0) & 0xff);
  const p = password;
  const h = new Sha512Words();
  const b = h.update(p).update(salt).update(p).digest();
  const a0 = h.reset();
  a0.update(p);
  a0.update(salt);
  a0.update(stretch(b, p.length));
  for (let n = p.length; n > 0; n >>= 1) a0.update(n & 1 ? b : p);
  const a = a0.digest();
  const dpCtx = h.reset();
  for (let i = 0; i < p.length; i++) dpCtx.update(p);
  const pp = stretch(dpCtx.digest(), p.length);
  const dsCtx = h.reset();
  for (let i = 0; i < 16 + a[0]!; i++) dsCtx.update(salt);
  const ss = stretch(dsCtx.digest(), salt.length);
  let c = a;
  for (let i = 0; i < rounds; i++) {
    h.reset();
    h.update(i & 1 ? pp : c);
    if (i % 3) h.update(ss);
    if (i % 7) h.update(pp);
    h.update(i & 1 ? c : pp);
    c = h.digest();
    if (i % 500 === 499) await sys.yield();
  }
  return `$6$${roundsGiven ? `rounds=${rounds}$` : ''}${saltText}$${encode(c)}`;
}

/** A fresh 16-character salt from the kernel's random source. */
export function newSalt(sys: Sys): string {
  const r = new Uint8Array(16);
  sys.getrandom(r);
  let s = '';
  for (const x of r) s += ITOA64[x & 0x3f];
  return s;
}
