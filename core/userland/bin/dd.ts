// dd(1) from GNU coreutils 9.1: copies if= (stdin) to of= (stdout) in ibs/obs-sized blocks, with count=,
// skip=, seek= (blocks, or bytes with a B suffix or iflag/oflag *_bytes), conv= (ascii ebcdic ibm block
// unblock lcase ucase sparse swab sync excl nocreat notrunc noerror fdatasync fsync), iflag=/oflag=,
// status=none|noxfer|progress, and the records-in/out and transfer statistics on stderr (also on
// SIGUSR1, and before dying of SIGINT). Times come from the guest's monotonic clock.
// Follows GNU coreutils 9.1 src/dd.c (scanargs, dd_copy, skip, iread/iwrite, print_xfer_stats).
import {
  CLOCK_MONOTONIC, EINTR, EINVAL, ENOSPC, ENOTDIR, ESPIPE, F_GETFL, F_SETFL, O_APPEND, O_CREAT, O_DIRECTORY, O_EXCL,
  O_NOCTTY, O_NOFOLLOW, O_NONBLOCK, O_RDONLY, O_RDWR, O_TRUNC, O_WRONLY, SEEK_CUR, SEEK_END, SIGINT, SIGUSR1,
  isDir, isReg, type Program, type Sys,
} from '../../kernel/abi.ts';
import { answerInfo } from '../lib/coreutils-info.ts';
import { ASCII_TO_EBCDIC, ASCII_TO_IBM, EBCDIC_TO_ASCII } from '../lib/ebcdic.ts';
import { strerror } from '../lib/errno.ts';
import { formatFloat } from '../lib/printf-format.ts';
import { getopt } from '../lib/getopt.ts';
import { humanReadable } from '../lib/human-size.ts';
import { Proc, quote, quoteIfNeeded } from '../lib/program.ts';

// conv= symbols; a conversion that changes the data needs a separate output buffer (TWOBUFS).
const C_ASCII = 0o1, C_EBCDIC = 0o2, C_IBM = 0o4, C_BLOCK = 0o10, C_UNBLOCK = 0o20, C_LCASE = 0o40, C_UCASE = 0o100;
const C_SWAB = 0o200, C_NOERROR = 0o400, C_NOTRUNC = 0o1000, C_SYNC = 0o2000, C_TWOBUFS = 0o4000, C_NOCREAT = 0o10000;
const C_EXCL = 0o20000, C_FDATASYNC = 0o40000, C_FSYNC = 0o100000, C_SPARSE = 0o200000;

const CONVERSIONS: Record<string, number> = {
  ascii: C_ASCII | C_UNBLOCK | C_TWOBUFS, ebcdic: C_EBCDIC | C_BLOCK | C_TWOBUFS, ibm: C_IBM | C_BLOCK | C_TWOBUFS,
  block: C_BLOCK | C_TWOBUFS, unblock: C_UNBLOCK | C_TWOBUFS, lcase: C_LCASE | C_TWOBUFS, ucase: C_UCASE | C_TWOBUFS,
  sparse: C_SPARSE, swab: C_SWAB | C_TWOBUFS, noerror: C_NOERROR, nocreat: C_NOCREAT, excl: C_EXCL, notrunc: C_NOTRUNC,
  sync: C_SYNC, fsync: C_FSYNC, fdatasync: C_FDATASYNC,
};

// iflag=/oflag= symbols, with the open flag each one passes on. direct, dsync, sync, noatime and nocache
// change nothing the guest's in-memory files could show: they are accepted and passed on as nothing;
// fullblock and the *_bytes flags are dd's own.
const FLAGS: Record<string, number> = {
  append: O_APPEND, direct: 0, directory: O_DIRECTORY, dsync: 0, noatime: 0, nocache: 0, noctty: O_NOCTTY,
  nofollow: O_NOFOLLOW, nonblock: O_NONBLOCK, sync: 0, fullblock: 0, count_bytes: 0, skip_bytes: 0, seek_bytes: 0,
};
const openFlags = (flags: ReadonlySet<string>): number => [...flags].reduce((a, f) => a | FLAGS[f]!, 0);

const STATUS_NONE = 1, STATUS_NOXFER = 2, STATUS_DEFAULT = 3, STATUS_PROGRESS = 4;
const STATUSES: Record<string, number> = { none: STATUS_NONE, noxfer: STATUS_NOXFER, progress: STATUS_PROGRESS };

const INTMAX = 2n ** 63n - 1n;
const UINTMAX = 2n ** 64n - 1n;
/** Largest block size: below IDX_MAX so that one more byte (conv=swab) still fits. */
const MAX_BLOCKSIZE = INTMAX - 1n;
const DEFAULT_BLOCKSIZE = 512;
const NS = 1e9;

/** Ends dd with a status, after the statistics when `stats` (GNU's quit()) or without them (die()). */
class Exit {
  constructor(readonly status: number, readonly stats: boolean) {}
}

// ---------------------------------------------------------------------------------- numbers (N, BYTES)

