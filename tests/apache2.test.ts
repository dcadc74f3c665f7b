// apache2 in kathara/base: a two-device lab whose server starts it from its startup file (systemctl,
// service, the init script) and a client fetching pages with nc; the device folder's own
// /var/www/html; keep-alive; the logs; stop and status; bad input that must not hurt the daemon.
import { describe, expect, it } from 'vitest';
import { bootLab, sh } from './helpers/lab.ts';

const lab = (start = 'systemctl start apache2', extra: Record<string, string> = {}) => ({
  'lab.conf': 'server[0]=A\nclient[0]=A\n',
  'server.startup': `ip address add 10.0.0.1/24 dev eth0\n${start}\n`,
  'client.startup': 'ip address add 10.0.0.2/24 dev eth0\n',
  ...extra,
});

const req = (path: string, extra = 'Connection: close\\r\\n'): string => `printf 'GET ${path} HTTP/1.1\\r\\nHost: 10.0.0.1\\r\\n${extra}\\r\\n' | nc 10.0.0.1 80`;
const noDate = (s: string): string => s.replace(/^Date: .*\r$/gm, 'Date: -\r');

describe('apache2 in kathara/base', () => {
  it('serves Debian\'s default page to another device, then a 404', async () => {
    const l = await bootLab(lab());
    const page = await sh(l, 'client', req('/'));
    expect(page).toMatch(/^HTTP\/1\.1 200 OK\r\n/);
    expect(page).toContain('Server: Apache/2.4.71 (Debian)\r\n');
    expect(page).toContain('Content-Length: 10701\r\n');
    expect(page).toContain('<title>Apache2 Debian Default Page: It works</title>');
    expect(noDate(await sh(l, 'client', req('/missing.html')))).toBe('HTTP/1.1 404 Not Found\r\nDate: -\r\nServer: Apache/2.4.71 (Debian)\r\n' +
      'Content-Length: 310\r\nConnection: close\r\nContent-Type: text/html; charset=iso-8859-1\r\n\r\n' +
      '<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01//EN" "http://www.w3.org/TR/html4/strict.dtd">\n<html><head>\n<title>404 Not Found</title>\n' +
      '</head><body>\n<h1>Not Found</h1>\n<p>The requested URL was not found on this server.</p>\n<hr>\n' +
      '<address>Apache/2.4.71 (Debian) Server at 10.0.0.1 Port 80</address>\n</body></html>\n');
    // The combined format, one line per request.
    expect(await sh(l, 'server', "sed 's/\\[[^]]*\\]/[T]/' /var/log/apache2/access.log")).toBe(
      '10.0.0.2 - - [T] "GET / HTTP/1.1" 200 10975 "-" "-"\n10.0.0.2 - - [T] "GET /missing.html HTTP/1.1" 404 490 "-" "-"\n');
    expect(await sh(l, 'server', 'ls -ld /var/log/apache2 | cut -d" " -f1,3,4; cat /var/run/apache2/apache2.pid; pgrep -x apache2 | head -1')).toMatch(/^drwxr-x--- root adm\n(\d+)\n\1\n$/);
  });

  it('serves the device folder\'s own /var/www/html/index.html and files', async () => {
    const l = await bootLab(lab('service apache2 start', {
      'server/var/www/html/index.html': '<h1>server</h1>\n',
      'server/var/www/html/data/info.txt': 'some text\n',
    }));
    expect(await sh(l, 'client', `${req('/')} | tail -1`)).toBe('<h1>server</h1>\n');
    const txt = noDate(await sh(l, 'client', req('/data/info.txt')));
    expect(txt).toMatch(/^HTTP\/1\.1 200 OK\r\nDate: -\r\nServer: Apache\/2\.4\.71 \(Debian\)\r\nLast-Modified: .* GMT\r\nETag: (W\/)?"a-[0-9a-f]+"\r\n/);
    expect(txt).toMatch(/Accept-Ranges: bytes\r\nContent-Length: 10\r\nConnection: close\r\nContent-Type: text\/plain\r\n\r\nsome text\n$/);
    expect(await sh(l, 'client', `${req('/data')} | grep Location`)).toBe('Location: http://10.0.0.1/data/\r\n');
    expect(await sh(l, 'client', `${req('/data/')} | grep -c 'info.txt'`)).toBe('1\n');
  });

  it('keeps a connection alive for a second request, then closes it after KeepAliveTimeout', async () => {
    const l = await bootLab(lab('/etc/init.d/apache2 start'));
    const two = await sh(l, 'client', "printf 'GET / HTTP/1.1\\r\\nHost: a\\r\\nConnection: keep-alive\\r\\n\\r\\nHEAD /nothing HTTP/1.1\\r\\nHost: a\\r\\n\\r\\n' | nc 10.0.0.1 80 | grep -a -E '^(HTTP|Keep-Alive|Connection)'");
    expect(two).toBe('HTTP/1.1 200 OK\r\nKeep-Alive: timeout=5, max=100\r\nConnection: Keep-Alive\r\nHTTP/1.1 404 Not Found\r\n');
    expect(await sh(l, 'server', 'grep -c "HEAD /nothing" /var/log/apache2/access.log')).toBe('1\n');
  });

  it('stop, status and a second start as Debian\'s init script says them', async () => {
    const l = await bootLab(lab());
    expect(await sh(l, 'server', '/etc/init.d/apache2 status; /etc/init.d/apache2 start; echo rc=$?')).toBe(
      'apache2 is running.\nStarting Apache httpd web server: apache2.\nrc=0\n');
    expect(await sh(l, 'server', 'systemctl is-active apache2; service apache2 stop; /etc/init.d/apache2 status; echo rc=$?; pgrep -c apache2; ls /var/run/apache2')).toBe(
      'active\nStopping Apache httpd web server: apache2.\napache2 is not running ... failed!\nrc=3\n0\nsocks\n');
    expect(await sh(l, 'client', "printf 'GET / HTTP/1.0\\r\\n\\r\\n' | nc -w 2 10.0.0.1 80; echo rc=$?")).toBe('rc=1\n');
    expect(await sh(l, 'server', "sed 's/^\\[[^]]*\\] //; s/pid [0-9]*:tid [0-9]*/pid P/' /var/log/apache2/error.log")).toBe(
      "[mpm_event:notice] [pid P] AH00489: Apache/2.4.71 (Debian) configured -- resuming normal operations\n[core:notice] [pid P] AH00094: Command line: '/usr/sbin/apache2'\n" +
      '[mpm_event:notice] [pid P] AH00491: caught SIGTERM, shutting down\n');
  });

  it('chooses a name-based virtual host by Host, with its own DocumentRoot and log; denies .ht files', async () => {
    const l = await bootLab(lab('systemctl start apache2', {
      'server/etc/apache2/sites-enabled/site2.conf': '<VirtualHost *:80>\n\tServerName www.lab.example\n\tDocumentRoot /var/www/site2\n' +
        '\tCustomLog ${APACHE_LOG_DIR}/site2.log common\n</VirtualHost>\n',
      'server/var/www/site2/index.html': 'site two\n',
    }));
    const named = "printf 'GET / HTTP/1.1\\r\\nHost: WWW.lab.example\\r\\nConnection: close\\r\\n\\r\\n' | nc 10.0.0.1 80 | tail -1";
    expect(await sh(l, 'client', named)).toBe('site two\n');
    expect(await sh(l, 'client', `${req('/')} | grep -c 'Default Page: It works</title>'`)).toBe('1\n');
    expect(await sh(l, 'client', `${req('/.htaccess')} | head -1`)).toBe('HTTP/1.1 403 Forbidden\r\n');
    expect(await sh(l, 'server', "sed 's/\\[[^]]*\\]/[T]/' /var/log/apache2/site2.log; grep -c GET /var/log/apache2/access.log; " +
      "sed 's/^\\[[^]]*\\] //; s/pid [0-9]*:tid [0-9]*/pid P/; s/:[0-9]*\\]/:PORT]/' /var/log/apache2/error.log | tail -1")).toMatch(
      /^10\.0\.0\.2 - - \[T\] "GET \/ HTTP\/1\.1" 200 2\d\d\n2\n\[authz_core:error\] \[pid P\] \[client 10\.0\.0\.2:PORT\] AH01630: client denied by server configuration: \/var\/www\/html\/\.htaccess\n$/);
  });

  it('lets clients in or not by Require ip and by Order / Allow / Deny', async () => {
    const acl = '<Directory /var/www/html/private>\n\tRequire ip 10.0.0.3 192.168.0.0/16\n</Directory>\n' +
      '<Directory /var/www/html/lan>\n\tRequire ip 10.0.0\n</Directory>\n' +
      '<Directory /var/www/html/old>\n\tOrder deny,allow\n\tDeny from all\n\tAllow from 10.0.0.2\n</Directory>\n' +
      '<Directory /var/www/html/old2>\n\tOrder allow,deny\n\tAllow from 10.0.0.0/255.0.0.0\n\tDeny from 10.0.0.2\n</Directory>\n';
    const l = await bootLab(lab('systemctl start apache2', {
      'server/etc/apache2/conf-enabled/acl.conf': acl,
      'server/var/www/html/private/a.txt': 'a\n', 'server/var/www/html/lan/a.txt': 'a\n',
      'server/var/www/html/old/a.txt': 'a\n', 'server/var/www/html/old2/a.txt': 'a\n',
    }));
    const status = async (p: string): Promise<string> => sh(l, 'client', `${req(p)} | head -1`);
    expect([await status('/private/a.txt'), await status('/lan/a.txt'), await status('/old/a.txt'), await status('/old2/a.txt')]).toEqual(
      ['HTTP/1.1 403 Forbidden\r\n', 'HTTP/1.1 200 OK\r\n', 'HTTP/1.1 200 OK\r\n', 'HTTP/1.1 403 Forbidden\r\n']);
    expect(await sh(l, 'server', "sed 's/^\\[[^]]*\\] //; s/ \\[pid [^]]*\\] \\[client [^]]*\\]//' /var/log/apache2/error.log | grep denied")).toBe(
      '[authz_core:error] AH01630: client denied by server configuration: /var/www/html/private/a.txt\n' +
      '[access_compat:error] AH01797: client denied by server configuration: /var/www/html/old2/a.txt\n');
  });

  it('survives garbage, huge headers and clients that leave mid-request', async () => {
    const l = await bootLab(lab());
    await sh(l, 'client', "head -c 30000 /dev/urandom | nc -w 1 10.0.0.1 80 > /dev/null; printf 'GET / HTTP/1.1\\r\\nHost: x\\r\\nX: ' | nc -w 1 10.0.0.1 80; " +
      "(printf 'GET / HTTP/1.1\\r\\n'; head -c 20000 /dev/zero | tr '\\0' a) | nc -w 1 10.0.0.1 80 | head -1; printf 'GET / HTTP/1.1\\r\\nHost: x\\r\\n' | nc -N 10.0.0.1 80");
    expect(await sh(l, 'client', `${req('/')} | head -1`)).toBe('HTTP/1.1 200 OK\r\n');
    // A chunked body is not taken for a second request: one reply, then the connection ends.
    expect(await sh(l, 'client', "printf 'POST /index.html HTTP/1.1\\r\\nHost: x\\r\\nTransfer-Encoding: chunked\\r\\n\\r\\n3\\r\\nabc\\r\\n0\\r\\n\\r\\n' | nc 10.0.0.1 80 | grep -a -c '^HTTP/1.1 200 OK'")).toBe('1\n');
    expect(await sh(l, 'server', 'pgrep -c apache2')).toBe('3\n');
  });
});
