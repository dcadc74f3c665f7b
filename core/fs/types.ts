// The contract between the VFS and its users (the kernel, the lab loader, image builders).
// Every operation reports failure as a negative Linux errno number (see kernel/abi.ts), never by throwing.
// Paths given to Vfs operations are absolute ('/etc/hosts'); the kernel joins them with the caller's cwd.

/** Who is asking: procfs answers /proc/self from `pid`; permission checks use uid/gid (root bypasses). */
export interface Caller {
  pid: number;
  uid: number;
  gid: number;
}

/** Times are virtual nanoseconds since the Unix epoch. */
export interface Stat {
  dev: number;
  ino: number;
  /** File type bits (S_IFREG, S_IFDIR, ...) | permission bits. */
  mode: number;
  nlink: number;
  uid: number;
  gid: number;
  /** Device number for character devices (makedev(major, minor) = major << 8 | minor). */
  rdev: number;
  size: number;
  blksize: number;
  blocks: number;
  atime: number;
  mtime: number;
  ctime: number;
}

/** d_type values as getdents64 reports them. */
export const DT_UNKNOWN = 0;
export const DT_FIFO = 1;
export const DT_CHR = 2;
export const DT_DIR = 4;
export const DT_REG = 8;
export const DT_LNK = 10;
export const DT_SOCK = 12;

export interface DirEntry {
  name: string;
  ino: number;
  type: number;
}

/**
 * An open regular file or directory. For special inodes (character devices, FIFOs, sockets) `open`
 * returns a handle too, and the kernel uses `stat().mode` and `stat().rdev` to attach the driver.
 */
export interface FileHandle {
  stat(): Stat;
  /** Copies bytes at `pos` into `buf`; returns the count (0 at end of file) or -errno. */
  read(pos: number, buf: Uint8Array): number;
  /** Writes `data` at `pos`, growing the file as needed; returns the count or -errno. */
  write(pos: number, data: Uint8Array): number;
  truncate(size: number): number;
  /** Directory entries including '.' and '..', in a stable order; -ENOTDIR for non-directories. */
  readdir(): DirEntry[] | number;
  /** Called once when the last descriptor using it is closed. */
  release?(): void;
  /**
   * Makes `data` the whole contents of an empty regular file without copying it: the file reads `data`
   * until its first change, which copies it first (copy-on-write), so `data` must never change (many files
   * may share it). A file with contents is written as by write(0, data). Returns the count or -errno.
   */
  writeShared?(data: Uint8Array): number;
}

/** Nodes of generated file systems (procfs, sysfs): contents computed on demand from kernel state. */
export interface GenFile {
  kind: 'file';
  /** Permission bits; default 0o444, or 0o644 when `write` is given. */
  mode?: number;
  /** Contents, computed when the file is opened. */
  read(caller: Caller): string | Uint8Array;
  /** Applies a write (the whole buffer a write() call passed); returns the count or -errno. */
  write?(data: Uint8Array, caller: Caller): number;
}

export interface GenDir {
  kind: 'dir';
  mode?: number;
  /** Names in listing order. */
  list(caller: Caller): string[];
  get(name: string, caller: Caller): GenNode | undefined;
}

export interface GenLink {
  kind: 'symlink';
  target(caller: Caller): string;
}

export type GenNode = GenFile | GenDir | GenLink;

export interface MountInfo {
  /** What /proc/mounts shows in its first column ('overlay', 'proc', 'tmpfs', ...). */
  source: string;
  target: string;
  fstype: string;
  options: string;
}
