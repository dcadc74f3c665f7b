import { describe, expect, it } from 'vitest';
import { MemFs } from './memfs.ts';
import { Vfs, ROOT } from './vfs.ts';
import type { Caller, Stat } from './types.ts';
import {
  EACCES, EBUSY, EEXIST, EINVAL, EISDIR, ELOOP, ENAMETOOLONG, ENOENT, ENOTDIR, ENOTEMPTY, EPERM, EROFS, EXDEV,
  O_CREAT, O_DIRECTORY, O_EXCL, O_NOFOLLOW, O_RDONLY, O_RDWR, O_TRUNC, O_WRONLY, R_OK, W_OK, X_OK,
  S_IFCHR, S_IFDIR, S_IFIFO, S_IFMT, S_IFREG, makedev,
} from '../kernel/abi.ts';
import { utf8Encode } from './utf8.ts';

const USER: Caller = { pid: 5, uid: 1000, gid: 1000 };

function setup(): { vfs: Vfs; fs: MemFs; clock: { t: number } } {
  const clock = { t: 1000 };
  const fs = new MemFs({ now: () => clock.t });
  const vfs = new Vfs(fs, { now: () => clock.t });
  return { vfs, fs, clock };
}

const st = (v: Stat | number): Stat => {
  if (typeof v === 'number') throw new Error(`errno ${v}`);
  return v;
};

