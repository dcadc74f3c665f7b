import { describe, expect, test } from 'vitest';
import { parseCurlArgs } from './curl.ts';
import { requestText } from '../lib/http-client/curl-transfer.ts';
import { max5, time8 } from '../lib/http-client/curl-meter.ts';

const run = (...args: string[]) => {
  const r = parseCurlArgs(['curl', ...args]);
  if (r.kind !== 'run') throw new Error(JSON.stringify(r));
  return r;
};
const TRY = "curl: try 'curl --help' or 'curl --manual' for more information\n";

describe('curl options', () => {
  test('bundled flags, attached and separate parameters, several -d, long forms', () => {
    const r = run('-sSfL', '-oout', '-X', 'PUT', '-d', 'a=1', '--data', 'b=2', '-H', 'X: y', '--max-time', '2.5', 'h/x', '--url', 'h/y');
    expect(r.o).toMatchObject({ silent: true, showError: true, fail: true, location: true, outputs: ['out'], method: 'PUT', headers: ['X: y'], maxTime: 2.5 });
    expect(r.urls).toEqual(['h/x', 'h/y']);
    expect(r.data).toEqual([{ kind: 'data', value: 'a=1' }, { kind: 'data', value: 'b=2' }]);
    expect(run('-s', '--no-silent', 'u').o.silent).toBe(false);
  });
  test('errors: status 2 and curl\'s messages', () => {
    expect(parseCurlArgs(['curl'])).toEqual({ kind: 'exit', status: 2, stderr: TRY });
    expect(parseCurlArgs(['curl', '--bogus'])).toEqual({ kind: 'exit', status: 2, stderr: `curl: option --bogus: is unknown\n${TRY}` });
    expect(parseCurlArgs(['curl', '-so'])).toEqual({ kind: 'exit', status: 2, stderr: `curl: option -o: requires parameter\n${TRY}` });
    expect(parseCurlArgs(['curl', '-m', 'x', 'u'])).toEqual({ kind: 'exit', status: 2, stderr: `curl: option -m: expected a proper numerical parameter\n${TRY}` });
    expect(parseCurlArgs(['curl', '-h', '--bogus'])).toMatchObject({ kind: 'exit', status: 0 });
  });
  test('the request head: -H replaces, removes and adds; -A; -d adds the body headers', () => {
    const o = run('-H', 'Accept: text/plain', '-H', 'User-Agent:', '-H', 'X-Empty;', '-d', 'x', 'u').o;
    const url = { scheme: 'http', host: 'h', port: 8080, explicitPort: true, path: '/p' };
    expect(requestText(o, 'POST', url, 'x')).toBe(
      'POST /p HTTP/1.1\r\nHost: h:8080\r\nAccept: text/plain\r\nX-Empty:\r\nContent-Length: 1\r\nContent-Type: application/x-www-form-urlencoded\r\n\r\n');
    expect(requestText(run('-A', 'me', 'u').o, 'GET', { ...url, port: 80 }, null)).toBe('GET /p HTTP/1.1\r\nHost: h\r\nUser-Agent: me\r\nAccept: */*\r\n\r\n');
  });
  test('meter fields', () => {
    expect([max5(0), max5(99999), max5(100000), max5(50 * 1024 * 1024), max5(5000 * 1024 * 1024)]).toEqual(['    0', '99999', '  97k', '50.0M', '5000M']);
    expect([time8(0), time8(61), time8(360000)]).toEqual(['--:--:--', ' 0:01:01', '  4d 04h']);
  });
});

test('--data-urlencode escaping', async () => {
  const { urlEncode } = await import('./curl.ts');
  expect(urlEncode('a b&c/é~x')).toBe('a+b%26c%2F%C3%A9~x');
});
