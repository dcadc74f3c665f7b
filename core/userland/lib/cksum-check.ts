// cksum -c (coreutils 9.1): verifies lists of "TAG (NAME) = HEX" lines (any digest, BLAKE2b-BITS
// too), or with -a a single digest's tagged and "HEX  NAME" lines, reporting "NAME: OK" / "FAILED"
// with the warnings md5sum -c gives.
import { Cmd, fromLatin1, readInput, splitLines } from './cmd.ts';
import { DIGESTS, type Algorithm } from './cksum-algorithms.ts';
import { strerror } from './errno.ts';
import { toHex } from './hash/digest.ts';
import { quoteIfNeeded } from './program.ts';

export interface CheckOptions {
  /** The -a digest, or null to take each line's tag. */
  algorithm: Algorithm | null;
  quiet: boolean;
  status: boolean;
  warn: boolean;
  strict: boolean;
  ignoreMissing: boolean;
}

const TAGS = Object.entries(DIGESTS).map(([name, d]) => ({ name: name as Algorithm, ...d! }));

/** A line's digest, expected hex and file name; null when it is not a checksum line. */
function parseLine(line: string, o: CheckOptions): { algo: Algorithm; bytes: number; hex: string; name: string } | null {
  const escaped = line.startsWith('\\');
  const body = escaped ? line.slice(1) : line;
  const unescape = (s: string): string => (escaped ? s.replace(/\\(.)/g, (_m, c: string) => (c === 'n' ? '\n' : c)) : s);
  const m = /^([A-Za-z0-9]+?)(?:-([0-9]+))? \((.*)\) = ([0-9a-fA-F]+)$/.exec(body);
  if (m) {
    const d = TAGS.find((t) => t.tag === m[1]);
    if (!d || (o.algorithm !== null && d.name !== o.algorithm)) return null;
    let bytes = d.bytes;
    if (m[2] !== undefined) {
      const bits = Number(m[2]);
      if (d.name !== 'blake2b' || bits === 0 || bits % 8 !== 0 || bits > 512) return null;
      bytes = bits / 8;
    }
    return m[4]!.length === bytes * 2 ? { algo: d.name, bytes, hex: m[4]!.toLowerCase(), name: unescape(m[3]!) } : null;
  }
  if (o.algorithm === null) return null;
  const d = DIGESTS[o.algorithm]!;
  const u = /^([0-9a-fA-F]+) [ *](.*)$/.exec(body);
  // An untagged BLAKE2b line gives its size by its length, whatever -l says.
  const fits = (n: number): boolean => (o.algorithm === 'blake2b' ? n % 2 === 0 && n <= d.bytes * 2 : n === d.bytes * 2);
  if (!u || !fits(u[1]!.length)) return null;
  return { algo: o.algorithm, bytes: u[1]!.length / 2, hex: u[1]!.toLowerCase(), name: unescape(u[2]!) };
}

/** Checks each list; the exit status. */
export async function checkLists(p: Cmd, lists: string[], o: CheckOptions): Promise<number> {
  const sys = p.sys;
  // error(3) flushes stdout before it writes.
  const fail = async (m: string): Promise<void> => {
    await p.out.flush();
    await p.error(m);
  };
  let status = 0;
  let lastTag = o.algorithm ? DIGESTS[o.algorithm]!.tag : 'CRC';
  for (const f of lists.length ? lists : ['-']) {
    const inp = await readInput(sys, f);
    if ('openError' in inp || 'readError' in inp) {
      await fail(`${f}: ${strerror('openError' in inp ? inp.openError : inp.readError)}`);
      status = 1;
      continue;
    }
    const listName = quoteIfNeeded(f === '-' ? 'standard input' : f);
    let bad = 0, failed = 0, unreadable = 0, good = 0;
    const lines = splitLines(inp.data).lines;
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i]!;
      if (line.startsWith('#')) continue;
      const e = parseLine(line, o);
      if (!e) {
        bad++;
        if (o.warn) await fail(`${listName}: ${i + 1}: improperly formatted ${lastTag} checksum line`);
        continue;
      }
      lastTag = DIGESTS[e.algo]!.tag;
      // A name with a newline is shown escaped, after a backslash.
      const shown = e.name.includes('\n') ? `\\${e.name.replace(/\\/g, '\\\\').replace(/\n/g, '\\n')}` : e.name;
      const data = await readInput(sys, e.name);
      if ('openError' in data || 'readError' in data) {
        if (o.ignoreMissing && 'openError' in data) continue;
        unreadable++;
        await fail(`${quoteIfNeeded(e.name)}: ${strerror('openError' in data ? data.openError : data.readError)}`);
        if (!o.status) await p.put(`${shown}: FAILED open or read\n`);
        continue;
      }
      const d = DIGESTS[e.algo]!.make(e.bytes);
      d.update(fromLatin1(data.data));
      const ok = toHex(d.finish()) === e.hex;
      if (ok) good++;
      else failed++;
      if (!o.status && (!ok || !o.quiet)) await p.put(`${shown}: ${ok ? 'OK' : 'FAILED'}\n`);
    }
    if (good === 0 && failed === 0 && unreadable === 0) {
      await fail(`${listName}: no properly formatted checksum lines found`);
      status = 1;
      continue;
    }
    if (!o.status) {
      if (bad) await fail(`WARNING: ${bad} line${bad > 1 ? 's are' : ' is'} improperly formatted`);
      if (unreadable) await fail(`WARNING: ${unreadable} listed file${unreadable > 1 ? 's' : ''} could not be read`);
      if (failed) await fail(`WARNING: ${failed} computed checksum${failed > 1 ? 's' : ''} did NOT match`);
    }
    if (failed || unreadable || (o.strict && bad)) status = 1;
  }
  return p.finish(status);
}
