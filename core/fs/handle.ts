// What the Vfs hands out: stats and open files carrying the st_dev of the mount they were reached through
// (one file system, such as the lab's shared MemFs, can be mounted in several guests).

import type { DirEntry, FileHandle, Stat } from './types.ts';
import type { Step } from './mounts.ts';

export function statOf(s: Step): Stat {
  const st = s.node.stat();
  st.dev = s.mount.dev;
  return st;
}

/** Gives handles the st_dev of the mount they were opened through. */
export class VfsHandle implements FileHandle {
  constructor(
    readonly inner: FileHandle,
    private readonly dev: number,
    /** The inode's file type (S_IFREG, S_IFDIR, ...), which never changes: no Stat is needed to learn it. */
    readonly type: number,
  ) {}

  stat(): Stat {
    const st = this.inner.stat();
    st.dev = this.dev;
    return st;
  }

  read(pos: number, buf: Uint8Array): number {
    return this.inner.read(pos, buf);
  }

  write(pos: number, data: Uint8Array): number {
    return this.inner.write(pos, data);
  }

  writeShared(data: Uint8Array): number {
    return this.inner.writeShared ? this.inner.writeShared(data) : this.inner.write(0, data);
  }

  truncate(size: number): number {
    return this.inner.truncate(size);
  }

  readdir(): DirEntry[] | number {
    return this.inner.readdir();
  }

  release(): void {
    this.inner.release?.();
  }
}
