// od(1) from GNU coreutils 9.1: octal/hex/decimal/character dumps with -A, -t (a c d o u x with sizes),
// the traditional -b -c -d -o -s -x -i -l, -N, -j, -w, -v, duplicate-line folding ('*') and GNU's field
// padding (every type of one line is spread over the same width, as od.c's pad_width does).
import type { Program } from '../../kernel/abi.ts';
import { Cmd, parseSize } from '../lib/cmd.ts';
import { strerror } from '../lib/errno.ts';
import { answerInfo } from '../lib/coreutils-info.ts';
import { getopt } from '../lib/getopt.ts';
import { quote } from '../lib/program.ts';
import { readByteInputs } from '../lib/byte-input.ts';

interface Spec {
  kind: 'a' | 'c' | 'd' | 'o' | 'u' | 'x';
  size: number;
  width: number;
  pad: number;
}

const OCT_DIGITS = [0, 3, 6, 8, 11, 14, 16, 19, 22];
const HEX_DIGITS = [0, 2, 4, 6, 8, 10, 12, 14, 16];
const UDEC_DIGITS = [0, 3, 5, 8, 10, 13, 15, 17, 20];
const SDEC_DIGITS = [1, 4, 6, 8, 11, 13, 16, 18, 20];
const NAMES = ['nul', 'soh', 'stx', 'etx', 'eot', 'enq', 'ack', 'bel', 'bs', 'ht', 'nl', 'vt', 'ff', 'cr', 'so', 'si',
  'dle', 'dc1', 'dc2', 'dc3', 'dc4', 'nak', 'syn', 'etb', 'can', 'em', 'sub', 'esc', 'fs', 'gs', 'rs', 'us', 'sp'];
const C_ESCAPES: Record<number, string> = { 0: '\\0', 7: '\\a', 8: '\\b', 9: '\\t', 10: '\\n', 11: '\\v', 12: '\\f', 13: '\\r' };

/** Parses one -t argument ("x1", "d2c", "oS"...) into specs, or returns the offending text. */
function parseTypes(arg: string, specs: Spec[]): string | null {
  let i = 0;
  while (i < arg.length) {
    const k = arg[i++]!;
    if (k === 'a' || k === 'c') {
      specs.push({ kind: k, size: 1, width: 3, pad: 0 });
      continue;
    }
    if (!'doux'.includes(k)) return arg.slice(i - 1);
    let size = 4;
    const m = /^(\d+|[CSIL])/.exec(arg.slice(i));
    if (m) {
      i += m[0].length;
      size = ({ C: 1, S: 2, I: 4, L: 8 } as Record<string, number>)[m[0]] ?? Number(m[0]);
      if (![1, 2, 4, 8].includes(size)) return `!${size}`;
    }
    const digits = k === 'o' ? OCT_DIGITS : k === 'x' ? HEX_DIGITS : k === 'u' ? UDEC_DIGITS : SDEC_DIGITS;
    specs.push({ kind: k as Spec['kind'], size, width: digits[size]!, pad: 0 });
  }
  return null;
}

/** The little-endian unsigned value of `size` bytes at `off` (as a bigint for 8-byte fields). */
function unsignedAt(b: Uint8Array, off: number, size: number): bigint {
  let v = 0n;
  for (let i = size - 1; i >= 0; i--) v = (v << 8n) | BigInt(b[off + i] ?? 0);
  return v;
}

function field(spec: Spec, b: Uint8Array, off: number): string {
  const byte = b[off] ?? 0;
  switch (spec.kind) {
    case 'a': {
      const c = byte & 0x7f;
      return c <= 32 ? NAMES[c]! : c === 127 ? 'del' : String.fromCharCode(c);
    }
    case 'c':
      if (C_ESCAPES[byte] !== undefined) return C_ESCAPES[byte]!;
      return byte >= 32 && byte < 127 ? String.fromCharCode(byte) : byte.toString(8).padStart(3, '0');
    case 'o': return unsignedAt(b, off, spec.size).toString(8).padStart(spec.width, '0');
    case 'x': return unsignedAt(b, off, spec.size).toString(16).padStart(spec.width, '0');
    case 'u': return unsignedAt(b, off, spec.size).toString();
    case 'd': {
      const u = unsignedAt(b, off, spec.size);
      const bits = BigInt(spec.size * 8);
      return (u >= 1n << (bits - 1n) ? u - (1n << bits) : u).toString();
    }
  }
}

/** One line of one type: fields spread over the line's common width as od.c's PRINT_FIELDS does. */
function formatLine(spec: Spec, b: Uint8Array, bytesPerLine: number, nBytes: number): string {
  const fields = bytesPerLine / spec.size;
  const blank = Math.floor((bytesPerLine - nBytes) / spec.size);
  let out = '';
  let padLeft = spec.pad;
  for (let i = fields, k = 0; i > blank; i--, k++) {
    const next = Math.floor((spec.pad * (i - 1)) / fields);
    out += field(spec, b, k * spec.size).padStart(padLeft - next + spec.width);
    padLeft = next;
  }
  return out;
}

