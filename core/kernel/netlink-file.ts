// A NETLINK_ROUTE socket bound to rtnetlink multicast groups, as a file: it queues the stack's
// notifications (copied into ABI records when they happen) and polls readable while any are queued.
// rtReadEvents takes them; read(2) has no byte form of them and fails with EOPNOTSUPP.

import { EOPNOTSUPP, S_IFSOCK, type RtEvent, type Stat } from './abi.ts';
import type { Cpu } from '../cpu/index.ts';
import type { FileOps, OpenFile } from './file.ts';
import type { Registration } from '../net/stack/index.ts';
import { WaitQueue } from './wait-queue.ts';

/** What a socket's receive buffer holds before the sender sees ENOBUFS (events beyond are dropped). */
export const RTNL_QUEUE_MAX = 4096;

export class RtnlSubscription {
  readonly readable: WaitQueue;
  queue: RtEvent[] = [];
  /** Events dropped since the last read (netlink's ENOBUFS overrun). */
  dropped = 0;
  registration: Registration | null = null;

  constructor(cpu: Cpu, readonly ino: number, readonly atime: number) {
    this.readable = new WaitQueue(cpu);
  }

  push(e: RtEvent): void {
    if (this.queue.length >= RTNL_QUEUE_MAX) {
      this.dropped++;
      return;
    }
    this.queue.push(e);
    this.readable.wakeAll();
  }
}

const sub = (f: OpenFile) => f.state as RtnlSubscription;

export const netlinkOps: FileOps = {
  kind: 'socket',
  seekable: false,
  read: () => -EOPNOTSUPP,
  write: () => -EOPNOTSUPP,
  poll: (f) => (sub(f).queue.length ? 0x1 : 0) | 0x4, // POLLIN when queued; POLLOUT always
  readQueue: (f) => sub(f).readable,
  stat(f): Stat {
    const s = sub(f);
    return {
      dev: 8, ino: s.ino, mode: S_IFSOCK | 0o777, nlink: 1, uid: 0, gid: 0, rdev: 0, size: 0,
      blksize: 4096, blocks: 0, atime: s.atime, mtime: s.atime, ctime: s.atime,
    };
  },
  release(f) {
    const s = sub(f);
    s.registration?.dispose();
    s.registration = null;
    s.queue = [];
    s.readable.wakeAll();
  },
};

export const isNetlinkFile = (f: OpenFile): boolean => f.ops === netlinkOps;
