// xxd(1) as vim 9.0 ships it (xxd 2022-01-14): the hex dump with an ASCII column, -p (plain), -i (C
// include), -b (bits), -r (reverse, plain or with addresses), -l, -c, -g, -s, -u, -a, -o, -d.
import type { Program } from '../../kernel/abi.ts';
import { Cmd } from '../lib/cmd.ts';
import { strerror } from '../lib/errno.ts';
import { readBytes } from '../lib/byte-input.ts';
import { BYTE_WORK } from '../lib/io.ts';
import { XXD_VERSION } from '../lib/help/xxd.ts';

const USAGE = `Usage:
       xxd [options] [infile [outfile]]
    or
       xxd -r [-s [-]offset] [-c cols] [-ps] [infile [outfile]]
Options:
    -a          toggle autoskip: A single '*' replaces nul-lines. Default off.
    -b          binary digit dump (incompatible with -ps,-i,-r). Default hex.
    -C          capitalize variable names in C include file style (-i).
    -c cols     format <cols> octets per line. Default 16 (-i: 12, -ps: 30).
    -E          show characters in EBCDIC. Default ASCII.
    -e          little-endian dump (incompatible with -ps,-i,-r).
    -g bytes    number of octets per group in normal output. Default 2 (-e: 4).
    -h          print this summary.
    -i          output in C include file style.
    -l len      stop after <len> octets.
    -n name     set the variable name used in C include output (-i).
    -o off      add <off> to the displayed file position.
    -ps         output in postscript plain hexdump style.
    -r          reverse operation: convert (or patch) hexdump into binary.
    -r -s off   revert with <off> added to file positions found in hexdump.
    -d          show offset in decimal instead of hex.
    -s [+][-]seek  start at <seek> bytes abs. (or +: rel.) infile offset.
    -u          use upper case hex letters.
    -v          show version: "xxd 2022-01-14 by Juergen Weigert et al.".
`;

/** A number as xxd's strtol(…, 0) reads it: decimal, 0x hex or 0 octal; null when it has no digits. */
function num(s: string): number | null {
  const m = /^([+-]?)(0[xX][0-9a-fA-F]+|0[0-7]*|[1-9]\d*)/.exec(s);
  if (!m) return null;
  const body = m[2]!;
  const v = /^0[xX]/.test(body) ? parseInt(body, 16) : body.length > 1 && body[0] === '0' ? parseInt(body, 8) : Number(body);
  return m[1] === '-' ? -v : v;
}

/** The -r direction: hex text (plain, or "addr: hex  ascii" lines) back to bytes. */
function reverse(text: string, plain: boolean, cols: number): Uint8Array {
  const out: number[] = [];
  let pos = 0;
  const put = (v: number): void => {
    while (out.length < pos) out.push(0);
    out[pos++] = v;
  };
  if (plain) {
    const digits = text.replace(/[^0-9a-fA-F]/g, '');
    for (let i = 0; i + 1 < digits.length; i += 2) put(parseInt(digits.slice(i, i + 2), 16));
    return Uint8Array.from(out);
  }
  for (const line of text.split('\n')) {
    const m = /^\s*([0-9a-fA-F]+):/.exec(line);
    if (!m) continue;
    pos = parseInt(m[1]!, 16);
    let rest = line.slice(m[0].length);
    let got = 0;
    for (;;) {
      rest = rest.replace(/^ /, '');
      if (rest.startsWith(' ')) break;
      const h = /^([0-9a-fA-F]{2})/.exec(rest);
      if (!h || got >= cols) break;
      put(parseInt(h[1]!, 16));
      got++;
      rest = rest.slice(2);
    }
  }
  return Uint8Array.from(out);
}

