// The date strings of `date -d` and `touch -d` (a subset of GNU parse_datetime, in UTC): '@SECONDS',
// 'now'/'today'/'yesterday'/'tomorrow', ISO 8601 dates and times with optional zone, 'Nov 22 2026',
// '22 Nov 2026 10:00', times of day, and relative items such as '1 day ago', '+3 hours', 'next week'.
import { civilDays, gmtime, MONTHS } from './time.ts';

const UNITS: Record<string, number> = {
  sec: 1, second: 1, min: 60, minute: 60, hour: 3600, day: 86400, week: 604800, fortnight: 1209600,
};
const DAY_NAMES = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

/** Nanoseconds since the epoch for `text` relative to `now` (ns), or null when it is not a date. */
export function parseDate(text: string, now: number): number | null {
  let s = text.trim().toLowerCase();
  const at = /^@([-+]?\d+)(?:[.,](\d+))?$/.exec(s);
  if (at) return Number(at[1]) * 1e9 + (at[2] ? Math.round(Number('0.' + at[2]) * 1e9) * Math.sign(Number(at[1]) || 1) : 0);
  const t = gmtime(now);
  let y = t.year, mo = t.month + 1, d = t.day, H = t.hour, M = t.min, S = t.sec, ns = t.nsec;
  let dateSet = false;
  let timeSet = false;
  let zone = 0;
  let relSecs = 0;
  let relMonths = 0;
  let relDays = 0;
  let weekday = -1;
  const take = (re: RegExp, ok: (m: RegExpExecArray) => boolean = () => true): RegExpExecArray | null => {
    const m = re.exec(s);
    if (!m || !ok(m)) return null;
    s = s.slice(m[0].length).trimStart();
    return m;
  };
  const monthIndex = (name: string): number => MONTHS.findIndex((x) => name.startsWith(x.toLowerCase()));
  while (s !== '') {
    let m: RegExpExecArray | null;
    if ((m = take(/^(\d{4})-(\d{1,2})-(\d{1,2})(?=$|[\st])t?/))) {
      [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
      dateSet = true;
      if (!timeSet) [H, M, S, ns] = [0, 0, 0, 0];
    } else if ((m = take(/^(\d{1,2})\/(\d{1,2})\/(\d{2,4})\b/))) {
      [mo, d, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
      if (m[3]!.length === 2) y += y < 69 ? 2000 : 1900;
      dateSet = true;
      if (!timeSet) [H, M, S, ns] = [0, 0, 0, 0];
    } else if ((m = take(/^(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?\s*(am|pm)?(?=$|[\s+\-z])/))) {
      H = Number(m[1]);
      M = Number(m[2]);
      S = m[3] ? Number(m[3]) : 0;
      ns = m[4] ? Math.round(Number('0.' + m[4]) * 1e9) : 0;
      if (m[5] === 'pm' && H < 12) H += 12;
      if (m[5] === 'am' && H === 12) H = 0;
      if (H > 23 || M > 59 || S > 60) return null;
      timeSet = true;
      const z = take(/^(?:z\b|utc\b|gmt\b|([+-])(\d{1,4})(?::(\d{2}))?(?!\d))/);
      if (z && z[1]) {
        const d = z[2]!;
        const [zh, zm] = z[3] !== undefined ? [Number(d), Number(z[3])] : d.length <= 2 ? [Number(d), 0] : [Number(d.slice(0, -2)), Number(d.slice(-2))];
        zone = (z[1] === '-' ? -1 : 1) * (zh * 3600 + zm * 60);
      }
    } else if ((m = take(/^(?:utc|gmt|z)\b/))) {
      // Guests run in UTC.
    } else if ((m = take(/^([a-z]{3,})\.?\s+(\d{1,2})(?:,?\s+(\d{4}))?\b/, (x) => monthIndex(x[1]!) >= 0))) {
      mo = monthIndex(m[1]!) + 1;
      d = Number(m[2]);
      if (m[3]) y = Number(m[3]);
      dateSet = true;
      if (!timeSet) [H, M, S, ns] = [0, 0, 0, 0];
    } else if ((m = take(/^(\d{1,2})\s+([a-z]{3,})\.?(?:\s+(\d{4}))?\b/, (x) => monthIndex(x[2]!) >= 0))) {
      d = Number(m[1]);
      mo = monthIndex(m[2]!) + 1;
      if (m[3]) y = Number(m[3]);
      dateSet = true;
      if (!timeSet) [H, M, S, ns] = [0, 0, 0, 0];
    } else if ((m = take(/^(now|today)\b/))) {
      // no change
    } else if ((m = take(/^yesterday\b/))) relDays -= 1;
    else if ((m = take(/^tomorrow\b/))) relDays += 1;
    else if ((m = take(/^(?:(next|last|this)|([-+]?\d+))?\s*(years?|months?|fortnights?|weeks?|days?|hours?|minutes?|mins?|seconds?|secs?)\b(\s+ago\b)?/))) {
      let n = m[1] === 'next' ? 1 : m[1] === 'last' ? -1 : m[1] === 'this' ? 0 : m[2] !== undefined ? Number(m[2]) : 1;
      if (m[4]) n = -n;
      const unit = m[3]!.replace(/s$/, '');
      if (unit === 'year') relMonths += 12 * n;
      else if (unit === 'month') relMonths += n;
      else if (unit === 'day') relDays += n;
      else if (unit === 'week') relDays += 7 * n;
      else relSecs += n * UNITS[unit]!;
    } else if ((m = take(/^(?:(next|last)\s+)?(sun|mon|tue|wed|thu|fri|sat)[a-z]*\b,?/))) {
      weekday = DAY_NAMES.indexOf(m[2]!);
      if (!timeSet) [H, M, S, ns] = [0, 0, 0, 0];
      if (m[1] === 'next') relDays += 7;
      if (m[1] === 'last') relDays -= 7;
    } else if (!dateSet && (m = take(/^(\d{4})$/))) {
      // A bare four-digit number is a time of day HHMM.
      H = Number(m[1]!.slice(0, 2));
      M = Number(m[1]!.slice(2));
      S = 0;
      ns = 0;
    } else return null;
  }
  if (mo < 1 || mo > 12 || d < 1 || d > 31) return null;
  const totalMonths = y * 12 + (mo - 1) + relMonths;
  const yy = Math.floor(totalMonths / 12);
  const mm = totalMonths - yy * 12 + 1;
  let days = civilDays(yy, mm, d) + relDays;
  if (weekday >= 0) {
    const wd = ((days % 7) + 11) % 7;
    days += (weekday - wd + 7) % 7;
  }
  return ((days * 86400 + H * 3600 + M * 60 + S - zone + relSecs) * 1e9) + ns;
}

/** `touch -t [[CC]YY]MMDDhhmm[.ss]` in UTC; null when malformed. */
export function parseTouchStamp(text: string, now: number): number | null {
  const m = /^(\d{8}|\d{10}|\d{12})(?:\.(\d{2}))?$/.exec(text);
  if (!m) return null;
  const digits = m[1]!;
  let y = gmtime(now).year;
  let rest = digits;
  if (digits.length === 12) {
    y = Number(digits.slice(0, 4));
    rest = digits.slice(4);
  } else if (digits.length === 10) {
    const yy = Number(digits.slice(0, 2));
    y = yy < 69 ? 2000 + yy : 1900 + yy;
    rest = digits.slice(2);
  }
  const [mo, d, H, M] = [0, 2, 4, 6].map((i) => Number(rest.slice(i, i + 2))) as [number, number, number, number];
  const S = m[2] ? Number(m[2]) : 0;
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || H > 23 || M > 59 || S > 60) return null;
  return (civilDays(y, mo, d) * 86400 + H * 3600 + M * 60 + S) * 1e9;
}
