// sed(1) from GNU sed 4.9: -n -e -f -E/-r -i[SUFFIX] -s -z -u -l N, the full command set but `e`;
// exit 1 for a bad script or usage, 2 when an input file could not be read, 4 on I/O errors, q/Q codes.
import { O_CREAT, O_EXCL, O_WRONLY, isReg, type Program, type Sys } from '../../kernel/abi.ts';
import { argBytes, Cmd, readInput } from '../lib/cmd.ts';
import { strerror } from '../lib/errno.ts';
import { getopt, type LongOpt } from '../lib/getopt.ts';
import { Output } from '../lib/io.ts';
import { SedMachine, SedRuntimeError } from '../lib/sed/exec.ts';
import { LineSource } from '../lib/sed/input.ts';
import { SedOut } from '../lib/sed/output.ts';
import { ScriptParser, SedError, type ScriptPiece } from '../lib/sed/parse.ts';
import type { Command } from '../lib/sed/script.ts';
import { SED_USAGE, SED_VERSION } from '../lib/sed/usage.ts';

const LONGS: LongOpt[] = [
  { name: 'quiet', key: 'n' }, { name: 'silent', key: 'n' }, { name: 'debug' }, { name: 'expression', key: 'e', arg: 'required' },
  { name: 'file', key: 'f', arg: 'required' }, { name: 'follow-symlinks' }, { name: 'in-place', key: 'i', arg: 'optional' },
  { name: 'line-length', key: 'l', arg: 'required' }, { name: 'posix' }, { name: 'regexp-extended', key: 'E' },
  { name: 'separate', key: 's' }, { name: 'sandbox' }, { name: 'unbuffered', key: 'u' }, { name: 'null-data', key: 'z' },
  { name: 'zero-terminated', key: 'z' }, { name: 'binary', key: 'b' }, { name: 'help' }, { name: 'version' },
];

const usesLast = (cmds: readonly Command[]): boolean => cmds.some((c) => c.a1?.kind === 'last' || c.a2?.kind === 'last');

