// printf(1) from GNU coreutils: the FORMAT is reused until the arguments run out; conversions
// d i o u x X c s b q e E f F g G a A %% with flags, widths and precisions (also '*'); escapes \" \\ \a
// \b \c \e \f \n \r \t \v \NNN \xHH \uHHHH \UHHHHHHHH; "expected a numeric value" and friends.
import type { Program } from '../../kernel/abi.ts';
import { argBytes, Cmd } from '../lib/cmd.ts';
import { writeCoreutilsInfo } from '../lib/coreutils-info.ts';
import { strerror } from '../lib/errno.ts';
import { formatFloat, formatInt } from '../lib/printf-format.ts';

interface State {
  status: number;
  stop: boolean;
}

/** One backslash escape at s[i] (after the backslash); returns [text, chars consumed]. */
function escape(s: string, i: number, inB: boolean): [string, number] | 'stop' {
  const c = s[i];
  if (c === undefined) return ['\\', 0];
  const simple: Record<string, string> = { '"': '"', '\\': '\\', a: '\x07', b: '\b', e: '\x1b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v' };
  if (c === 'c') return 'stop';
  if (c in simple && !(inB && c === '"')) return [simple[c]!, 1];
  if (c === "'" && !inB) return ["'", 1];
  if (c === '?' && !inB) return ['?', 1];
  if (/[0-7]/.test(c)) {
    // %b takes \0NNN (up to 3 digits after the 0); the format takes \NNN.
    let j = i;
    if (inB && c === '0') j++;
    let v = 0;
    const start = j;
    while (j < s.length && j < start + 3 && /[0-7]/.test(s[j]!)) v = v * 8 + Number(s[j++]);
    return [String.fromCharCode(v & 0xff), j - i];
  }
  if (c === 'x') {
    const m = /^[0-9a-fA-F]{1,2}/.exec(s.slice(i + 1));
    if (!m) return ['\x00missing-hex', 1];
    return [String.fromCharCode(parseInt(m[0], 16)), 1 + m[0].length];
  }
  if (c === 'u' || c === 'U') {
    const n = c === 'u' ? 4 : 8;
    const m = new RegExp(`^[0-9a-fA-F]{${n}}`).exec(s.slice(i + 1));
    if (!m) return ['\x00missing-hex', 1];
    // In the C locale a character outside ASCII cannot be printed and is shown as \uXXXX.
    const cp = parseInt(m[0], 16);
    if (cp < 0x80) return [String.fromCharCode(cp), 1 + n];
    return [cp > 0xffff ? `\\U${m[0].toUpperCase().padStart(8, '0')}` : `\\u${cp.toString(16).toUpperCase().padStart(4, '0')}`, 1 + n];
  }
  return ['\\' + c, 1];
}

