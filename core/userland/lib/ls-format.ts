// The long listing of ls -l: mode string, link count, owner, group, size (or device numbers), date, name.
import { isChr, isLnk, major, minor, S_IFMT, type Stat, type Sys } from '../../kernel/abi.ts';
import { strftime } from './time.ts';
import { userName, groupName } from './users.ts';

export interface Entry {
  name: string;
  path: string;
  stat: Stat;
}

export function modeString(mode: number): string {
  const types: Record<number, string> = {
    0o140000: 's', 0o120000: 'l', 0o100000: '-', 0o060000: 'b', 0o040000: 'd', 0o020000: 'c', 0o010000: 'p',
  };
  let s = types[mode & S_IFMT] ?? '?';
  const rwx = (bits: number, special: boolean, ch: string) =>
    (bits & 4 ? 'r' : '-') + (bits & 2 ? 'w' : '-') +
    (special ? (bits & 1 ? ch : ch.toUpperCase()) : bits & 1 ? 'x' : '-');
  s += rwx((mode >> 6) & 7, (mode & 0o4000) !== 0, 's');
  s += rwx((mode >> 3) & 7, (mode & 0o2000) !== 0, 's');
  s += rwx(mode & 7, (mode & 0o1000) !== 0, 't');
  return s;
}

const SIX_MONTHS_NS = (365.2425 / 2) * 86400e9;

export function formatLong(sys: Sys, list: Entry[], o: { human: boolean; inode: boolean; numeric: boolean;
  classify: boolean; now: number }): string[] {
  const rows = list.map((e) => {
    const st = e.stat;
    const size = isChr(st.mode) ? `${major(st.rdev)}, ${minor(st.rdev)}` : o.human ? humanSize(st.size) : String(st.size);
    const recent = st.mtime <= o.now + 60e9 && o.now - st.mtime < SIX_MONTHS_NS;
    const date = strftime(recent ? '%b %e %H:%M' : '%b %e  %Y', st.mtime);
    let name = e.name;
    if (isLnk(st.mode)) {
      const t = sys.readlink(e.path);
      if (typeof t === 'string') name += ` -> ${t}`;
    }
    return {
      ino: String(st.ino), mode: modeString(st.mode), nlink: String(st.nlink),
      user: o.numeric ? String(st.uid) : userName(sys, st.uid), group: o.numeric ? String(st.gid) : groupName(sys, st.gid),
      size, date, name,
    };
  });
  const w = (k: 'ino' | 'nlink' | 'user' | 'group' | 'size') => Math.max(...rows.map((r) => r[k].length));
  const wi = w('ino'), wn = w('nlink'), wu = w('user'), wg = w('group'), ws = w('size');
  return rows.map((r) => (o.inode ? r.ino.padStart(wi) + ' ' : '') +
    `${r.mode} ${r.nlink.padStart(wn)} ${r.user.padEnd(wu)} ${r.group.padEnd(wg)} ${r.size.padStart(ws)} ${r.date} ${r.name}`);
}

/** Sizes as ls -h prints them: 1.5K, 12M (rounded up, one decimal below 10). */
export function humanSize(bytes: number): string {
  if (bytes < 1024) return String(bytes);
  const units = ['K', 'M', 'G', 'T'];
  let v = bytes;
  let u = -1;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  return (v < 10 ? (Math.ceil(v * 10) / 10).toFixed(1) : String(Math.ceil(v))) + units[u];
}
