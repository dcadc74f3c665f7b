// A queue of bytes kept as the chunks it was given (a stream socket's send and receive queues): append
// at the end, read or drop from the front, copy any range out, without copying the whole on each step.

export class ByteQueue {
  private chunks: Uint8Array[] = [];
  /** Bytes already consumed from chunks[0]. */
  private head = 0;
  length = 0;

  push(data: Uint8Array): void {
    if (data.length === 0) return;
    this.chunks.push(data);
    this.length += data.length;
  }

  /** Copies `n` bytes starting `offset` bytes from the front (fewer when the queue is shorter). */
  copy(offset: number, n: number): Uint8Array {
    const out = new Uint8Array(Math.max(0, Math.min(n, this.length - offset)));
    let skip = offset + this.head;
    let at = 0;
    for (const c of this.chunks) {
      if (at >= out.length) break;
      if (skip >= c.length) {
        skip -= c.length;
        continue;
      }
      const take = Math.min(c.length - skip, out.length - at);
      out.set(c.subarray(skip, skip + take), at);
      at += take;
      skip = 0;
    }
    return out;
  }

  /** Drops `n` bytes from the front. */
  drop(n: number): void {
    n = Math.min(n, this.length);
    this.length -= n;
    while (n > 0) {
      const c = this.chunks[0]!;
      const left = c.length - this.head;
      if (n < left) {
        this.head += n;
        return;
      }
      n -= left;
      this.chunks.shift();
      this.head = 0;
    }
  }

  /** Moves up to buf.length bytes from the front into `buf` (or only copies them with `peek`); the count. */
  read(buf: Uint8Array, peek = false): number {
    const n = Math.min(buf.length, this.length);
    buf.set(this.copy(0, n));
    if (!peek) this.drop(n);
    return n;
  }

  clear(): void {
    this.chunks = [];
    this.head = 0;
    this.length = 0;
  }
}