describe('Vfs path resolution', () => {
  it('handles ., .., repeated and trailing slashes', () => {
    const { vfs } = setup();
    expect(vfs.mkdirp('/a/b/c')).toBe(0);
    expect(vfs.writeFile('/a/f', 'x')).toBe(0);
    const c = st(vfs.stat('/a/b/c', ROOT));
    expect(st(vfs.stat('//a///b/./c/', ROOT)).ino).toBe(c.ino);
    expect(st(vfs.stat('/a/b/c/../../b/c', ROOT)).ino).toBe(c.ino);
    expect(st(vfs.stat('/..', ROOT)).ino).toBe(st(vfs.stat('/', ROOT)).ino);
    expect(vfs.stat('/a/f/', ROOT)).toBe(-ENOTDIR);
    expect(vfs.stat('/a/f/..', ROOT)).toBe(-ENOTDIR);
    expect(vfs.stat('/a/missing/..', ROOT)).toBe(-ENOENT);
    expect(vfs.stat('', ROOT)).toBe(-ENOENT);
    expect(vfs.realpath('/a/b/../b/./c/', ROOT)).toBe('/a/b/c');
  });

  it('enforces NAME_MAX and PATH_MAX', () => {
    const { vfs } = setup();
    expect(vfs.stat('/' + 'a'.repeat(256), ROOT)).toBe(-ENAMETOOLONG);
    expect(vfs.stat('/' + 'a'.repeat(255), ROOT)).toBe(-ENOENT);
    expect(vfs.stat('/'.repeat(4095), ROOT)).not.toBeTypeOf('number');
    expect(vfs.stat('/'.repeat(4096), ROOT)).toBe(-ENAMETOOLONG);
    expect(vfs.mkdir('/' + 'é'.repeat(128), 0o755, ROOT)).toBe(-ENAMETOOLONG); // 256 bytes in UTF-8
  });

  it('reads repeated and trailing slashes, and links in the middle of a path, as Linux does', () => {
    const { vfs } = setup();
    expect(vfs.mkdir('//srv//', 0o755, ROOT)).toBe(0);
    expect(vfs.mkdir('/srv//a///', 0o755, ROOT)).toBe(0);
    expect(vfs.writeFile('/srv/a/f', 'x')).toBe(0);
    expect(vfs.symlink('/srv/a/', '/da', ROOT)).toBe(0);
    expect(vfs.symlink('../srv//a', '/srv/up', ROOT)).toBe(0);
    expect(vfs.readFile('//da//f')).toBe('x');
    expect(vfs.readFile('/srv/up/./f')).toBe('x');
    expect(vfs.realpath('/srv/up/../a/f', ROOT)).toBe('/srv/a/f');
    expect(vfs.realpath('/da/', ROOT)).toBe('/srv/a');
    expect(vfs.stat('/srv/a/f/', ROOT)).toBe(-ENOTDIR);
    expect(vfs.rename('/da/f', '/srv//g', ROOT)).toBe(0);
    expect(vfs.readFile('/srv/g')).toBe('x');
    expect(vfs.mkdir('/', 0o755, ROOT)).toBe(-EEXIST);
    expect(vfs.mkdir('/nope/x/', 0o755, ROOT)).toBe(-ENOENT);
  });

  it('follows relative and absolute symlinks, and stops loops with ELOOP', () => {
    const { vfs } = setup();
    vfs.mkdirp('/etc/net');
    vfs.writeFile('/etc/net/hosts', 'h');
    expect(vfs.symlink('net/hosts', '/etc/rel', ROOT)).toBe(0);
    expect(vfs.symlink('/etc/net', '/abs', ROOT)).toBe(0);
    expect(vfs.symlink('..', '/etc/net/up', ROOT)).toBe(0);
    expect(vfs.readFile('/etc/rel')).toBe('h');
    expect(vfs.readFile('/abs/hosts')).toBe('h');
    expect(vfs.realpath('/abs/up/net/hosts', ROOT)).toBe('/etc/net/hosts');
    // '..' after a symlink is the physical parent of the target
    expect(vfs.realpath('/abs/..', ROOT)).toBe('/etc');
    expect(st(vfs.lstat('/abs', ROOT)).mode & S_IFMT).toBe(0o120000);
    expect(st(vfs.lstat('/abs/', ROOT)).mode & S_IFMT).toBe(S_IFDIR);
    expect(vfs.readlink('/abs', ROOT)).toBe('/etc/net');
    expect(vfs.readlink('/etc/net/hosts', ROOT)).toBe(-EINVAL);
    vfs.symlink('loop', '/loop', ROOT);
    vfs.symlink('/l2', '/l1', ROOT);
    vfs.symlink('/l1', '/l2', ROOT);
    expect(vfs.stat('/loop', ROOT)).toBe(-ELOOP);
    expect(vfs.stat('/l1/x', ROOT)).toBe(-ELOOP);
    expect(vfs.open('/loop', O_RDONLY | O_CREAT, 0o644, ROOT)).toBe(-ELOOP);
    // a chain of 40 links resolves, 41 does not
    for (let i = 0; i < 41; i++) vfs.symlink(i === 0 ? '/etc/net/hosts' : `/c${i - 1}`, `/c${i}`, ROOT);
    expect(vfs.readFile('/c39')).toBe('h');
    expect(vfs.stat('/c40', ROOT)).toBe(-ELOOP);
    expect(vfs.symlink('', '/empty', ROOT)).toBe(-ENOENT);
  });

  it('a symlink to a file with a trailing slash is ENOTDIR', () => {
    const { vfs } = setup();
    vfs.writeFile('/f', 'x');
    vfs.symlink('f', '/lf', ROOT);
    expect(vfs.stat('/lf/', ROOT)).toBe(-ENOTDIR);
    expect(vfs.open('/lf', O_RDONLY | O_NOFOLLOW, 0, ROOT)).toBe(-ELOOP);
  });
});

