// tar(1) as GNU tar 1.34 behaves: -c -t -x with -f FILE (default stdin/stdout), -v / -vv listings,
// -C DIR, -z (gzip), --exclude, -p, old-style bundled options (tar czf a.tgz dir). Archives are in the
// gnu format GNU tar writes by default, so the host's tar reads them.
import { O_CREAT, O_TRUNC, O_WRONLY, S_IFMT, isDir, isLnk, isReg, type Program, type Sys } from '../../kernel/abi.ts';
import { strerror } from '../lib/errno.ts';
import { getopt } from '../lib/getopt.ts';
import { gzipDecode, gzipEncode } from '../lib/gzip-format.ts';
import { TAR_HELP, TAR_USAGE, TAR_VERSION } from '../lib/help/tar.ts';
import { concat, readAll, writeAll } from '../lib/io.ts';
import { Proc } from '../lib/program.ts';
import { RECORD, encodeHeader, padBlock, parseArchive, type TarEntry } from '../lib/tar-format.ts';
import { gmtime } from '../lib/time.ts';
import { groupName, userName } from '../lib/users.ts';

const ARG_LETTERS = 'fCTXbgKLNV';

/** Turns "czf a.tgz dir" (old-style bundled letters) into "-c -z -f a.tgz dir". */
function expandOldStyle(argv: readonly string[]): string[] {
  const a = argv[1];
  if (a === undefined || a.startsWith('-')) return [...argv];
  const out = [argv[0]!];
  let next = 2;
  for (const c of a) {
    if (ARG_LETTERS.includes(c)) out.push(`-${c}`, argv[next++] ?? '');
    else out.push(`-${c}`);
  }
  return [...out, ...argv.slice(next)];
}

function permString(mode: number, type: string): string {
  const t = type === '5' ? 'd' : type === '2' ? 'l' : type === '3' ? 'c' : type === '4' ? 'b' : type === '6' ? 'p' : type === '1' ? 'h' : '-';
  const bits = 'rwxrwxrwx';
  let s = '';
  for (let i = 0; i < 9; i++) s += mode & (1 << (8 - i)) ? bits[i] : '-';
  const ch = s.split('');
  if (mode & 0o4000) ch[2] = ch[2] === 'x' ? 's' : 'S';
  if (mode & 0o2000) ch[5] = ch[5] === 'x' ? 's' : 'S';
  if (mode & 0o1000) ch[8] = ch[8] === 'x' ? 't' : 'T';
  return t + ch.join('');
}

function globToRegex(g: string): RegExp {
  let r = '';
  for (const c of g) r += c === '*' ? '.*' : c === '?' ? '.' : /[.+^${}()|[\]\\]/.test(c) ? '\\' + c : c;
  return new RegExp(`(^|/)${r}(/|$)`);
}

