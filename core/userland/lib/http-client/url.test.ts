import { describe, expect, test } from 'vitest';
import { formatUrl, parseCurlUrl, parseWgetUrl, removeDotSegments, resolveLocation, type HttpUrl } from './url.ts';

const curl = (t: string): HttpUrl => {
  const r = parseCurlUrl(t);
  if (!('url' in r)) throw new Error(r.message);
  return r.url;
};

describe('curl URLs', () => {
  test('scheme guessed, ports, paths, queries, fragments, user info', () => {
    expect(curl('10.0.0.1')).toEqual({ scheme: 'http', host: '10.0.0.1', port: 80, explicitPort: false, path: '/' });
    expect(curl('HTTP://u:p@Host:8080/a/./b/../c?x=1#frag')).toEqual({ scheme: 'http', host: 'Host', port: 8080, explicitPort: true, path: '/a/c?x=1' });
    expect(curl('localhost:81?q')).toMatchObject({ host: 'localhost', port: 81, path: '/?q' });
    expect(curl('http:/x').host).toBe('x');
    expect(formatUrl(curl('http://h:8080'))).toBe('http://h:8080/');
  });
  test('errors as curl reports them', () => {
    const bad = { code: 3, message: 'URL using bad/illegal format or missing URL' };
    for (const t of ['', 'http://', 'http://h:99999/', 'http://h:x/', 'http://a b/']) expect(parseCurlUrl(t)).toEqual(bad);
    expect(parseCurlUrl('http://[x')).toEqual({ code: 3, message: 'bad range in URL position 9:\nhttp://[x\n        ^' });
    expect(parseCurlUrl('https://h/')).toEqual({ code: 1, message: 'Protocol "https" not supported or disabled in libcurl' });
    expect(parseCurlUrl('FTPX://h/')).toEqual({ code: 1, message: 'Protocol "ftpx" not supported or disabled in libcurl' });
  });
});

describe('wget URLs', () => {
  test('parsed, and wget\'s messages', () => {
    expect(parseWgetUrl('10.0.0.1:8080/x')).toEqual({ url: { scheme: 'http', host: '10.0.0.1', port: 8080, explicitPort: true, path: '/x' } });
    expect(parseWgetUrl('http://[x')).toEqual({ message: 'Unterminated IPv6 numeric address.' });
    expect(parseWgetUrl('http://h:99999/')).toEqual({ message: 'Bad port number.' });
    expect(parseWgetUrl('http://h:0/')).toEqual({ message: 'Bad port number.' });
    expect(parseWgetUrl('ftpx://a/')).toEqual({ message: "Unsupported scheme 'ftpx'." });
    expect(parseWgetUrl('https://a/')).toEqual({ message: 'HTTPS support not compiled in.' });
    expect(parseWgetUrl('http://')).toEqual({ message: 'Invalid host name.' });
  });
});

describe('locations and dot segments', () => {
  const base = curl('http://h:8080/a/b?q=1');
  test('absolute, network-path, absolute-path, relative, query-only', () => {
    expect(resolveLocation(base, 'http://x/y')).toBe('http://x/y');
    expect(resolveLocation(base, '//x/y')).toBe('http://x/y');
    expect(resolveLocation(base, '/z')).toBe('http://h:8080/z');
    expect(resolveLocation(base, 'c/../d')).toBe('http://h:8080/a/d');
    expect(resolveLocation(base, '?r')).toBe('http://h:8080/a/b?r');
  });
  test('RFC 3986 examples', () => {
    expect(removeDotSegments('/a/b/c/./../../g')).toBe('/a/g');
    expect(removeDotSegments('/../x')).toBe('/x');
    expect(removeDotSegments('/a/..')).toBe('/');
  });
});