export const main: Program = async (sys, argv, envp) => {
  const p = new Cmd(sys, argv, envp);
  const badUsage = async (msg?: string): Promise<number> => {
    if (msg) await p.error(msg);
    await p.err.write(SED_USAGE.replace(/E-mail bug reports.*\n$/, ''));
    return p.finish(1);
  };
  const r = getopt(argv, 'bsnrzuEe:f:l:i::', LONGS);
  if (r.error) return badUsage(r.error);
  const pieces: ScriptPiece[] = [];
  let quiet = false, extended = false, separate = false, unbuffered = false, zero = false;
  let inPlace: string | null = null;
  let lineWidth = 70;
  for (const o of r.opts) {
    switch (o.key) {
      case 'n': quiet = true; break;
      case 'E': case 'r': extended = true; break;
      case 's': separate = true; break;
      case 'u': unbuffered = true; break;
      case 'z': zero = true; break;
      case 'i': inPlace = o.value ?? ''; separate = true; break;
      case 'l': {
        if (!/^\d+$/.test(o.value ?? '')) {
          await p.error(`invalid line length: ${o.value}`);
          return p.finish(1);
        }
        lineWidth = Number(o.value);
        break;
      }
      case 'e': pieces.push({ text: argBytes(o.value ?? '') }); break;
      case 'f': {
        const inp = await readInput(sys, o.value ?? '-');
        if ('openError' in inp) {
          await p.error(`couldn't open file ${o.value}: ${strerror(inp.openError)}`);
          return p.finish(4);
        }
        const text = 'data' in inp ? inp.data : '';
        pieces.push({ text: text.endsWith('\n') ? text.slice(0, -1) : text, file: o.value ?? '-' });
        break;
      }
      case 'help': await p.out.write(SED_USAGE); return p.finish(0);
      case 'version': await p.out.write(SED_VERSION); return p.finish(0);
      default: break;
    }
  }
  const files = [...r.operands];
  if (pieces.length === 0) {
    if (files.length === 0) return badUsage();
    pieces.push({ text: argBytes(files.shift()!) });
  }
  let cmds: Command[];
  try {
    cmds = new ScriptParser(pieces, { extended }).parse();
  } catch (e) {
    if (!(e instanceof SedError)) throw e;
    // Errors found after parsing (unknown labels) are reported like run-time failures.
    const late = e.message.startsWith('!');
    await p.error(late ? e.message.slice(1) : e.message);
    return p.finish(late ? 4 : 1);
  }
  if (files.length === 0) {
    if (inPlace !== null) {
      await p.error('no input files');
      return p.finish(4);
    }
    files.push('-');
  }
  const stdout = new SedOut(p.out, 1);
  const m = new SedMachine(sys, cmds, { quiet, sep: zero ? '\0' : '\n', lineWidth, unbuffered }, stdout);
  const werr = m.openWriteFiles();
  if (werr) {
    await p.error(werr);
    return p.finish(4);
  }
  let status = 0;
  let fatal = false;
  const problem = async (msg: string, isFatal: boolean): Promise<void> => {
    await p.error(msg);
    if (isFatal) fatal = true;
    else status = 2;
  };
  const needLast = usesLast(cmds);
  try {
    if (inPlace !== null) {
      for (const f of files) {
        if (m.quit !== null || fatal) break;
        const st = sys.stat(f);
        if (typeof st === 'number') {
          await problem(`can't read ${f}: ${strerror(st)}`, false);
          continue;
        }
        if (!isReg(st.mode)) {
          await p.error(`couldn't edit ${f}: not a regular file`);
          status = 4;
          continue;
        }
        const done = await editInPlace(sys, m, f, inPlace, st.mode & 0o7777, needLast, problem);
        if (done) {
          await p.error(done);
          return p.finish(4);
        }
      }
    } else {
      for (const group of separate ? files.map((f) => [f]) : [files]) {
        if (m.quit !== null || fatal) break;
        if (separate) m.lineNo = 0;
        m.startStream();
        const src = new LineSource(sys, group, zero ? '\0' : '\n', problem);
        await m.run(src, needLast);
        src.close();
      }
    }
  } catch (e) {
    if (!(e instanceof SedRuntimeError)) throw e;
    await p.error(e.message);
    await m.closeAll();
    return p.finish(e.status);
  }
  await m.closeAll();
  if (fatal) return p.finish(4);
  return p.finish(m.quit ?? status);
};

/** Runs the script over one file into a temp file beside it, then renames it over the original. */
async function editInPlace(sys: Sys, m: SedMachine, file: string, suffix: string, mode: number, needLast: boolean,
  problem: (msg: string, fatal: boolean) => Promise<void>): Promise<string | null> {
  const slash = file.lastIndexOf('/');
  const dir = slash < 0 ? '.' : file.slice(0, slash) || '/';
  const base = file.slice(slash + 1);
  let tmp = '';
  let fd = -1;
  const rnd = new Uint8Array(6);
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  for (let tries = 0; tries < 100 && fd < 0; tries++) {
    sys.getrandom(rnd);
    tmp = `${dir}/sed${Array.from(rnd, (b) => alphabet[b % alphabet.length]).join('')}`;
    fd = sys.open(tmp, O_WRONLY | O_CREAT | O_EXCL, 0o600);
  }
  if (fd < 0) return `couldn't open temporary file ${tmp}: ${strerror(fd)}`;
  sys.fchmod(fd, mode);
  const out = new SedOut(new Output(sys, fd), fd);
  m.out = out;
  m.lineNo = 0;
  m.startStream();
  const src = new LineSource(sys, [file], '\n', problem);
  await m.run(src, needLast);
  src.close();
  await out.w.flush();
  sys.close(fd);
  m.out = m.stdout;
  if (suffix !== '') {
    const backupName = suffix.includes('*') ? suffix.replace(/\*/g, base) : base + suffix;
    const backup = backupName.includes('/') ? backupName : `${dir}/${backupName}`;
    const rr = sys.rename(file, backup);
    if (rr < 0) return `cannot rename ${file}: ${strerror(rr)}`;
  }
  const rr = sys.rename(tmp, file);
  if (rr < 0) return `cannot rename ${tmp}: ${strerror(rr)}`;
  return null;
}