describe('Vfs open', () => {
  it('implements O_CREAT, O_EXCL, O_TRUNC, O_DIRECTORY and dangling symlinks', () => {
    const { vfs } = setup();
    const h = vfs.open('/f', O_WRONLY | O_CREAT, 0o640, ROOT);
    if (typeof h === 'number') throw new Error();
    expect(h.write(0, utf8Encode('hello'))).toBe(5);
    expect(st(vfs.stat('/f', ROOT)).mode).toBe(S_IFREG | 0o640);
    expect(vfs.open('/f', O_WRONLY | O_CREAT | O_EXCL, 0o644, ROOT)).toBe(-EEXIST);
    expect(vfs.open('/f', O_RDONLY | O_DIRECTORY, 0, ROOT)).toBe(-ENOTDIR);
    expect(vfs.open('/', O_WRONLY, 0, ROOT)).toBe(-EISDIR);
    expect(vfs.open('/', O_RDONLY | O_CREAT, 0o644, ROOT)).toBe(-EISDIR);
    expect(vfs.open('/new/', O_WRONLY | O_CREAT, 0o644, ROOT)).toBe(-EISDIR);
    expect(vfs.open('/nodir/x', O_WRONLY | O_CREAT, 0o644, ROOT)).toBe(-ENOENT);
    expect(vfs.open('/f/x', O_WRONLY | O_CREAT, 0o644, ROOT)).toBe(-ENOTDIR);
    expect(vfs.open('/f', O_WRONLY | O_TRUNC, 0, ROOT)).not.toBeTypeOf('number');
    expect(st(vfs.stat('/f', ROOT)).size).toBe(0);
    vfs.symlink('target', '/dangling', ROOT);
    expect(vfs.open('/dangling', O_WRONLY | O_CREAT | O_EXCL, 0o644, ROOT)).toBe(-EEXIST);
    expect(vfs.open('/dangling', O_WRONLY | O_CREAT, 0o644, ROOT)).not.toBeTypeOf('number');
    expect(st(vfs.stat('/target', ROOT)).mode & S_IFMT).toBe(S_IFREG);
    expect(vfs.mkdir('/dangling', 0o755, ROOT)).toBe(-EEXIST);
  });

  it('checks permissions for ordinary users and lets root through', () => {
    const { vfs } = setup();
    vfs.writeFile('/secret', 's', 0o600);
    vfs.mkdirp('/home/u');
    vfs.chown('/home/u', 1000, 1000, ROOT);
    expect(vfs.open('/secret', O_RDONLY, 0, USER)).toBe(-EACCES);
    expect(vfs.open('/secret', O_RDWR, 0, ROOT)).not.toBeTypeOf('number');
    expect(vfs.open('/x', O_WRONLY | O_CREAT, 0o644, USER)).toBe(-EACCES);
    expect(vfs.open('/home/u/x', O_WRONLY | O_CREAT, 0o644, USER)).not.toBeTypeOf('number');
    expect(st(vfs.stat('/home/u/x', ROOT)).uid).toBe(1000);
    expect(vfs.access('/secret', R_OK, USER)).toBe(-EACCES);
    expect(vfs.access('/secret', R_OK | W_OK, ROOT)).toBe(0);
    expect(vfs.access('/secret', X_OK, ROOT)).toBe(-EACCES);
    vfs.chmod('/home/u', 0o700, ROOT);
    vfs.chown('/home/u', 0, 0, ROOT);
    expect(vfs.stat('/home/u/x', USER)).toBe(-EACCES);
    expect(vfs.chmod('/secret', 0o644, USER)).toBe(-EPERM);
    expect(vfs.chown('/secret', 1000, -1, USER)).toBe(-EPERM);
  });

  it('honours the sticky bit', () => {
    const { vfs } = setup();
    vfs.mkdir('/tmp', 0o1777, ROOT);
    vfs.writeFile('/tmp/roots', 'r');
    expect(vfs.unlink('/tmp/roots', USER)).toBe(-EPERM);
    expect(vfs.open('/tmp/mine', O_WRONLY | O_CREAT, 0o644, USER)).not.toBeTypeOf('number');
    expect(vfs.unlink('/tmp/mine', USER)).toBe(0);
  });
});

