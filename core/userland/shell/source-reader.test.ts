import { describe, expect, test } from 'vitest';
import { SHARED_CACHE_ENTRIES, SHARED_CACHE_KEY_CHARS, SharedCaches } from '../../kernel/shared-cache.ts';
import { PARSE_CACHE, ParsedText, SourceReader } from './source-reader.ts';
import type { ParseResult } from './parse.ts';
import type { ParserOptions } from './parser.ts';

/** Every command line of `text` as `options` give them. */
function readAll(text: string, cache: SharedCaches, options: (i: number) => ParserOptions = () => ({})): ParseResult[] {
  const reader = new SourceReader(text, 1, cache.space(PARSE_CACHE));
  const out: ParseResult[] = [];
  for (let i = 0; ; i++) {
    const r = reader.next(options(i));
    out.push(r);
    if (r.kind !== 'command') return out;
  }
}

describe('shared parses of source texts', () => {
  const text = 'x=1\nif [ "$x" = 1 ]; then echo yes; fi\nll -a\n';

  test('a text read once is only marked; the second reading records, later readers get the same trees', () => {
    const cache = new SharedCaches();
    readAll(text, cache);
    expect(cache.space(PARSE_CACHE).get(text)).not.toBeInstanceOf(ParsedText);
    const a = readAll(text, cache);
    const b = readAll(text, cache);
    expect(a.length).toBe(4);
    expect(b.map((r) => r.kind)).toEqual(['command', 'command', 'command', 'eof']);
    for (let i = 0; i < a.length; i++) expect(b[i]).toBe(a[i]);
    expect(cache.space(PARSE_CACHE).get(text)).toBeInstanceOf(ParsedText);
    readAll(text.replace('yes', 'no'), cache);
    const c = readAll(text.replace('yes', 'no'), cache);
    expect(c[1]).not.toBe(a[1]);
    expect(JSON.stringify(c[1])).toContain('"no"');
  });

  test('a name that is an alias for this reader is parsed again, with its alias', () => {
    const cache = new SharedCaches();
    readAll(text, cache);
    const plain = readAll(text, cache, () => ({ aliases: () => undefined }));
    const aliased = readAll(text, cache, () => ({ aliases: (n) => (n === 'll' ? 'ls -l' : undefined) }));
    expect(aliased[0]).toBe(plain[0]);
    expect(aliased[1]).toBe(plain[1]);
    expect(aliased[2]).not.toBe(plain[2]);
    expect(JSON.stringify(aliased[2])).toContain('"ls"');
    expect(JSON.stringify(plain[2])).not.toContain('"ls"');
    // Without aliases at all, or with extglob, nothing recorded with aliases on is reused.
    const none = readAll(text, cache);
    expect(none[0]).not.toBe(plain[0]);
    const ext = readAll(text, cache, () => ({ aliases: () => undefined, extglob: true }));
    expect(ext[0]).not.toBe(plain[0]);
  });

  test('an alias applied while recording ends the shared part; later readers parse the rest themselves', () => {
    const cache = new SharedCaches();
    const src = 'a=1\nll\nb=2\n';
    readAll(src, cache);
    const first = readAll(src, cache, () => ({ aliases: (n) => (n === 'll' ? 'echo hi' : undefined) }));
    expect((cache.space(PARSE_CACHE).get(src) as ParsedText).steps.length).toBe(1);
    const second = readAll(src, cache, () => ({ aliases: () => undefined }));
    expect(second[0]).toBe(first[0]);
    expect(second[1]).not.toBe(first[1]);
    expect(JSON.stringify(second[1])).toContain('"ll"');
    expect(second[2]?.kind).toBe('command');
    expect(second[2]).not.toBe(first[2]);
  });

  test('line numbers after a shared prefix continue where the shared part ended', () => {
    const cache = new SharedCaches();
    const src = 'a=1\n\n\nll\nb=2\n';
    readAll(src, cache);
    readAll(src, cache, () => ({ aliases: () => undefined }));
    const again = readAll(src, cache, () => ({ aliases: (n) => (n === 'll' ? 'true' : undefined) }));
    expect(again.map((r) => (r.kind === 'command' ? r.line : r.kind))).toEqual([1, 4, 5, 'eof']);
  });
});

describe('shared cache bounds', () => {
  test('a space forgets its oldest entries beyond its entry count or its total key length', () => {
    const space = new SharedCaches().space('t');
    for (let i = 0; i < SHARED_CACHE_ENTRIES + 5; i++) space.set(`k${i}`, i);
    expect(space.size).toBe(SHARED_CACHE_ENTRIES);
    expect(space.get('k0')).toBeUndefined();
    expect(space.get(`k${SHARED_CACHE_ENTRIES + 4}`)).toBe(SHARED_CACHE_ENTRIES + 4);
    const big = new SharedCaches().space('t');
    const half = 'x'.repeat(SHARED_CACHE_KEY_CHARS / 2);
    big.set(half + 'a', 1);
    big.set(half + 'b', 2);
    big.set('small', 3);
    expect(big.get(half + 'a')).toBeUndefined();
    expect(big.get(half + 'b')).toBe(2);
    expect(big.get('small')).toBe(3);
    big.set('y'.repeat(SHARED_CACHE_KEY_CHARS + 1), 4);
    expect(big.size).toBe(2);
  });
});