const LONGINT_OK = 0, LONGINT_OVERFLOW = 1, LONGINT_INVALID_SUFFIX_CHAR = 2, LONGINT_INVALID = 4;
const SUFFIXES = 'bcEGkKMPTwYZ0';
const POWERS: Record<string, number> = { E: 6, G: 3, k: 1, K: 1, M: 2, P: 5, T: 4, Y: 8, Z: 7 };

/** gnulib's xstrtoumax(s, base 10, SUFFIXES): the value, where parsing stopped, and the error bits. */
function xstrtoumax(s: string, start: number): { value: bigint; end: number; err: number } {
  let q = start;
  while (q < s.length && ' \t\n\v\f\r'.includes(s[q]!)) q++;
  if (s[q] === '-') return { value: 0n, end: start, err: LONGINT_INVALID };
  const m = /^[ \t\n\v\f\r]*\+?(\d+)/.exec(s.slice(start));
  let value: bigint;
  let err = LONGINT_OK;
  let p: number;
  if (!m) {
    if (start < s.length && SUFFIXES.includes(s[start]!)) value = 1n;
    else return { value: 0n, end: start, err: LONGINT_INVALID };
    p = start;
  } else {
    value = BigInt(m[1]!);
    if (value > UINTMAX) {
      value = UINTMAX;
      err = LONGINT_OVERFLOW;
    }
    p = start + m[0].length;
  }
  if (p === s.length) return { value, end: p, err };
  const c = s[p]!;
  if (!SUFFIXES.includes(c) || c === '0') return { value, end: p, err: err | LONGINT_INVALID_SUFFIX_CHAR };
  let base = 1024n;
  let width = 1;
  if (POWERS[c] !== undefined) {
    if (s[p + 1] === 'i' && s[p + 2] === 'B') width += 2;
    else if (s[p + 1] === 'B' || s[p + 1] === 'D') {
      base = 1000n;
      width++;
    }
  }
  const factor = c === 'b' ? 512n : c === 'c' ? 1n : c === 'w' ? 2n : base ** BigInt(POWERS[c]!);
  value *= factor;
  if (value > UINTMAX) {
    value = UINTMAX;
    err |= LONGINT_OVERFLOW;
  }
  p += width;
  if (p < s.length) err |= LONGINT_INVALID_SUFFIX_CHAR;
  return { value, end: p, err };
}

/**
 * dd's parse_integer(): a number with a multiplier suffix, "B" after the number ("3B" is 3 bytes), and one
 * "xN" product ("2x512"). `warn` is called for a product that is zero because it is spelled "0x...".
 */
function parseInteger(s: string, warn: () => void): { value: bigint; err: number } {
  const first = xstrtoumax(s, 0);
  let { err, end } = first;
  if ((err & ~LONGINT_OVERFLOW) === LONGINT_INVALID_SUFFIX_CHAR && s[end] === 'B' && end > 0 && s[end - 1] !== 'B') {
    end++;
    if (end === s.length) err &= ~LONGINT_INVALID_SUFFIX_CHAR;
  }
  if ((err & ~LONGINT_OVERFLOW) === LONGINT_INVALID_SUFFIX_CHAR && s[end] === 'x' &&
    !(s[end - 1] === 'B' && s.slice(end + 1).includes('B'))) {
    const second = xstrtoumax(s, end + 1);
    if ((second.err & ~LONGINT_OVERFLOW) !== LONGINT_OK) return { value: 0n, err: second.err };
    const product = first.value * second.value;
    if (product > INTMAX || (product !== 0n && ((err | second.err) & LONGINT_OVERFLOW))) return { value: INTMAX, err: LONGINT_OVERFLOW };
    if (product === 0n && s.startsWith('0x')) warn();
    return { value: product, err: LONGINT_OK };
  }
  if (first.value <= INTMAX) return { value: first.value, err };
  return { value: INTMAX, err: LONGINT_OVERFLOW };
}

// ------------------------------------------------------------------------------------------- the copy

class Dd {
  inputFile = 'standard input';
  outputFile: string | null = null;
  conv = 0;
  iflags = new Set<string>();
  oflags = new Set<string>();
  status = STATUS_DEFAULT;
  ibs = 0;
  obs = 0;
  cbs = 0;
  skipRecords = 0;
  skipBytes = 0;
  seekRecords = 0;
  seekBytes = 0;
  /** seek= as given in blocks (it may lie beyond what a double holds exactly). */
  seekRecordsText = '0';
  maxRecords = Number.MAX_SAFE_INTEGER;
  maxBytes = 0;
  warnPartialRead = false;
  inputGiven = false;
  fullblock = false;

  ifd = 0;
  ofd = 1;
  inputSeekable = false;
  inputSeekErrno = 0;
  /** Bytes read so far from where the input started, -1 once unknown (overflow). */
  inputOffset = 0;
  prevRead = 0;

  rFull = 0;
  rPartial = 0;
  wFull = 0;
  wPartial = 0;
  rTruncate = 0;
  wBytes = 0;
  startTime = 0;
  nextTime = 0;
  progressLen = 0;
  finalOpWasSeek = false;

  ibuf: Uint8Array = new Uint8Array(0);
  obuf: Uint8Array = new Uint8Array(0);
  oc = 0;
  col = 0;
  pendingSpaces = 0;
  table: Uint8Array | null = null;
  newline = 10;
  space = 32;

