// GNU strftime as date(1) uses it, in UTC and the C locale: every common conversion plus GNU's flags
// ('-' no padding, '_' spaces, '0' zeros, '^' upper case, '#' swapped case), field widths, %N widths
// and the %:z %::z %:::z zone forms.
import { DAYS, DAYS_LONG, gmtime, MONTHS, MONTHS_LONG, type Tm } from './time.ts';

/** ISO 8601 week-based year and week number of a date. */
function isoWeek(t: Tm): { year: number; week: number } {
  const wdayMon = (t.wday + 6) % 7;
  let year = t.year;
  let week = Math.floor((t.yday - wdayMon + 10) / 7);
  if (week < 1) {
    year--;
    const prevDays = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 366 : 365;
    week = Math.floor((t.yday + prevDays - wdayMon + 10) / 7);
  } else {
    const days = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 366 : 365;
    if (week === 53 && t.yday - wdayMon + 3 >= days) {
      year++;
      week = 1;
    }
  }
  return { year, week };
}

/** Formats `ns` (nanoseconds since the epoch) with a date(1) FORMAT. */
export function formatDate(format: string, ns: number): string {
  const t = gmtime(ns);
  let out = '';
  for (let i = 0; i < format.length; i++) {
    const ch = format[i]!;
    if (ch !== '%') {
      out += ch;
      continue;
    }
    const m = /^([-_0^#]*)(\d*)(:{0,3})([a-zA-Z%+])?/.exec(format.slice(i + 1))!;
    const [whole, flags = '', widthText = '', colons = '', conv] = m;
    if (conv === undefined) {
      out += '%' + whole;
      i += whole.length;
      continue;
    }
    i += whole.length;
    out += convert(t, ns, conv, flags, widthText === '' ? -1 : Number(widthText), colons.length);
  }
  return out;
}

function convert(t: Tm, ns: number, c: string, flags: string, width: number, colons: number): string {
  // [value, default pad char, default width] for numeric conversions.
  let num: [number, string, number] | null = null;
  let text: string | null = null;
  const p2 = (n: number): string => String(n).padStart(2, '0');
  switch (c) {
    case 'Y': num = [t.year, '0', 1]; break;
    case 'C': num = [Math.floor(t.year / 100), '0', 2]; break;
    case 'y': num = [t.year % 100, '0', 2]; break;
    case 'G': num = [isoWeek(t).year, '0', 1]; break;
    case 'g': num = [isoWeek(t).year % 100, '0', 2]; break;
    case 'm': num = [t.month + 1, '0', 2]; break;
    case 'd': num = [t.day, '0', 2]; break;
    case 'e': num = [t.day, ' ', 2]; break;
    case 'H': num = [t.hour, '0', 2]; break;
    case 'k': num = [t.hour, ' ', 2]; break;
    case 'I': num = [t.hour % 12 || 12, '0', 2]; break;
    case 'l': num = [t.hour % 12 || 12, ' ', 2]; break;
    case 'M': num = [t.min, '0', 2]; break;
    case 'S': num = [t.sec, '0', 2]; break;
    case 'j': num = [t.yday + 1, '0', 3]; break;
    case 'u': num = [t.wday || 7, '0', 1]; break;
    case 'w': num = [t.wday, '0', 1]; break;
    case 'U': num = [Math.floor((t.yday + 7 - t.wday) / 7), '0', 2]; break;
    case 'W': num = [Math.floor((t.yday + 7 - ((t.wday + 6) % 7)) / 7), '0', 2]; break;
    case 'V': num = [isoWeek(t).week, '0', 2]; break;
    case 'q': num = [Math.floor(t.month / 3) + 1, '0', 1]; break;
    case 's': num = [Math.floor(ns / 1e9), '0', 1]; break;
    case 'N': {
      const digits = String(t.nsec).padStart(9, '0');
      const w = width < 0 ? 9 : width;
      return w <= 9 ? digits.slice(0, w) : digits.padEnd(w, '0');
    }
    case 'a': text = DAYS[t.wday]!; break;
    case 'A': text = DAYS_LONG[t.wday]!; break;
    case 'b': case 'h': text = MONTHS[t.month]!; break;
    case 'B': text = MONTHS_LONG[t.month]!; break;
    case 'p': text = t.hour < 12 ? 'AM' : 'PM'; break;
    case 'P': text = t.hour < 12 ? 'am' : 'pm'; break;
    case 'Z': text = 'UTC'; break;
    case 'z': text = ['+0000', '+00:00', '+00:00:00', '+00'][colons]!; break;
    case 'F': text = `${t.year}-${p2(t.month + 1)}-${p2(t.day)}`; break;
    case 'T': case 'X': text = `${p2(t.hour)}:${p2(t.min)}:${p2(t.sec)}`; break;
    case 'R': text = `${p2(t.hour)}:${p2(t.min)}`; break;
    case 'r': text = `${p2(t.hour % 12 || 12)}:${p2(t.min)}:${p2(t.sec)} ${t.hour < 12 ? 'AM' : 'PM'}`; break;
    case 'D': case 'x': text = `${p2(t.month + 1)}/${p2(t.day)}/${p2(t.year % 100)}`; break;
    case 'c': text = `${DAYS[t.wday]} ${MONTHS[t.month]} ${String(t.day).padStart(2, ' ')} ${p2(t.hour)}:${p2(t.min)}:${p2(t.sec)} ${t.year}`; break;
    case '+': text = `${DAYS[t.wday]} ${MONTHS[t.month]} ${String(t.day).padStart(2, ' ')} ${p2(t.hour)}:${p2(t.min)}:${p2(t.sec)} UTC ${t.year}`; break;
    case 'n': text = '\n'; break;
    case 't': text = '\t'; break;
    case '%': text = '%'; break;
    default: return '%' + flags + (width >= 0 ? String(width) : '') + ':'.repeat(colons) + c;
  }
  if (num) {
    const [v, defPad, defWidth] = num;
    const neg = v < 0;
    let digits = String(Math.abs(v));
    let padChar = flags.includes('-') ? '' : flags.includes('_') ? ' ' : flags.includes('0') ? '0' : defPad;
    const w = width >= 0 ? width : padChar === '' ? 0 : defWidth;
    if (padChar === '') padChar = ' ';
    const total = digits.length + (neg ? 1 : 0);
    if (total < w && !flags.includes('-')) {
      if (padChar === '0') digits = (neg ? '-' : '') + digits.padStart(w - (neg ? 1 : 0), '0');
      else digits = ((neg ? '-' : '') + digits).padStart(w, ' ');
    } else digits = (neg ? '-' : '') + digits;
    return digits;
  }
  let s = text!;
  if (flags.includes('^')) s = s.toUpperCase();
  else if (flags.includes('#')) s = /[a-z]/.test(s) ? s.toUpperCase() : s.toLowerCase();
  if (width > s.length) s = s.padStart(width, flags.includes('0') ? '0' : ' ');
  return s;
}
