// A guest process: identity (pid, process group, session), credentials, cwd and umask, descriptor
// table, signal state, CPU account, and its place in the process tree. The state is an explicit union;
// blocking is sleeping on wait queues (see sleep()).

import type { CpuAccount, Timer } from '../cpu/index.ts';
import { FdTable } from './file.ts';
import { SignalTable } from './signals.ts';
import type { Tty } from './tty.ts';
import { WaitQueue, type Sleeper, type WakeReason } from './wait-queue.ts';
import type { Cpu } from '../cpu/index.ts';

/** Supplementary groups of a process that never changed them (shared: the list is replaced, never edited). */
const ROOT_GROUPS: readonly number[] = Object.freeze([0]);
const NO_CHILDREN: readonly Process[] = Object.freeze([]);

export type ProcState =
  | 'running'   // R: runnable or running
  | 'sleeping'  // S: interruptible sleep in a syscall
  | 'stopped'   // T: stopped by a signal
  | 'zombie';   // Z: exited, waiting to be reaped

export class Process {
  state: ProcState = 'running';
  pgid: number;
  sid: number;
  uid = 0;
  gid = 0;
  euid = 0;
  egid = 0;
  groups: readonly number[] = ROOT_GROUPS;
  cwd = '/';
  umask = 0o022;
  fds = new FdTable();
  signals = new SignalTable();
  parent: Process | null;
  /** Children (living and zombies), made with the first one. */
  private kids: Set<Process> | null = null;
  /** Wait status once a zombie (or the stop signal while stopped). */
  status = 0;
  /** A stop or continue not yet reported to the parent by wait4 (WUNTRACED / WCONTINUED). */
  stopUnreported = false;
  contUnreported = false;
  comm = '';
  argv: readonly string[] = [];
  envp: readonly string[] = [];
  /** Path of the program image (for /proc/<pid>/exe). */
  exe = '';
  /** Bumped by execve: the Sys of an older image stops working. */
  generation = 0;
  ctty: Tty | null = null;
  /** The current interruptible sleep, if any. */
  sleeper: Sleeper | null = null;
  /** The wait queues below, made when someone first sleeps on one (most processes never do). */
  private childQueue: WaitQueue | null = null;
  private contQueue: WaitQueue | null = null;
  private readonly cpu: Cpu;
  /** CPU charged since the process last gave the CPU away. */
  slice = 0;
  /** CPU time of reaped children (for times()). */
  cutime = 0;
  cstime = 0;
  alarm: Timer | null = null;
  /** Minor page faults and such are not modelled; kept for /proc/<pid>/stat's layout. */
  readonly startTime: number;
  /** Resolvers of host-side waiters (the CLI or server waiting for this process to end), if any. */
  exitWaiters: Array<(status: number) => void> | null = null;

  constructor(
    readonly pid: number,
    parent: Process | null,
    readonly account: CpuAccount,
    cpu: Cpu,
  ) {
    this.parent = parent;
    this.pgid = parent ? parent.pgid : pid;
    this.sid = parent ? parent.sid : pid;
    this.cpu = cpu;
    this.startTime = cpu.now;
  }

  get children(): Iterable<Process> {
    return this.kids ?? NO_CHILDREN;
  }

  addChild(child: Process): void {
    if (this.kids) this.kids.add(child);
    else this.kids = new Set([child]);
  }

  removeChild(child: Process): void {
    this.kids?.delete(child);
  }

  clearChildren(): void {
    this.kids = null;
  }

  /** Parent's wait4 sleeps here; children's state changes wake it. */
  get childEvents(): WaitQueue {
    return (this.childQueue ??= new WaitQueue(this.cpu));
  }

  /** A stopped process waits here for SIGCONT. */
  get continued(): WaitQueue {
    return (this.contQueue ??= new WaitQueue(this.cpu));
  }

  /** Wakes a wait4 sleeping on childEvents (nothing to do when no queue was ever made). */
  wakeChildEvents(): void {
    this.childQueue?.wakeAll();
  }

  wakeContinued(): void {
    this.contQueue?.wakeAll();
  }

  get ppid(): number {
    return this.parent?.pid ?? 0;
  }

  get alive(): boolean {
    return this.state !== 'zombie';
  }

  /** One-letter state as /proc/<pid>/stat and ps show it. */
  get stateLetter(): string {
    switch (this.state) {
      case 'running': return 'R';
      case 'sleeping': return 'S';
      case 'stopped': return 'T';
      case 'zombie': return 'Z';
    }
  }
}

/** For a sleep that only a signal or its timer ends (pause, nanosleep). */
export const NO_QUEUES: readonly WaitQueue[] = Object.freeze([]);

/** One interruptible sleep: on its wait queues, with an optional timer (an object, not closures, per sleep). */
class ProcessSleep implements Sleeper {
  done = false;
  timer: Timer | null = null;
  /** Resolves the promise sleep() returned. */
  settle: ((reason: WakeReason) => void) | null = null;

  constructor(
    private readonly proc: Process,
    private readonly queues: readonly WaitQueue[],
  ) {}

  /** Why it was woken while its process was stopped, kept until SIGCONT. */
  private held: WakeReason | null = null;

  resolve(reason: WakeReason): void {
    for (const q of this.queues) q.remove(this);
    this.timer?.cancel();
    const proc = this.proc;
    if (proc.state === 'stopped') {
      // A stopped process does not run: whatever woke it (data, a timeout, a signal) waits for SIGCONT,
      // as Linux restarts the interrupted call then, so the call takes nothing while the process is stopped.
      this.held ??= reason;
      this.done = false;
      proc.continued.remove(this);
      proc.continued.add(this);
      return;
    }
    if (proc.sleeper === this) proc.sleeper = null;
    if (proc.state === 'sleeping') proc.state = 'running';
    if (proc.state === 'zombie') return; // killed: never resumes
    this.settle!(this.held ?? reason);
  }
}

/**
 * Sleeps until one of `queues` is woken, `timeout` ns pass, or a signal interrupts. Resolves with why.
 * A process killed while asleep never resumes.
 */
export function sleep(cpu: Cpu, proc: Process, queues: readonly WaitQueue[], timeout?: number,
  signalPending = false): Promise<WakeReason> {
  if (signalPending) return Promise.resolve('signal');
  const sleeper = new ProcessSleep(proc, queues);
  const promise = new Promise<WakeReason>((resolve) => {
    sleeper.settle = resolve;
  });
  for (const q of queues) q.add(sleeper);
  if (timeout !== undefined && timeout >= 0 && timeout !== Infinity) {
    sleeper.timer = cpu.setTimer(timeout, () => {
      if (sleeper.done) return;
      sleeper.done = true;
      sleeper.resolve('timeout');
    });
  }
  proc.sleeper = sleeper;
  if (proc.state === 'running') proc.state = 'sleeping';
  return promise;
}