describe('Vfs namespace operations', () => {
  it('mkdir, rmdir and unlink return Linux errnos', () => {
    const { vfs } = setup();
    vfs.mkdirp('/d/sub');
    vfs.writeFile('/d/f', 'x');
    vfs.symlink('d', '/ld', ROOT);
    expect(vfs.mkdir('/d', 0o755, ROOT)).toBe(-EEXIST);
    expect(vfs.mkdir('/d/f/x', 0o755, ROOT)).toBe(-ENOTDIR);
    expect(vfs.mkdir('/new/', 0o755, ROOT)).toBe(0);
    expect(vfs.rmdir('/d', ROOT)).toBe(-ENOTEMPTY);
    expect(vfs.rmdir('/d/f', ROOT)).toBe(-ENOTDIR);
    expect(vfs.rmdir('/ld', ROOT)).toBe(-ENOTDIR);
    expect(vfs.rmdir('/d/sub/.', ROOT)).toBe(-EINVAL);
    expect(vfs.rmdir('/d/sub/..', ROOT)).toBe(-ENOTEMPTY);
    expect(vfs.rmdir('/', ROOT)).toBe(-EBUSY);
    expect(vfs.unlink('/d', ROOT)).toBe(-EISDIR);
    expect(vfs.unlink('/d/f/', ROOT)).toBe(-ENOTDIR);
    expect(vfs.unlink('/missing', ROOT)).toBe(-ENOENT);
    expect(vfs.rmdir('/d/sub', ROOT)).toBe(0);
    expect(vfs.unlink('/d/f', ROOT)).toBe(0);
    expect(vfs.rmdir('/d', ROOT)).toBe(0);
    expect(vfs.readdir('/', ROOT)).toEqual([
      expect.objectContaining({ name: '.' }), expect.objectContaining({ name: '..' }),
      expect.objectContaining({ name: 'ld' }), expect.objectContaining({ name: 'new' }),
    ]);
  });

  it('rename follows Linux rules', () => {
    const { vfs } = setup();
    vfs.mkdirp('/d/sub');
    vfs.mkdirp('/e');
    vfs.writeFile('/e/x', '1');
    vfs.mkdirp('/empty');
    vfs.writeFile('/f', 'f');
    expect(vfs.rename('/f', '/d', ROOT)).toBe(-EISDIR);
    expect(vfs.rename('/d', '/f', ROOT)).toBe(-ENOTDIR);
    expect(vfs.rename('/d', '/e', ROOT)).toBe(-ENOTEMPTY);
    expect(vfs.rename('/d', '/d/sub/x', ROOT)).toBe(-EINVAL);
    expect(vfs.rename('/d', '/d', ROOT)).toBe(0);
    expect(vfs.rename('/f', '/f2/', ROOT)).toBe(-ENOTDIR);
    expect(vfs.rename('/missing', '/x', ROOT)).toBe(-ENOENT);
    expect(vfs.rename('/d/.', '/x', ROOT)).toBe(-EBUSY);
    expect(vfs.rename('/d/sub', '/d/..', ROOT)).toBe(-EBUSY);
    // replacing an empty directory
    expect(vfs.rename('/d', '/empty', ROOT)).toBe(0);
    expect(vfs.stat('/d', ROOT)).toBe(-ENOENT);
    expect(vfs.stat('/empty/sub', ROOT)).not.toBeTypeOf('number');
    // replacing a file; the old inode is gone
    vfs.writeFile('/g', 'g');
    expect(vfs.rename('/f', '/g', ROOT)).toBe(0);
    expect(vfs.readFile('/g')).toBe('f');
    // hard links to the same inode: nothing happens
    vfs.link('/g', '/h', ROOT);
    expect(vfs.rename('/g', '/h', ROOT)).toBe(0);
    expect(vfs.readFile('/g')).toBe('f');
    expect(st(vfs.stat('/empty', ROOT)).nlink).toBe(3);
  });

  it('link, mknod, truncate and special inodes', () => {
    const { vfs } = setup();
    vfs.mkdirp('/d');
    vfs.writeFile('/f', 'abc');
    expect(vfs.link('/d', '/dl', ROOT)).toBe(-EPERM);
    expect(vfs.link('/f', '/d', ROOT)).toBe(-EEXIST);
    expect(vfs.link('/missing', '/m', ROOT)).toBe(-ENOENT);
    expect(vfs.link('/f', '/new/', ROOT)).toBe(-ENOENT);
    expect(vfs.link('/f', '/f2', ROOT)).toBe(0);
    expect(st(vfs.stat('/f', ROOT)).nlink).toBe(2);
    expect(vfs.unlink('/f', ROOT)).toBe(0);
    expect(st(vfs.stat('/f2', ROOT)).nlink).toBe(1);
    expect(vfs.readFile('/f2')).toBe('abc');
    expect(vfs.mknod('/null', S_IFCHR | 0o666, makedev(1, 3), ROOT)).toBe(0);
    expect(st(vfs.stat('/null', ROOT)).rdev).toBe(makedev(1, 3));
    expect(vfs.mknod('/fifo', S_IFIFO | 0o644, 0, ROOT)).toBe(0);
    expect(st(vfs.stat('/fifo', ROOT)).mode).toBe(S_IFIFO | 0o644);
    expect(vfs.mknod('/dd', S_IFDIR | 0o755, 0, ROOT)).toBe(-EPERM);
    expect(vfs.mknod('/c', S_IFCHR | 0o666, 0, USER)).toBe(-EPERM);
    expect(vfs.truncate('/d', 0, ROOT)).toBe(-EISDIR);
    expect(vfs.truncate('/f2', -1, ROOT)).toBe(-EINVAL);
    expect(vfs.truncate('/f2', 6, ROOT)).toBe(0);
    expect(vfs.readFileBytes('/f2')).toEqual(new Uint8Array([97, 98, 99, 0, 0, 0]));
    expect(vfs.truncate('/f2', 1, ROOT)).toBe(0);
    expect(vfs.readFile('/f2')).toBe('a');
  });

  it('takes timestamps from the injected clock', () => {
    const { vfs, clock } = setup();
    clock.t = 5000;
    vfs.mkdir('/d', 0o755, ROOT);
    const d0 = st(vfs.stat('/d', ROOT));
    expect([d0.atime, d0.mtime, d0.ctime]).toEqual([5000, 5000, 5000]);
    clock.t = 6000;
    vfs.writeFile('/d/f', 'x');
    expect(st(vfs.stat('/d', ROOT)).mtime).toBe(6000);
    clock.t = 7000;
    vfs.chmod('/d/f', 0o600, ROOT);
    const f = st(vfs.stat('/d/f', ROOT));
    expect([f.mtime, f.ctime]).toEqual([6000, 7000]);
    expect(vfs.utimens('/d/f', 100, null, ROOT)).toBe(0);
    const g = st(vfs.stat('/d/f', ROOT));
    expect([g.atime, g.mtime]).toEqual([100, 7000]);
    clock.t = 8000;
    vfs.readFile('/d/f');
    expect(st(vfs.stat('/d/f', ROOT)).atime).toBe(8000);
    expect(vfs.utimens('/d/f', null, null, USER)).toBe(-EACCES);
    expect(vfs.utimens('/d/f', 1, 1, USER)).toBe(-EPERM);
  });

  it('writes grow files and leave holes as zeros', () => {
    const { vfs } = setup();
    const h = vfs.open('/f', O_RDWR | O_CREAT, 0o644, ROOT);
    if (typeof h === 'number') throw new Error();
    for (let i = 0; i < 1000; i++) h.write(i * 3, utf8Encode('abc'));
    expect(h.stat().size).toBe(3000);
    expect(h.write(5000, new Uint8Array([1]))).toBe(1);
    const buf = new Uint8Array(10);
    expect(h.read(2998, buf)).toBe(10);
    expect([...buf]).toEqual([98, 99, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(h.read(5001, buf)).toBe(0);
    const ro = vfs.open('/f', O_RDONLY, 0, ROOT);
    if (typeof ro === 'number') throw new Error();
    expect(ro.write(0, buf)).toBeLessThan(0);
  });

  it('files written with shared bytes read them and copy them before their first change', () => {
    const { vfs, clock } = setup();
    const bytes = utf8Encode('127.0.0.1\tlocalhost\n');
    clock.t = 2000;
    expect(vfs.writeFileShared('/a', bytes)).toBe(0);
    expect(vfs.writeFileShared('/b', bytes)).toBe(0);
    expect(st(vfs.stat('/a', ROOT)).mtime).toBe(2000);
    expect(st(vfs.stat('/a', ROOT)).mode).toBe(S_IFREG | 0o644);
    expect(vfs.readFile('/b')).toBe('127.0.0.1\tlocalhost\n');
    const h = vfs.open('/a', O_RDWR, 0, ROOT);
    if (typeof h === 'number') throw new Error();
    expect(h.write(0, utf8Encode('10'))).toBe(2);
    expect(h.truncate(30)).toBe(0);
    expect(vfs.readFile('/a')).toBe('107.0.0.1\tlocalhost\n' + '\0'.repeat(10));
    expect(vfs.readFile('/b')).toBe('127.0.0.1\tlocalhost\n');
    expect(bytes[1]).toBe(0x32);
    // A file that has contents is written over from its start (a copy: the bytes stay unchanged).
    expect(vfs.writeFile('/c', 'x'.repeat(30))).toBe(0);
    const c = vfs.open('/c', O_RDWR, 0, ROOT);
    if (typeof c === 'number' || !c.writeShared) throw new Error();
    expect(c.writeShared(bytes)).toBe(20);
    expect(c.write(0, utf8Encode('9'))).toBe(1);
    expect(vfs.readFile('/c')).toBe('927.0.0.1\tlocalhost\n' + 'x'.repeat(10));
    expect(bytes[0]).toBe(0x31);
    expect(vfs.writeFileShared('/missing/dir/d', bytes)).toBe(0);
    expect(vfs.readFile('/missing/dir/d')).toBe('127.0.0.1\tlocalhost\n');
    expect(vfs.writeFileShared('/missing', bytes)).toBe(-EISDIR);
  });

  it('enforces the MemFs size limit', () => {
    const fs = new MemFs({ maxBytes: 100 });
    expect(fs.writeFile('/a', new Uint8Array(60))).toBe(0);
    expect(fs.writeFile('/b', new Uint8Array(60))).toBe(-28);
    expect(new Vfs(fs).unlink('/a', ROOT)).toBe(0);
    expect(fs.writeFile('/b', new Uint8Array(60))).toBe(0);
  });
});

describe('Vfs mounts', () => {
  it('crosses mount points both ways and reports them', () => {
    const { vfs } = setup();
    vfs.mkdirp('/mnt/data');
    vfs.writeFile('/mnt/data/under', 'hidden');
    const other = new MemFs();
    other.writeFile('/inside', 'in');
    expect(vfs.mount('/mnt/data', other, { source: 'tmpfs' })).toBe(0);
    expect(vfs.readFile('/mnt/data/inside')).toBe('in');
    expect(vfs.stat('/mnt/data/under', ROOT)).toBe(-ENOENT);
    expect(vfs.realpath('/mnt/data/..', ROOT)).toBe('/mnt');
    expect(st(vfs.stat('/mnt/data/../data/inside', ROOT)).size).toBe(2);
    const rootDev = st(vfs.stat('/', ROOT)).dev;
    expect(st(vfs.stat('/mnt/data', ROOT)).dev).not.toBe(rootDev);
    expect(vfs.mounts().map((m) => m.target)).toEqual(['/', '/mnt/data']);
    expect(vfs.rmdir('/mnt/data', ROOT)).toBe(-EBUSY);
    expect(vfs.rename('/mnt/data/inside', '/moved', ROOT)).toBe(-EXDEV);
    expect(vfs.link('/mnt/data/inside', '/hl', ROOT)).toBe(-EXDEV);
    expect(vfs.rename('/mnt', '/mnt2', ROOT)).toBe(-EBUSY);
    expect(vfs.umount('/mnt')).toBe(-EINVAL);
    expect(vfs.umount('/mnt/data')).toBe(0);
    expect(vfs.readFile('/mnt/data/under')).toBe('hidden');
    expect(vfs.umount('/')).toBe(-EBUSY);
  });

  it('read-only mounts refuse writes with EROFS', () => {
    const { vfs } = setup();
    vfs.mkdirp('/ro');
    const other = new MemFs();
    other.writeFile('/f', 'x');
    vfs.mount('/ro', other, { options: 'ro,relatime' });
    expect(vfs.open('/ro/f', O_WRONLY, 0, ROOT)).toBe(-EROFS);
    expect(vfs.open('/ro/g', O_WRONLY | O_CREAT, 0o644, ROOT)).toBe(-EROFS);
    expect(vfs.unlink('/ro/f', ROOT)).toBe(-EROFS);
    expect(vfs.access('/ro/f', W_OK, ROOT)).toBe(-EROFS);
    expect(vfs.readFile('/ro/f')).toBe('x');
  });

  it('a mount over a mount hides it until unmounted; ro is an option, not a substring', () => {
    const { vfs } = setup();
    vfs.mkdirp('/m');
    const first = new MemFs();
    first.writeFile('/one', '1');
    const second = new MemFs();
    second.writeFile('/two', '2');
    expect(vfs.mount('/m', first, { options: 'rw,nosuid,errors=remount-ro' })).toBe(0);
    expect(vfs.mount('/m', second, { options: 'nosuid,ro' })).toBe(0);
    expect(vfs.readFile('/m/two')).toBe('2');
    expect(vfs.stat('/m/one', ROOT)).toBe(-ENOENT);
    expect(vfs.open('/m/two', O_WRONLY, 0, ROOT)).toBe(-EROFS);
    expect(vfs.realpath('/m/../m/./two', ROOT)).toBe('/m/two');
    expect(vfs.mounts().map((m) => m.target)).toEqual(['/', '/m', '/m']);
    expect(vfs.umount('/m')).toBe(0);
    expect(vfs.readFile('/m/one')).toBe('1');
    expect(vfs.writeFile('/m/one', 'w')).toBe(0);
    expect(vfs.umount('/m')).toBe(0);
    expect(vfs.stat('/m/one', ROOT)).toBe(-ENOENT);
    expect(vfs.umount('/m')).toBe(-EINVAL);
  });

  it('one MemFs mounted in two Vfs is shared live (/shared)', () => {
    const shared = new MemFs();
    const a = setup().vfs;
    const b = setup().vfs;
    a.mkdirp('/shared');
    b.mkdirp('/shared');
    a.mount('/shared', shared);
    b.mount('/shared', shared);
    expect(a.writeFile('/shared/note', 'from a')).toBe(0);
    expect(b.readFile('/shared/note')).toBe('from a');
    expect(b.unlink('/shared/note', ROOT)).toBe(0);
    expect(a.stat('/shared/note', ROOT)).toBe(-ENOENT);
  });
});

describe('openExec', () => {
  it('opens a regular file with an execute bit in one call; refuses others as execve does', () => {
    const R = ROOT;
    const vfs = new Vfs(new MemFs());
    vfs.writeFile('/prog', 'data', 0o755);
    vfs.writeFile('/plain', 'data', 0o644);
    vfs.writeFile('/secret', 'data', 0o711);
    vfs.mkdirp('/dir');
    const h = vfs.openExec('/prog', R);
    expect(typeof h).not.toBe('number');
    const buf = new Uint8Array(8);
    expect(typeof h === 'number' ? h : h.read(0, buf)).toBe(4);
    expect(vfs.openExec('/plain', R)).toBe(-EACCES);
    expect(vfs.openExec('/dir', R)).toBe(-EACCES);
    expect(vfs.openExec('/nope', R)).toBe(-ENOENT);
    // Execute permission alone is not enough to load a program: it is read as well.
    expect(vfs.openExec('/secret', { pid: 5, uid: 1000, gid: 1000 })).toBe(-EACCES);
    expect(typeof vfs.openExec('/prog', { pid: 5, uid: 1000, gid: 1000 })).not.toBe('number');
  });
});