  interrupt = 0;
  infos = 0;

  constructor(
    readonly sys: Sys,
    readonly p: Proc,
  ) {}

  get outputName(): string {
    return this.outputFile ?? 'standard output';
  }

  async fail(message: string, status = 1, stats = false): Promise<never> {
    await this.p.error(message);
    throw new Exit(status, stats);
  }

  async usage(message: string): Promise<never> {
    await this.p.tryHelp(message);
    throw new Exit(1, false);
  }

  // -------------------------------------------------------------------------------------- operands

  /** Checks a comma-separated list of symbols of `table`; the symbols in order. */
  async symbols(value: string, table: Record<string, number>, what: string): Promise<string[]> {
    const words = value.split(',');
    for (const word of words) if (!Object.hasOwn(table, word)) await this.usage(`${what}: ${quote(word)}`);
    return words;
  }

  async scan(operands: readonly string[]): Promise<void> {
    let bs = 0;
    let skip = 0;
    let seek = 0;
    let seekValue = 0n;
    let count = -1;
    let skipB = false;
    let seekB = false;
    let countB = false;
    for (const arg of operands) {
      const eq = arg.indexOf('=');
      if (eq < 0) await this.usage(`unrecognized operand ${quote(arg)}`);
      const name = arg.slice(0, eq);
      const val = arg.slice(eq + 1);
      if (name === 'if') [this.inputFile, this.inputGiven] = [val, true];
      else if (name === 'of') this.outputFile = val;
      else if (name === 'conv') for (const w of await this.symbols(val, CONVERSIONS, 'invalid conversion')) this.conv |= CONVERSIONS[w]!;
      else if (name === 'iflag') for (const w of await this.symbols(val, FLAGS, 'invalid input flag')) this.iflags.add(w);
      else if (name === 'oflag') for (const w of await this.symbols(val, FLAGS, 'invalid output flag')) this.oflags.add(w);
      else if (name === 'status') this.status = STATUSES[(await this.symbols(val, STATUSES, 'invalid status level')).pop()!]!;
      else {
        const warnings: string[] = [];
        const { value, err } = parseInteger(val, () => warnings.push("warning: '0x' is a zero multiplier; use '00x' if that is intended"));
        for (const w of warnings) await this.p.error(w);
        const isB = val.includes('B');
        let min = 0n;
        let max = INTMAX;
        const blockSize = name === 'ibs' || name === 'obs' || name === 'bs' || name === 'cbs';
        if (blockSize) {
          min = 1n;
          max = MAX_BLOCKSIZE;
        } else if (name !== 'skip' && name !== 'iseek' && name !== 'seek' && name !== 'oseek' && name !== 'count') {
          await this.usage(`unrecognized operand ${quote(arg)}`);
        }
        let e = err;
        if (value < min) e = LONGINT_INVALID;
        else if (value > max) e = LONGINT_OVERFLOW;
        if (e !== LONGINT_OK) await this.fail(`invalid number: ${quote(val)}${e === LONGINT_OVERFLOW ? `: ${strerror(75)}` : ''}`);
        const n = Number(value);
        if (name === 'ibs') this.ibs = n;
        else if (name === 'obs') this.obs = n;
        else if (name === 'bs') bs = n;
        else if (name === 'cbs') this.cbs = n;
        else if (name === 'skip' || name === 'iseek') [skip, skipB] = [n, isB];
        else if (name === 'seek' || name === 'oseek') [seek, seekB, seekValue] = [n, isB, value];
        else [count, countB] = [n, isB];
      }
    }
    if (bs) this.ibs = this.obs = bs;
    else this.conv |= C_TWOBUFS;
    if (!this.ibs) this.ibs = DEFAULT_BLOCKSIZE;
    if (!this.obs) this.obs = DEFAULT_BLOCKSIZE;
    if (!this.cbs) this.conv &= ~(C_BLOCK | C_UNBLOCK);
    if (this.oflags.has('fullblock')) await this.usage(`invalid output flag: ${quote('fullblock')}`);
    if ((this.iflags.has('skip_bytes') || skipB) && skip) {
      this.skipRecords = Math.floor(skip / this.ibs);
      this.skipBytes = skip % this.ibs;
    } else this.skipRecords = skip;
    if ((this.iflags.has('count_bytes') || countB) && count >= 0) {
      this.maxRecords = Math.floor(count / this.ibs);
      this.maxBytes = count % this.ibs;
    } else if (count >= 0) this.maxRecords = count;
    if ((this.oflags.has('seek_bytes') || seekB) && seek) {
      this.seekRecords = Math.floor(seek / this.obs);
      this.seekBytes = seek % this.obs;
    } else {
      this.seekRecords = seek;
      this.seekRecordsText = String(seekValue);
    }
    this.fullblock = this.iflags.has('fullblock');
    this.warnPartialRead = !(this.conv & C_TWOBUFS) && !this.fullblock &&
      (this.skipRecords > 0 || (this.maxRecords > 0 && this.maxRecords < Number.MAX_SAFE_INTEGER) ||
        this.iflags.has('direct') || this.oflags.has('direct'));
    const several = (mask: number): boolean => (this.conv & mask & ((this.conv & mask) - 1)) !== 0;
    if (several(C_ASCII | C_EBCDIC | C_IBM)) await this.fail('cannot combine any two of {ascii,ebcdic,ibm}');
    if (several(C_BLOCK | C_UNBLOCK)) await this.fail('cannot combine block and unblock');
    if (several(C_LCASE | C_UCASE)) await this.fail('cannot combine lcase and ucase');
    if (several(C_EXCL | C_NOCREAT)) await this.fail('cannot combine excl and nocreat');
    if (['direct', 'nocache'].every((f) => this.iflags.has(f)) || ['direct', 'nocache'].every((f) => this.oflags.has(f))) {
      await this.fail('cannot combine direct and nocache');
    }
    this.translations();
  }

