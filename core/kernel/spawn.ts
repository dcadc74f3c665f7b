// Processes started from outside the guest (like `docker exec`): no parent inside the guest, their
// descriptors given by the host, optionally a new session on a terminal. Also capture files, which
// collect what a process writes for the host.

import { O_RDWR, O_WRONLY, POLLOUT, S_IFIFO, type Stat } from './abi.ts';
import { OpenFile, type FileOps } from './file.ts';
import type { Kernel } from './kernel.ts';
import { loadImage, type LoadedImage } from './exec.ts';
import type { Program } from './abi.ts';
import { basename } from './paths.ts';
import type { Process } from './process.ts';
import { ttyOps } from './devices.ts';
import type { Tty } from './tty.ts';

export interface SpawnOptions {
  /** The environment, kept by the process as given (not copied: the caller must not change it later). */
  envp: readonly string[];
  cwd?: string;
  /** Descriptions for fds 0, 1, 2 ... (each gains a reference). */
  fds?: OpenFile[];
  /** Start a new session with this terminal as its controlling terminal and stdio. */
  tty?: Tty;
  /** The parent inside the guest (null: none, like `docker exec`). */
  parent?: Process | null;
}

/** Starts a program; returns the process or -errno. */
export function spawnProcess(k: Kernel, path: string, argv: readonly string[], options: SpawnOptions):
  Process | number {
  const proc = k.newProcess(options.parent ?? null);
  if (options.cwd) proc.cwd = options.cwd;
  const image = loadImage(k, proc, path, argv);
  if (typeof image === 'number') {
    k.processes.delete(proc.pid);
    options.parent?.removeChild(proc);
    return image;
  }
  return startSpawned(k, proc, image, options);
}

/** Starts a program already known (init at boot): no program file is read. */
export function spawnProgram(k: Kernel, program: Program, path: string, argv: readonly string[], options: SpawnOptions): Process {
  const proc = k.newProcess(options.parent ?? null);
  if (options.cwd) proc.cwd = options.cwd;
  return startSpawned(k, proc, { program, path, argv: argv.slice() }, options);
}

function startSpawned(k: Kernel, proc: Process, image: LoadedImage, options: SpawnOptions): Process {
  if (options.tty) {
    const tty = options.tty;
    proc.sid = proc.pid;
    proc.pgid = proc.pid;
    proc.ctty = tty;
    tty.session = proc.sid;
    tty.foreground = proc.pgid;
    // The terminal is opened once and the open file put at 0, 1 and 2, as runc gives a `docker exec -t`
    // process its console (one open file: flags set through one descriptor hold for all three).
    const file = new OpenFile(ttyOps, O_RDWR, tty, `/dev/${tty.name}`);
    proc.fds.installAt(0, file, false);
    proc.fds.installAt(1, file.ref(), false);
    proc.fds.installAt(2, file.ref(), false);
  } else if (!options.parent) {
    proc.sid = proc.pid;
    proc.pgid = proc.pid;
  }
  options.fds?.forEach((f, fd) => proc.fds.installAt(fd, f.ref(), false));
  proc.comm = basename(image.path).slice(0, 15);
  proc.argv = image.argv;
  proc.envp = options.envp;
  proc.exe = image.path;
  k.startImage(proc, image.program, image.argv, options.envp);
  return proc;
}

/** Collects everything written to it, in order (stdout and stderr sharing it interleave as written). */
export class Capture {
  private chunks: Uint8Array[] = [];
  length = 0;
  onData: ((bytes: Uint8Array) => void) | null = null;

  append(data: Uint8Array): void {
    const copy = data.slice();
    this.chunks.push(copy);
    this.length += copy.length;
    this.onData?.(copy);
  }

  bytes(): Uint8Array {
    const out = new Uint8Array(this.length);
    let o = 0;
    for (const c of this.chunks) {
      out.set(c, o);
      o += c.length;
    }
    return out;
  }
}

function captureStat(): Stat {
  return { dev: 12, ino: 1, mode: S_IFIFO | 0o600, nlink: 1, uid: 0, gid: 0, rdev: 0, size: 0, blksize: 4096,
    blocks: 0, atime: 0, mtime: 0, ctime: 0 };
}

/** A write-only pipe whose reader is the host. */
const captureOps: FileOps = {
  kind: 'pipe',
  seekable: false,
  read: () => -9,
  write(f, data) {
    (f.state as Capture).append(data);
    return data.length;
  },
  poll: () => POLLOUT,
  stat: captureStat,
  release() {},
};

export function captureFile(capture: Capture): OpenFile {
  return new OpenFile(captureOps, O_WRONLY, capture, 'pipe:[capture]');
}

/** A read-only stream holding fixed bytes, then end of file (a host-provided stdin). */
export function feedFile(bytes: Uint8Array): OpenFile {
  const state = { data: bytes, pos: 0 };
  const ops: FileOps = {
    kind: 'pipe',
    seekable: false,
    read(_f, buf) {
      const n = Math.min(buf.length, state.data.length - state.pos);
      buf.set(state.data.subarray(state.pos, state.pos + n));
      state.pos += n;
      return n;
    },
    write: () => -9,
    poll: () => 1,
    stat: captureStat,
    release() {},
  };
  return new OpenFile(ops, 0, state, 'pipe:[feed]');
}
