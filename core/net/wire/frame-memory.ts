// Frame memory. A typed array of more than a few dozen bytes gets a backing store of its own in V8, which
// costs several times the copy of a frame; so frames up to 2 KiB are cut from shared 16 KiB slabs, as a
// kernel takes skbs from slab caches. A slab is never reused: each frame's bytes are its own and start
// zeroed, and a slab is freed with its last frame. Code that wraps a frame must use its byteOffset.

const SLAB_SIZE = 16384;
const LARGEST_FROM_SLAB = 2048;
let slab = new ArrayBuffer(SLAB_SIZE);
let used = 0;

/** A zeroed frame of `length` bytes. */
export function allocFrame(length: number): Uint8Array {
  if (length > LARGEST_FROM_SLAB) return new Uint8Array(length);
  if (used + length > SLAB_SIZE) {
    slab = new ArrayBuffer(SLAB_SIZE);
    used = 0;
  }
  // A view straight on the slab's buffer: subarray() would look up the species constructor first,
  // which costs about a third more per frame.
  const frame = new Uint8Array(slab, used, length);
  used += (length + 7) & ~7;
  return frame;
}

/** A copy of `bytes` in frame memory. */
export function copyFrame(bytes: Uint8Array): Uint8Array {
  const frame = allocFrame(bytes.length);
  frame.set(bytes);
  return frame;
}