  /** apply_translations(): one table for ascii, lcase/ucase and ebcdic/ibm, applied in that order. */
  translations(): void {
    if (!(this.conv & (C_ASCII | C_LCASE | C_UCASE | C_EBCDIC | C_IBM))) return;
    const t = Uint8Array.from({ length: 256 }, (_, i) => i);
    const through = (map: Uint8Array): void => t.forEach((v, i) => (t[i] = map[v]!));
    if (this.conv & C_ASCII) through(EBCDIC_TO_ASCII);
    if (this.conv & C_UCASE) t.forEach((v, i) => (t[i] = v >= 97 && v <= 122 ? v - 32 : v));
    else if (this.conv & C_LCASE) t.forEach((v, i) => (t[i] = v >= 65 && v <= 90 ? v + 32 : v));
    const out = this.conv & C_EBCDIC ? ASCII_TO_EBCDIC : this.conv & C_IBM ? ASCII_TO_IBM : null;
    if (out) {
      through(out);
      this.newline = out[10]!;
      this.space = out[32]!;
    }
    this.table = t;
  }

  // ------------------------------------------------------------------------------------------ files

  async open(): Promise<void> {
    const sys = this.sys;
    const ipass = openFlags(this.iflags);
    const opass = openFlags(this.oflags);
    if (this.inputGiven) {
      const fd = sys.open(this.inputFile, O_RDONLY | ipass);
      if (fd < 0) await this.fail(`failed to open ${quote(this.inputFile)}: ${strerror(fd)}`);
      this.ifd = fd;
    } else await this.setFdFlags(0, ipass, this.inputFile);
    if (this.outputFile === null) await this.setFdFlags(1, opass, 'standard output');
    else {
      const opts = opass | (this.conv & C_NOCREAT ? 0 : O_CREAT) | (this.conv & C_EXCL ? O_EXCL : 0) |
        (this.seekRecords || this.conv & C_NOTRUNC ? 0 : O_TRUNC);
      const size = this.seekRecords * this.obs + this.seekBytes;
      if (BigInt(this.seekRecords) * BigInt(this.obs) + BigInt(this.seekBytes) > INTMAX && !(this.conv & C_NOTRUNC)) {
        await this.fail(`offset too large: cannot truncate to a length of seek=${this.seekRecordsText} (${this.obs}-byte) blocks`);
      }
      let fd = this.seekRecords ? sys.open(this.outputFile, O_RDWR | opts, 0o666) : -1;
      if (fd < 0) fd = sys.open(this.outputFile, O_WRONLY | opts, 0o666);
      if (fd < 0) await this.fail(`failed to open ${quote(this.outputFile)}: ${strerror(fd)}`);
      this.ofd = fd;
      if (this.seekRecords && !(this.conv & C_NOTRUNC)) {
        const r = sys.ftruncate(fd, size);
        const st = sys.fstat(fd);
        if (r < 0 && typeof st !== 'number' && (isReg(st.mode) || isDir(st.mode))) {
          await this.fail(`failed to truncate to ${size} bytes in output file ${quote(this.outputFile)}: ${strerror(r)}`);
        }
      }
    }
    const offset = sys.lseek(this.ifd, 0, SEEK_CUR);
    this.inputSeekable = offset >= 0;
    this.inputOffset = Math.max(0, offset);
    this.inputSeekErrno = offset < 0 ? -offset : 0;
  }

  /** set_fd_flags(): flags for a descriptor dd did not open itself. */
  async setFdFlags(fd: number, add: number, name: string): Promise<void> {
    const extra = add & ~(O_NOCTTY | O_NOFOLLOW);
    if (!extra) return;
    const old = this.sys.fcntl(fd, F_GETFL);
    let err = old < 0 ? old : 0;
    let flags = old | extra;
    if (!err && flags !== old && flags & O_DIRECTORY) {
      const st = this.sys.fstat(fd);
      if (typeof st === 'number') err = st;
      else if (!isDir(st.mode)) err = -ENOTDIR;
      flags &= ~O_DIRECTORY;
    }
    if (!err && flags !== old) err = Math.min(0, this.sys.fcntl(fd, F_SETFL, flags));
    if (err) await this.fail(`setting flags for ${quote(name)}: ${strerror(err)}`);
  }

  // ---------------------------------------------------------------------------------- signals, stats

