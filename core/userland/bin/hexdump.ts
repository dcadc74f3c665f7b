// hexdump(1) from util-linux 2.38: the default two-byte hex layout, -C (canonical hex+ASCII), -c
// (characters), -x, -d, -o, -b, -n LENGTH, -s OFFSET, -v, '*' for repeated lines, the final offset.
import type { Program } from '../../kernel/abi.ts';
import { Cmd, parseSize } from '../lib/cmd.ts';
import { strerror } from '../lib/errno.ts';
import { getopt } from '../lib/getopt.ts';
import { HEXDUMP_HELP, HEXDUMP_VERSION } from '../lib/help/bsdextrautils.ts';
import { readBytes } from '../lib/byte-input.ts';
import { concat } from '../lib/io.ts';

type Mode = 'default' | 'C' | 'c' | 'x' | 'd' | 'o' | 'b';
const C_ESCAPES: Record<number, string> = { 0: '\\0', 7: '\\a', 8: '\\b', 9: '\\t', 10: '\\n', 11: '\\v', 12: '\\f', 13: '\\r' };

const hex2 = (n: number): string => n.toString(16).padStart(2, '0');
const u16 = (b: Uint8Array, i: number): number => (b[i] ?? 0) | ((b[i + 1] ?? 0) << 8);

/** The text after the address of one line of up to 16 bytes, padded as the full line would be. */
function lineBody(mode: Mode, b: Uint8Array): string {
  const units = (width: number, fmt: (v: number) => string): string => {
    const parts: string[] = [];
    for (let i = 0; i < b.length; i += 2) parts.push(fmt(u16(b, i)).padStart(width, width === 4 ? '0' : ' '));
    return parts.join(' ').padEnd(8 * (width + 1) - 1);
  };
  switch (mode) {
    case 'default': return ' ' + units(4, (v) => v.toString(16).padStart(4, '0'));
    case 'x': return '    ' + [...chunks(b)].map((v) => v.toString(16).padStart(4, '0')).join('    ').padEnd(8 * 8 - 4);
    case 'd': return '   ' + [...chunks(b)].map((v) => String(v).padStart(5, '0')).join('   ').padEnd(8 * 8 - 3);
    case 'o': return '  ' + [...chunks(b)].map((v) => v.toString(8).padStart(6, '0')).join('  ').padEnd(8 * 8 - 2);
    case 'b': return ' ' + [...b].map((v) => v.toString(8).padStart(3, '0')).join(' ').padEnd(16 * 4 - 1);
    case 'c': return [...b].map((v) => ' ' + (C_ESCAPES[v] ?? (v >= 32 && v < 127 ? String.fromCharCode(v) : v.toString(8).padStart(3, '0'))).padStart(3)).join('').padEnd(64);
    case 'C': {
      let hex = '';
      b.forEach((v, i) => (hex += (i === 8 ? ' ' : '') + hex2(v) + ' '));
      const ascii = [...b].map((v) => (v >= 32 && v < 127 ? String.fromCharCode(v) : '.')).join('');
      return '  ' + hex.padEnd(49) + ' |' + ascii + '|';
    }
  }
}

function* chunks(b: Uint8Array): Generator<number> {
  for (let i = 0; i < b.length; i += 2) yield u16(b, i);
}

export const main: Program = async (sys, argv, envp) => {
  const p = new Cmd(sys, argv, envp);
  const r = getopt(argv, 'bcCdoxn:s:ve:f:L::hV', [{ name: 'canonical', key: 'C' }, { name: 'length', arg: 'required', key: 'n' },
    { name: 'skip', arg: 'required', key: 's' }, { name: 'no-squeezing', key: 'v' }, { name: 'help', key: 'h' }, { name: 'version', key: 'V' }]);
  let mode: Mode = 'default';
  let length = -1;
  let skip = 0;
  let all = false;
  for (const o of r.opts) {
    if ('bcCdox'.includes(o.key) && o.key.length === 1) mode = o.key as Mode;
    else if (o.key === 'v') all = true;
    else if (o.key === 'h' || o.key === 'V') {
      await p.out.write(o.key === 'h' ? HEXDUMP_HELP : HEXDUMP_VERSION);
      return p.finish(0);
    }
    else if (o.key === 'n' || o.key === 's') {
      const v = o.value ?? '';
      const n = /^0[xX][0-9a-fA-F]+$/.test(v) ? parseInt(v, 16) : parseSize(v);
      if (n === null) {
        await p.error(`failed to parse ${o.key === 'n' ? 'length' : 'offset'}: '${v}': Invalid argument`);
        return p.finish(1);
      }
      if (o.key === 'n') length = n;
      else skip = n;
    }
  }
  // util-linux acts on the options in order: those before a bad one first (-h and -V included).
  if (r.error) {
    await p.error(r.error);
    await p.err.write(`Try '${p.name} --help' for more information.\n`);
    return p.finish(1);
  }
  const names = r.operands.length ? r.operands : ['-'];
  const parts: Uint8Array[] = [];
  let failed = 0;
  for (const name of names) {
    const data = await readBytes(sys, name);
    if (typeof data === 'number') {
      await p.error(`${name}: ${strerror(data)}`);
      failed++;
    } else parts.push(data);
  }
  if (failed === names.length) {
    await p.error('all input file arguments failed');
    return p.finish(1);
  }
  const whole = concat(parts);
  const start = Math.min(skip, whole.length);
  const data = whole.subarray(start, length >= 0 ? start + length : undefined);
  const addrWidth = mode === 'C' ? 8 : 7;
  const addr = (n: number): string => n.toString(16).padStart(addrWidth, '0');
  let prev: Uint8Array | null = null;
  let starred = false;
  for (let off = 0; off < data.length; off += 16) {
    if (off % 4096 === 0) await sys.yield();
    const b = data.subarray(off, off + 16);
    if (!all && prev && b.length === 16 && b.every((v, i) => v === prev![i])) {
      if (!starred) await p.put('*\n');
      starred = true;
      continue;
    }
    starred = false;
    prev = b;
    await p.put(addr(start + off) + lineBody(mode, b) + '\n');
  }
  if (data.length > 0 || start > 0) await p.put(addr(start + data.length) + '\n');
  return p.finish(failed ? 1 : 0);
};
