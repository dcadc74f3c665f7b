// Records in presentation form as BIND's dig prints them: the owner, TTL, class, type and data in
// tab-aligned columns (24, 32, 40, 48; BIND's masterdump indents with tabs of 8 and at least one blank).
import { formatIpv4Address } from '../../../net/wire/index.ts';
import { className, typeName, type Question, type Rdata, type Rr } from './message.ts';

/** Moves from column `from` to column `to` as BIND's indent() does; returns the text and the new column. */
function indent(from: number, to: number): [string, number] {
  if (to < from + 1) to = from + 1;
  const tabs = Math.floor(to / 8) - Math.floor(from / 8);
  let s = '';
  let col = from;
  if (tabs > 0) {
    s = '\t'.repeat(tabs);
    col = Math.floor(to / 8) * 8;
  }
  s += ' '.repeat(Math.max(0, to - col));
  return [s, to];
}

/** A character-string quoted and escaped (`"`, `\`, and non-printables as \DDD). */
export function quoteString(s: Uint8Array): string {
  let out = '"';
  for (const b of s) {
    if (b === 0x22 || b === 0x5c) out += `\\${String.fromCharCode(b)}`;
    else if (b >= 0x20 && b < 0x7f) out += String.fromCharCode(b);
    else out += `\\${String(b).padStart(3, '0')}`;
  }
  return `${out}"`;
}

/** IPv6 text (RFC 5952: the longest run of two or more zero groups as `::`). */
export function formatIpv6(b: Uint8Array): string {
  const g: number[] = [];
  for (let i = 0; i < 16; i += 2) g.push((b[i]! << 8) | b[i + 1]!);
  let best = -1, bestLen = 1;
  for (let i = 0; i < 8;) {
    if (g[i] !== 0) { i++; continue; }
    let j = i;
    while (j < 8 && g[j] === 0) j++;
    if (j - i > bestLen) { best = i; bestLen = j - i; }
    i = j;
  }
  const hex = (a: number[]) => a.map((x) => x.toString(16)).join(':');
  if (best < 0) return hex(g);
  return `${hex(g.slice(0, best))}::${hex(g.slice(best + bestLen))}`;
}

export function rdataText(d: Rdata): string {
  switch (d.t) {
    case 'a': return formatIpv4Address(d.addr);
    case 'aaaa': return formatIpv6(d.bytes);
    case 'name': return d.name;
    case 'mx': return `${d.pref} ${d.name}`;
    case 'srv': return `${d.priority} ${d.weight} ${d.port} ${d.target}`;
    case 'soa': return `${d.mname} ${d.rname} ${d.serial} ${d.refresh} ${d.retry} ${d.expire} ${d.minimum}`;
    case 'txt': return d.strings.map(quoteString).join(' ');
    case 'raw': return `\\# ${d.bytes.length}${d.bytes.length ? ' ' + [...d.bytes].map((x) => x.toString(16).padStart(2, '0')).join('').toUpperCase() : ''}`;
  }
}

/** `www.example.org.\t300\tIN\tA\t10.0.0.80` */
export function rrLine(rr: Rr): string {
  let s = rr.name;
  let col = s.length;
  const add = (text: string, to: number) => {
    const [pad, c] = indent(col, to);
    s += pad + text;
    col = c + text.length;
  };
  add(String(rr.ttl), 24);
  add(className(rr.class), 32);
  add(typeName(rr.type), 40);
  add(rdataText(rr.data), 48);
  return s;
}

/** `;www.example.org.\t\tIN\tA` (the `;` outside the columns). */
export function questionLine(q: Question): string {
  let s = q.name;
  let col = s.length;
  for (const [text, to] of [[className(q.class), 32], [typeName(q.type), 40]] as const) {
    const [pad, c] = indent(col, to);
    s += pad + text;
    col = c + text.length;
  }
  return `;${s}`;
}