  installSignals(): void {
    this.sys.sigaction(SIGUSR1, { handler: () => this.infos++ });
    const old = this.sys.sigaction(SIGINT, null);
    if (typeof old === 'number' || old.handler !== 'ignore') this.sys.sigaction(SIGINT, { handler: (s) => (this.interrupt = s) });
  }

  /** process_signals(): statistics for each SIGUSR1; for SIGINT, close, report and die of it. */
  async processSignals(): Promise<void> {
    while (this.interrupt || this.infos) {
      if (this.infos) this.infos--;
      if (this.interrupt) this.closeFiles();
      await this.printStats();
      if (this.interrupt) {
        const sig = this.interrupt;
        this.sys.sigaction(sig, { handler: 'default' });
        this.sys.kill(this.sys.getpid(), sig);
        await this.sys.yield();
        throw new Exit(128 + sig, false);
      }
    }
  }

  async printStats(): Promise<void> {
    if (this.status === STATUS_NONE) return;
    let text = '';
    if (this.progressLen > 0) {
      text += '\n';
      this.progressLen = 0;
    }
    text += `${this.rFull}+${this.rPartial} records in\n${this.wFull}+${this.wPartial} records out\n`;
    if (this.rTruncate) text += `${this.rTruncate} truncated record${this.rTruncate === 1 ? '' : 's'}\n`;
    await this.p.err.write(text);
    if (this.status === STATUS_NOXFER) return;
    await this.printXferStats(0);
  }

  /** The transfer line: bytes (SI, IEC) copied, seconds, rate; `progress` is the time of a progress report. */
  async printXferStats(progress: number): Promise<void> {
    const now = progress || this.sys.clockGettime(CLOCK_MONOTONIC);
    const n = this.wBytes;
    const si = humanReadable(n, 1, 1);
    const iec = humanReadable(n, 1, 1, true);
    let seconds = 0;
    let rate = 'Infinity B/s';
    if (this.startTime < now) {
      const delta = now - this.startTime;
      seconds = delta / NS;
      rate = `${humanReadable(n, NS, delta)}/s`;
    }
    const time = progress ? `${formatFloat(seconds, '.0', 'f')} s` : `${formatFloat(seconds, '', 'g')} s`;
    const bare = (h: string): boolean => / B$/.test(h);
    const line = bare(si) ? `${n} byte${n === 1 ? '' : 's'} copied, ${time}, ${rate}`
      : bare(iec) ? `${n} bytes (${si}) copied, ${time}, ${rate}`
        : `${n} bytes (${si}, ${iec}) copied, ${time}, ${rate}`;
    if (!progress) {
      await this.p.err.write(line + '\n');
      return;
    }
    await this.p.err.write(`\r${line}${' '.repeat(Math.max(0, this.progressLen - line.length))}`);
    this.progressLen = line.length;
  }

  // ------------------------------------------------------------------------------------- reading

  async iread(fd: number, buf: Uint8Array): Promise<number> {
    let n: number;
    do {
      await this.processSignals();
      n = await this.sys.read(fd, buf);
    } while (n === -EINTR);
    if (n > 0 && n < buf.length) await this.processSignals();
    if (n > 0 && this.warnPartialRead) {
      if (this.prevRead > 0 && this.prevRead < buf.length) {
        if (this.status !== STATUS_NONE) {
          await this.p.error(`warning: partial read (${this.prevRead} byte${this.prevRead === 1 ? '' : 's'}); suggest iflag=fullblock`);
        }
        this.warnPartialRead = false;
      }
    }
    this.prevRead = n;
    return n;
  }

  async readBlock(fd: number, buf: Uint8Array): Promise<number> {
    if (!this.fullblock) return this.iread(fd, buf);
    let got = 0;
    while (got < buf.length) {
      const n = await this.iread(fd, buf.subarray(got));
      if (n < 0) return n;
      if (n === 0) break;
      got += n;
    }
    return got;
  }

  advanceInput(n: number): void {
    if (this.inputOffset >= 0) {
      this.inputOffset += n;
      if (!Number.isSafeInteger(this.inputOffset)) this.inputOffset = -1;
    }
  }

  // ------------------------------------------------------------------------------------- writing

  /** iwrite(): writes all of `data` (a sparse NUL block becomes a seek); the count written, and errno if short. */
  async iwrite(data: Uint8Array): Promise<{ n: number; errno: number }> {
    let total = 0;
    while (total < data.length) {
      await this.processSignals();
      let n = 0;
      this.finalOpWasSeek = false;
      if (this.conv & C_SPARSE && data.every((b) => b === 0)) {
        if (this.sys.lseek(this.ofd, data.length, SEEK_CUR) < 0) this.conv &= ~C_SPARSE;
        else {
          this.finalOpWasSeek = true;
          n = data.length;
        }
      }
      if (!n) n = await this.sys.write(this.ofd, total ? data.subarray(total) : data);
      if (n < 0) {
        if (n !== -EINTR) return { n: total, errno: -n };
      } else if (n === 0) return { n: total, errno: ENOSPC };
      else total += n;
    }
    return { n: total, errno: 0 };
  }

