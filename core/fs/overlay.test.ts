import { describe, expect, it } from 'vitest';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { LayerBuilder, type ImageLayer } from './layer.ts';
import { OverlayFs } from './overlay.ts';
import { Vfs, ROOT } from './vfs.ts';
import type { Stat } from './types.ts';
import {
  EEXIST, ENOENT, ENOTEMPTY, EXDEV, O_RDONLY, O_RDWR, O_WRONLY, S_IFCHR, S_IFDIR, S_IFLNK, S_IFMT, S_IFREG,
} from '../kernel/abi.ts';
import { utf8Encode } from './utf8.ts';

function base(): ImageLayer {
  return new LayerBuilder({ mtime: 42 })
    .dir('/etc')
    .file('/etc/hostname', 'image\n')
    .file('/etc/shadow', 'root:*:\n', { mode: 0o640, gid: 42 })
    .dir('/usr/bin')
    .file('/usr/bin/ls', 'prog:ls', { mode: 0o755 })
    .link('/usr/bin/ls', '/usr/bin/dir')
    .symlink('/bin', 'usr/bin')
    .chardev('/dev/null', 1, 3)
    .dir('/var/lib/apt', { mode: 0o700 })
    .file('/var/lib/apt/lists', 'x')
    .freeze();
}

function guest(layers: ImageLayer[]): { vfs: Vfs; ov: OverlayFs; clock: { t: number } } {
  const clock = { t: 1000 };
  const ov = new OverlayFs(layers, { now: () => clock.t });
  return { vfs: new Vfs(ov, { now: () => clock.t, rootInfo: { source: 'overlay' } }), ov, clock };
}

const st = (v: Stat | number): Stat => {
  if (typeof v === 'number') throw new Error(`errno ${v}`);
  return v;
};
const names = (vfs: Vfs, path: string): string[] => {
  const list = vfs.readdir(path, ROOT);
  if (typeof list === 'number') throw new Error(`errno ${list}`);
  return list.map((e) => e.name).filter((n) => n !== '.' && n !== '..').sort();
};

describe('image layers', () => {
  it('freeze keeps modes, owners, links, devices and times', () => {
    const layer = base();
    expect(Object.isFrozen(layer.root)).toBe(true);
    const { vfs } = guest([layer]);
    expect(vfs.readFile('/etc/hostname')).toBe('image\n');
    const shadow = st(vfs.stat('/etc/shadow', ROOT));
    expect(shadow.mode).toBe(S_IFREG | 0o640);
    expect(shadow.gid).toBe(42);
    expect(shadow.mtime).toBe(42);
    expect(st(vfs.stat('/usr/bin/ls', ROOT)).nlink).toBe(2);
    expect(st(vfs.stat('/usr/bin/dir', ROOT)).ino).toBe(st(vfs.stat('/usr/bin/ls', ROOT)).ino);
    expect(vfs.readFile('/bin/ls')).toBe('prog:ls');
    expect(st(vfs.lstat('/bin', ROOT)).mode & S_IFMT).toBe(S_IFLNK);
    expect(st(vfs.stat('/dev/null', ROOT)).rdev).toBe((1 << 8) | 3);
    expect(st(vfs.stat('/var/lib/apt', ROOT)).mode).toBe(S_IFDIR | 0o700);
    expect(layer.find('/etc/hostname')?.data?.length).toBe(6);
  });
});

