import { describe, expect, it } from 'vitest';
import { errorDocument, statusLine } from './status.ts';

const SIG = '<address>Apache/2.4.71 (Debian) Server at 10.0.0.1 Port 80</address>\n';

describe('status lines and error documents', () => {
  it('has httpd\'s reason phrases', () => {
    expect(statusLine(404)).toBe('404 Not Found');
    expect(statusLine(414)).toBe('414 Request-URI Too Long');
    expect(statusLine(299)).toBe('299 OK');
  });

  it('builds the 404 page httpd sends (310 bytes with this signature)', () => {
    const page = errorDocument(404, { method: 'GET' }, SIG);
    expect(page).toBe('<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01//EN" "http://www.w3.org/TR/html4/strict.dtd">\n<html><head>\n' +
      '<title>404 Not Found</title>\n</head><body>\n<h1>Not Found</h1>\n<p>The requested URL was not found on this server.</p>\n<hr>\n' + SIG + '</body></html>\n');
    expect(page.length).toBe(310);
  });

  it('puts the method, the location and the notes where httpd does', () => {
    expect(errorDocument(405, { method: 'DELETE' }, '')).toContain('<p>The requested method DELETE is not allowed for this URL.</p>\n<hr>\n</body>');
    expect(errorDocument(301, { method: 'GET', location: 'http://h/a b/' }, '')).toContain('<p>The document has moved <a href="http://h/a b/">here</a>.</p>\n');
    expect(errorDocument(400, { method: 'GET', notes: 'Size of a request header field exceeds server limit.' }, ''))
      .toContain('understand.<br />\nSize of a request header field exceeds server limit.</p>\n');
    expect(errorDocument(501, { method: 'get<' }, '')).toContain('<p>get&lt; not supported for current URL.<br />\n</p>\n');
  });
});
