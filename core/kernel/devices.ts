// Character devices: /dev/null, zero, full, random, urandom, and the terminals (/dev/tty, /dev/console,
// /dev/pts/N). The VFS only stores device nodes; opening one attaches the driver named by its rdev.

import {
  ENOSPC, ENXIO, POLLIN, POLLOUT, S_IFCHR, makedev, type Stat,
} from './abi.ts';
import type { FileOps, OpenFile } from './file.ts';
import type { Kernel } from './kernel.ts';
import type { Process } from './process.ts';
import type { Tty } from './tty.ts';

export const DEV_NULL = makedev(1, 3);
export const DEV_ZERO = makedev(1, 5);
export const DEV_FULL = makedev(1, 7);
export const DEV_RANDOM = makedev(1, 8);
export const DEV_URANDOM = makedev(1, 9);
export const DEV_TTY = makedev(5, 0);
export const DEV_CONSOLE = makedev(5, 1);
export const PTS_MAJOR = 136;

interface DeviceState {
  rdev: number;
  stat: Stat;
  kernel: Kernel;
}

function simpleDevice(read: (s: DeviceState, buf: Uint8Array) => number,
  write: (s: DeviceState, data: Uint8Array) => number): FileOps {
  return {
    kind: 'device',
    seekable: true,
    read: (f, buf) => read(f.state as DeviceState, buf),
    write: (f, data) => write(f.state as DeviceState, data),
    poll: () => POLLIN | POLLOUT,
    stat: (f) => (f.state as DeviceState).stat,
    size: () => 0,
    release() {},
  };
}

const nullOps = simpleDevice(() => 0, (_s, d) => d.length);
const zeroOps = simpleDevice((_s, b) => (b.fill(0), b.length), (_s, d) => d.length);
const fullOps = simpleDevice((_s, b) => (b.fill(0), b.length), () => -ENOSPC);
const randomOps = simpleDevice((s, b) => (s.kernel.cpu.rng.fill(b), b.length), (_s, d) => d.length);

/** Terminal descriptions: the tty itself is the state. */
export const ttyOps: FileOps = {
  kind: 'tty',
  seekable: false,
  read: (f, buf) => (f.state as Tty).read(buf),
  write: (f, data) => (f.state as Tty).write(data),
  poll: (f) => (f.state as Tty).poll(),
  readQueue: (f) => (f.state as Tty).readable,
  writeQueue: (f) => (f.state as Tty).writable,
  stat(f) {
    const tty = f.state as Tty;
    const st = tty.ptsAttrs.stat(3 + tty.index, makedev(PTS_MAJOR, tty.index));
    st.dev = tty.dev;
    return st;
  },
  release() {},
};

/**
 * The driver state for an opened device node, or -errno (/dev/tty without a controlling terminal is
 * ENXIO). Returns the ops and state to build the OpenFile with.
 */
export function openDevice(kernel: Kernel, proc: Process, stat: Stat):
  { ops: FileOps; state: unknown } | number {
  const rdev = stat.rdev;
  const state: DeviceState = { rdev, stat, kernel };
  switch (rdev) {
    case DEV_NULL: return { ops: nullOps, state };
    case DEV_ZERO: return { ops: zeroOps, state };
    case DEV_FULL: return { ops: fullOps, state };
    case DEV_RANDOM:
    case DEV_URANDOM: return { ops: randomOps, state };
    case DEV_TTY: return proc.ctty ? { ops: ttyOps, state: proc.ctty } : -ENXIO;
    case DEV_CONSOLE: {
      const tty = kernel.ttys[0];
      return tty ? { ops: ttyOps, state: tty } : { ops: nullOps, state };
    }
  }
  if (rdev >> 8 === PTS_MAJOR) {
    const tty = kernel.ttys.find((t) => t.index === (rdev & 0xff));
    return tty ? { ops: ttyOps, state: tty } : -ENXIO;
  }
  return -ENXIO;
}

/** Whether a description is a terminal. */
export const isTtyFile = (f: OpenFile): boolean => f.ops === ttyOps;

