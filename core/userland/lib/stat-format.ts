// The %-directives of stat(1) -c/--printf and its default layouts: one function turns a Stat into the
// text of a directive (%n %N %s %b %B %a %A %f %F %u %U %g %G %h %i %d %D %t %T %o %x %X %y %Y %z %Z %w %W %m).
import { isChr, isLnk, major, minor, S_IFMT, type Stat, type Sys } from '../../kernel/abi.ts';
import { modeString } from './ls-format.ts';
import { strftime } from './time.ts';
import { groupName, userName } from './users.ts';

const TYPE_NAMES: Record<number, string> = {
  0o140000: 'socket', 0o120000: 'symbolic link', 0o100000: 'regular file', 0o060000: 'block special file',
  0o040000: 'directory', 0o020000: 'character special file', 0o010000: 'fifo',
};

export function fileTypeName(st: Stat): string {
  const t = st.mode & S_IFMT;
  if (t === 0o100000 && st.size === 0) return 'regular empty file';
  return TYPE_NAMES[t] ?? 'weird file';
}

/** "2026-11-22 03:21:23.000000000 +0000" as stat prints times. */
export function statTime(ns: number): string {
  return strftime('%Y-%m-%d %H:%M:%S.%N +0000', ns);
}

/** Quotes a name for %N the way stat's default ("shell-escape-always"-like) style does for plain names. */
function quoteN(s: string): string {
  return s.includes("'") ? `"${s}"` : `'${s}'`;
}

/** Expands one directive; `mod` is 'H' or 'L' for %Hd %Ld %Hr %Lr. Returns null for unknown ones. */
export function statDirective(sys: Sys, c: string, mod: string, st: Stat, name: string, quoteNames = true): { text: string; numeric: boolean } | null {
  const num = (v: number | string): { text: string; numeric: boolean } => ({ text: String(v), numeric: true });
  const str = (v: string): { text: string; numeric: boolean } => ({ text: v, numeric: false });
  const secs = (ns: number): string => String(Math.floor(ns / 1e9));
  if (mod === 'H' && c === 'd') return num(major(st.dev));
  if (mod === 'L' && c === 'd') return num(minor(st.dev));
  if (mod === 'H' && c === 'r') return num(isChr(st.mode) || (st.mode & S_IFMT) === 0o060000 ? major(st.rdev) : 0);
  if (mod === 'L' && c === 'r') return num(isChr(st.mode) || (st.mode & S_IFMT) === 0o060000 ? minor(st.rdev) : 0);
  switch (c) {
    case 'n': return str(name);
    case 'N': {
      const q = quoteNames ? quoteN : (s: string): string => s;
      if (!isLnk(st.mode)) return str(q(name));
      const t = sys.readlink(name);
      return str(`${q(name)} -> ${q(typeof t === 'string' ? t : '')}`);
    }
    case 's': return num(st.size);
    case 'b': return num(st.blocks);
    case 'B': return num(512);
    case 'o': return num(st.blksize);
    case 'a': return { text: (st.mode & 0o7777).toString(8), numeric: true };
    case 'A': return str(modeString(st.mode));
    case 'f': return str(st.mode.toString(16));
    case 'F': return str(fileTypeName(st));
    case 'u': return num(st.uid);
    case 'U': return str(userName(sys, st.uid));
    case 'g': return num(st.gid);
    case 'G': return str(groupName(sys, st.gid));
    case 'h': return num(st.nlink);
    case 'i': return num(st.ino);
    case 'd': return num(st.dev);
    case 'D': return str(st.dev.toString(16));
    case 'r': return num(st.rdev);
    case 'R': return str(st.rdev.toString(16));
    case 't': return str(major(st.rdev).toString(16));
    case 'T': return str(minor(st.rdev).toString(16));
    case 'm': return str('/');
    case 'x': return str(statTime(st.atime));
    case 'X': return num(secs(st.atime));
    case 'y': return str(statTime(st.mtime));
    case 'Y': return num(secs(st.mtime));
    case 'z': return str(statTime(st.ctime));
    case 'Z': return num(secs(st.ctime));
    case 'w': return str('-');
    case 'W': return num(0);
    default: return null;
  }
}

/** Expands a whole -c/--printf format for one file. */
export function expandStatFormat(sys: Sys, format: string, st: Stat, name: string, quoteNames = true): string {
  let out = '';
  for (let i = 0; i < format.length; i++) {
    const ch = format[i]!;
    if (ch !== '%') {
      out += ch;
      continue;
    }
    const m = /^([-#+ 0']*)(\d*)(?:\.(\d*))?([HL]?)(.)?/.exec(format.slice(i + 1))!;
    const [whole, flags = '', width = '', prec, mod = '', conv] = m;
    if (conv === undefined) {
      out += '%' + whole;
      break;
    }
    i += whole.length;
    if (conv === '%') {
      out += '%';
      continue;
    }
    const d = statDirective(sys, conv, mod, st, name, quoteNames);
    if (!d) {
      out += '?';
      continue;
    }
    let text = d.text;
    if (prec !== undefined && !d.numeric) text = text.slice(0, Number(prec || 0));
    if (prec !== undefined && d.numeric) text = text.padStart(Number(prec || 0), '0');
    const w = Number(width || 0);
    if (text.length < w) {
      if (flags.includes('-')) text = text.padEnd(w);
      else if (flags.includes('0') && d.numeric && prec === undefined) text = text.padStart(w, '0');
      else text = text.padStart(w);
    }
    out += text;
  }
  return out;
}