export const main: Program = async (sys, argv, envp) => {
  const p = new Cmd(sys, argv, envp);
  // coreutils printf knows --help and --version only as its sole argument, spelled out.
  if (argv.length === 2 && (argv[1] === '--help' || argv[1] === '--version')) {
    await writeCoreutilsInfo(p, 'printf', argv[1] === '--help' ? 'help' : 'version');
    return p.finish(0);
  }
  const args = argv.slice(1).map(argBytes);
  if (args[0] === '--') args.shift();
  if (args.length === 0) return p.finish(await p.tryHelp('missing operand'));
  const format = args[0]!;
  const rest = args.slice(1);
  const st: State = { status: 0, stop: false };
  let k = 0;
  const next = (): string | undefined => (k < rest.length ? rest[k++] : undefined);

  const numericError = async (arg: string, msg: string): Promise<void> => {
    await p.error(`${quoteArg(arg)}: ${msg}`);
    st.status = 1;
  };

  const toInt = async (arg: string | undefined): Promise<bigint> => {
    if (arg === undefined) return 0n;
    if (/^['"]/.test(arg)) return BigInt(arg.length > 1 ? arg.charCodeAt(1) : 0);
    const m = /^\s*([-+]?)(0[xX][0-9a-fA-F]+|0[0-7]*|[1-9]\d*)/.exec(arg);
    if (!m) {
      await numericError(arg, 'expected a numeric value');
      return 0n;
    }
    let v = BigInt(m[2]!.startsWith('0x') || m[2]!.startsWith('0X') ? m[2]! : m[2]!.length > 1 && m[2]!.startsWith('0') ? '0o' + m[2]!.slice(1) : m[2]!);
    if (m[1] === '-') v = -v;
    const max = (1n << 63n) - 1n;
    if (v > max || v < -max - 1n) {
      if (!(m[1] === '-' ? false : v <= (1n << 64n) - 1n)) {
        await p.error(`${quoteArg(arg)}: ${strerror(34)}`);
        st.status = 1;
        v = v < 0 ? -max - 1n : max;
      }
    }
    if (m[0].length !== arg.length) await numericError(arg, 'value not completely converted');
    return v;
  };

  const toFloat = async (arg: string | undefined): Promise<number> => {
    if (arg === undefined) return 0;
    if (/^['"]/.test(arg)) return arg.length > 1 ? arg.charCodeAt(1) : 0;
    const m = /^\s*([-+]?(?:inf(?:inity)?|nan|0[xX][0-9a-fA-F]*\.?[0-9a-fA-F]*(?:[pP][-+]?\d+)?|(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?))/i.exec(arg);
    if (!m) {
      await numericError(arg, 'expected a numeric value');
      return 0;
    }
    const t = m[1]!;
    let v: number;
    if (/inf/i.test(t)) v = t.startsWith('-') ? -Infinity : Infinity;
    else if (/nan/i.test(t)) v = NaN;
    else if (/0x/i.test(t)) v = (t.startsWith('-') ? -1 : 1) * parseInt(t.replace(/^[-+]?0x/i, ''), 16);
    else v = Number(t);
    if (m[0].length !== arg.length) await numericError(arg, 'value not completely converted');
    return v;
  };

  let out = '';
  const once = async (): Promise<void> => {
    for (let i = 0; i < format.length && !st.stop; i++) {
      const ch = format[i]!;
      if (ch === '\\') {
        const e = escape(format, i + 1, false);
        if (e === 'stop') {
          st.stop = true;
          return;
        }
        if (e[0] === '\x00missing-hex') {
          await p.error('missing hexadecimal number in escape');
          st.status = 1;
          st.stop = true;
          return;
        }
        out += e[0];
        i += e[1];
        continue;
      }
      if (ch !== '%') {
        out += ch;
        continue;
      }
      const m = /^([-+ #0']*)(\*|\d*)(?:\.(\*|\d*))?([hlLjzt]*)(.)?/.exec(format.slice(i + 1))!;
      const whole = m[0];
      const conv = m[5];
      let flags = m[1] ?? '';
      let width = m[2] ?? '';
      let prec: string | undefined = m[3];
      i += whole.length;
      if (conv === '%') {
        out += '%';
        continue;
      }
      if (conv === undefined) {
        await p.error(`%${whole}: invalid conversion specification`);
        st.status = 1;
        st.stop = true;
        return;
      }
      if (width === '*') {
        const w = Number(await toInt(next()));
        if (w < 0) flags += '-';
        width = String(Math.abs(w));
      }
      if (prec === '*') {
        const pv = Number(await toInt(next()));
        prec = pv < 0 ? undefined : String(pv);
      }
      const spec = flags + width + (prec !== undefined ? '.' + prec : '');
      const arg = next();
      switch (conv) {
        case 'd': case 'i': case 'o': case 'u': case 'x': case 'X':
          out += formatInt(await toInt(arg), spec, conv === 'i' ? 'd' : conv === 'u' ? 'u' : conv);
          break;
        case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case 'a': case 'A':
          out += formatFloat(await toFloat(arg), spec, conv);
          break;
        case 'c':
          out += padStr((arg ?? '').slice(0, 1), flags, width, undefined);
          break;
        case 's':
          out += padStr(arg ?? '', flags, width, prec);
          break;
        case 'b': {
          let text = '';
          const a = arg ?? '';
          for (let j = 0; j < a.length; j++) {
            if (a[j] !== '\\') {
              text += a[j];
              continue;
            }
            const e = escape(a, j + 1, true);
            if (e === 'stop') {
              st.stop = true;
              break;
            }
            text += e[0] === '\x00missing-hex' ? '\\x' : e[0];
            j += e[1];
          }
          out += padStr(text, flags, width, prec);
          break;
        }
        case 'q':
          out += padStr(shellQuote(arg ?? ''), flags, width, undefined);
          break;
        default:
          await p.error(`%${whole}: invalid conversion specification`);
          st.status = 1;
          st.stop = true;
          return;
      }
    }
  };
  const hasConversion = /%[^%]/.test(format.replace(/%%/g, ''));
  do {
    await once();
    await p.put(out);
    out = '';
  } while (!st.stop && hasConversion && k < rest.length && k > 0);
  await p.out.flush();
  if (!hasConversion && rest.length > 0) await p.error(`warning: ignoring excess arguments, starting with ${quoteArg(rest[0]!)}`);
  return p.finish(st.status);
};

function quoteArg(a: string): string {
  return a.includes("'") ? `"${a}"` : `'${a}'`;
}

function padStr(s: string, flags: string, width: string, prec: string | undefined): string {
  const t = prec !== undefined ? s.slice(0, Number(prec || 0)) : s;
  const w = Number(width || 0);
  if (t.length >= w) return t;
  return flags.includes('-') ? t.padEnd(w) : t.padStart(w);
}

function shellQuote(s: string): string {
  if (s === '') return "''";
  if (/^[A-Za-z0-9_@%+=:,./-]+$/.test(s)) return s;
  if (!s.includes("'")) return `'${s}'`;
  if (!/[$`\\"!]/.test(s)) return `"${s}"`;
  return `'${s.replace(/'/g, "'\\''")}'`;
}
