// Prompt strings (PS1, PS2, PS4) with bash's backslash escapes: \u \h \H \w \W \$ \n \t \T \@ \A \d
// \s \v \V \j \# \! \e \a \[ \] \\ and octal \nnn, then parameter expansion when promptvars is set.

import type { Shell } from './shell.ts';
import { strftime } from '../lib/time.ts';

export function expandPrompt(sh: Shell, ps: string): string {
  let out = '';
  for (let i = 0; i < ps.length; i++) {
    // Text up to the next escape is copied in one piece.
    const esc = ps.indexOf('\\', i);
    if (esc < 0 || esc + 1 >= ps.length) {
      out += i === 0 ? ps : ps.slice(i);
      break;
    }
    if (esc > i) out += ps.slice(i, esc);
    i = esc;
    const e = ps[++i]!;
    switch (e) {
      case 'u': out += sh.get('USER') ?? userName(sh); break;
      case 'h': {
        const host = sh.sys.uname().nodename;
        const dot = host.indexOf('.');
        out += dot < 0 ? host : host.slice(0, dot);
        break;
      }
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
  const formats: Record<string, string> = { t: '%H:%M:%S', T: '%I:%M:%S', '@': '%I:%M %p', A: '%H:%M', d: '%a %b %d' };
  return strftime(formats[e]!, sh.sys.clockGettime(0));
}
