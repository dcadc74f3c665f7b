// SHA-224 and SHA-384 (FIPS 180-4 sections 6.3 and 6.5): SHA-256 and SHA-512 started from other
// initial hash values, their digests cut to 28 and 48 bytes.
import type { Digest } from './digest.ts';
import { Sha256 } from './sha256.ts';
import { Sha512 } from './sha512.ts';

// FIPS 180-4 5.3.2 and 5.3.4.
const SHA224_IV = [0xc1059ed8, 0x367cd507, 0x3070dd17, 0xf70e5939, 0xffc00b31, 0x68581511, 0x64f98fa7, 0xbefa4fa4];
const SHA384_IV = [0xcbbb9d5dc1059ed8n, 0x629a292a367cd507n, 0x9159015a3070dd17n, 0x152fecd8f70e5939n,
  0x67332667ffc00b31n, 0x8eb44a8768581511n, 0xdb0c2e0d64f98fa7n, 0x47b5481dbefa4fa4n];

class Truncated implements Digest {
  constructor(private readonly inner: Digest, private readonly bytes: number) {}

  update(data: Uint8Array): void {
    this.inner.update(data);
  }

  finish(): Uint8Array {
    return this.inner.finish().slice(0, this.bytes);
  }
}

export function sha224(): Digest {
  return new Truncated(new Sha256(SHA224_IV), 28);
}

export function sha384(): Digest {
  return new Truncated(new Sha512(SHA384_IV), 48);
}