  /** write_output(): a full output block. */
  async writeOutput(): Promise<void> {
    const { n, errno } = await this.iwrite(this.obuf.subarray(0, this.obs));
    this.wBytes += n;
    if (n !== this.obs) {
      await this.p.error(`writing to ${quote(this.outputName)}: ${strerror(errno)}`);
      if (n) this.wPartial++;
      throw new Exit(1, true);
    }
    this.wFull++;
    this.oc = 0;
  }

  async outputByte(c: number): Promise<void> {
    this.obuf[this.oc++] = c;
    if (this.oc >= this.obs) await this.writeOutput();
  }

  async copySimple(buf: Uint8Array): Promise<void> {
    let start = 0;
    while (start < buf.length) {
      const take = Math.min(buf.length - start, this.obs - this.oc);
      this.obuf.set(buf.subarray(start, start + take), this.oc);
      start += take;
      this.oc += take;
      if (this.oc >= this.obs) await this.writeOutput();
    }
  }

  /** conv=block: newline-ended records padded with spaces to cbs (longer ones truncated and counted). */
  async copyWithBlock(buf: Uint8Array): Promise<void> {
    for (const c of buf) {
      if (c === this.newline) {
        for (let j = this.col; j < this.cbs; j++) await this.outputByte(this.space);
        this.col = 0;
      } else {
        if (this.col === this.cbs) this.rTruncate++;
        else if (this.col < this.cbs) await this.outputByte(c);
        this.col++;
      }
    }
  }

  /** conv=unblock: cbs-sized records with their trailing spaces replaced by one newline. */
  async copyWithUnblock(buf: Uint8Array): Promise<void> {
    for (let i = 0; i < buf.length; i++) {
      const c = buf[i]!;
      if (this.col++ >= this.cbs) {
        this.col = this.pendingSpaces = 0;
        i--;
        await this.outputByte(this.newline);
      } else if (c === this.space) this.pendingSpaces++;
      else {
        for (; this.pendingSpaces; this.pendingSpaces--) await this.outputByte(this.space);
        await this.outputByte(c);
      }
    }
  }

  async convert(buf: Uint8Array): Promise<void> {
    if (this.conv & C_BLOCK) await this.copyWithBlock(buf);
    else if (this.conv & C_UNBLOCK) await this.copyWithUnblock(buf);
    else await this.copySimple(buf);
  }

  // ---------------------------------------------------------------------------------- skip and seek

  /**
   * skip(): moves `fd` forward by records * blocksize + bytes, by lseek when it can, else by reading.
   * Returns the records it could not skip; `bytes` is left as the bytes not skipped.
   */
  async skip(fd: number, file: string, records: number, blocksize: number, bytes: { n: number }): Promise<number> {
    const sys = this.sys;
    const offset = records * blocksize + bytes.n;
    // An offset too large to ask lseek for has no errno of its own (EOVERFLOW below, as GNU reports it).
    const moved = Number.isSafeInteger(offset) ? sys.lseek(fd, offset, SEEK_CUR) : null;
    if (moved !== null && moved >= 0) {
      if (fd !== this.ifd) {
        bytes.n = 0;
        return 0;
      }
      const st = sys.fstat(fd);
      if (typeof st === 'number') return this.fail(`cannot fstat ${quote(file)}: ${strerror(st)}`);
      let skipped = offset;
      let left = 0;
      if (isReg(st.mode) && st.size > 0 && this.inputOffset >= 0 && st.size - this.inputOffset < offset) {
        left = Math.floor((offset - st.size) / blocksize);
        skipped = st.size - this.inputOffset;
      }
      this.advanceInput(skipped);
      return left;
    }
    let lseekErrno = moved === null ? 0 : -moved;
    if (sys.lseek(fd, 0, SEEK_END) >= 0) {
      if (!lseekErrno) lseekErrno = 75;
      await this.fail(`${quoteIfNeeded(file)}: ${fd === this.ifd ? 'cannot skip' : 'cannot seek'}: ${strerror(lseekErrno)}`, 1, true);
    }
    const buf = fd === this.ifd ? this.inputBuffer() : this.outputBuffer();
    let left = records;
    do {
      const n = await this.readBlock(fd, buf.subarray(0, left ? blocksize : bytes.n));
      if (n < 0) {
        if (fd === this.ifd) {
          await this.p.error(`error reading ${quote(file)}: ${strerror(n)}`);
          if (this.conv & C_NOERROR) await this.printStats();
        } else await this.p.error(`${quoteIfNeeded(file)}: cannot seek: ${strerror(lseekErrno)}`);
        throw new Exit(1, true);
      }
      if (n === 0) break;
      if (fd === this.ifd) this.advanceInput(n);
      if (left) left--;
      else bytes.n = 0;
    } while (left || bytes.n);
    return left;
  }

  inputBuffer(): Uint8Array {
    if (this.ibuf.length) return this.ibuf;
    try {
      this.ibuf = new Uint8Array(this.ibs);
    } catch {
      throw this.exhausted('input', this.ibs);
    }
    return this.ibuf;
  }

  outputBuffer(): Uint8Array {
    if (this.obuf.length) return this.obuf;
    if (!(this.conv & C_TWOBUFS)) this.obuf = this.inputBuffer();
    else {
      try {
        this.obuf = new Uint8Array(this.obs);
      } catch {
        throw this.exhausted('output', this.obs);
      }
    }
    return this.obuf;
  }

