// Key extraction and comparison for sort(1): -k POS1[,POS2] with per-key flags, -t, and the ordering
// rules of -n -g -h -M -V -f -d -i -b -r in the C locale.

export interface KeySpec {
  sf: number; sc: number; ef: number; ec: number; // fields 1-based; ef 0 = end of line; ec 0 = end of field
  flags: string; // any of "bdfgiMhnRrV"
}

const isBlank = (c: string | undefined): boolean => c === ' ' || c === '\t';

/** The key text of a line for one key spec (tab = the -t separator or null for blank-separated fields). */
export function extractKey(line: string, k: KeySpec, tab: string | null, globalB: boolean): string {
  const starts: number[] = [];
  const ends: number[] = [];
  if (tab !== null) {
    let pos = 0;
    for (;;) {
      starts.push(pos);
      const i = line.indexOf(tab, pos);
      if (i < 0) {
        ends.push(line.length);
        break;
      }
      ends.push(i);
      pos = i + 1;
    }
  } else {
    let i = 0;
    while (i < line.length || starts.length === 0) {
      starts.push(i);
      while (i < line.length && isBlank(line[i])) i++;
      while (i < line.length && !isBlank(line[i])) i++;
      ends.push(i);
      if (i >= line.length) break;
    }
  }
  const fieldStart = (f: number): number => (f - 1 < starts.length ? starts[f - 1]! : line.length);
  let s = fieldStart(k.sf);
  const sEnd = k.sf - 1 < ends.length ? ends[k.sf - 1]! : line.length;
  if (k.flags.includes('b') || (globalB && !/[bdfgiMhnRrV]/.test(k.flags))) while (s < sEnd && isBlank(line[s])) s++;
  s = Math.min(s + k.sc - 1, sEnd);
  let e: number;
  if (k.ef === 0) e = line.length;
  else if (k.ec === 0) e = k.ef - 1 < ends.length ? ends[k.ef - 1]! : line.length;
  else {
    let fs = fieldStart(k.ef);
    const fe = k.ef - 1 < ends.length ? ends[k.ef - 1]! : line.length;
    if (k.flags.includes('b')) while (fs < fe && isBlank(line[fs])) fs++;
    e = Math.min(fs + k.ec, fe);
  }
  return e > s ? line.slice(s, e) : '';
}

const cmpStr = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Compares two -n numbers textually (arbitrary length, like GNU). */
export function cmpNumeric(a: string, b: string): number {
  const pa = /^[ \t]*(-?)(\d*)(?:\.(\d*))?/.exec(a)!;
  const pb = /^[ \t]*(-?)(\d*)(?:\.(\d*))?/.exec(b)!;
  const norm = (m: RegExpExecArray): { neg: boolean; int: string; frac: string } => {
    const int = m[2]!.replace(/^0+/, '');
    const frac = (m[3] ?? '').replace(/0+$/, '');
    return { neg: m[1] === '-' && (int !== '' || frac !== ''), int, frac };
  };
  const x = norm(pa);
  const y = norm(pb);
  if (x.neg !== y.neg) return x.neg ? -1 : 1;
  let r = x.int.length !== y.int.length ? x.int.length - y.int.length : cmpStr(x.int, y.int);
  if (r === 0) r = cmpStr(x.frac, y.frac);
  return x.neg ? -r : r;
}

const SUFFIX = 'KMGTPEZYRQ';
function human(s: string): [number, string] {
  const m = /^[ \t]*(-?\d*(?:\.\d*)?)([KMGTPEZYRQk]?)/.exec(s)!;
  const neg = m[1]!.startsWith('-');
  const mag = m[2] ? SUFFIX.indexOf(m[2].toUpperCase()) + 1 : 0;
  return [neg ? -mag : mag, m[1]!];
}

const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];

function general(s: string): number {
  const hex = /^[ \t]*([-+]?)0[xX]([0-9a-fA-F]+)/.exec(s);
  if (hex) return (hex[1] === '-' ? -1 : 1) * parseInt(hex[2]!, 16);
  const m = /^[ \t]*([-+]?(?:\d+\.?\d*(?:[eE][-+]?\d+)?|\.\d+(?:[eE][-+]?\d+)?|inf(?:inity)?|nan))/i.exec(s);
  return m ? Number(m[1]!.replace(/^\+/, '').replace(/^(-?)inf(inity)?$/i, '$1Infinity')) : -Infinity;
}

/** Version comparison in the spirit of filevercmp: digit runs numerically, other runs by character. */
export function cmpVersion(a: string, b: string): number {
  const order = (c: string | undefined): number => (c === undefined ? 0 : /[0-9]/.test(c) ? 0 : /[A-Za-z]/.test(c) ? c.charCodeAt(0) : c === '~' ? -1 : c.charCodeAt(0) + 256);
  let i = 0, j = 0;
  while (i < a.length || j < b.length) {
    let first = 0;
    while ((i < a.length && !/[0-9]/.test(a[i]!)) || (j < b.length && !/[0-9]/.test(b[j]!))) {
      const ac = order(a[i]), bc = order(b[j]);
      if (ac !== bc) return ac - bc;
      i++;
      j++;
    }
    while (a[i] === '0') i++;
    while (b[j] === '0') j++;
    while (/[0-9]/.test(a[i] ?? '') && /[0-9]/.test(b[j] ?? '')) {
      if (!first) first = a.charCodeAt(i) - b.charCodeAt(j);
      i++;
      j++;
    }
    if (/[0-9]/.test(a[i] ?? '')) return 1;
    if (/[0-9]/.test(b[j] ?? '')) return -1;
    if (first) return first;
  }
  return 0;
}

/** Compares two keys under the flags of one key (without 'r'). */
export function compareKeys(a: string, b: string, flags: string): number {
  if (flags.includes('n')) return cmpNumeric(a, b);
  if (flags.includes('h')) {
    const [ma, na] = human(a), [mb, nb] = human(b);
    return ma !== mb ? ma - mb : cmpNumeric(na, nb);
  }
  if (flags.includes('g')) {
    const x = general(a), y = general(b);
    if (Number.isNaN(x) || Number.isNaN(y)) return Number.isNaN(x) ? (Number.isNaN(y) ? 0 : -1) : 1;
    return x < y ? -1 : x > y ? 1 : 0;
  }
  if (flags.includes('M')) {
    const m = (s: string): number => MONTHS.indexOf(s.trimStart().slice(0, 3).toUpperCase()) + 1;
    return m(a) - m(b);
  }
  if (flags.includes('V')) return cmpVersion(a, b);
  if (flags.includes('d')) {
    a = a.replace(/[^A-Za-z0-9 \t]/g, '');
    b = b.replace(/[^A-Za-z0-9 \t]/g, '');
  }
  if (flags.includes('i')) {
    a = a.replace(/[^\x20-\x7e]/g, '');
    b = b.replace(/[^\x20-\x7e]/g, '');
  }
  if (flags.includes('f')) {
    a = a.replace(/[a-z]+/g, (x) => x.toUpperCase());
    b = b.replace(/[a-z]+/g, (x) => x.toUpperCase());
  }
  return cmpStr(a, b);
}
