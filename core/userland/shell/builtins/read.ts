// read: splits a line from stdin into variables by IFS; -r -p -a -d -n -N -s -t -u.

import { ECHO, ICANON, TCSANOW, utf8Decode } from '../../../kernel/abi.ts';
import type { Shell } from '../shell.ts';
import { newVar } from '../vars.ts';
import { builtinError, type BuiltinTable, usage } from './registry.ts';

async function read(sh: Shell, argv: string[]): Promise<number> {
  let raw = false;
  let prompt = '';
  let arrayName: string | null = null;
  let delim = '\n';
  let nchars = -1;
  let exact = false;
  let silent = false;
  let timeout = -1;
  let fd = 0;
  const names: string[] = [];
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i]!;
    if (!a.startsWith('-') || a === '-' || names.length) {
      names.push(a);
      continue;
    }
    for (let j = 1; j < a.length; j++) {
      const c = a[j]!;
      const value = () => {
        const v = a.slice(j + 1) || argv[++i];
        j = a.length;
        return v ?? '';
      };
      if (c === 'r') raw = true;
      else if (c === 's') silent = true;
      else if (c === 'e') continue;
      else if (c === 'p') prompt = value();
      else if (c === 'a') arrayName = value();
      else if (c === 'd') delim = value().slice(0, 1) || '\0';
      else if (c === 'n') nchars = Number(value());
      else if (c === 'N') { nchars = Number(value()); exact = true; }
      else if (c === 't') timeout = Number(value());
      else if (c === 'u') fd = Number(value());
      else {
        await builtinError(sh, 'read', `-${c}: invalid option`);
        await usage(sh, 'read');
        return 2;
      }
    }
  }
  if (prompt && sh.sys.isatty(fd)) await sh.write(2, prompt);
  const tty = sh.sys.isatty(fd);
  const saved = tty ? sh.sys.tcgetattr(fd) : null;
  if (saved && typeof saved !== 'number' && (silent || nchars >= 0)) {
    const t = { ...saved, cc: saved.cc.slice() };
    if (silent) t.lflag &= ~ECHO;
    if (nchars >= 0) t.lflag &= ~ICANON;
    sh.sys.tcsetattr(fd, TCSANOW, t);
  }
  if (timeout === 0) {
    // -t 0: only says whether input is available (end of file counts), reading nothing.
    const pfd = [{ fd, events: 1, revents: 0 }];
    const r = await sh.sys.poll(pfd, 0);
    return r > 0 && (pfd[0]!.revents & 0x39) !== 0 ? 0 : 1;
  }
  const bytes: number[] = [];
  const b = new Uint8Array(1);
  let eof = false;
  let count = 0;
  const deadline = timeout >= 0 ? sh.sys.clockGettime(1) + timeout * 1e9 : Infinity;
  try {
    for (;;) {
      if (nchars >= 0 && count >= nchars) break;
      if (timeout >= 0) {
        const left = deadline - sh.sys.clockGettime(1);
        const pfd = [{ fd, events: 1, revents: 0 }];
        const r = await sh.sys.poll(pfd, Math.max(0, left));
        if (r === 0) return 142;
      }
      const n = await sh.sys.read(fd, b);
      if (n < 0) {
        if (n === -4) return 128 + (sh.pendingTraps[0] ?? 2);
        await builtinError(sh, 'read', `read error: ${fd}: ${n}`);
        return 1;
      }
      if (n === 0) {
        eof = true;
        break;
      }
      const c = b[0]!;
      if (!exact && String.fromCharCode(c) === delim) break;
      if (!raw && c === 92) {
        const n2 = await sh.sys.read(fd, b);
        if (n2 <= 0) {
          eof = true;
          break;
        }
        if (b[0] === 10) continue;
        bytes.push(0x01, b[0]!); // \x01 marks an escaped character (kept literal by splitting)
        count++;
        continue;
      }
      bytes.push(c);
      count++;
    }
  } finally {
    if (saved && typeof saved !== 'number' && (silent || nchars >= 0)) sh.sys.tcsetattr(fd, TCSANOW, saved);
  }
  const line = utf8Decode(Uint8Array.from(bytes));
  const ifs = sh.isSet('IFS') ? sh.get('IFS') ?? '' : ' \t\n';
  if (exact) {
    await sh.set(names[0] ?? 'REPLY', line);
    return eof && line === '' ? 1 : eof && nchars >= 0 && count < nchars ? 1 : 0;
  }
  const targets = arrayName ? [] : names.length ? names : ['REPLY'];
  const fields = splitRead(line, ifs, arrayName ? Infinity : targets.length, names.length === 0 && !arrayName);
  if (arrayName) {
    const existing = sh.getVar(arrayName);
    if (existing?.readonly) {
      await sh.error(`${arrayName}: readonly variable`);
      return 1;
    }
    const values = new Map(fields.map((f, i) => [i, f] as [number, string]));
    if (existing && !existing.assoc) {
      // The variable keeps its attributes (exported, for one).
      existing.value = values;
      existing.indexed = true;
    } else {
      const v = newVar(values);
      v.indexed = true;
      sh.vars.put(arrayName, v);
    }
  } else {
    for (let i = 0; i < targets.length; i++) {
      if (!(await sh.set(targets[i]!, fields[i] ?? ''))) return 1;
    }
  }
  return eof ? 1 : 0;
}

/** Splits like read: IFS whitespace trimmed, the last variable gets the rest of the line. */
function splitRead(line: string, ifs: string, max: number, wholeLine: boolean): string[] {
  const unmark = (s: string) => s.replace(/\x01([^])/g, '$1');
  if (wholeLine) return [unmark(line)];
  const white = [...ifs].filter((c) => ' \t\n'.includes(c)).join('');
  const isIfs = (c: string) => ifs.includes(c);
  const out: string[] = [];
  let i = 0;
  while (i < line.length && white.includes(line[i]!)) i++;
  while (i < line.length) {
    if (out.length === max - 1) {
      let rest = line.slice(i);
      // Trailing IFS whitespace is removed from the last field.
      while (rest.length && white.includes(rest[rest.length - 1]!) && rest[rest.length - 2] !== '\x01') rest = rest.slice(0, -1);
      out.push(unmark(rest));
      return out;
    }
    let field = '';
    while (i < line.length && !(isIfs(line[i]!) && line[i - 1] !== '\x01')) field += line[i++];
    out.push(unmark(field));
    while (i < line.length && white.includes(line[i]!)) i++;
    if (i < line.length && isIfs(line[i]!) && !white.includes(line[i]!)) {
      i++;
      while (i < line.length && white.includes(line[i]!)) i++;
    }
  }
  return out;
}

export const readBuiltins: BuiltinTable = { read: { run: read } };
