// Sockets as files: the FileOps of kind 'socket' over a transport socket (net/transport), so read,
// write, poll, fstat and close work on socket descriptors; wait queues are woken by the socket's `wake`.

import type { Cpu } from '../cpu/index.ts';
import type { Socket } from '../net/transport/index.ts';
import { S_IFSOCK, type Stat } from './abi.ts';
import type { FileOps, OpenFile } from './file.ts';
import { WaitQueue } from './wait-queue.ts';

export class KernelSocket {
  readonly readable: WaitQueue;
  readonly writable: WaitQueue;

  constructor(cpu: Cpu, readonly sock: Socket, readonly atime: number) {
    this.readable = new WaitQueue(cpu);
    this.writable = new WaitQueue(cpu);
    sock.wake = () => {
      this.readable.wakeAll();
      this.writable.wakeAll();
    };
  }
}

const ks = (f: OpenFile) => f.state as KernelSocket;

export const socketOps: FileOps = {
  kind: 'socket',
  seekable: false,
  read(f, buf) {
    const sock = ks(f).sock;
    const r = sock.recv(buf, 0);
    sock.stack.link.flushLoopback();
    return typeof r === 'number' ? r : r.length;
  },
  // What a write sent on loopback is received before it returns (the softirq at local_bh_enable).
  write(f, data) {
    const sock = ks(f).sock;
    const n = sock.send(data, 0, null);
    sock.stack.link.flushLoopback();
    return n;
  },
  poll: (f) => ks(f).sock.poll(),
  readQueue: (f) => ks(f).readable,
  writeQueue: (f) => ks(f).writable,
  stat(f): Stat {
    const s = ks(f);
    return {
      dev: 8, ino: s.sock.ino, mode: S_IFSOCK | 0o777, nlink: 1, uid: s.sock.uid, gid: 0, rdev: 0, size: 0,
      blksize: 4096, blocks: 0, atime: s.atime, mtime: s.atime, ctime: s.atime,
    };
  },
  release(f) {
    const s = ks(f);
    s.sock.close();
    s.sock.stack.link.flushLoopback();
    s.sock.wake = () => {};
    s.readable.wakeAll();
    s.writable.wakeAll();
  },
};

export function isSocketFile(f: OpenFile): boolean {
  return f.ops === socketOps;
}