  exhausted(which: string, size: number): Error {
    return new MemoryExhausted(`memory exhausted by ${which} buffer of size ${BigInt(size)} bytes (${humanReadable(size, 1, 1, true)})`);
  }

  /** advance_input_after_read_error(): steps over a bad block of a seekable input. */
  async advanceAfterReadError(n: number): Promise<boolean> {
    let errno: number;
    if (!this.inputSeekable) {
      if (this.inputSeekErrno === ESPIPE) return true;
      errno = this.inputSeekErrno;
    } else {
      this.advanceInput(n);
      if (this.inputOffset < 0) {
        await this.p.error(`offset overflow while reading file ${quote(this.inputFile)}`);
        return false;
      }
      const offset = this.sys.lseek(this.ifd, 0, SEEK_CUR);
      if (offset >= 0) {
        if (offset === this.inputOffset) return true;
        const diff = this.inputOffset - offset;
        if (!(diff >= 0 && diff <= n) && this.status !== STATUS_NONE) await this.p.error('warning: invalid file offset after failed read');
        const r = this.sys.lseek(this.ifd, diff, SEEK_CUR);
        if (r >= 0) return true;
        errno = -r;
      } else errno = -offset;
    }
    await this.p.error(`${quoteIfNeeded(this.inputFile)}: cannot seek: ${strerror(errno)}`);
    return false;
  }

  // -------------------------------------------------------------------------------------- dd_copy

  async copy(): Promise<number> {
    let status = 0;
    let partread = 0;
    if (this.skipRecords || this.skipBytes) {
      const bytes = this.skipRecords * this.ibs + this.skipBytes;
      const offset0 = this.inputOffset;
      const rest = { n: this.skipBytes };
      const left = await this.skip(this.ifd, this.inputFile, this.skipRecords, this.ibs, rest);
      if ((left || (this.inputOffset >= 0 && (!Number.isSafeInteger(bytes) || bytes !== this.inputOffset - offset0))) &&
        this.status !== STATUS_NONE) {
        await this.p.error(`${quoteIfNeeded(this.inputFile)}: cannot skip to specified offset`);
      }
    }
    if (this.seekRecords || this.seekBytes) {
      const rest = { n: this.seekBytes };
      let records = await this.skip(this.ofd, this.outputName, this.seekRecords, this.obs, rest);
      if (records || rest.n) {
        const zeros = new Uint8Array(records ? this.obs : rest.n);
        do {
          const size = records ? this.obs : rest.n;
          const { n, errno } = await this.iwrite(zeros.subarray(0, size));
          if (n !== size) await this.fail(`writing to ${quote(this.outputName)}: ${strerror(errno)}`, 1, true);
          if (records) records--;
          else rest.n = 0;
        } while (records || rest.n);
      }
    }
    if (this.maxRecords === 0 && this.maxBytes === 0) return status;
    const ibuf = this.inputBuffer();
    const obuf = this.outputBuffer();
    const twoBufs = ibuf !== obuf;
    const fill = this.conv & (C_BLOCK | C_UNBLOCK) ? 32 : 0;
    let saved = -1;
    for (;;) {
      if (this.status === STATUS_PROGRESS) {
        const now = this.sys.clockGettime(CLOCK_MONOTONIC);
        if (this.nextTime <= now) {
          await this.printXferStats(now);
          this.nextTime += NS;
        }
      }
      const blocks = this.rPartial + this.rFull;
      if (blocks >= this.maxRecords + (this.maxBytes ? 1 : 0)) break;
      if (this.conv & C_SYNC && this.conv & C_NOERROR) ibuf.fill(fill);
      let nread = await this.readBlock(this.ifd, blocks >= this.maxRecords ? ibuf.subarray(0, this.maxBytes) : ibuf);
      if (nread > 0) this.advanceInput(nread);
      else if (nread === 0) break;
      else {
        if (!(this.conv & C_NOERROR) || this.status !== STATUS_NONE) {
          await this.p.error(`error reading ${quote(this.inputFile)}: ${strerror(nread)}`);
        }
        if (!(this.conv & C_NOERROR)) {
          status = 1;
          break;
        }
        await this.printStats();
        if (!(await this.advanceAfterReadError(this.ibs - partread))) {
          status = 1;
          this.inputSeekable = false;
          this.inputSeekErrno = ESPIPE;
        }
        if (this.conv & C_SYNC && !partread) nread = 0;
        else continue;
      }
      let n = nread;
      if (n < this.ibs) {
        this.rPartial++;
        partread = n;
        if (this.conv & C_SYNC) {
          if (!(this.conv & C_NOERROR)) ibuf.fill(fill, n);
          n = this.ibs;
        }
      } else {
        this.rFull++;
        partread = 0;
      }
      if (!twoBufs) {
        const { n: written, errno } = await this.iwrite(ibuf.subarray(0, n));
        this.wBytes += written;
        if (written !== n) {
          await this.p.error(`error writing ${quote(this.outputName)}: ${strerror(errno)}`);
          return 1;
        }
        if (n === this.ibs) this.wFull++;
        else this.wPartial++;
        continue;
      }
      let block: Uint8Array = ibuf.subarray(0, n);
      if (this.table) {
        const t = this.table;
        for (let i = 0; i < n; i++) block[i] = t[block[i]!]!;
      }
      if (this.conv & C_SWAB) [block, saved] = swab(block, saved);
      await this.convert(block);
    }
    if (saved >= 0) {
      if (this.conv & (C_BLOCK | C_UNBLOCK)) await this.convert(Uint8Array.of(saved));
      else await this.outputByte(saved);
    }
    if (this.conv & C_BLOCK && this.col > 0) for (let i = this.col; i < this.cbs; i++) await this.outputByte(this.space);
    if (this.col && this.conv & C_UNBLOCK) await this.outputByte(this.newline);
    if (this.oc) {
      const { n, errno } = await this.iwrite(this.obuf.subarray(0, this.oc));
      this.wBytes += n;
      if (n) this.wPartial++;
      if (n !== this.oc) {
        await this.p.error(`error writing ${quote(this.outputName)}: ${strerror(errno)}`);
        return 1;
      }
    }
    if (this.finalOpWasSeek) {
      const st = this.sys.fstat(this.ofd);
      if (typeof st === 'number') {
        await this.p.error(`cannot fstat ${quote(this.outputName)}: ${strerror(st)}`);
        return 1;
      }
      if (isReg(st.mode)) {
        const offset = this.sys.lseek(this.ofd, 0, SEEK_CUR);
        if (offset >= 0 && st.size < offset) {
          const r = this.sys.ftruncate(this.ofd, offset);
          if (r < 0) {
            await this.p.error(`failed to truncate to ${offset} bytes in output file ${quote(this.outputName)}: ${strerror(r)}`);
            return 1;
          }
        }
      }
    }
    return status;
  }

