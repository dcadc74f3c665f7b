// dd's operands (if= of= ibs= obs= bs= cbs= skip= seek= count= conv= iflag= oflag= status=) read into
// the Settings of one run, with GNU's checks and messages for what cannot be combined.
// Follows GNU coreutils 9.1 src/dd.c (scanargs, parse_symbols).
import { O_APPEND, O_DIRECTORY, O_NOCTTY, O_NOFOLLOW, O_NONBLOCK } from '../../../kernel/abi.ts';
import { strerror } from '../errno.ts';
import { type Proc, quote } from '../program.ts';
import { fail, usage } from './exit.ts';
import { INTMAX, LONGINT_INVALID, LONGINT_OK, LONGINT_OVERFLOW, MAX_BLOCKSIZE, parseInteger } from './numbers.ts';

// conv= symbols; a conversion that changes the data needs a separate output buffer (TWOBUFS).
export const C_ASCII = 0o1, C_EBCDIC = 0o2, C_IBM = 0o4, C_BLOCK = 0o10, C_UNBLOCK = 0o20, C_LCASE = 0o40;
export const C_UCASE = 0o100, C_SWAB = 0o200, C_NOERROR = 0o400, C_NOTRUNC = 0o1000, C_SYNC = 0o2000;
export const C_TWOBUFS = 0o4000, C_NOCREAT = 0o10000, C_EXCL = 0o20000, C_FDATASYNC = 0o40000, C_FSYNC = 0o100000;
export const C_SPARSE = 0o200000;

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

/** The open flags that iflag= or oflag= symbols pass on. */
export const openFlags = (flags: ReadonlySet<string>): number => [...flags].reduce((a, f) => a | FLAGS[f]!, 0);

export const STATUS_NONE = 1, STATUS_NOXFER = 2, STATUS_DEFAULT = 3, STATUS_PROGRESS = 4;
const STATUSES: Record<string, number> = { none: STATUS_NONE, noxfer: STATUS_NOXFER, progress: STATUS_PROGRESS };

const DEFAULT_BLOCKSIZE = 512;

/** What the operands ask of one run. `conv` loses C_SPARSE and the sync bits as the copy goes on. */
export interface Settings {
  inputFile: string;
  /** Whether if= was given (else the input is the standard input). */
  inputGiven: boolean;
  outputFile: string | null;
  conv: number;
  iflags: Set<string>;
  oflags: Set<string>;
  status: number;
  ibs: number;
  obs: number;
  cbs: number;
  skipRecords: number;
  skipBytes: number;
  seekRecords: number;
  seekBytes: number;
  /** seek= as given in blocks (it may lie beyond what a double holds exactly). */
  seekRecordsText: string;
  maxRecords: number;
  maxBytes: number;
  /** Whether a short read is worth the "suggest iflag=fullblock" warning. */
  warnPartialRead: boolean;
  fullblock: boolean;
}

/** Checks a comma-separated list of symbols of `table`; the symbols in order. */
async function symbols(p: Proc, value: string, table: Record<string, number>, what: string): Promise<string[]> {
  const words = value.split(',');
  for (const word of words) if (!Object.hasOwn(table, word)) await usage(p, `${what}: ${quote(word)}`);
  return words;
}