export const main: Program = async (sys, argv, envp) => {
  const p = new Cmd(sys, argv, envp);
  const o = { autoskip: false, bits: false, upper: false, plain: false, include: false, rev: false, decimal: false, capital: false };
  let cols = 0;
  let group = -1;
  let len = -1;
  let seek = 0;
  let relSeek = false;
  let offset = 0;
  let varName: string | null = null;
  const files: string[] = [];
  const usage = async (): Promise<number> => {
    await p.err.write(USAGE);
    return p.finish(1);
  };
  for (let i = 1; i < argv.length; i++) {
    // xxd takes "--name" as "-name" (so --version is -version).
    const a = argv[i]!.startsWith('--') && argv[i]!.length > 2 ? argv[i]!.slice(1) : argv[i]!;
    if (!a.startsWith('-') || a === '-') {
      files.push(a);
      continue;
    }
    const valueOf = (flag: string): string | null => {
      if (a.length > flag.length && !/^[a-z]/.test(a.slice(flag.length))) return a.slice(flag.length);
      return argv[++i] ?? null;
    };
    if (a === '-a' || a === '-autoskip') o.autoskip = !o.autoskip;
    else if (a === '-b' || a === '-bits') o.bits = true;
    else if (a === '-u' || a === '-upper') o.upper = true;
    else if (a === '-p' || a === '-ps' || a === '-postscript' || a === '-plain') o.plain = true;
    else if (a === '-i' || a === '-include') o.include = true;
    else if (a === '-r' || a === '-revert') o.rev = true;
    else if (a === '-d') o.decimal = true;
    else if (a === '-C' || a === '-capitalize') o.capital = true;
    else if (a.startsWith('-v')) {
      await p.err.write(XXD_VERSION);
      return p.finish(0);
    } else if (/^-(c|g|l|s|o|n)/.test(a)) {
      const flag = a.slice(0, 2);
      const v = valueOf(flag);
      if (v === null) return usage();
      if (flag === '-n') {
        varName = v;
        continue;
      }
      if (flag === '-s') {
        relSeek = v.startsWith('+');
        const n = num(v.replace(/^\+/, ''));
        if (n === null) return usage();
        seek = n;
        continue;
      }
      const n = num(v);
      if (n === null) return usage();
      if (flag === '-c') cols = n;
      else if (flag === '-g') group = n;
      else if (flag === '-l') len = n;
      else offset = n;
    } else if (a === '--') {
      files.push(...argv.slice(i + 1));
      break;
    } else return usage();
  }
  if (files.length > 2) return usage();
  const input = files[0] ?? '-';
  const data0 = await readBytes(sys, input);
  if (typeof data0 === 'number') {
    await p.err.write(`xxd: ${input}: ${strerror(data0)}\n`);
    return p.finish(2);
  }
  const hexd = (v: number, w = 2): string => {
    const s = v.toString(16).padStart(w, '0');
    return o.upper ? s.toUpperCase() : s;
  };
  if (o.rev) {
    const text = String.fromCharCode(...data0.subarray(0, Math.min(data0.length, 1 << 20)));
    const bytes = reverse(text, o.plain, cols || 16);
    await p.out.write(bytes);
    return p.finish(0);
  }
  if (cols === 0) cols = o.plain ? 30 : o.include ? 12 : 16;
  if (group < 0) group = o.bits ? 1 : 2;
  const start = seek < 0 ? Math.max(0, data0.length + seek) : relSeek ? seek : seek;
  let data = data0.subarray(Math.min(start, data0.length));
  if (len >= 0) data = data.subarray(0, len);
  if (o.plain) {
    let line = '';
    for (let i = 0; i < data.length; i++) {
      line += hexd(data[i]!);
      if ((i + 1) % cols === 0) {
        await p.put(line + '\n');
        line = '';
      }
    }
    if (line) await p.put(line + '\n');
    return p.finish(0);
  }
  if (o.include) {
    let name = varName ?? (input === '-' ? null : input.replace(/[^A-Za-z0-9]/g, '_').replace(/^(\d)/, '__$1'));
    if (name && o.capital) name = name.toUpperCase();
    if (name) await p.put(`unsigned char ${name}[] = {\n`);
    const rows: string[] = [];
    for (let i = 0; i < data.length; i += cols) {
      rows.push('  ' + [...data.subarray(i, i + cols)].map((v) => '0x' + hexd(v)).join(', '));
    }
    if (rows.length) await p.put(rows.join(',\n') + '\n');
    if (name) await p.put(`};\nunsigned int ${name}_${o.capital ? 'LEN' : 'len'} = ${data.length};\n`);
    return p.finish(0);
  }
  const unit = o.bits ? 8 : 2;
  const groupOf = group === 0 ? cols : group;
  let fullWidth = 0;
  for (let i = 0; i < cols; i++) fullWidth += unit + ((i + 1) % groupOf === 0 || i === cols - 1 ? 1 : 0);
  // xxd's autoskip (-a): the first all-zero line is shown, a run of more is folded into '*' (a run of
  // exactly two shows both), and the last line of the input is always shown.
  let zeroSeen = 0;
  let saved = '';
  let last = '';
  const emit = async (text: string, nz: number): Promise<void> => {
    if (!o.autoskip) return p.put(text);
    if (!nz && zeroSeen === 1) saved = text;
    if (nz || zeroSeen++ === 0) {
      if (nz) {
        if (nz < 0) zeroSeen--;
        if (zeroSeen === 2) await p.put(saved);
        if (zeroSeen > 2) await p.put('*\n');
      }
      if (nz >= 0 || zeroSeen > 0) await p.put(text);
      if (nz) zeroSeen = 0;
    }
  };
  let lastFull = false;
  for (let off = 0; off < data.length; off += cols) {
    // Every 512 lines the work of dumping them is charged, so a long dump moves the clock on.
    if (off % (cols * 512) === 0 && off) await sys.yield(cols * 512 * BYTE_WORK);
    const b = data.subarray(off, off + cols);
    let hex = '';
    b.forEach((v, i) => {
      hex += o.bits ? v.toString(2).padStart(8, '0') : hexd(v);
      if ((i + 1) % groupOf === 0 || i === cols - 1) hex += ' ';
    });
    const ascii = [...b].map((v) => (v >= 32 && v < 127 ? String.fromCharCode(v) : '.')).join('');
    const pos = start + off + offset;
    const address = o.decimal ? String(pos).padStart(8, '0') : pos.toString(16).padStart(8, '0');
    last = `${address}: ${hex.padEnd(fullWidth)} ${ascii}\n`;
    lastFull = b.length === cols;
    await emit(last, lastFull ? b.reduce((n, v) => n + (v ? 1 : 0), 0) : 1);
  }
  if (o.autoskip && lastFull && zeroSeen > 0) await emit(last, -1);
  return p.finish(0);
};