export const main: Program = async (sys, argv, envp) => {
  const p = new Cmd(sys, argv, envp);
  const r = getopt(argv, 'A:j:N:t:vw::abcdfhilosxS:', [
    { name: 'address-radix', arg: 'required', key: 'A' }, { name: 'skip-bytes', arg: 'required', key: 'j' },
    { name: 'read-bytes', arg: 'required', key: 'N' }, { name: 'format', arg: 'required', key: 't' },
    { name: 'output-duplicates', key: 'v' }, { name: 'width', arg: 'optional', key: 'w' },
    { name: 'help' }, { name: 'version' },
  ], { isOperand: (a) => a === '-' });
  let radix = 'o';
  let skip = 0;
  let limit = -1;
  let width = 16;
  let all = false;
  const specs: Spec[] = [];
  const traditional: Record<string, string> = { a: 'a', b: 'o1', c: 'c', d: 'u2', i: 'dI', l: 'dL', o: 'o2', s: 'd2', x: 'x2', h: 'x2' };
  // As od.c: a bad type string is reported and parsing goes on (a later --help still answers).
  let ok = true;
  for (const o of r.opts) {
    if (await answerInfo(p, 'od', [o])) return p.finish(0);
    const v = o.value ?? '';
    if (o.key === 'A') {
      if (v.length !== 1 || !'doxn'.includes(v)) {
        await p.error(`invalid output address radix '${v}'; it must be one character from [doxn]`);
        return p.finish(1);
      }
      radix = v;
    } else if (o.key === 'j' || o.key === 'N') {
      const n = /^0[xX][0-9a-fA-F]+$/.test(v) ? parseInt(v, 16) : /^0[0-7]+$/.test(v) ? parseInt(v, 8) : parseSize(v);
      if (n === null || Number.isNaN(n)) {
        await p.error(`invalid ${o.key === 'j' ? 'skip-bytes' : 'read-bytes'} argument ${quote(v)}`);
        return p.finish(1);
      }
      if (o.key === 'j') skip = n;
      else limit = n;
    } else if (o.key === 't') {
      const bad = parseTypes(v, specs);
      if (bad !== null) {
        await p.error(bad.startsWith('!') ? `invalid type string ${quote(v)};\nthis system doesn't provide a ${bad.slice(1)}-byte integral type`
          : `invalid character '${bad[0]}' in type string ${quote(v)}`);
        ok = false;
      }
    } else if (o.key === 'v') all = true;
    else if (o.key === 'w') {
      width = o.value === undefined ? 32 : Number(v);
      if (!/^\d+$/.test(v) && o.value !== undefined) {
        await p.error(`invalid -w argument ${quote(v)}`);
        return p.finish(1);
      }
    } else if (traditional[o.key]) parseTypes(traditional[o.key]!, specs);
  }
  if (r.error) return p.finish(await p.tryHelp(r.error));
  if (!ok) return p.finish(1);
  if (specs.length === 0) parseTypes('o2', specs);
  const lcm = specs.reduce((m, s) => (m % s.size === 0 ? m : m * s.size), 1);
  if (width === 0 || width % lcm !== 0) {
    await p.error(`warning: invalid width ${width}; using ${lcm} instead`);
    width = lcm;
  }
  let lineWidth = 0;
  for (const s of specs) lineWidth = Math.max(lineWidth, (s.width + 1) * (width / s.size));
  for (const s of specs) s.pad = lineWidth - s.width * (width / s.size);

  const inputs = await readByteInputs(sys, r.operands.length ? r.operands : ['-']);
  let status = 0;
  for (const e of inputs.errors) {
    await p.error(`${e.name}: ${strerror(e.errno)}`);
    status = 1;
  }
  const names = r.operands.length ? r.operands : ['-'];
  if (inputs.errors.length === names.length) return p.finish(status);
  let data = inputs.data;
  if (skip > data.length) {
    await p.error('cannot skip past end of combined input');
    return p.finish(1);
  }
  data = data.subarray(skip, limit >= 0 ? skip + limit : undefined);
  const addrWidth = radix === 'x' ? 6 : 7;
  const address = (n: number): string =>
    radix === 'n' ? '' : n.toString(radix === 'o' ? 8 : radix === 'd' ? 10 : 16).padStart(addrWidth, '0');
  const indent = radix === 'n' ? '' : ' '.repeat(addrWidth);
  let prev: Uint8Array | null = null;
  let starred = false;
  for (let off = 0; off < data.length; off += width) {
    if (off % (width * 256) === 0) await sys.yield();
    const n = Math.min(width, data.length - off);
    const block = new Uint8Array(width);
    block.set(data.subarray(off, off + n));
    if (!all && prev && n === width && block.every((v, i) => v === prev![i])) {
      if (!starred) await p.put('*\n');
      starred = true;
      continue;
    }
    starred = false;
    prev = block;
    let text = '';
    specs.forEach((s, i) => {
      text += (i === 0 ? address(skip + off) : indent) + formatLine(s, block, width, n) + '\n';
    });
    await p.put(text);
  }
  if (radix !== 'n') await p.put(address(skip + data.length) + '\n');
  return p.finish(status);
};
