// Values every guest of one image may share because they are derived from immutable input alone (a
// shell script's parse, keyed by the script's text). A guest finds there only what it would have
// computed itself from the same key, so the sharing cannot be observed; each space is bounded (entries and
// total key length: keys are texts, and what is kept grows with them) and forgets its oldest entries first.

import type { SharedCache } from './abi.ts';

/** Entries kept per space. */
export const SHARED_CACHE_ENTRIES = 256;
/** Total length of the keys of one space. */
export const SHARED_CACHE_KEY_CHARS = 1 << 20;

class BoundedCache implements SharedCache {
  private readonly map = new Map<string, unknown>();
  private chars = 0;

  get(key: string): unknown {
    return this.map.get(key);
  }

  set(key: string, value: unknown): void {
    if (this.map.has(key)) {
      this.map.set(key, value);
      return;
    }
    if (key.length > SHARED_CACHE_KEY_CHARS) return;
    while (this.map.size >= SHARED_CACHE_ENTRIES || this.chars + key.length > SHARED_CACHE_KEY_CHARS) {
      const oldest = this.map.keys().next();
      if (oldest.done) break;
      this.map.delete(oldest.value);
      this.chars -= oldest.value.length;
    }
    this.map.set(key, value);
    this.chars += key.length;
  }

  get size(): number {
    return this.map.size;
  }
}

/** The caches of one image, by space name (one per kind of derived value). */
export class SharedCaches {
  private readonly spaces = new Map<string, BoundedCache>();

  space(name: string): SharedCache & { readonly size: number } {
    let s = this.spaces.get(name);
    if (!s) this.spaces.set(name, (s = new BoundedCache()));
    return s;
  }
}
