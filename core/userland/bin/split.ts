// split(1) from GNU coreutils 9.1: cuts a file into pieces by lines (-l), bytes (-b) or chunks (-n N,
// -n l/N, -n K/N), named PREFIX + suffix (alphabetic or -d numeric, -a length, --additional-suffix).
import { O_CREAT, O_TRUNC, O_WRONLY, type Program } from '../../kernel/abi.ts';
import { Cmd, parseSize } from '../lib/cmd.ts';
import { strerror } from '../lib/errno.ts';
import { answerInfo } from '../lib/coreutils-info.ts';
import { getopt } from '../lib/getopt.ts';
import { writeAll } from '../lib/io.ts';
import { quote } from '../lib/program.ts';
import { readBytes } from '../lib/byte-input.ts';

export const main: Program = async (sys, argv, envp) => {
  const p = new Cmd(sys, argv, envp);
  const r = getopt(argv, 'a:b:C:dl:n:x', [{ name: 'suffix-length', arg: 'required', key: 'a' }, { name: 'bytes', arg: 'required', key: 'b' },
    { name: 'lines', arg: 'required', key: 'l' }, { name: 'number', arg: 'required', key: 'n' }, { name: 'numeric-suffixes', arg: 'optional', key: 'd' },
    { name: 'hex-suffixes', arg: 'optional', key: 'x' }, { name: 'additional-suffix', arg: 'required' }, { name: 'verbose' },
    { name: 'help' }, { name: 'version' }], { isOperand: (a) => a === '-' });
  let mode: 'lines' | 'bytes' | 'chunks' | 'linechunks' = 'lines';
  let size = 1000;
  let suffixLen = 2;
  let explicitLen = false;
  let digits: 'alpha' | 'dec' | 'hex' = 'alpha';
  let from = 0;
  let extra = '';
  let verbose = false;
  let only = 0;
  for (const o of r.opts) {
    if (await answerInfo(p, 'split', [o])) return p.finish(0);
    const v = o.value ?? '';
    if (o.key === 'a') {
      if (!/^\d+$/.test(v)) {
        await p.error(`invalid suffix length: ${quote(v)}`);
        return p.finish(1);
      }
      suffixLen = Number(v);
      explicitLen = true;
    } else if (o.key === 'l' || o.key === 'b') {
      const n = parseSize(v);
      if (n === null || n === 0) {
        await p.error(`invalid number of ${o.key === 'l' ? 'lines' : 'bytes'}: ${quote(v)}${n === 0 ? ': Numerical result out of range' : ''}`);
        return p.finish(1);
      }
      mode = o.key === 'l' ? 'lines' : 'bytes';
      size = n;
    } else if (o.key === 'n') {
      const m = /^(?:(l|r)\/)?(?:(\d+)\/)?(\d+)$/.exec(v);
      const n = m ? Number(m[3]) : NaN;
      if (!m || n === 0) {
        await p.error(`invalid number of chunks: ${quote(m ? m[3]! : v)}${m ? ': Numerical result out of range' : ''}`);
        return p.finish(1);
      }
      mode = m[1] === 'l' ? 'linechunks' : 'chunks';
      size = n;
      only = m[2] ? Number(m[2]) : 0;
    } else if (o.key === 'd' || o.key === 'x') {
      digits = o.key === 'd' ? 'dec' : 'hex';
      // --numeric-suffixes=FROM / --hex-suffixes=FROM: the first suffix; no automatic widening then.
      if (v) {
        if (!/^\d+$/.test(v)) {
          await p.error(`invalid start value for numerical suffix: ${quote(v)}`);
          return p.finish(1);
        }
        from = Number(v);
      }
    }
    else if (o.key === 'additional-suffix') extra = v;
    else if (o.key === 'verbose') verbose = true;
  }
  if (r.error) return p.finish(await p.tryHelp(r.error));
  if (r.operands.length > 2) return p.finish(await p.tryHelp(`extra operand ${quote(r.operands[2]!)}`));
  const input = r.operands[0] ?? '-';
  const prefix = r.operands[1] ?? 'x';
  const data = await readBytes(sys, input);
  if (typeof data === 'number') {
    await p.error(`cannot open ${quote(input)} for reading: ${strerror(data)}`);
    return p.finish(1);
  }
  // The pieces as [start, end) byte ranges.
  const pieces: Array<[number, number]> = [];
  if (mode === 'bytes') for (let i = 0; i < data.length; i += size) pieces.push([i, Math.min(data.length, i + size)]);
  else if (mode === 'lines') {
    let start = 0;
    let count = 0;
    for (let i = 0; i < data.length; i++) {
      if (data[i] === 10 && ++count === size) {
        pieces.push([start, i + 1]);
        start = i + 1;
        count = 0;
      }
    }
    if (start < data.length) pieces.push([start, data.length]);
  } else {
    const chunk = Math.floor(data.length / size);
    let start = 0;
    for (let k = 1; k <= size; k++) {
      let end = k === size ? data.length : k * chunk;
      if (mode === 'linechunks' && k < size) {
        end = Math.max(start, k * chunk - 1);
        while (end < data.length && data[end] !== 10) end++;
        end = Math.min(data.length, end + 1);
        if (end < start) end = start;
      }
      pieces.push([start, Math.max(start, end)]);
      start = Math.max(start, end);
    }
  }
  const alphabet = digits === 'alpha' ? 'abcdefghijklmnopqrstuvwxyz' : digits === 'dec' ? '0123456789' : '0123456789abcdef';
  const base = alphabet.length;
  const nameOf = (i: number): string | null => {
    let len = suffixLen;
    let lead = '';
    let idx = i + from;
    if (!explicitLen && from === 0 && mode !== 'chunks' && mode !== 'linechunks') {
      // GNU widens the suffix when -a is not given: ...yz, zaaaa, zaaab ...
      let span = (base - 1) * base ** (len - 1);
      while (idx >= span) {
        idx -= span;
        lead += alphabet[base - 1];
        len += 1;
        span = (base - 1) * base ** (len - 1);
        if (len > 12) return null;
      }
    }
    if (idx >= base ** len) return null;
    let s = '';
    for (let k = 0; k < len; k++) {
      s = alphabet[idx % base]! + s;
      idx = Math.floor(idx / base);
    }
    return prefix + lead + s + extra;
  };
  if (mode === 'chunks' || mode === 'linechunks') {
    if (size > base ** suffixLen) {
      await p.error('output file suffixes exhausted');
      return p.finish(1);
    }
    if (only) {
      const [a, b] = pieces[only - 1] ?? [0, 0];
      await p.out.write(data.subarray(a, b));
      return p.finish(0);
    }
  }
  for (let i = 0; i < pieces.length; i++) {
    if (i % 256 === 255) await sys.yield();
    const name = nameOf(i);
    if (name === null) {
      await p.error('output file suffixes exhausted');
      return p.finish(1);
    }
    if (verbose) await p.put(`creating file ${quote(name)}\n`);
    const fd = sys.open(name, O_WRONLY | O_CREAT | O_TRUNC, 0o666);
    if (fd < 0) {
      await p.error(`${quote(name)}: ${strerror(fd)}`);
      return p.finish(1);
    }
    const [a, b] = pieces[i]!;
    await writeAll(sys, fd, data.subarray(a, b));
    sys.close(fd);
  }
  return p.finish(0);
};
