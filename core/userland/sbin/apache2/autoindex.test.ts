import { describe, expect, it } from 'vitest';
import { autoindexPage, escapeUri, natCompare, strfsize } from './autoindex.ts';

describe('mod_autoindex pieces', () => {
  it('sizes as apr_strfsize writes them', () => {
    expect([-1, 0, 8, 972, 973, 1024, 10_240, 1_048_576, 5_000_000_000].map(strfsize)).toEqual(
      ['  - ', '  0 ', '  8 ', '972 ', '1.0K', '1.0K', ' 10K', '1.0M', '4.7G']);
  });

  it('escapes link targets and sorts names naturally', () => {
    expect(escapeUri('with space.txt')).toBe('with%20space.txt');
    expect(escapeUri('a#b?c/')).toBe('a%23b%3fc/');
    expect(['f10', 'f9', 'e', 'f1'].sort(natCompare)).toEqual(['e', 'f1', 'f9', 'f10']);
  });

  it('lists entries with icons by type, the parent, and leaves out IndexIgnore\'d names', () => {
    const s = {
      icons: [
        { kind: 'type' as const, pattern: 'text/*', icon: '/icons/text.gif', alt: 'TXT' },
        { kind: 'path' as const, pattern: '*..', icon: '/icons/back.gif', alt: null },
        { kind: 'path' as const, pattern: '^^DIRECTORY^^', icon: '/icons/folder.gif', alt: null },
        { kind: 'path' as const, pattern: '^^BLANKICON^^', icon: '/icons/blank.gif', alt: null },
      ],
      defaultIcon: '/icons/unknown.gif', ignore: ['.??*', '*~'],
    };
    const t = Date.UTC(2024, 2, 5, 10, 20, 30) * 1e6;
    const page = autoindexPage('/d/', '/var/www/html/d', [
      { name: 'b.txt', isDir: false, size: 3, mtime: t, type: 'text/plain' },
      { name: '.hidden', isDir: false, size: 1, mtime: t, type: null },
      { name: 'x.bin', isDir: false, size: 2048, mtime: t, type: null },
      { name: 'a', isDir: true, size: 4096, mtime: t, type: null },
      { name: 'old~', isDir: false, size: 1, mtime: t, type: null },
    ], '', s, '<address>sig</address>\n');
    expect(page.split('\n').filter((l) => l.startsWith('<tr>'))).toEqual([
      '<tr><td valign="top"><img src="/icons/back.gif" alt="[PARENTDIR]"></td><td><a href="/">Parent Directory</a></td><td>&nbsp;</td><td align="right">  - </td><td>&nbsp;</td></tr>',
      '<tr><td valign="top"><img src="/icons/folder.gif" alt="[DIR]"></td><td><a href="a/">a/</a></td><td align="right">2024-03-05 10:20  </td><td align="right">  - </td><td>&nbsp;</td></tr>',
      '<tr><td valign="top"><img src="/icons/text.gif" alt="[TXT]"></td><td><a href="b.txt">b.txt</a></td><td align="right">2024-03-05 10:20  </td><td align="right">  3 </td><td>&nbsp;</td></tr>',
      '<tr><td valign="top"><img src="/icons/unknown.gif" alt="[   ]"></td><td><a href="x.bin">x.bin</a></td><td align="right">2024-03-05 10:20  </td><td align="right">2.0K</td><td>&nbsp;</td></tr>',
    ]);
    expect(page).toContain('<title>Index of /d</title>');
    const bySize = autoindexPage('/d/', '/x', [
      { name: 'big', isDir: false, size: 9, mtime: 0, type: null }, { name: 'small', isDir: false, size: 1, mtime: 0, type: null },
    ], 'C=S;O=D', s, '');
    expect(bySize.indexOf('>big<')).toBeLessThan(bySize.indexOf('>small<'));
    expect(bySize).toContain('<th><a href="?C=S;O=A">Size</a></th>');
  });
});
