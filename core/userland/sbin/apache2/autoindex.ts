// mod_autoindex's listing of a directory with Debian's IndexOptions (FancyIndexing VersionSort HTMLTable
// NameWidth=* DescriptionWidth=* Charset=UTF-8): an HTML table with icons (AddIcon, AddIconByType,
// AddIconByEncoding, DefaultIcon), names, dates, sizes as apr_strfsize writes them, sorted by the
// ?C=N|M|S|D;O=A|D query (name, ascending, by default), IndexIgnore'd names left out.
import { gmtime } from '../../lib/time.ts';
import { globMatch } from './config-read.ts';
import type { IconRule } from './config.ts';

export interface IndexEntry {
  name: string;
  isDir: boolean;
  size: number;
  /** ns since the epoch */
  mtime: number;
  /** Content type of a file (from mod_mime), or null. */
  type: string | null;
}

export interface IndexSettings {
  icons: readonly IconRule[];
  defaultIcon: string | null;
  ignore: readonly string[];
}

const html = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** ap_escape_uri: what a link to `name` needs escaped. */
export function escapeUri(name: string): string {
  let out = '';
  for (const b of new TextEncoderLite().encode(name)) {
    const c = String.fromCharCode(b);
    out += /[A-Za-z0-9$\-_.+!*'(),:@&=/~]/.test(c) ? c : `%${b.toString(16).padStart(2, '0')}`;
  }
  return out;
}

/** UTF-8 bytes of a string (core has no TextEncoder). */
class TextEncoderLite {
  encode(s: string): number[] {
    const out: number[] = [];
    for (const ch of s) {
      const cp = ch.codePointAt(0)!;
      if (cp < 0x80) out.push(cp);
      else if (cp < 0x800) out.push(0xc0 | (cp >> 6), 0x80 | (cp & 63));
      else if (cp < 0x10000) out.push(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63));
      else out.push(0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 63), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63));
    }
    return out;
  }
}

/** apr_strfsize: a size in four columns ("  8 ", "1.2K", " 10M"). */
export function strfsize(size: number): string {
  if (size < 0) return '  - ';
  if (size < 973) return `${String(size).padStart(3)} `;
  const units = ' KMGTPE';
  let o = 0;
  let remain = 0;
  for (;;) {
    remain = size & 1023;
    size = Math.floor(size / 1024);
    o++;
    if (size >= 973) continue;
    if (size < 9 || (size === 9 && remain < 973)) {
      remain = Math.floor((remain * 5 + 256) / 512);
      if (remain >= 10) {
        size++;
        remain = 0;
      }
      return `${size}.${remain}${units[o]}`;
    }
    if (remain >= 512) size++;
    return `${String(size).padStart(3)}${units[o]}`;
  }
}

const p2 = (n: number): string => String(n).padStart(2, '0');

function listDate(ns: number): string {
  const t = gmtime(ns);
  return `${t.year}-${p2(t.month + 1)}-${p2(t.day)} ${p2(t.hour)}:${p2(t.min)}  `;
}

