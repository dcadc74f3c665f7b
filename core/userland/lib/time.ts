// Calendar arithmetic for programs (guests run in UTC, as Kathará's containers do): broken-down time
// from nanoseconds since the epoch, and strftime-style formatting for the common conversions.

export interface Tm {
  year: number;
  month: number; // 0-11
  day: number; // 1-31
  hour: number;
  min: number;
  sec: number;
  wday: number; // 0 = Sunday
  yday: number; // 0-365
  nsec: number;
}

export const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
export const MONTHS_LONG = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August',
  'September', 'October', 'November', 'December'];
export const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
export const DAYS_LONG = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** Days since 1970-01-01 to a civil date (proleptic Gregorian). */
function civil(days: number): { y: number; m: number; d: number } {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return { y: yoe + era * 400 + (m <= 2 ? 1 : 0), m, d };
}

const isLeap = (y: number): boolean => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

export function gmtime(ns: number): Tm {
  const secs = Math.floor(ns / 1e9);
  const days = Math.floor(secs / 86400);
  const rem = secs - days * 86400;
  const { y, m, d } = civil(days);
  const jan1 = days - (civilDays(y, 1, 1));
  return {
    year: y, month: m - 1, day: d, hour: Math.floor(rem / 3600), min: Math.floor((rem % 3600) / 60),
    sec: rem % 60, wday: ((days % 7) + 11) % 7, yday: jan1, nsec: ns - secs * 1e9,
  };
}

/** Days since the epoch of a civil date. */
export function civilDays(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

const p2 = (n: number): string => String(n).padStart(2, '0');

/** strftime for the conversions date(1) and ls use, in the C locale and UTC. */
export function strftime(format: string, ns: number): string {
  const t = gmtime(ns);
  let out = '';
  for (let i = 0; i < format.length; i++) {
    const c = format[i]!;
    if (c !== '%' || i + 1 >= format.length) {
      out += c;
      continue;
    }
    const f = format[++i]!;
    switch (f) {
      case 'Y': out += t.year; break;
      case 'C': out += p2(Math.floor(t.year / 100)); break;
      case 'y': out += p2(t.year % 100); break;
      case 'm': out += p2(t.month + 1); break;
      case 'd': out += p2(t.day); break;
      case 'e': out += String(t.day).padStart(2, ' '); break;
      case 'H': out += p2(t.hour); break;
      case 'I': out += p2(t.hour % 12 || 12); break;
      case 'M': out += p2(t.min); break;
      case 'S': out += p2(t.sec); break;
      case 'N': out += String(t.nsec).padStart(9, '0'); break;
      case 'p': out += t.hour < 12 ? 'AM' : 'PM'; break;
      case 'P': out += t.hour < 12 ? 'am' : 'pm'; break;
      case 'b': case 'h': out += MONTHS[t.month]; break;
      case 'B': out += MONTHS_LONG[t.month]; break;
      case 'a': out += DAYS[t.wday]; break;
      case 'A': out += DAYS_LONG[t.wday]; break;
      case 'u': out += t.wday || 7; break;
      case 'w': out += t.wday; break;
      case 'j': out += String(t.yday + 1).padStart(3, '0'); break;
      case 's': out += Math.floor(ns / 1e9); break;
      case 'Z': out += 'UTC'; break;
      case 'z': out += '+0000'; break;
      case 'F': out += `${t.year}-${p2(t.month + 1)}-${p2(t.day)}`; break;
      case 'T': out += `${p2(t.hour)}:${p2(t.min)}:${p2(t.sec)}`; break;
      case 'R': out += `${p2(t.hour)}:${p2(t.min)}`; break;
      case 'D': out += `${p2(t.month + 1)}/${p2(t.day)}/${p2(t.year % 100)}`; break;
      case 'c': out += `${DAYS[t.wday]} ${MONTHS[t.month]} ${String(t.day).padStart(2, ' ')} ${p2(t.hour)}:${p2(t.min)}:${p2(t.sec)} ${t.year}`; break;
      case 'n': out += '\n'; break;
      case 't': out += '\t'; break;
      case '%': out += '%'; break;
      default: out += '%' + f;
    }
  }
  return out;
}

export { isLeap };