export const main: Program = async (sys, argv, envp) => {
  const p = new Proc(sys, argv, envp, 'tar');
  const args = expandOldStyle(argv);
  const r = getopt(args, 'ctxrf:vC:zjJpPkOhT:X:?', [{ name: 'create', key: 'c' }, { name: 'list', key: 't' }, { name: 'extract', key: 'x' },
    { name: 'get', key: 'x' }, { name: 'file', arg: 'required', key: 'f' }, { name: 'verbose', key: 'v' },
    { name: 'directory', arg: 'required', key: 'C' }, { name: 'gzip', key: 'z' }, { name: 'gunzip', key: 'z' }, { name: 'bzip2', key: 'j' },
    { name: 'xz', key: 'J' }, { name: 'preserve-permissions', key: 'p' }, { name: 'absolute-names', key: 'P' },
    { name: 'keep-old-files', key: 'k' }, { name: 'to-stdout', key: 'O' }, { name: 'dereference', key: 'h' },
    { name: 'exclude', arg: 'required' }, { name: 'numeric-owner' }, { name: 'no-same-owner' }, { name: 'same-owner' },
    { name: 'strip-components', arg: 'required' }, { name: 'help', key: '?' }, { name: 'usage' }, { name: 'version' }, { name: 'owner', arg: 'required' },
    { name: 'group', arg: 'required' }, { name: 'mode', arg: 'required' }, { name: 'mtime', arg: 'required' }]);
  const tryHelp = async (msg: string, status = 2): Promise<number> => {
    await p.error(msg);
    await p.err.write("Try 'tar --help' or 'tar --usage' for more information.\n");
    return p.finish(status);
  };
  // argp answers --help (-?), --usage and --version as it meets them; a bad option is EX_USAGE (64).
  for (const o of r.opts) {
    const text = o.key === '?' ? TAR_HELP : o.key === 'usage' ? TAR_USAGE : o.key === 'version' ? TAR_VERSION : null;
    if (text !== null) {
      await p.out.write(text);
      return p.finish(0);
    }
  }
  if (r.error) return tryHelp(r.error, 64);
  const modes = r.opts.filter((o) => 'ctxr'.includes(o.key)).map((o) => o.key);
  if (new Set(modes).size === 0) return tryHelp("You must specify one of the '-Acdtrux', '--delete' or '--test-label' options");
  if (new Set(modes).size > 1) return tryHelp("You may not specify more than one '-Acdtrux', '--delete' or  '--test-label' option");
  const mode = modes[0]!;
  if (mode === 'r') return tryHelp('-r is not supported here');
  let file = '-';
  let verbose = 0;
  let gz = false;
  let dir: string | null = null;
  const excludes: RegExp[] = [];
  let strip = 0;
  let numeric = false;
  let toStdout = false;
  let keepOld = false;
  let absolute = false;
  for (const o of r.opts) {
    if (o.key === 'f') file = o.value!;
    else if (o.key === 'v') verbose++;
    else if (o.key === 'z') gz = true;
    else if (o.key === 'C') dir = o.value!;
    else if (o.key === 'exclude') excludes.push(globToRegex(o.value!));
    else if (o.key === 'strip-components') strip = Number(o.value);
    else if (o.key === 'numeric-owner') numeric = true;
    else if (o.key === 'O') toStdout = true;
    else if (o.key === 'k') keepOld = true;
    else if (o.key === 'P') absolute = true;
    else if (o.key === 'j' || o.key === 'J') {
      const tool = o.key === 'j' ? 'bzip2' : 'xz';
      await p.err.write(`/bin/sh: 1: ${tool}: not found\n`);
      await p.error('Child returned status 127');
      await p.error('Error is not recoverable: exiting now');
      return p.finish(2);
    }
  }
  let status = 0;
  const fail = async (msg: string): Promise<void> => {
    await p.error(msg);
    status = 2;
  };
  const listOut = file === '-' && mode === 'c' ? p.err : p.out;

  const describe = (e: TarEntry): string => {
    const owner = numeric ? `${e.uid}/${e.gid}` : `${e.uname || e.uid}/${e.gname || e.gid}`;
    const size = e.type === '3' || e.type === '4' ? '0,0' : String(e.type === '0' ? e.size : 0);
    const pad = owner.length + 1 + size.length;
    const width = Math.max(19, pad);
    const t = gmtime(e.mtime * 1e9);
    const two = (n: number): string => String(n).padStart(2, '0');
    const when = `${t.year}-${two(t.month + 1)}-${two(t.day)} ${two(t.hour)}:${two(t.min)}`;
    const tail = e.type === '2' ? ` -> ${e.linkname}` : e.type === '1' ? ` link to ${e.linkname}` : '';
    return `${permString(e.mode, e.type)} ${owner} ${size.padStart(width - pad + size.length)} ${when} ${e.name}${tail}\n`;
  };

  if (mode === 'c') {
    if (r.operands.length === 0) return tryHelp('Cowardly refusing to create an empty archive');
    if (file === '-' && sys.isatty(1)) {
      await p.error('Refusing to write archive contents to terminal (missing -f option?)');
      await p.error('Error is not recoverable: exiting now');
      return p.finish(2);
    }
    const blocks: Uint8Array[] = [];
    let warnedSlash = false;
    let cwdDir = dir;
    const add = async (path: string, shown: string): Promise<void> => {
      if (excludes.some((x) => x.test(shown))) return;
      const full = path.startsWith('/') || cwdDir === null ? path : `${cwdDir}/${path}`;
      const st = sys.lstat(full);
      if (typeof st === 'number') {
        await fail(`${shown}: Cannot stat: ${strerror(st)}`);
        return;
      }
      let name = shown;
      if (!absolute && name.startsWith('/')) {
        if (!warnedSlash) await p.error("Removing leading `/' from member names");
        warnedSlash = true;
        name = name.replace(/^\/+/, '');
        if (name === '') name = './';
      }
      const type = isDir(st.mode) ? '5' : isLnk(st.mode) ? '2' : isReg(st.mode) ? '0' : (st.mode & S_IFMT) === 0o010000 ? '6' : '3';
      let data: Uint8Array = new Uint8Array(0);
      if (type === '0') {
        const fd = sys.open(full, 0);
        const d = fd < 0 ? fd : await readAll(sys, fd);
        if (fd >= 0) sys.close(fd);
        if (typeof d === 'number') {
          await fail(`${shown}: Cannot open: ${strerror(d)}`);
          return;
        }
        data = d;
      }
      const link = type === '2' ? sys.readlink(full) : '';
      const e: TarEntry = { name: type === '5' && !name.endsWith('/') ? name + '/' : name, mode: st.mode & 0o7777, uid: st.uid, gid: st.gid,
        size: data.length, mtime: Math.floor(st.mtime / 1e9), type, linkname: typeof link === 'string' ? link : '',
        uname: userName(sys, st.uid), gname: groupName(sys, st.gid) };
      if (/^\d+$/.test(e.uname)) e.uname = '';
      if (/^\d+$/.test(e.gname)) e.gname = '';
      blocks.push(...encodeHeader(e));
      if (data.length) blocks.push(padBlock(data));
      if (verbose >= 2) await listOut.write(describe(e));
      else if (verbose) await listOut.write(`${e.name}\n`);
      await sys.yield();
      if (type === '5') {
        const fd = sys.open(full, 0);
        const entries = fd < 0 ? fd : sys.getdents(fd);
        if (fd >= 0) sys.close(fd);
        if (typeof entries === 'number') return;
        const names = entries.map((x) => x.name).filter((n) => n !== '.' && n !== '..').sort();
        for (const n of names) await add(`${path.replace(/\/$/, '')}/${n}`, `${shown.replace(/\/$/, '')}/${n}`);
      }
    };
    for (let i = 0; i < r.operands.length; i++) {
      await add(r.operands[i]!, r.operands[i]!);
      cwdDir = dir;
    }
    blocks.push(new Uint8Array(1024));
    let archive = concat(blocks);
    const padded = new Uint8Array(Math.ceil(archive.length / RECORD) * RECORD);
    padded.set(archive);
    archive = padded;
    if (gz) archive = gzipEncode(archive, { mtime: 0, level: 6 });
    const fd = file === '-' ? 1 : sys.open(file, O_WRONLY | O_CREAT | O_TRUNC, 0o666);
    if (fd < 0) {
      await p.error(`${file}: Cannot open: ${strerror(fd)}`);
      await p.error('Error is not recoverable: exiting now');
      return p.finish(2);
    }
    await writeAll(sys, fd, archive);
    if (fd !== 1) sys.close(fd);
  } else {
    const fd = file === '-' ? 0 : sys.open(file, 0);
    if (fd < 0) {
      await p.error(`${file}: Cannot open: ${strerror(fd)}`);
      await p.error('Error is not recoverable: exiting now');
      return p.finish(2);
    }
    let raw = await readAll(sys, fd);
    if (fd !== 0) sys.close(fd);
    if (typeof raw === 'number') return p.finish(2);
    if (raw.length >= 2 && raw[0] === 0x1f && raw[1] === 0x8b) {
      const d = gzipDecode(raw);
      if ('error' in d) {
        await p.err.write('\ngzip: stdin: invalid compressed data--format violated\n');
        await p.error('Child returned status 1');
        await p.error('Error is not recoverable: exiting now');
        return p.finish(2);
      }
      raw = d.data;
    } else if (gz) {
      await p.err.write('\ngzip: stdin: not in gzip format\n');
      await p.error('Child returned status 1');
      await p.error('Error is not recoverable: exiting now');
      return p.finish(2);
    }
    const parsed = parseArchive(raw);
    if (parsed.error === 'format' && parsed.entries.length === 0) {
      await p.error('This does not look like a tar archive');
      await p.error('Exiting with failure status due to previous errors');
      return p.finish(2);
    }
    const wanted = r.operands.map((x) => x.replace(/\/+$/, ''));
    const seen = new Set<string>();
    const isRoot = sys.getids().euid === 0;
    for (const { entry: e, data } of parsed.entries) {
      const bare = e.name.replace(/\/+$/, '');
      const hit = wanted.find((w) => bare === w || bare.startsWith(w + '/'));
      if (wanted.length && hit === undefined) continue;
      if (hit !== undefined) seen.add(hit);
      if (excludes.some((x) => x.test(bare))) continue;
      if (mode === 't') {
        await p.out.write(verbose ? describe(e) : `${e.name}\n`);
        continue;
      }
      let name = e.name.replace(/^\/+/, '');
      if (strip) {
        const parts = name.split('/');
        if (parts.filter((x) => x !== '').length <= strip) continue;
        name = parts.slice(strip).join('/');
      }
      if (verbose >= 2) await p.out.write(describe(e));
      else if (verbose) await p.out.write(`${e.name}\n`);
      if (toStdout) {
        if (e.type === '0') await p.out.write(data);
        continue;
      }
      const target = dir === null ? name : `${dir}/${name}`;
      await extractOne(sys, target, e, data, isRoot, keepOld, dir, fail);
      await sys.yield();
    }
    for (const w of wanted) if (!seen.has(w)) await fail(`${w}: Not found in archive`);
    if (parsed.error) await fail(parsed.error === 'eof' ? 'Unexpected EOF in archive' : 'Skipping to next header');
  }
  if (status) await p.error('Exiting with failure status due to previous errors');
  return p.finish(status);
};

