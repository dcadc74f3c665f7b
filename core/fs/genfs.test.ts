import { describe, expect, it } from 'vitest';
import { GenFs } from './genfs.ts';
import { MemFs } from './memfs.ts';
import { Vfs, ROOT } from './vfs.ts';
import type { Caller, GenDir, GenNode } from './types.ts';
import {
  EACCES, EBADF, EIO, ENOENT, EPERM, O_RDONLY, O_WRONLY, S_IFDIR, S_IFLNK, S_IFMT, S_IFREG, EINVAL,
} from '../kernel/abi.ts';
import { utf8Decode, utf8Encode } from './utf8.ts';

const USER: Caller = { pid: 7, uid: 1000, gid: 1000 };

function dir(children: Record<string, GenNode | ((c: Caller) => GenNode)>): GenDir {
  return {
    kind: 'dir',
    list: () => Object.keys(children),
    get: (name, caller) => {
      const c = children[name];
      return typeof c === 'function' ? c(caller) : c;
    },
  };
}

function procfs(): { vfs: Vfs; state: { forward: string; reads: number } } {
  const state = { forward: '0', reads: 0 };
  const root = dir({
    uptime: { kind: 'file', read: () => { state.reads++; return `${state.reads}.00 0.00\n`; } },
    self: { kind: 'symlink', target: (c) => String(c.pid) },
    '7': dir({ comm: { kind: 'file', read: () => 'sh\n' } }),
    sys: dir({
      net: dir({
        ipv4: dir({
          ip_forward: {
            kind: 'file',
            read: () => state.forward + '\n',
            write: (data) => {
              const v = utf8Decode(data).trim();
              if (v !== '0' && v !== '1') return -EINVAL;
              state.forward = v;
              return data.length;
            },
          },
        }),
      }),
      kernel: dir({ osrelease: { kind: 'file', read: () => '6.1.0\n' } }),
    }),
  });
  const vfs = new Vfs(new MemFs());
  vfs.mkdirp('/proc');
  vfs.mount('/proc', new GenFs(root, { fstype: 'proc', lenient: (p) => !p.startsWith('/sys/') }), { source: 'proc' });
  return { vfs, state };
}

describe('GenFs', () => {
  it('lists, stats and reads generated files, snapshotting at open', () => {
    const { vfs, state } = procfs();
    const list = vfs.readdir('/proc', ROOT);
    if (typeof list === 'number') throw new Error();
    expect(list.map((e) => e.name)).toEqual(['.', '..', '7', 'uptime', 'self', 'sys']);
    const st = vfs.stat('/proc/uptime', ROOT);
    if (typeof st === 'number') throw new Error();
    expect(st.mode).toBe(S_IFREG | 0o444);
    expect(st.size).toBe(0);
    const h = vfs.open('/proc/uptime', O_RDONLY, 0, ROOT);
    if (typeof h === 'number') throw new Error();
    const buf = new Uint8Array(64);
    const n = h.read(0, buf);
    expect(utf8Decode(buf.subarray(0, n))).toBe('1.00 0.00\n');
    // the same handle keeps its snapshot; a new open computes again
    expect(h.read(0, buf)).toBe(n);
    expect(state.reads).toBe(1);
    expect(vfs.readFile('/proc/uptime')).toBe('2.00 0.00\n');
    expect((vfs.stat('/proc/sys', ROOT) as { mode: number }).mode & S_IFMT).toBe(S_IFDIR);
    expect(vfs.stat('/proc/nope', ROOT)).toBe(-ENOENT);
    // inode numbers are stable across lookups
    expect((vfs.stat('/proc/sys/net', ROOT) as { ino: number }).ino).toBe((vfs.stat('/proc/sys/net', ROOT) as { ino: number }).ino);
  });

  it('resolves /proc/self from the caller', () => {
    const { vfs } = procfs();
    expect(vfs.readlink('/proc/self', USER)).toBe('7');
    expect((vfs.lstat('/proc/self', USER) as { mode: number }).mode & S_IFMT).toBe(S_IFLNK);
    expect(vfs.readFile('/proc/self/comm', USER)).toBe('sh\n');
    expect(vfs.realpath('/proc/self/..', USER)).toBe('/proc');
  });

  it('passes writes to GenFile.write and keeps read-only files read-only', () => {
    const { vfs, state } = procfs();
    expect(vfs.writeFile('/proc/sys/net/ipv4/ip_forward', '1\n')).toBe(0);
    expect(state.forward).toBe('1');
    expect(vfs.readFile('/proc/sys/net/ipv4/ip_forward')).toBe('1\n');
    const bad = vfs.open('/proc/sys/net/ipv4/ip_forward', O_WRONLY, 0, ROOT);
    if (typeof bad === 'number') throw new Error();
    expect(bad.write(0, utf8Encode('7'))).toBe(-EINVAL);
    expect(bad.read(0, new Uint8Array(4))).toBe(-EBADF);
    // a 0644 file is not writable by others
    expect(vfs.open('/proc/sys/net/ipv4/ip_forward', O_WRONLY, 0, USER)).toBe(-EACCES);
    // Linux: root opening /proc/sys/kernel/osrelease for writing gets EACCES ...
    expect(vfs.open('/proc/sys/kernel/osrelease', O_WRONLY, 0, ROOT)).toBe(-EACCES);
    // ... while /proc/uptime opens and the write fails with EIO
    const up = vfs.open('/proc/uptime', O_WRONLY, 0, ROOT);
    if (typeof up === 'number') throw new Error();
    expect(up.write(0, utf8Encode('1'))).toBe(-EIO);
    expect(vfs.open('/proc/uptime', O_WRONLY, 0, USER)).toBe(-EACCES);
  });

  it('refuses to create or delete entries the way procfs does', () => {
    const { vfs } = procfs();
    expect(vfs.writeFile('/proc/foo', 'x')).toBe(-ENOENT);
    expect(vfs.mkdir('/proc/foo', 0o755, ROOT)).toBe(-ENOENT);
    expect(vfs.unlink('/proc/uptime', ROOT)).toBe(-EPERM);
    expect(vfs.rmdir('/proc/sys', ROOT)).toBe(-EPERM);
    expect(vfs.symlink('x', '/proc/sys/zz', ROOT)).toBe(-ENOENT);
    expect(vfs.chmod('/proc/uptime', 0o600, ROOT)).toBe(0);
    expect((vfs.stat('/proc/uptime', ROOT) as { mode: number }).mode).toBe(S_IFREG | 0o600);
    expect(vfs.mounts().map((m) => `${m.source} ${m.target} ${m.fstype} ${m.options}`)).toEqual([
      'tmpfs / tmpfs rw,relatime', 'proc /proc proc rw,relatime',
    ]);
  });
});

describe('utf8', () => {
  it('round-trips text including multi-byte and astral characters', () => {
    const text = 'héllo → 世界 🌐';
    const bytes = utf8Encode(text);
    expect(bytes).toEqual(new Uint8Array(Buffer.from(text, 'utf8')));
    expect(utf8Decode(bytes)).toBe(text);
    expect(utf8Decode(new Uint8Array([0x61, 0xff, 0xc3]))).toBe('a\ufffd\ufffd');
    expect(utf8Decode(new Uint8Array([0xed, 0xa0, 0x80]))).toBe('\ufffd');
  });
});