/** The icon and alt text mod_autoindex picks for an entry (find_item over the rules in order). */
function iconFor(s: IndexSettings, path: string, e: IndexEntry | 'parent'): { icon: string | null; alt: string | null } {
  const special = e === 'parent' ? null : e.isDir ? '^^DIRECTORY^^' : null;
  const subject = e === 'parent' ? path : special ?? path;
  for (const r of s.icons) {
    if (subject.startsWith('^')) {
      if (r.kind === 'path' && r.pattern === subject) return { icon: r.icon, alt: r.alt };
      continue;
    }
    if (r.kind === 'path') {
      if (globMatch(r.pattern.replace(/\//g, '\u0001'), subject.replace(/\//g, '\u0001'))) return { icon: r.icon, alt: r.alt };
    } else if (r.kind === 'type' && e !== 'parent' && e.type) {
      if (globMatch(r.pattern.toLowerCase().replace(/\//g, '\u0001'), e.type.toLowerCase().replace(/\//g, '\u0001'))) return { icon: r.icon, alt: r.alt };
    }
  }
  return { icon: s.defaultIcon, alt: null };
}

/** apr_strnatcmp-like comparison (runs of digits compared as numbers). */
export function natCompare(a: string, b: string): number {
  const re = /(\d+|\D+)/g;
  const pa = a.match(re) ?? [];
  const pb = b.match(re) ?? [];
  for (let i = 0; i < Math.min(pa.length, pb.length); i++) {
    const x = pa[i]!, y = pb[i]!;
    if (/^\d/.test(x) && /^\d/.test(y)) {
      const d = Number(x) - Number(y);
      if (d !== 0) return d;
    } else if (x !== y) return x < y ? -1 : 1;
  }
  return pa.length - pb.length;
}

/** The listing page for URL path `uri` (ending in /), its entries and the server signature line. */
export function autoindexPage(uri: string, dirPath: string, entries: readonly IndexEntry[], query: string, s: IndexSettings, signature: string): string {
  const q = /(?:^|[;&])C=([NMSD])(?:[;&]O=([AD]))?/.exec(query);
  const col = q?.[1] ?? 'N';
  const desc = q?.[2] === 'D';
  const shown = entries.filter((e) => e.name !== '.' && e.name !== '..' && !s.ignore.some((p) => globMatch(p, e.name)));
  const byName = (a: IndexEntry, b: IndexEntry): number => natCompare(a.name, b.name);
  const cmp = (a: IndexEntry, b: IndexEntry): number => {
    if (col === 'M') return a.mtime - b.mtime || byName(a, b);
    if (col === 'S') return (a.isDir ? -1 : a.size) - (b.isDir ? -1 : b.size) || byName(a, b);
    return byName(a, b);
  };
  const sorted = [...shown].sort((a, b) => (desc ? -cmp(a, b) : cmp(a, b)));
  const title = uri.length > 1 ? uri.replace(/\/$/, '') : uri;
  const head = (c: string, label: string): string => `<th><a href="?C=${c};O=${c === col && !desc ? 'D' : 'A'}">${label}</a></th>`;
  const blank = iconFor(s, '^^BLANKICON^^', { name: '^^BLANKICON^^', isDir: false, size: 0, mtime: 0, type: null });
  let out = '<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01//EN" "http://www.w3.org/TR/html4/strict.dtd">\n<html>\n <head>\n' +
    `  <title>Index of ${html(title)}</title>\n </head>\n <body>\n<h1>Index of ${html(title)}</h1>\n  <table>\n` +
    `   <tr><th valign="top">${blank.icon ? `<img src="${blank.icon}" alt="[ICO]">` : '&nbsp;'}</th>` +
    `${head('N', 'Name')}${head('M', 'Last modified')}${head('S', 'Size')}${head('D', 'Description')}</tr>\n` +
    '   <tr><th colspan="5"><hr></th></tr>\n';
  const row = (icon: string | null, alt: string, href: string, label: string, date: string, size: string): string =>
    `<tr><td valign="top">${icon ? `<img src="${icon}" alt="[${alt}]">` : '&nbsp;'}</td><td><a href="${href}">${label}</a></td>` +
    `<td${date === '&nbsp;' ? '' : ' align="right"'}>${date}</td><td align="right">${size}</td><td>&nbsp;</td></tr>\n`;
  if (uri !== '/') {
    const parent = uri.replace(/[^/]*\/$/, '');
    const p = iconFor(s, '..', 'parent');
    out += row(p.icon, p.alt ?? 'PARENTDIR', escapeUri(parent), 'Parent Directory', '&nbsp;', '  - ');
  }
  for (const e of sorted) {
    const ic = iconFor(s, `${dirPath}/${e.name}`, e);
    const alt = ic.alt ?? (e.isDir ? 'DIR' : '   ');
    const name = e.isDir ? `${e.name}/` : e.name;
    out += row(ic.icon, alt, escapeUri(name), html(name), listDate(e.mtime), e.isDir ? '  - ' : strfsize(e.size));
  }
  out += '   <tr><th colspan="5"><hr></th></tr>\n</table>\n' + signature + '</body></html>\n';
  return out;
}
