import { describe, expect, it } from 'vitest';
import { header, parseRequestHead, targetPath, type HeadResult } from './request.ts';

const bytes = (s: string): Uint8Array => Uint8Array.from(s, (c) => c.charCodeAt(0));
const parse = (s: string, limits?: Parameters<typeof parseRequestHead>[1]): HeadResult => parseRequestHead(bytes(s), limits);

describe('parseRequestHead', () => {
  it('reads the request line and the fields, and says how many bytes the head took', () => {
    const r = parse('GET /a?b=1 HTTP/1.1\r\nHost: x\r\nUser-Agent:  nc \r\n\r\nBODY');
    expect(r.kind).toBe('request');
    if (r.kind !== 'request') return;
    expect(r.request).toMatchObject({ line: 'GET /a?b=1 HTTP/1.1', method: 'GET', target: '/a?b=1', protocol: 'HTTP/1.1', version: 1001 });
    expect(r.request.headers).toEqual([['Host', 'x'], ['User-Agent', 'nc']]);
    expect(header(r.request, 'user-agent')).toBe('nc');
    expect(r.consumed).toBe('GET /a?b=1 HTTP/1.1\r\nHost: x\r\nUser-Agent:  nc \r\n\r\n'.length);
  });

  it('waits for more bytes until the empty line; skips empty lines before the request; refuses bare LF', () => {
    expect(parse('GET / HTTP/1.1\r\nHost: x\r\n').kind).toBe('incomplete');
    expect(parse('GET / HTT').kind).toBe('incomplete');
    const r = parse('\r\n\r\nHEAD / HTTP/1.0\r\nA: b\r\n\r\n');
    expect(r.kind === 'request' && [r.request.method, r.request.version, r.request.headers]).toEqual(['HEAD', 1000, [['A', 'b']]]);
    expect(parse('GET /hello.txt HTTP/1.0\n\n')).toMatchObject({ kind: 'bad', status: 400, line: 'GET /hello.txt HTTP/1.0\n' });
    expect(parse('GET / HTTP/1.0\r\nA: b\n\r\n')).toMatchObject({ kind: 'bad', status: 400, line: 'GET / HTTP/1.0' });
  });

  it('takes a line without protocol as HTTP/0.9 (no fields)', () => {
    const r = parse('GET /\r\n');
    expect(r.kind === 'request' && [r.request.protocol, r.request.version, r.consumed]).toEqual(['', 9, 7]);
  });

  it('refuses what httpd refuses with 400, with its notes', () => {
    expect(parse('HELLO\r\n\r\n')).toMatchObject({ kind: 'bad', status: 400, line: 'HELLO', notes: '' });
    expect(parse('GET / FOO/1.0\r\n\r\n')).toMatchObject({ kind: 'bad', status: 400 });
    expect(parse('G(T / HTTP/1.1\r\n\r\n')).toMatchObject({ kind: 'bad', status: 400 });
    expect(parse('GET / HTTP/1.1\r\nno colon\r\n\r\n')).toMatchObject({ kind: 'bad', status: 400, notes: '' });
    expect(parse('GET / HTTP/1.1\r\nA: b\r\n  folded\r\n\r\n')).toMatchObject({ kind: 'bad', status: 400 });
    expect(parse(`GET / HTTP/1.1\r\nX: ${'a'.repeat(9000)}\r\n\r\n`)).toMatchObject({ kind: 'bad', status: 400, notes: 'Size of a request header field exceeds server limit.' });
    expect(parse(`GET / HTTP/1.1\r\nX: ${'a'.repeat(9000)}`)).toMatchObject({ kind: 'bad', status: 400 });
    const many = Array.from({ length: 5 }, (_, i) => `F${i}: v\r\n`).join('');
    expect(parse(`GET / HTTP/1.1\r\n${many}\r\n`, { line: 100, fieldSize: 100, fields: 4 })).toMatchObject({ kind: 'bad', status: 400 });
    expect(parse(`GET /${'a'.repeat(200)} HTTP/1.1\r\n\r\n`, { line: 100, fieldSize: 100, fields: 4 })).toMatchObject({ kind: 'bad', status: 414 });
  });
});

describe('targetPath', () => {
  it('decodes %XX, resolves dot segments, splits the query, takes absolute-form', () => {
    expect(targetPath('/pics/with%20space.txt?x=1')).toEqual({ path: '/pics/with space.txt', query: 'x=1', raw: '/pics/with%20space.txt', encodedSlash: false });
    expect(targetPath('/a/./b/../c')?.path).toBe('/a/c');
    expect(targetPath('/a/b/..')?.path).toBe('/a/');
    expect(targetPath('http://10.0.0.1/hello.txt')?.path).toBe('/hello.txt');
    expect(targetPath('/a%2Fb')?.encodedSlash).toBe(true);
  });

  it('refuses paths above the root, %00, bad escapes and relative targets', () => {
    for (const t of ['/../etc/passwd', '/a/../../b', '/a%00', '/%zz', 'foo', '*']) expect(targetPath(t)).toBeNull();
  });
});
