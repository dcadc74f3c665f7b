// The dates an HTTP server writes and reads: IMF-fixdate for Date and Last-Modified (RFC 9110 5.6.7),
// the three forms a recipient must accept, and the timestamps of Apache's logs (the common log
// format's [day/Mon/year:hh:mm:ss +0000], the error log's [Www Mon dd hh:mm:ss.uuuuuu yyyy]). Guests
// keep UTC, so the zone is always +0000 / GMT.
import { DAYS, MONTHS, civilDays, gmtime } from '../time.ts';

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

/** `Sun, 06 Nov 1994 08:49:37 GMT` for a time in ns since the epoch. */
export function httpDate(ns: number): string {
  const t = gmtime(ns);
  return `${DAYS[t.wday]}, ${pad(t.day)} ${MONTHS[t.month]} ${t.year} ${pad(t.hour)}:${pad(t.min)}:${pad(t.sec)} GMT`;
}

/**
 * Seconds since the epoch of an HTTP date in any of RFC 9110's three forms (IMF-fixdate, RFC 850,
 * asctime), or null.
 */
export function parseHttpDate(text: string): number | null {
  const s = text.trim();
  let m = /^[A-Za-z]{3}, (\d{2}) ([A-Za-z]{3}) (\d{4}) (\d{2}):(\d{2}):(\d{2}) GMT$/.exec(s);
  let day: number, mon: string, year: number, hh: number, mm: number, ss: number;
  if (m) [day, mon, year, hh, mm, ss] = [Number(m[1]), m[2]!, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6])];
  else if ((m = /^[A-Za-z]+, (\d{2})-([A-Za-z]{3})-(\d{2}) (\d{2}):(\d{2}):(\d{2}) GMT$/.exec(s))) {
    const yy = Number(m[3]);
    [day, mon, year, hh, mm, ss] = [Number(m[1]), m[2]!, yy < 70 ? 2000 + yy : 1900 + yy, Number(m[4]), Number(m[5]), Number(m[6])];
  } else if ((m = /^[A-Za-z]{3} ([A-Za-z]{3}) ([ \d]\d) (\d{2}):(\d{2}):(\d{2}) (\d{4})$/.exec(s))) {
    [mon, day, hh, mm, ss, year] = [m[1]!, Number(m[2]!.trim()), Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6])];
  } else return null;
  const month = MONTHS.findIndex((x) => x.toLowerCase() === mon.toLowerCase());
  if (month < 0 || day < 1 || day > 31 || hh > 23 || mm > 59 || ss > 60) return null;
  return civilDays(year, month + 1, day) * 86400 + hh * 3600 + mm * 60 + ss;
}

/** The common log format's `%t`: `[10/Oct/2000:13:55:36 +0000]`. */
export function clfDate(ns: number): string {
  const t = gmtime(ns);
  return `[${pad(t.day)}/${MONTHS[t.month]}/${t.year}:${pad(t.hour)}:${pad(t.min)}:${pad(t.sec)} +0000]`;
}

/** The error log's time: `[Mon Nov 23 02:22:04.038504 2026]` (microseconds). */
export function errorLogDate(ns: number): string {
  const t = gmtime(ns);
  const usec = Math.floor((((ns % 1e9) + 1e9) % 1e9) / 1000);
  return `[${DAYS[t.wday]} ${MONTHS[t.month]} ${pad(t.day)} ${pad(t.hour)}:${pad(t.min)}:${pad(t.sec)}.${pad(usec, 6)} ${t.year}]`;
}
