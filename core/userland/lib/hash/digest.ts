// The shape shared by the message digests of md5sum and the sha*sum tools: feed bytes, then finish.

export interface Digest {
  update(data: Uint8Array): void;
  /** The digest bytes; the object must not be used afterwards. */
  finish(): Uint8Array;
}

export function toHex(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += b.toString(16).padStart(2, '0');
  return s;
}

/** Buffers input into fixed-size blocks for a compression function; tracks the total length. */
export class BlockBuffer {
  readonly block: Uint8Array;
  fill = 0;
  total = 0;

  constructor(size: number, private readonly compress: (block: Uint8Array) => void) {
    this.block = new Uint8Array(size);
  }

  update(data: Uint8Array): void {
    this.total += data.length;
    let i = 0;
    while (i < data.length) {
      const n = Math.min(this.block.length - this.fill, data.length - i);
      this.block.set(data.subarray(i, i + n), this.fill);
      this.fill += n;
      i += n;
      if (this.fill === this.block.length) {
        this.compress(this.block);
        this.fill = 0;
      }
    }
  }

  /** Merkle-Damgard padding: 0x80, zeros, then the bit length in `lenBytes` bytes (big or little endian). */
  pad(lenBytes: number, littleEndian: boolean): void {
    const bits = BigInt(this.total) * 8n;
    const size = this.block.length;
    const tail = new Uint8Array(((this.fill + 1 + lenBytes + size - 1) / size | 0) * size - this.fill);
    tail[0] = 0x80;
    for (let k = 0; k < 8; k++) {
      const byte = Number((bits >> BigInt(8 * k)) & 0xffn);
      tail[littleEndian ? tail.length - lenBytes + k : tail.length - 1 - k] = byte;
    }
    const total = this.total;
    this.update(tail);
    this.total = total;
  }
}