/** scanargs(): the Settings for `operands`, or an Exit after the message for a bad one. */
export async function parseOperands(p: Proc, operands: readonly string[]): Promise<Settings> {
  const s: Settings = {
    inputFile: 'standard input', inputGiven: false, outputFile: null, conv: 0, iflags: new Set(), oflags: new Set(),
    status: STATUS_DEFAULT, ibs: 0, obs: 0, cbs: 0, skipRecords: 0, skipBytes: 0, seekRecords: 0, seekBytes: 0,
    seekRecordsText: '0', maxRecords: Number.MAX_SAFE_INTEGER, maxBytes: 0, warnPartialRead: false, fullblock: false,
  };
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
    if (eq < 0) await usage(p, `unrecognized operand ${quote(arg)}`);
    const name = arg.slice(0, eq);
    const val = arg.slice(eq + 1);
    if (name === 'if') [s.inputFile, s.inputGiven] = [val, true];
    else if (name === 'of') s.outputFile = val;
    else if (name === 'conv') for (const w of await symbols(p, val, CONVERSIONS, 'invalid conversion')) s.conv |= CONVERSIONS[w]!;
    else if (name === 'iflag') for (const w of await symbols(p, val, FLAGS, 'invalid input flag')) s.iflags.add(w);
    else if (name === 'oflag') for (const w of await symbols(p, val, FLAGS, 'invalid output flag')) s.oflags.add(w);
    else if (name === 'status') s.status = STATUSES[(await symbols(p, val, STATUSES, 'invalid status level')).pop()!]!;
    else {
      const warnings: string[] = [];
      const { value, err } = parseInteger(val, () => warnings.push("warning: '0x' is a zero multiplier; use '00x' if that is intended"));
      for (const w of warnings) await p.error(w);
      const isB = val.includes('B');
      let min = 0n;
      let max = INTMAX;
      const blockSize = name === 'ibs' || name === 'obs' || name === 'bs' || name === 'cbs';
      if (blockSize) {
        min = 1n;
        max = MAX_BLOCKSIZE;
      } else if (name !== 'skip' && name !== 'iseek' && name !== 'seek' && name !== 'oseek' && name !== 'count') {
        await usage(p, `unrecognized operand ${quote(arg)}`);
      }
      let e = err;
      if (value < min) e = LONGINT_INVALID;
      else if (value > max) e = LONGINT_OVERFLOW;
      if (e !== LONGINT_OK) await fail(p, `invalid number: ${quote(val)}${e === LONGINT_OVERFLOW ? `: ${strerror(75)}` : ''}`);
      const n = Number(value);
      if (name === 'ibs') s.ibs = n;
      else if (name === 'obs') s.obs = n;
      else if (name === 'bs') bs = n;
      else if (name === 'cbs') s.cbs = n;
      else if (name === 'skip' || name === 'iseek') [skip, skipB] = [n, isB];
      else if (name === 'seek' || name === 'oseek') [seek, seekB, seekValue] = [n, isB, value];
      else [count, countB] = [n, isB];
    }
  }
  if (bs) s.ibs = s.obs = bs;
  else s.conv |= C_TWOBUFS;
  if (!s.ibs) s.ibs = DEFAULT_BLOCKSIZE;
  if (!s.obs) s.obs = DEFAULT_BLOCKSIZE;
  if (!s.cbs) s.conv &= ~(C_BLOCK | C_UNBLOCK);
  if (s.oflags.has('fullblock')) await usage(p, `invalid output flag: ${quote('fullblock')}`);
  if ((s.iflags.has('skip_bytes') || skipB) && skip) {
    s.skipRecords = Math.floor(skip / s.ibs);
    s.skipBytes = skip % s.ibs;
  } else s.skipRecords = skip;
  if ((s.iflags.has('count_bytes') || countB) && count >= 0) {
    s.maxRecords = Math.floor(count / s.ibs);
    s.maxBytes = count % s.ibs;
  } else if (count >= 0) s.maxRecords = count;
  if ((s.oflags.has('seek_bytes') || seekB) && seek) {
    s.seekRecords = Math.floor(seek / s.obs);
    s.seekBytes = seek % s.obs;
  } else {
    s.seekRecords = seek;
    s.seekRecordsText = String(seekValue);
  }
  s.fullblock = s.iflags.has('fullblock');
  s.warnPartialRead = !(s.conv & C_TWOBUFS) && !s.fullblock &&
    (s.skipRecords > 0 || (s.maxRecords > 0 && s.maxRecords < Number.MAX_SAFE_INTEGER) ||
      s.iflags.has('direct') || s.oflags.has('direct'));
  const several = (mask: number): boolean => (s.conv & mask & ((s.conv & mask) - 1)) !== 0;
  if (several(C_ASCII | C_EBCDIC | C_IBM)) await fail(p, 'cannot combine any two of {ascii,ebcdic,ibm}');
  if (several(C_BLOCK | C_UNBLOCK)) await fail(p, 'cannot combine block and unblock');
  if (several(C_LCASE | C_UCASE)) await fail(p, 'cannot combine lcase and ucase');
  if (several(C_EXCL | C_NOCREAT)) await fail(p, 'cannot combine excl and nocreat');
  if (['direct', 'nocache'].every((f) => s.iflags.has(f)) || ['direct', 'nocache'].every((f) => s.oflags.has(f))) {
    await fail(p, 'cannot combine direct and nocache');
  }
  return s;
}
