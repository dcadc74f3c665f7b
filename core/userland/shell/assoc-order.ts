// The order in which bash 5.2 lists the keys of an associative array: its hash table order. Keys hash
// with 32-bit FNV-1 into 1024 buckets (grown fourfold once the table holds twice as many entries as
// buckets); a bucket lists its newest key first, and a listing walks the buckets in ascending order.

import { utf8Encode } from '../../kernel/abi.ts';

const FIRST_BUCKETS = 1024;

function fnv1(key: string): number {
  let h = 2166136261;
  const bytes = utf8Encode(key);
  for (const b of bytes) h = (Math.imul(h, 16777619) ^ b) >>> 0;
  return h;
}

/**
 * The keys of `map` (in insertion order, as a JS Map keeps them) in bash's listing order; other bash tables
 * start with other bucket counts (programmable completion's: 512).
 */
export function bashKeyOrder(keys: Iterable<string>, firstBuckets = FIRST_BUCKETS): string[] {
  let size = firstBuckets;
  let buckets: string[][] = [];
  let count = 0;
  const hashes = new Map<string, number>();
  const hashOf = (k: string): number => {
    let h = hashes.get(k);
    if (h === undefined) hashes.set(k, (h = fnv1(k)));
    return h;
  };
  for (const k of keys) {
    const i = hashOf(k) & (size - 1);
    (buckets[i] ??= []).unshift(k);
    if (++count >= size * 2) {
      // Growing walks the old buckets in order and puts each key at the head of its new bucket.
      const grown: string[][] = [];
      size *= 4;
      for (const chain of buckets) if (chain) for (const key of chain) (grown[hashOf(key) & (size - 1)] ??= []).unshift(key);
      buckets = grown;
    }
  }
  const out: string[] = [];
  for (const chain of buckets) if (chain) out.push(...chain);
  return out;
}
