// devpts, the file system at /dev/pts: `ptmx` and one character device per open pseudo-terminal, named
// by its index, made from the kernel's terminals on each lookup (nothing is stored for a terminal beyond
// its inode attributes, kept on the Tty). Mounted as Docker mounts it for a container:
// `devpts /dev/pts devpts rw,nosuid,noexec,relatime,gid=5,mode=620,ptmxmode=666`.

import type { Attr, Caller, DirEntry, FileHandle, Filesystem, Node, Stat } from '../fs/index.ts';
import { DT_CHR, DT_DIR } from '../fs/types.ts';
import { EACCES, EINVAL, EISDIR, ENOENT, ENOTDIR, EPERM, S_IFCHR, S_IFDIR, S_IFMT, makedev } from './abi.ts';
import { PTS_MAJOR } from './devices.ts';
import type { Tty } from './tty.ts';

/** What /proc/mounts shows for the mount. */
export const DEVPTS_MOUNT = Object.freeze({
  source: 'devpts', fstype: 'devpts', options: 'rw,nosuid,noexec,relatime,gid=5,mode=620,ptmxmode=666',
});

/** The group of a new terminal's device (gid=5, tty) and its mode (mode=620). */
const TTY_GID = 5;
const PTS_MODE = 0o620;
const PTMX_RDEV = makedev(5, 2);

/** The attributes of one devpts inode (chmod, chown and touch change them). */
export class PtsAttrs {
  atime: number;
  mtime: number;
  ctime: number;

  constructor(
    public mode: number,
    public uid: number,
    public gid: number,
    time: number,
  ) {
    this.atime = this.mtime = this.ctime = time;
  }

  /** The attributes of a new terminal's device, owned by `uid` (the opener), as devpts_pty_new makes them. */
  static forTerminal(uid: number, time: number): PtsAttrs {
    return new PtsAttrs(S_IFCHR | PTS_MODE, uid, TTY_GID, time);
  }

  set(attr: Attr, now: number): void {
    if (attr.mode !== undefined) this.mode = (this.mode & S_IFMT) | (attr.mode & 0o7777);
    if (attr.uid !== undefined) this.uid = attr.uid;
    if (attr.gid !== undefined) this.gid = attr.gid;
    if (attr.atime !== undefined) this.atime = attr.atime;
    if (attr.mtime !== undefined) this.mtime = attr.mtime;
    this.ctime = now;
  }

  stat(ino: number, rdev: number): Stat {
    const dir = (this.mode & S_IFMT) === S_IFDIR;
    return {
      dev: 0, ino, mode: this.mode, nlink: dir ? 2 : 1, uid: this.uid, gid: this.gid, rdev, size: 0, blksize: 1024,
      blocks: 0, atime: this.atime, mtime: this.mtime, ctime: this.ctime,
    };
  }
}

export class DevPtsFs implements Filesystem {
  readonly fstype = 'devpts';
  /** When it was mounted: the times of the root and ptmx until they are changed. */
  private readonly mounted: number;
  private top: DevPtsNode | null = null;
  private ptmxAttrs: PtsAttrs | null = null;

  constructor(
    /** The kernel's terminals, in the order they were opened. */
    readonly terminals: () => readonly Tty[],
    readonly now: () => number,
  ) {
    this.mounted = now();
  }

  root(): DevPtsNode {
    return (this.top ??= new DevPtsNode(this, 1, new PtsAttrs(S_IFDIR | 0o755, 0, 0, this.mounted), 0, null));
  }

  get ptmx(): PtsAttrs {
    return (this.ptmxAttrs ??= new PtsAttrs(S_IFCHR | 0o666, 0, 0, this.mounted));
  }

  terminal(index: number): Tty | undefined {
    for (const t of this.terminals()) if (t.index === index) return t;
    return undefined;
  }
}

/** Inode numbers as devpts gives them: the root 1, ptmx 2, terminal N N + 3. */
const ptsIno = (index: number): number => index + 3;

class DevPtsNode implements Node {
  constructor(
    readonly fs: DevPtsFs,
    private readonly ino: number,
    private readonly attrs: PtsAttrs,
    private readonly rdev: number,
    /** The terminal a device node stands for (null for the root and ptmx). */
    private readonly tty: Tty | null,
  ) {}

  stat(): Stat {
    return this.attrs.stat(this.ino, this.rdev);
  }

  modeBits(): number {
    return this.attrs.mode;
  }

  private get isDir(): boolean {
    return this.ino === 1;
  }

  /** The terminal this node stands for has been closed: its name is gone. */
  private get gone(): boolean {
    return this.tty !== null && this.fs.terminal(this.tty.index) !== this.tty;
  }

  lookup(name: string): Node | number {
    if (!this.isDir) return -ENOTDIR;
    if (name === 'ptmx') return new DevPtsNode(this.fs, 2, this.fs.ptmx, PTMX_RDEV, null);
    if (!/^(0|[1-9][0-9]*)$/.test(name)) return -ENOENT;
    const tty = this.fs.terminal(Number(name));
    if (!tty) return -ENOENT;
    return new DevPtsNode(this.fs, ptsIno(tty.index), tty.ptsAttrs, makedev(PTS_MAJOR, tty.index), tty);
  }

  list(): DirEntry[] | number {
    if (!this.isDir) return -ENOTDIR;
    const out: DirEntry[] = [{ name: 'ptmx', ino: 2, type: DT_CHR }];
    for (const t of [...this.fs.terminals()].sort((a, b) => a.index - b.index)) {
      out.push({ name: String(t.index), ino: ptsIno(t.index), type: DT_CHR });
    }
    return out;
  }

  // devpts makes its nodes itself: creating a file fails as a missing create operation does (EACCES, from
  // may_o_create), and the other changes of the directory are not permitted.
  create(): number {
    return -EACCES;
  }

  mkdir(): number {
    return -EPERM;
  }

  symlink(): number {
    return -EPERM;
  }

  link(): number {
    return -EPERM;
  }

  unlink(): number {
    return -EPERM;
  }

  rmdir(): number {
    return -EPERM;
  }

  rename(): number {
    return -EPERM;
  }

  readlink(): number {
    return -EINVAL;
  }

  setattr(attr: Attr): number {
    if (this.gone) return -ENOENT;
    if (attr.size !== undefined && this.isDir) return -EISDIR;
    this.attrs.set(attr, this.fs.now());
    return 0;
  }

  open(_flags: number, _caller: Caller): FileHandle | number {
    if (this.gone) return -ENOENT;
    return new DevPtsHandle(this);
  }
}

/** An open devpts inode: the directory is read; a device node is only looked at (the kernel opens its driver). */
class DevPtsHandle implements FileHandle {
  constructor(private readonly node: DevPtsNode) {}

  stat(): Stat {
    return this.node.stat();
  }

  read(): number {
    return -EISDIR;
  }

  write(): number {
    return -EISDIR;
  }

  truncate(): number {
    return -EINVAL;
  }

  readdir(): DirEntry[] | number {
    const list = this.node.list();
    if (typeof list === 'number') return list;
    return [{ name: '.', ino: 1, type: DT_DIR }, { name: '..', ino: 1, type: DT_DIR }, ...list];
  }
}
