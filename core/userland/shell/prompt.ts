// Prompt strings (PS1, PS2, PS4) with bash's backslash escapes: \u \h \H \w \W \$ \n \t \T \@ \A \d
// \s \v \V \j \# \! \e \a \[ \] \\ and octal \nnn, then parameter expansion when promptvars is set.

import type { Shell } from './shell.ts';

export function expandPrompt(sh: Shell, ps: string): string {
  let out = '';
  for (let i = 0; i < ps.length; i++) {
    const c = ps[i]!;
    if (c !== '\\' || i + 1 >= ps.length) {
      out += c;
      continue;
    }
    const e = ps[++i]!;
    switch (e) {
      case 'u': out += sh.get('USER') ?? userName(sh); break;
      case 'h': out += sh.sys.uname().nodename.split('.')[0]; break;
      case 'H': out += sh.sys.uname().nodename; break;
      case 'w': out += tildeDir(sh, sh.get('PWD') ?? sh.sys.getcwd()); break;
      case 'W': {
        const pwd = sh.get('PWD') ?? sh.sys.getcwd();
        const home = sh.get('HOME');
        out += pwd === home ? '~' : pwd === '/' ? '/' : pwd.split('/').pop();
        break;
      }
      case '$': out += sh.sys.getids().euid === 0 ? '#' : '$'; break;
      case 'n': out += '\n'; break;
      case 'r': out += '\r'; break;
      case 'a': out += '\x07'; break;
      case 'e': out += '\x1b'; break;
      case 's': out += sh.name.replace(/^-/, '').split('/').pop(); break;
      case 'v': out += '5.2'; break;
      case 'V': out += '5.2.15'; break;
      case 'j': out += String(sh.jobs.length); break;
      case '#': case '!': out += String(sh.history.length + 1); break;
      case 'l': out += 'pts/0'; break;
      case '[': case ']': break;
      case '\\': out += '\\'; break;
      case 't': case 'T': case '@': case 'A': case 'd': out += timeEscape(sh, e); break;
      default:
        if (/[0-7]/.test(e)) {
          const m = /^[0-7]{1,3}/.exec(ps.slice(i))![0];
          out += String.fromCharCode(parseInt(m, 8));
          i += m.length - 1;
        } else out += '\\' + e;
    }
  }
  return out;
}

function userName(sh: Shell): string {
  return sh.sys.getids().euid === 0 ? 'root' : String(sh.sys.getids().euid);
}

function tildeDir(sh: Shell, dir: string): string {
  const home = sh.get('HOME');
  if (home && home !== '/' && (dir === home || dir.startsWith(home + '/'))) return '~' + dir.slice(home.length);
  return dir;
}

function timeEscape(sh: Shell, e: string): string {
  const secs = Math.floor(sh.sys.clockGettime(0) / 1e9);
  const day = secs % 86400;
  const h = Math.floor(day / 3600);
  const m = Math.floor((day % 3600) / 60);
  const s = day % 60;
  const p2 = (n: number) => String(n).padStart(2, '0');
  if (e === 't') return `${p2(h)}:${p2(m)}:${p2(s)}`;
  if (e === 'T') return `${p2(h % 12 || 12)}:${p2(m)}:${p2(s)}`;
  if (e === '@') return `${p2(h % 12 || 12)}:${p2(m)} ${h < 12 ? 'AM' : 'PM'}`;
  if (e === 'A') return `${p2(h)}:${p2(m)}`;
  const days = Math.floor(secs / 86400);
  const wd = ['Thu', 'Fri', 'Sat', 'Sun', 'Mon', 'Tue', 'Wed'][days % 7];
  return `${wd} ${civilMonthDay(days)}`;
}

function civilMonthDay(days: number): string {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const names = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  return `${names[m - 1]} ${String(d).padStart(2, '0')}`;
}
