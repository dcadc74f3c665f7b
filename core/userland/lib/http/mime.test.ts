import { describe, expect, it } from 'vitest';
import { MimeTypes } from './mime.ts';

describe('MimeTypes', () => {
  const m = MimeTypes.parse('# comment\ntext/html\t\t\thtml htm shtml\ntext/plain txt asc\nimage/png png\napplication/x-gzip\n');

  it('finds a type by any extension, the last known one deciding, case-insensitively', () => {
    expect(m.lookup('/var/www/html/index.html')).toBe('text/html');
    expect(m.lookup('A.PNG')).toBe('image/png');
    expect(m.lookup('a.html.txt')).toBe('text/plain');
    expect(m.lookup('a.txt.unknown')).toBe('text/plain');
    expect(m.lookup('README')).toBeNull();
    expect(m.lookup('/dir.txt/file')).toBeNull();
  });

  it('AddType and RemoveType change the table', () => {
    m.add('application/x-gzip', ['.gz', '.tgz']);
    m.remove(['.asc']);
    expect(m.lookup('x.tgz')).toBe('application/x-gzip');
    expect(m.lookup('x.asc')).toBeNull();
  });
});
