// Descriptions of regular files and directories: reads and writes at the description's offset through
// the VFS FileHandle; O_APPEND writes at the end; directories are read with getdents.

import { EISDIR, POLLIN, POLLOUT } from './abi.ts';
import type { FileHandle } from '../fs/types.ts';
import type { FileOps, OpenFile } from './file.ts';

const handleOf = (f: OpenFile): FileHandle => f.state as FileHandle;

export const regularFileOps: FileOps = {
  kind: 'inode',
  seekable: true,
  read(f, buf) {
    const n = handleOf(f).read(f.pos, buf);
    if (n > 0) f.pos += n;
    return n;
  },
  write(f, data) {
    const h = handleOf(f);
    if (f.flags & 0o2000) f.pos = h.stat().size; // O_APPEND
    const n = h.write(f.pos, data);
    if (n > 0) f.pos += n;
    return n;
  },
  pread: (f, buf, pos) => handleOf(f).read(pos, buf),
  pwrite: (f, data, pos) => handleOf(f).write(pos, data),
  poll: () => POLLIN | POLLOUT,
  stat: (f) => handleOf(f).stat(),
  size: (f) => handleOf(f).stat().size,
  truncate: (f, size) => handleOf(f).truncate(size),
  release: (f) => handleOf(f).release?.(),
};

export const directoryOps: FileOps = {
  kind: 'dir',
  seekable: true,
  read: () => -EISDIR,
  write: () => -EISDIR,
  poll: () => POLLIN | POLLOUT,
  stat: (f) => handleOf(f).stat(),
  size: () => 0,
  release: (f) => handleOf(f).release?.(),
};
