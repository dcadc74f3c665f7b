// mapfile / readarray: reads lines from a file descriptor into an indexed array (-t -n -s -d -u -O).

import { utf8Decode } from '../../../kernel/abi.ts';
import type { Shell } from '../shell.ts';
import { newVar } from '../vars.ts';
import { builtinError, invalidOption, type BuiltinTable } from './registry.ts';


async function mapfile(sh: Shell, argv: string[]): Promise<number> {
  const name = argv[0]!;
  let trim = false;
  let count = 0;
  let skip = 0;
  let origin: number | null = null;
  let delim = '\n';
  let fd = 0;
  let i = 1;
  for (; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') {
      i++;
      break;
    }
    if (!a.startsWith('-') || a === '-') break;
    for (let j = 1; j < a.length; j++) {
      const c = a[j]!;
      if (c === 't') {
        trim = true;
        continue;
      }
      if (!'nsdOuCc'.includes(c)) return invalidOption(sh, name, `-${c}`);
      const value = a.slice(j + 1) || argv[++i] || '';
      j = a.length;
      if (c === 'd') delim = value === '' ? '\0' : value[0]!;
      else if (c === 'n') count = Number(value);
      else if (c === 's') skip = Number(value);
      else if (c === 'O') origin = Number(value);
      else if (c === 'u') fd = Number(value);
    }
  }
  const target = argv[i] ?? 'MAPFILE';
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(target)) {
    await builtinError(sh, name, `\`${target}': not a valid identifier`);
    return 1;
  }
  let v = sh.getVar(target);
  if (v?.readonly) {
    await sh.error(`${target}: readonly variable`);
    return 1;
  }
  if (!v) {
    v = newVar(undefined);
    sh.vars.put(target, v);
  }
  const map = origin !== null && v.value instanceof Map ? (v.value as Map<number, string>) : new Map<number, string>();
  v.value = map;
  v.indexed = true;
  v.assoc = false;
  let index = origin ?? 0;
  let stored = 0;
  let seen = 0;
  // One byte at a time so that nothing past the last line read is consumed (like read).
  const buf = new Uint8Array(1);
  let line: number[] = [];
  const delimByte = delim.charCodeAt(0);
  const take = (): void => {
    const text = utf8Decode(Uint8Array.from(line));
    line = [];
    if (seen++ < skip) return;
    map.set(index++, trim ? text : text + delim);
    stored++;
  };
  for (;;) {
    if (count > 0 && stored >= count) break;
    const n = await sh.sys.read(fd, buf);
    if (n < 0) {
      await builtinError(sh, name, `${fd}: invalid file descriptor: Bad file descriptor`);
      return 1;
    }
    if (n === 0) {
      if (line.length) {
        const text = utf8Decode(Uint8Array.from(line));
        line = [];
        if (seen++ >= skip) map.set(index++, text);
      }
      break;
    }
    if (buf[0] === delimByte) take();
    else line.push(buf[0]!);
  }
  return 0;
}

export const mapfileBuiltins: BuiltinTable = { mapfile: { run: mapfile }, readarray: { run: mapfile } };