describe('OverlayFs', () => {
  it('reads through and copies up on write, leaving the layer and other guests untouched', () => {
    const layer = base();
    const a = guest([layer]);
    const b = guest([layer]);
    const ino = st(a.vfs.stat('/etc/hostname', ROOT)).ino;
    expect(a.ov.upper.root().entries!.size).toBe(0);
    expect(a.vfs.writeFile('/etc/hostname', 'pc1\n')).toBe(0);
    expect(a.vfs.readFile('/etc/hostname')).toBe('pc1\n');
    expect(b.vfs.readFile('/etc/hostname')).toBe('image\n');
    expect(layer.find('/etc/hostname')!.data).toEqual(utf8Encode('image\n'));
    // the inode number survives copy-up, and only /etc and the file are in the upper layer
    expect(st(a.vfs.stat('/etc/hostname', ROOT)).ino).toBe(ino);
    expect([...a.ov.upper.root().entries!.keys()]).toEqual(['etc']);
    expect([...a.ov.upper.root().entries!.get('etc')!.entries!.keys()]).toEqual(['hostname']);
    // copy-up does not change the parent's times
    expect(st(a.vfs.stat('/etc', ROOT)).mtime).toBe(42);
  });

  it('copies up on chmod, chown, utimens, truncate and link, keeping contents shared until written', () => {
    const layer = base();
    const { vfs, ov, clock } = guest([layer]);
    clock.t = 5000;
    expect(vfs.chmod('/usr/bin/ls', 0o700, ROOT)).toBe(0);
    expect(st(vfs.stat('/usr/bin/ls', ROOT)).mode).toBe(S_IFREG | 0o700);
    expect(st(vfs.stat('/usr/bin/ls', ROOT)).ctime).toBe(5000);
    expect(st(vfs.stat('/usr/bin/dir', ROOT)).mode).toBe(S_IFREG | 0o755);
    const up = ov.upper.root().entries!.get('usr')!.entries!.get('bin')!.entries!.get('ls')!;
    expect(up.data).toBe(layer.find('/usr/bin/ls')!.data); // shared, not copied
    expect(vfs.chown('/etc/shadow', 7, 8, ROOT)).toBe(0);
    expect(st(vfs.stat('/etc/shadow', ROOT)).uid).toBe(7);
    expect(vfs.utimens('/etc/hostname', 1, 2, ROOT)).toBe(0);
    expect(st(vfs.stat('/etc/hostname', ROOT)).mtime).toBe(2);
    expect(vfs.truncate('/var/lib/apt/lists', 0, ROOT)).toBe(0);
    expect(vfs.readFile('/var/lib/apt/lists')).toBe('');
    expect(st(vfs.stat('/var/lib/apt', ROOT)).mode).toBe(S_IFDIR | 0o700);
    expect(vfs.link('/etc/hostname', '/etc/hn2', ROOT)).toBe(0);
    expect(st(vfs.stat('/etc/hn2', ROOT)).nlink).toBe(2);
    vfs.writeFile('/etc/hn2', 'changed');
    expect(vfs.readFile('/etc/hostname')).toBe('changed');
    expect(layer.find('/usr/bin/ls')!.data).toEqual(utf8Encode('prog:ls'));
    // a write through an opened lower file that was then copied up keeps the original intact
    const h = vfs.open('/usr/bin/ls', O_RDWR, 0, ROOT);
    if (typeof h === 'number') throw new Error();
    h.write(0, utf8Encode('P'));
    expect(vfs.readFile('/usr/bin/ls')).toBe('Prog:ls');
    expect(layer.find('/usr/bin/ls')!.data).toEqual(utf8Encode('prog:ls'));
  });

  it('whiteouts hide deleted lower files; re-creating them works', () => {
    const { vfs } = guest([base()]);
    expect(vfs.unlink('/etc/hostname', ROOT)).toBe(0);
    expect(vfs.stat('/etc/hostname', ROOT)).toBe(-ENOENT);
    expect(names(vfs, '/etc')).toEqual(['shadow']);
    expect(vfs.unlink('/etc/hostname', ROOT)).toBe(-ENOENT);
    expect(vfs.writeFile('/etc/hostname', 'new')).toBe(0);
    expect(vfs.readFile('/etc/hostname')).toBe('new');
    expect(names(vfs, '/etc')).toEqual(['hostname', 'shadow']);
    // deleting an upper-only file that shadows nothing leaves no whiteout
    vfs.writeFile('/etc/tmpfile', 'x');
    expect(vfs.unlink('/etc/tmpfile', ROOT)).toBe(0);
    expect(names(vfs, '/etc')).toEqual(['hostname', 'shadow']);
    // a lower symlink can be removed too
    expect(vfs.unlink('/bin', ROOT)).toBe(0);
    expect(vfs.stat('/bin/ls', ROOT)).toBe(-ENOENT);
  });

  it('rmdir of a lower directory then mkdir makes it opaque', () => {
    const { vfs } = guest([base()]);
    expect(vfs.rmdir('/var/lib/apt', ROOT)).toBe(-ENOTEMPTY);
    expect(vfs.unlink('/var/lib/apt/lists', ROOT)).toBe(0);
    expect(names(vfs, '/var/lib/apt')).toEqual([]);
    expect(vfs.rmdir('/var/lib/apt', ROOT)).toBe(0);
    expect(vfs.stat('/var/lib/apt', ROOT)).toBe(-ENOENT);
    expect(vfs.mkdir('/var/lib/apt', 0o755, ROOT)).toBe(0);
    expect(names(vfs, '/var/lib/apt')).toEqual([]);
    expect(vfs.stat('/var/lib/apt/lists', ROOT)).toBe(-ENOENT);
    vfs.writeFile('/var/lib/apt/new', 'n');
    expect(names(vfs, '/var/lib/apt')).toEqual(['new']);
  });

  it('merges directories of several layers, upper first', () => {
    const top = new LayerBuilder()
      .file('/etc/frr/frr.conf', 'router ospf\n')
      .whiteout('/etc/shadow')
      .file('/etc/hostname', 'frr\n')
      .freeze();
    const { vfs } = guest([base(), top]);
    expect(names(vfs, '/etc')).toEqual(['frr', 'hostname']);
    expect(vfs.readFile('/etc/hostname')).toBe('frr\n');
    expect(vfs.stat('/etc/shadow', ROOT)).toBe(-ENOENT);
    vfs.writeFile('/etc/resolv.conf', 'nameserver 10.0.0.1\n');
    expect(names(vfs, '/etc')).toEqual(['frr', 'hostname', 'resolv.conf']);
    const opaque = new LayerBuilder().file('/usr/bin/only', 'x').opaque('/usr/bin').freeze();
    const g = guest([base(), opaque]);
    expect(names(g.vfs, '/usr/bin')).toEqual(['only']);
    expect(names(g.vfs, '/usr')).toEqual(['bin']);
    const entries = g.vfs.readdir('/usr/bin', ROOT);
    if (typeof entries === 'number') throw new Error();
    expect(entries[2]!.ino).toBe(st(g.vfs.stat('/usr/bin/only', ROOT)).ino);
    // Three layers: a name below two merged directories keeps its own layer's inode numbers.
    const mid = new LayerBuilder().file('/etc/mid', 'm').freeze();
    const three = guest([base(), mid, top]).vfs;
    expect(names(three, '/etc')).toEqual(['frr', 'hostname', 'mid']);
    expect(three.readFile('/etc/mid')).toBe('m');
    const layerOf = (path: string): number => Math.floor(st(three.lstat(path, ROOT)).ino / 2 ** 32) - 1;
    expect([layerOf('/etc/mid'), layerOf('/etc/hostname'), layerOf('/usr/bin/ls'), layerOf('/etc')]).toEqual([1, 2, 0, 2]);
    const listed = three.readdir('/etc', ROOT);
    if (typeof listed === 'number') throw new Error();
    expect(listed.find((e) => e.name === 'mid')!.ino).toBe(st(three.stat('/etc/mid', ROOT)).ino);
  });

  it('renames files and upper directories; EXDEV for lower directories', () => {
    const { vfs } = guest([base()]);
    expect(vfs.rename('/etc/hostname', '/etc/hostname.old', ROOT)).toBe(0);
    expect(vfs.stat('/etc/hostname', ROOT)).toBe(-ENOENT);
    expect(vfs.readFile('/etc/hostname.old')).toBe('image\n');
    // over a lower file
    vfs.writeFile('/tmpf', 'T');
    expect(vfs.rename('/tmpf', '/etc/shadow', ROOT)).toBe(0);
    expect(vfs.readFile('/etc/shadow')).toBe('T');
    expect(vfs.rename('/etc', '/etc2', ROOT)).toBe(-EXDEV);
    // an upper-only directory moves, and over an emptied lower directory it becomes opaque
    vfs.mkdirp('/work/sub');
    vfs.writeFile('/work/sub/f', 'f');
    vfs.unlink('/var/lib/apt/lists', ROOT);
    expect(vfs.rename('/work', '/var/lib/apt', ROOT)).toBe(0);
    expect(names(vfs, '/var/lib/apt')).toEqual(['sub']);
    expect(vfs.readFile('/var/lib/apt/sub/f')).toBe('f');
    expect(vfs.stat('/work', ROOT)).toBe(-ENOENT);
    // a lower symlink moves as a symlink
    expect(vfs.rename('/bin', '/bin2', ROOT)).toBe(0);
    expect(vfs.readlink('/bin2', ROOT)).toBe('usr/bin');
    expect(vfs.stat('/bin', ROOT)).toBe(-ENOENT);
    expect(vfs.mkdir('/bin', 0o755, ROOT)).toBe(0);
    expect(vfs.mkdir('/bin', 0o755, ROOT)).toBe(-EEXIST);
  });

  it('copies up special inodes and keeps their device numbers', () => {
    const { vfs } = guest([base()]);
    expect(vfs.chmod('/dev/null', 0o600, ROOT)).toBe(0);
    const s = st(vfs.stat('/dev/null', ROOT));
    expect(s.mode).toBe(S_IFCHR | 0o600);
    expect(s.rdev).toBe(259);
    const h = vfs.open('/dev/null', O_WRONLY, 0, ROOT);
    expect(h).not.toBeTypeOf('number');
    expect(vfs.open('/usr/bin/ls', O_RDONLY, 0, ROOT)).not.toBeTypeOf('number');
  });

  it('costs well under 10 KB per empty overlay', () => {
    const layer = base();
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const count = 10_000;
    const keep: OverlayFs[] = [];
    gc();
    const before = process.memoryUsage().heapUsed;
    for (let i = 0; i < count; i++) keep.push(new OverlayFs([layer], { now: () => 0 }));
    gc();
    const perOverlay = (process.memoryUsage().heapUsed - before) / count;
    const vfsKeep: Vfs[] = [];
    gc();
    const before2 = process.memoryUsage().heapUsed;
    for (let i = 0; i < count; i++) vfsKeep.push(new Vfs(new OverlayFs([layer])));
    gc();
    const perVfs = (process.memoryUsage().heapUsed - before2) / count;
    console.log(`empty OverlayFs: ${Math.round(perOverlay)} bytes; OverlayFs + Vfs: ${Math.round(perVfs)} bytes`);
    expect(keep.length + vfsKeep.length).toBe(2 * count);
    expect(perOverlay).toBeLessThan(2_000);
    expect(perVfs).toBeLessThan(10_000);
  });
});