  /**
   * synchronize_output(): conv=fdatasync/fsync. The guest's files live in memory, so syncing a regular
   * file or a directory has nothing to do and succeeds; other files fail with EINVAL as on Linux.
   */
  async synchronize(): Promise<number> {
    const mask = this.conv;
    this.conv &= ~(C_FDATASYNC | C_FSYNC);
    if (!(mask & (C_FDATASYNC | C_FSYNC))) return 0;
    const st = this.sys.fstat(this.ofd);
    const err = typeof st === 'number' ? -st : isReg(st.mode) || isDir(st.mode) ? 0 : EINVAL;
    if (!err) return 0;
    // A failed fdatasync with EINVAL falls back to fsync, which fails the same way.
    await this.p.error(`fsync failed for ${quote(this.outputName)}: ${strerror(err)}`);
    return 1;
  }

  closeFiles(): void {
    if (this.ifd !== 0) this.sys.close(this.ifd);
    if (this.ofd !== 1) this.sys.close(this.ofd);
  }
}

class MemoryExhausted extends Error {}

/**
 * conv=swab over a stream: bytes are swapped in pairs across blocks, an odd byte waits for the next
 * block (`saved`, -1 for none) and is written as it is at the end.
 */
function swab(block: Uint8Array, saved: number): [Uint8Array, number] {
  if (block.length === 0) return [block, saved];
  const all = saved >= 0 ? new Uint8Array(block.length + 1) : block.slice();
  if (saved >= 0) {
    all[0] = saved;
    all.set(block, 1);
  }
  let len = all.length;
  let next = -1;
  if (len % 2) next = all[--len]!;
  for (let i = 0; i + 1 < len; i += 2) {
    const t = all[i]!;
    all[i] = all[i + 1]!;
    all[i + 1] = t;
  }
  return [all.subarray(0, len), next];
}

export const main: Program = async (sys, argv, envp) => {
  const p = new Proc(sys, argv, envp);
  const r = getopt(argv, '', [{ name: 'help' }, { name: 'version' }]);
  for (const o of r.opts) if (await answerInfo(p, 'dd', [o])) return p.finish(0);
  if (r.error) return p.finish(await p.tryHelp(r.error));
  const dd = new Dd(sys, p);
  try {
    dd.installSignals();
    await dd.scan(r.operands);
    if (dd.oflags.has('append') && !(dd.conv & C_NOTRUNC)) await p.error('you probably want conv=notrunc with oflag=append');
    await dd.open();
    dd.startTime = sys.clockGettime(CLOCK_MONOTONIC);
    dd.nextTime = dd.startTime + NS;
    let status: number;
    try {
      status = await dd.copy();
    } catch (e) {
      if (!(e instanceof Exit) || !e.stats) throw e;
      if (await dd.synchronize()) return p.finish(1);
      dd.closeFiles();
      await dd.printStats();
      return p.finish(e.status);
    }
    const sync = await dd.synchronize();
    if (sync) status = sync;
    dd.closeFiles();
    await dd.printStats();
    return p.finish(status);
  } catch (e) {
    if (e instanceof MemoryExhausted) {
      await p.error(e.message);
      return p.finish(1);
    }
    if (!(e instanceof Exit)) throw e;
    if (e.stats) await dd.printStats();
    return p.finish(e.status);
  }
};
