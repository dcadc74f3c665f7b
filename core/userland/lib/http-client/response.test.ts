import { describe, expect, test } from 'vitest';
import { BodyReader, bytes, framing, HeadReader, latin1, MAX_HEAD, parseStatusLine, type Framing } from './response.ts';

const head = (text: string) => {
  const r = new HeadReader().feed(bytes(text));
  if (r.kind !== 'head') throw new Error(r.kind);
  return r;
};

/** Decodes `wire` fed in pieces of `step` bytes. */
function decode(f: Framing, wire: string, step = 1): { text: string; done: boolean; error?: string } {
  const r = new BodyReader(f);
  let text = '';
  let done = false;
  for (let i = 0; i < wire.length; i += step) {
    const s = r.feed(bytes(wire.slice(i, i + step)));
    if ('error' in s) return { text, done, error: s.error };
    text += latin1(s.data);
    done = s.done;
  }
  return { text, done };
}

describe('response head', () => {
  test('status line, fields, size and the bytes after the head', () => {
    const r = head('HTTP/1.1 404 Not Found\r\nContent-Type: text/html\r\nX-A:  b \r\n\r\nbody');
    expect(r.head.status).toEqual({ version: '1.1', code: 404, reason: 'Not Found' });
    expect(r.head.fields).toEqual([{ name: 'Content-Type', value: 'text/html' }, { name: 'X-A', value: 'b' }]);
    expect(r.head.size).toBe(61);
    expect(latin1(r.rest)).toBe('body');
  });
  test('bare LF line ends, folded lines, empty reason', () => {
    const r = head('HTTP/1.0 200\nA: one\n two\n\n');
    expect(r.head.status).toEqual({ version: '1.0', code: 200, reason: '' });
    expect(r.head.fields).toEqual([{ name: 'A', value: 'one two' }]);
    expect(r.head.raw).toBe('HTTP/1.0 200\nA: one\n two\n\n');
  });
  test('gathered across reads', () => {
    const h = new HeadReader();
    expect(h.feed(bytes('HTT')).kind).toBe('more');
    expect(h.feed(bytes('P/1.1 200 OK\r\n')).kind).toBe('more');
    const r = h.feed(bytes('\r\nx'));
    expect(r.kind).toBe('head');
  });
  test('garbage, a bad status line, a head past the limit', () => {
    expect(new HeadReader().feed(bytes('garbage\n')).kind).toBe('not-http');
    expect(new HeadReader().feed(bytes('HTX')).kind).toBe('not-http');
    expect(new HeadReader().feed(bytes('HTTP/1.1 abc\r\n\r\n')).kind).toBe('bad-status');
    expect(new HeadReader().feed(bytes('HTTP/1.1 200 OK\r\nX: ' + 'a'.repeat(MAX_HEAD))).kind).toBe('too-large');
    expect(parseStatusLine('HTTP/1.1 20 OK')).toBeNull();
  });
});

describe('body framing', () => {
  test('HEAD, 204 and 304 have none; chunked wins over a length; a bad length', () => {
    expect(framing(head('HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\n').head, 'HEAD')).toEqual({ kind: 'none' });
    expect(framing(head('HTTP/1.1 204 No Content\r\n\r\n').head, 'GET')).toEqual({ kind: 'none' });
    expect(framing(head('HTTP/1.1 200 OK\r\nContent-Length: 5\r\nTransfer-Encoding: gzip, chunked\r\n\r\n').head, 'GET')).toEqual({ kind: 'chunked' });
    expect(framing(head('HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\n').head, 'GET')).toEqual({ kind: 'length', length: 5 });
    expect(framing(head('HTTP/1.1 200 OK\r\nContent-Length: -1\r\n\r\n').head, 'GET')).toEqual({ kind: 'bad-length' });
    expect(framing(head('HTTP/1.1 200 OK\r\n\r\n').head, 'GET')).toEqual({ kind: 'close' });
  });
  test('a length stops at its end', () => {
    expect(decode({ kind: 'length', length: 3 }, 'abcdef', 4)).toEqual({ text: 'abc', done: true });
    expect(decode({ kind: 'length', length: 10 }, 'abc')).toEqual({ text: 'abc', done: false });
  });
  test('chunked, byte by byte and whole, with extensions and trailers', () => {
    const wire = '4\r\nabc\n\r\nA;x=y\r\n0123456789\r\n0\r\nTrailer: t\r\n\r\nextra';
    for (const step of [1, 3, wire.length]) expect(decode({ kind: 'chunked' }, wire, step)).toEqual({ text: 'abc\n0123456789', done: true });
    const r = new BodyReader({ kind: 'chunked' });
    r.feed(bytes('4\r\nabc\n\r\n0\r\n\r\n'));
    expect(r.wire).toBe(14);
  });
  test('chunked garbage is an error, never an exception', () => {
    expect(decode({ kind: 'chunked' }, 'zz\r\n').error).toBe('chunk');
    expect(decode({ kind: 'chunked' }, '2\r\nabX\r\n').error).toBe('chunk');
    expect(decode({ kind: 'chunked' }, 'f'.repeat(2000)).error).toBe('chunk');
    expect(decode({ kind: 'chunked' }, '3\r\nab')).toEqual({ text: 'ab', done: false });
  });
});

test('the head reader keeps its own copy of what it was fed', () => {
  const h = new HeadReader();
  const buf = bytes('HTTP/1.1 200 OK\r\n');
  expect(h.feed(buf).kind).toBe('more');
  buf.fill(0x41);
  expect(h.feed(bytes('\r\n')).kind).toBe('head');
});

test('random bytes never throw, in any split', () => {
  let seed = 12345;
  const rnd = (n: number): number => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) % n);
  const alphabet = 'HTTP/1.1 200\r\n:0123456789abcdefABCDEF;xyz \t';
  for (let round = 0; round < 300; round++) {
    const len = rnd(200);
    let text = rnd(2) ? 'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n' : '';
    for (let i = 0; i < len; i++) text += rnd(4) ? alphabet[rnd(alphabet.length)] : String.fromCharCode(rnd(256));
    const h = new HeadReader();
    let r = h.feed(new Uint8Array(0));
    for (let i = 0; i < text.length && r.kind === 'more'; ) {
      const n = 1 + rnd(20);
      r = h.feed(bytes(text.slice(i, i + n)));
      i += n;
    }
    if (r.kind !== 'head') continue;
    const f = framing(r.head, 'GET');
    if (f.kind === 'bad-length') continue;
    const b = new BodyReader(f);
    expect(() => b.feed(r.kind === 'head' ? r.rest : new Uint8Array(0))).not.toThrow();
  }
});

test('a head cut short is taken as it is when the stream ends', () => {
  const h = new HeadReader();
  expect(h.feed(bytes('HTTP/1.1 200 OK\r\nContent-Le')).kind).toBe('more');
  const r = h.finish();
  expect(r.kind === 'head' && [r.head.status.code, r.head.lines, r.head.fields]).toEqual([200, ['Content-Le'], []]);
  expect(new HeadReader().finish().kind).toBe('not-http');
});