describe('overlay wrappers made before a change', () => {
  it('see a copy-up, a new upper directory and a whiteout made through other wrappers', () => {
    const { vfs, ov } = guest([base()]);
    const root = ov.root();
    const lib = root.lookup('var');
    if (typeof lib === 'number') throw new Error('var');
    const apt = lib.lookup('lib');
    if (typeof apt === 'number') throw new Error('lib');
    const lists = apt.lookup('apt');
    if (typeof lists === 'number') throw new Error('apt');
    // Lower only: no upper inode, asked twice (the second answer comes from the remembered miss).
    expect(lists.sync()).toBeNull();
    expect(lists.sync()).toBeNull();
    expect(vfs.writeFile('/var/lib/apt/lists', 'y')).toBe(0);
    // The write copied /var, /var/lib and /var/lib/apt up through other wrappers: these see it now.
    expect(lists.sync()).not.toBeNull();
    expect(apt.sync()).not.toBeNull();
    const hostname = root.lookup('etc');
    if (typeof hostname === 'number') throw new Error('etc');
    expect(hostname.sync()).toBeNull();
    expect(vfs.mkdir('/etc/new', 0o755, ROOT)).toBe(0);
    expect(hostname.sync()).not.toBeNull();
    const usr = root.lookup('usr');
    if (typeof usr === 'number') throw new Error('usr');
    expect(usr.sync()).toBeNull();
    expect(vfs.unlink('/usr/bin/dir', ROOT)).toBe(0);
    expect(usr.sync()).not.toBeNull();
  });
});
