// What several account tools share: reading a password with the terminal's echo off, hashing it for
// /etc/shadow, and making or removing a home directory (copied from /etc/skel, owned by the user).
import { ECHO, ECHONL, TCSAFLUSH, isDir, isLnk, type Sys } from '../../kernel/abi.ts';
import { copyData } from './file-copy.ts';
import { writeAll } from './io.ts';
import { newSalt, sha512Crypt } from './hash/sha512-crypt.ts';

/** Prints `prompt` on stderr and reads one line from stdin with echo off (a newline follows on a tty). */
export async function readSecret(sys: Sys, prompt: string): Promise<string | null> {
  await writeAll(sys, 2, prompt);
  const saved = sys.tcgetattr(0);
  if (typeof saved !== 'number') sys.tcsetattr(0, TCSAFLUSH, { ...saved, lflag: saved.lflag & ~(ECHO | ECHONL), cc: saved.cc.slice() });
  const bytes: number[] = [];
  const one = new Uint8Array(1);
  let eof = false;
  for (;;) {
    const n = await sys.read(0, one);
    if (n <= 0) {
      eof = bytes.length === 0;
      break;
    }
    if (one[0] === 10 || one[0] === 13) break;
    bytes.push(one[0]!);
  }
  if (typeof saved !== 'number') {
    sys.tcsetattr(0, TCSAFLUSH, saved);
    await writeAll(sys, 2, '\n');
  }
  return eof ? null : latin1(bytes);
}

const latin1 = (bytes: number[]): string => String.fromCharCode(...bytes);

/** The /etc/shadow hash of a password (SHA-512 crypt with a fresh salt). */
export function hashPassword(sys: Sys, password: string): Promise<string> {
  return sha512Crypt(sys, Uint8Array.from(password, (c) => c.charCodeAt(0) & 0xff), `$6$${newSalt(sys)}`);
}

/** Copies a skeleton tree into `dst` (which exists), giving every copy to uid:gid. */
export async function copySkel(sys: Sys, skel: string, dst: string, uid: number, gid: number): Promise<void> {
  const fd = sys.open(skel, 0);
  if (fd < 0) return;
  const entries = sys.getdents(fd);
  sys.close(fd);
  if (typeof entries === 'number') return;
  for (const e of entries) {
    if (e.name === '.' || e.name === '..') continue;
    const from = `${skel}/${e.name}`;
    const to = `${dst}/${e.name}`;
    const st = sys.lstat(from);
    if (typeof st === 'number') continue;
    if (isDir(st.mode)) {
      sys.mkdir(to, st.mode & 0o7777);
      await copySkel(sys, from, to, uid, gid);
    } else if (isLnk(st.mode)) {
      const target = sys.readlink(from);
      if (typeof target === 'string') sys.symlink(target, to);
      sys.lchown(to, uid, gid);
      continue;
    } else await copyData(sys, from, to, st.mode & 0o7777);
    sys.chown(to, uid, gid);
    sys.chmod(to, st.mode & 0o7777);
  }
}

/** Removes a tree; returns false when something could not be removed. */
export async function removeTree(sys: Sys, path: string): Promise<boolean> {
  const st = sys.lstat(path);
  if (typeof st === 'number') return false;
  if (!isDir(st.mode)) return sys.unlink(path) === 0;
  const fd = sys.open(path, 0);
  if (fd >= 0) {
    const entries = sys.getdents(fd);
    sys.close(fd);
    if (typeof entries !== 'number') {
      for (const e of entries) if (e.name !== '.' && e.name !== '..') await removeTree(sys, `${path}/${e.name}`);
    }
  }
  await sys.yield();
  return sys.rmdir(path) === 0;
}