async function extractOne(sys: Sys, target: string, e: TarEntry, data: Uint8Array, isRoot: boolean, keepOld: boolean,
  dir: string | null, fail: (m: string) => Promise<void>): Promise<void> {
  const path = target.replace(/\/+$/, '');
  const parent = path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '';
  if (parent) {
    let cur = '';
    for (const part of parent.split('/')) {
      cur = cur === '' && !path.startsWith('/') ? part : `${cur}/${part}`;
      if (part !== '' && sys.stat(cur) === -2) sys.mkdir(cur, 0o755);
    }
  }
  const mode = isRoot ? e.mode : e.mode & ~0o022;
  if (e.type === '5') {
    const m = sys.mkdir(path, 0o700);
    if (m < 0 && m !== -17) return fail(`${e.name.replace(/\/$/, '')}: Cannot mkdir: ${strerror(m)}`);
  } else {
    const existing = sys.lstat(path);
    if (typeof existing !== 'number') {
      if (keepOld) return fail(`${e.name}: Cannot open: File exists`);
      if (!isDir(existing.mode)) sys.unlink(path);
    }
    if (e.type === '2') {
      const s = sys.symlink(e.linkname, path);
      if (s < 0) return fail(`${e.name}: Cannot create symlink to '${e.linkname}': ${strerror(s)}`);
      if (isRoot) sys.lchown(path, e.uid, e.gid);
      sys.utimens(path, e.mtime * 1e9, e.mtime * 1e9, false);
      return;
    }
    if (e.type === '1') {
      const l = sys.link(dir === null ? e.linkname : `${dir}/${e.linkname}`, path);
      if (l < 0) return fail(`${e.name}: Cannot hard link to '${e.linkname}': ${strerror(l)}`);
      return;
    }
    const fd = sys.open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600);
    if (fd < 0) return fail(`${e.name}: Cannot open: ${strerror(fd)}`);
    await writeAll(sys, fd, data);
    sys.close(fd);
  }
  if (isRoot) sys.chown(path, resolveUid(sys, e), resolveGid(sys, e));
  sys.chmod(path, mode);
  sys.utimens(path, e.mtime * 1e9, e.mtime * 1e9);
}

/** Owner by name when the name exists here (as GNU tar does as root), else the number. */
function resolveUid(sys: Sys, e: TarEntry): number {
  return lookupId(sys, '/etc/passwd', e.uname) ?? e.uid;
}

function resolveGid(sys: Sys, e: TarEntry): number {
  return lookupId(sys, '/etc/group', e.gname) ?? e.gid;
}

function lookupId(sys: Sys, file: string, name: string): number | null {
  if (!name) return null;
  const fd = sys.open(file, 0);
  if (fd < 0) return null;
  const buf = new Uint8Array(65536);
  const n = sys.pread(fd, buf, 0);
  sys.close(fd);
  for (const line of String.fromCharCode(...buf.subarray(0, Math.max(0, n))).split('\n')) {
    const f = line.split(':');
    if (f[0] === name && f.length >= 3) return Number(f[2]);
  }
  return null;
}
