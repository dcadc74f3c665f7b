// curl and wget in a lab: one device serves canned HTTP responses with netcat, another fetches them by
// address and by a name from /etc/hosts, following a redirect, saving files, and failing as the real
// tools fail (refused, unknown host, 404, empty reply, a read timeout).
import { describe, expect, it } from 'vitest';
import { bootLab, sh } from '../helpers/lab.ts';

const LAB = {
  'lab.conf': 's[0]="A"\nc[0]="A"\n',
  's.startup': 'ip address add 10.0.0.1/24 dev eth0\n',
  'c.startup': 'ip address add 10.0.0.2/24 dev eth0\necho "10.0.0.1 web" >> /etc/hosts\n',
};

/** Starts `nc -N -l PORT` on s answering `resp` (a printf format), in the background. */
const serve = (resp: string, port = 80): string =>
  `printf '${resp}' > /tmp/resp${port}; (nc -N -l ${port} < /tmp/resp${port} > /tmp/req${port} 2>&1 < /tmp/resp${port} &)`;

const OK = 'HTTP/1.1 200 OK\\r\\nContent-Type: text/plain\\r\\nContent-Length: 6\\r\\n\\r\\nhello\\n';

describe('curl and wget against netcat', () => {
  it('fetch by name and address, with -v, -w, -o, and the request the server saw', async () => {
    const lab = await bootLab(LAB, { grammar: 'kathara' });
    await sh(lab, 's', serve(OK));
    expect(await sh(lab, 'c', 'curl -s http://web/; echo rc=$?')).toBe('hello\nrc=0\n');
    expect(await sh(lab, 's', 'cat /tmp/req80')).toBe('GET / HTTP/1.1\r\nHost: web\r\nUser-Agent: curl/7.88.1\r\nAccept: */*\r\n\r\n');
    await sh(lab, 's', serve(OK));
    expect(await sh(lab, 'c', 'curl -sv -o /tmp/got -w "%{http_code} %{size_download} %{remote_ip}\\n" web 2>&1; cat /tmp/got')).toBe(
      '*   Trying 10.0.0.1:80...\n* Connected to web (10.0.0.1) port 80 (#0)\n> GET / HTTP/1.1\r\n> Host: web\r\n> User-Agent: curl/7.88.1\r\n> Accept: */*\r\n> \r\n' +
      '< HTTP/1.1 200 OK\r\n< Content-Type: text/plain\r\n< Content-Length: 6\r\n< \r\n{ [6 bytes data]\n* Connection #0 to host web left intact\n200 6 10.0.0.1\nhello\n');
    await sh(lab, 's', serve(OK));
    const w = await sh(lab, 'c', 'cd /tmp && wget http://web/a/file.txt 2>&1; echo rc=$?; cat file.txt');
    expect(w).toMatch(/^--\d{4}-\d\d-\d\d \d\d:\d\d:\d\d--  http:\/\/web\/a\/file.txt\nResolving web \(web\)\.\.\. 10\.0\.0\.1\nConnecting to web \(web\)\|10\.0\.0\.1\|:80\.\.\. connected\.\n/);
    expect(w).toContain("HTTP request sent, awaiting response... 200 OK\nLength: 6 [text/plain]\nSaving to: 'file.txt'\n\n     0K");
    expect(w).toMatch(/- 'file\.txt' saved \[6\/6\]\n\nrc=0\nhello\n$/);
    expect(await sh(lab, 's', 'cat /tmp/req80')).toBe(
      'GET /a/file.txt HTTP/1.1\r\nHost: web\r\nUser-Agent: Wget/1.21.3\r\nAccept: */*\r\nAccept-Encoding: identity\r\nConnection: Keep-Alive\r\n\r\n');
  });

  it('follow a redirect to another port; chunked bodies', async () => {
    const lab = await bootLab(LAB, { grammar: 'kathara' });
    await sh(lab, 's', serve('HTTP/1.1 302 Found\\r\\nLocation: http://10.0.0.1:8080/next\\r\\nContent-Length: 0\\r\\n\\r\\n'));
    await sh(lab, 's', serve('HTTP/1.1 200 OK\\r\\nTransfer-Encoding: chunked\\r\\n\\r\\n3\\r\\nab\\n\\r\\n0\\r\\n\\r\\n', 8080));
    expect(await sh(lab, 'c', 'curl -sL -w "%{num_redirects} %{url_effective}\\n" 10.0.0.1/start; echo rc=$?')).toBe('ab\n1 http://10.0.0.1:8080/next\nrc=0\n');
    await sh(lab, 's', serve('HTTP/1.1 302 Found\\r\\nLocation: /next\\r\\nContent-Length: 0\\r\\n\\r\\n'));
    expect(await sh(lab, 'c', 'curl -s -w "%{http_code} %{redirect_url}\\n" 10.0.0.1/start')).toBe('302 http://10.0.0.1/next\n');
  });

  it('take garbage from a server without breaking', async () => {
    const lab = await bootLab(LAB, { grammar: 'kathara' });
    const garbage = 'head -c 3000 /dev/urandom > /tmp/g; (nc -N -l 80 < /tmp/g > /dev/null 2>&1 &)';
    await sh(lab, 's', garbage);
    expect(await sh(lab, 'c', 'curl -sS web; echo rc=$?')).toBe('curl: (1) Received HTTP/0.9 when not allowed\nrc=1\n');
    await sh(lab, 's', garbage);
    const w = await sh(lab, 'c', 'wget -t 1 -o /tmp/log -O /tmp/got web; echo rc=$?; grep -c "No headers, assuming HTTP/0.9" /tmp/log; wc -c < /tmp/got');
    expect(w).toBe('rc=0\n1\n3000\n');
    // A head cut short (curl 7.88 says nothing), a chunked body that lies, a length that is not a number.
    for (const [resp, want] of [
      ['HTTP/1.1 200 OK\\r\\nContent-Le', 'rc=0\n'],
      ['HTTP/1.1 200 OK\\r\\nTransfer-Encoding: chunked\\r\\n\\r\\n5\\r\\nabcdefgh\\r\\n', 'curl: (56) Illegal or missing hexadecimal sequence in chunked-encoding\nrc=56\n'],
      ['HTTP/1.1 200 OK\\r\\nContent-Length: 1x\\r\\n\\r\\n', 'curl: (8) Invalid Content-Length: value\nrc=8\n'],
    ] as const) {
      await sh(lab, 's', serve(resp));
      expect(await sh(lab, 'c', 'curl -sS web -o /dev/null; echo rc=$?')).toBe(want);
    }
  });

  it('fail as the real tools fail', async () => {
    const lab = await bootLab(LAB, { grammar: 'kathara' });
    expect(await sh(lab, 'c', 'curl -sS 10.0.0.1:81; echo rc=$?')).toBe("curl: (7) Failed to connect to 10.0.0.1 port 81 after 0 ms: Couldn't connect to server\nrc=7\n");
    expect(await sh(lab, 'c', 'curl -sS nowhere; echo rc=$?')).toBe('curl: (6) Could not resolve host: nowhere\nrc=6\n');
    expect(await sh(lab, 'c', 'curl -sS https://web/; echo rc=$?')).toBe('curl: (1) Protocol "https" not supported or disabled in libcurl\nrc=1\n');
    expect(await sh(lab, 'c', 'wget -q http://10.0.0.1:81/; echo rc=$?; wget -nv nowhere 2>&1; echo rc=$?')).toBe("rc=4\nwget: unable to resolve host address 'nowhere'\nrc=4\n");
    await sh(lab, 's', serve('HTTP/1.1 404 Not Found\\r\\nContent-Length: 0\\r\\n\\r\\n'));
    expect(await sh(lab, 'c', 'curl -sSf web/x; echo rc=$?')).toBe('curl: (22) The requested URL returned error: 404\nrc=22\n');
    await sh(lab, 's', '(nc -N -l 80 < /dev/null > /dev/null 2>&1 &)');
    expect(await sh(lab, 'c', 'curl -sS web; echo rc=$?')).toBe('curl: (52) Empty reply from server\nrc=52\n');
    // A server that never answers: curl's -m and wget's -T, in virtual time; wget tries twice.
    await sh(lab, 's', '(sleep 100 | nc -l 80 > /dev/null 2>&1 &)');
    expect(await sh(lab, 'c', 'curl -sS -m 2 web; echo rc=$?')).toMatch(/^curl: \(28\) Operation timed out after 2\d\d\d milliseconds with 0 bytes received\nrc=28\n$/);
    await sh(lab, 's', '(sleep 100 | nc -l 80 > /dev/null 2>&1 &)');
    const w = await sh(lab, 'c', 'wget -T 1 -t 2 -O /dev/null web 2>&1; echo rc=$?');
    expect(w.replace(/\d{4}-\d\d-\d\d \d\d:\d\d:\d\d/g, 'DATE')).toBe(
      '--DATE--  http://web/\nResolving web (web)... 10.0.0.1\nConnecting to web (web)|10.0.0.1|:80... connected.\n' +
      'HTTP request sent, awaiting response... Read error (Connection timed out) in headers.\nRetrying.\n\n' +
      '--DATE--  (try: 2)  http://web/\nConnecting to web (web)|10.0.0.1|:80... failed: Connection refused.\nrc=4\n');
  });
});
