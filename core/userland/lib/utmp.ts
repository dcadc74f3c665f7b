// Login records in glibc's utmp format (x86-64: 384-byte records) as who(1) and users(1) read them
// from /var/run/utmp or a named file. Nothing in a guest writes that file, so by default there are
// no records, as on a Debian system without one.
import { ESRCH, type Sys } from '../../kernel/abi.ts';
import { readAll } from './io.ts';

export const UTMP_FILE = '/var/run/utmp';
export const RUN_LVL = 1, BOOT_TIME = 2, NEW_TIME = 3, INIT_PROCESS = 5, LOGIN_PROCESS = 6, USER_PROCESS = 7, DEAD_PROCESS = 8;

/** Field offsets and sizes of struct utmp (glibc, x86-64). */
const RECORD = 384, TYPE = 0, PID = 4, LINE = 8, ID = 40, USER = 44, HOST = 76, EXIT = 332, TV_SEC = 340;
export const LINE_SIZE = 32, USER_SIZE = 32, ID_SIZE = 4, HOST_SIZE = 256;

export interface UtmpRecord {
  type: number;
  pid: number;
  /** The fixed-size text fields, cut at their first NUL (latin1, one char per byte). */
  line: string;
  id: string;
  user: string;
  host: string;
  termination: number;
  exit: number;
  /** Seconds since the epoch. */
  time: number;
}

const text = (b: Uint8Array, at: number, size: number): string => {
  let s = '';
  for (let i = at; i < at + size && b[i] !== 0; i++) s += String.fromCharCode(b[i]!);
  return s;
};

/**
 * The records of `file` (a missing or unreadable file has none); with `checkPids`, without user
 * processes whose pid is gone (coreutils' READ_UTMP_CHECK_PIDS, used for the default file only).
 */
export async function readUtmp(sys: Sys, file: string | undefined): Promise<UtmpRecord[]> {
  const checkPids = file === undefined;
  file ??= UTMP_FILE;
  const fd = sys.open(file, 0);
  if (fd < 0) return [];
  const data = await readAll(sys, fd);
  sys.close(fd);
  if (typeof data === 'number') return [];
  const dv = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const out: UtmpRecord[] = [];
  for (let at = 0; at + RECORD <= data.length; at += RECORD) {
    const r: UtmpRecord = {
      type: dv.getInt16(at + TYPE, true), pid: dv.getInt32(at + PID, true), line: text(data, at + LINE, LINE_SIZE),
      id: text(data, at + ID, ID_SIZE), user: text(data, at + USER, USER_SIZE), host: text(data, at + HOST, HOST_SIZE),
      termination: dv.getInt16(at + EXIT, true), exit: dv.getInt16(at + EXIT + 2, true), time: dv.getInt32(at + TV_SEC, true),
    };
    if (checkPids && isUserProcess(r) && (r.pid <= 0 || sys.kill(r.pid, 0) === -ESRCH)) continue;
    out.push(r);
  }
  return out;
}

/** A logged-in user's record: USER_PROCESS with a name. */
export const isUserProcess = (r: UtmpRecord): boolean => r.type === USER_PROCESS && r.user !== '';
