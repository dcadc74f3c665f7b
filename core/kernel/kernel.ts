// The kernel of one guest: process table, signals, program execution, hostname, terminals, and the
// guest's file system. Each guest has its own Kernel; all guests of a lab share one Cpu. An exception
// escaping kernel code panics this guest only (panic()).

import { CpuAccount, CpuGroup, type Cpu, type QuotaOptions } from '../cpu/index.ts';
import { ROOT, type Vfs } from '../fs/index.ts';
import type { Stack } from '../net/stack/index.ts';
import {
  ECHILD, EINVAL, EPERM, ESRCH, NSIG, SIGCHLD, SIGCONT, SIGHUP, SIGKILL, SIGSEGV,
  W_EXITCODE, W_STOPCODE, type Program, type ForkBody, type Sys,
} from './abi.ts';
import { ProcessGone } from './errors.ts';
import { Process } from './process.ts';
import { bit, defaultAction, isUncatchable } from './signals.ts';
import { SharedCaches } from './shared-cache.ts';
import { Tty, type TtyHooks } from './tty.ts';
import { PtsAttrs } from './devpts.ts';
import { wake } from './wait-queue.ts';
import type { UnixSpace } from './unix-socket.ts';

/** Finds the program a file names (see exec.ts). */
export type ProgramLookup = (name: string) => Program | undefined;

export interface KernelOptions {
  cpu: Cpu;
  vfs: Vfs;
  hostname: string;
  programs: ProgramLookup;
  /** The guest's network stack (absent: no networking, socket calls fail with EAFNOSUPPORT). */
  net?: Stack;
  quota?: QuotaOptions;
  /** Linux version strings shown by uname and /proc/version. */
  release?: string;
  version?: string;
  /** Caches shared with the other guests of the image (a private one when absent). */
  caches?: SharedCaches;
}

export type SysFactory = (kernel: Kernel, proc: Process) => Sys;

export const PID_MAX = 4194304;

/** One resolved promise for every kernel (it never changes). */
const RESOLVED: Promise<void> = Promise.resolve();

export class Kernel implements TtyHooks {
  readonly cpu: Cpu;
  readonly vfs: Vfs;
  readonly group: CpuGroup;
  /** Values shared with the other guests of the image (parsed scripts). */
  readonly caches: SharedCaches;
  readonly programs: ProgramLookup;
  readonly net: Stack | undefined;
  hostname: string;
  domainname = '(none)';
  readonly release: string;
  readonly version: string;
  readonly processes = new Map<number, Process>();
  /** Open pseudo-terminals (replaced by concat, which makes an array of the exact length). */
  ttys: readonly Tty[] = [];
  private lastPid = 0;
  private lastInode = 10000;
  /** A promise already resolved: what a call that need not wait returns (sched_yield with time left). */
  readonly resolved: Promise<void> = RESOLVED;
  /** Set once the guest panicked or halted: nothing of it runs any more. */
  halted = false;
  panicMessage = '';
  /** Kernel log (dmesg). */
  readonly log: string[] = [];
  /** Creates the Sys object for a process image (set by sys.ts, which imports this file). */
  makeSys!: SysFactory;
  /** Called when the guest panics (the host shows it, stops the device). */
  onPanic: ((message: string) => void) | null = null;
  /** AF_UNIX sockets: bound and abstract names, what /proc/net/unix lists (made with the first socket). */
  unix: UnixSpace | null = null;
  /** Counts handed to /proc/loadavg, /proc/stat. */
  forks = 0;
  readonly bootTime: number;

  constructor(options: KernelOptions) {
    this.cpu = options.cpu;
    this.vfs = options.vfs;
    this.hostname = options.hostname;
    this.programs = options.programs;
    this.net = options.net;
    // The stack's messages (iptables LOG) go to this kernel's log.
    if (options.net) options.net.klog = this;
    this.group = new CpuGroup(options.cpu, options.quota);
    this.release = options.release ?? '6.1.0-netloom';
    this.version = options.version ?? '#1 SMP PREEMPT_DYNAMIC Debian 6.1.0-netloom';
    this.bootTime = options.cpu.now;
    this.caches = options.caches ?? new SharedCaches();
  }

  // ----------------------------------------------------------------------------------- process table

  private allocPid(): number {
    for (let i = 0; i < PID_MAX; i++) {
      this.lastPid = this.lastPid >= PID_MAX - 1 ? 300 : this.lastPid + 1;
      if (!this.processes.has(this.lastPid)) return this.lastPid;
    }
    return -1;
  }

  /** A new process: a child of `parent`, or a top-level one (init, or a host `exec`) when null. */
  newProcess(parent: Process | null): Process {
    const pid = this.allocPid();
    const proc = new Process(pid, parent, new CpuAccount(this.group), this.cpu);
    this.processes.set(pid, proc);
    if (parent) {
      parent.addChild(proc);
      proc.cwd = parent.cwd;
      proc.umask = parent.umask;
      proc.fds = parent.fds.clone();
      proc.signals = parent.signals.clone();
      proc.uid = parent.uid;
      proc.gid = parent.gid;
      proc.euid = parent.euid;
      proc.egid = parent.egid;
      proc.groups = parent.groups;
      proc.ctty = parent.ctty;
      proc.comm = parent.comm;
      proc.argv = parent.argv;
      proc.envp = parent.envp;
      proc.exe = parent.exe;
    }
    this.forks++;
    return proc;
  }

  /** Inode numbers of anonymous objects (pipes, sockets). */
  nextInode(): number {
    return ++this.lastInode;
  }

  get init(): Process | undefined {
    return this.processes.get(1);
  }

  /** fork(): the child runs `body` with its own Sys. */
  fork(parent: Process, body: ForkBody): number {
    if (this.halted) return -EPERM;
    const child = this.newProcess(parent);
    child.signals.pending = 0;
    this.run(child, () => body(this.makeSys(this, child)));
    return child.pid;
  }

  /** Starts a program image in `proc` (after exec or at spawn). */
  startImage(proc: Process, program: Program, argv: readonly string[], envp: readonly string[]): void {
    this.run(proc, () => program(this.makeSys(this, proc), argv, envp));
  }

  /** Runs process code; its result is the exit status, an exception makes it die like a crash. */
  private run(proc: Process, body: () => Promise<number>): void {
    const generation = proc.generation;
    this.cpu.enqueue(() => this.start(proc, generation, body));
  }

  /** Calls the body; what waits for its end holds only the process and generation (not the body). */
  private start(proc: Process, generation: number, body: () => Promise<number>): void {
    let result: Promise<number>;
    try {
      result = body();
    } catch (err) {
      this.crashed(proc, generation, err);
      return;
    }
    result.then(
      (status) => {
        if (proc.generation === generation && proc.alive) this.exit(proc, W_EXITCODE(status, 0));
      },
      (err) => this.crashed(proc, generation, err),
    );
  }

  private crashed(proc: Process, generation: number, err: unknown): void {
    if (err instanceof ProcessGone || proc.generation !== generation || !proc.alive) return;
    const message = err instanceof Error ? err.stack ?? err.message : String(err);
    this.printk(`${proc.comm}[${proc.pid}]: segfault: ${message}`);
    this.exit(proc, W_EXITCODE(0, SIGSEGV));
  }

  /** Ends a process with a wait status: releases its resources, reparents children, tells the parent. */
  exit(proc: Process, status: number): void {
    if (!proc.alive) return;
    proc.state = 'zombie';
    proc.status = status;
    proc.generation++;
    proc.alarm?.cancel();
    proc.alarm = null;
    if (proc.sleeper) {
      proc.sleeper.done = true;
      proc.sleeper = null;
    }
    proc.fds.closeAll();
    const init = this.init;
    for (const child of proc.children) {
      child.parent = init && init !== proc ? init : null;
      if (child.parent) {
        child.parent.addChild(child);
        if (!child.alive) wakeParent(this, child);
      } else if (!child.alive) {
        this.reap(child);
      }
    }
    proc.clearChildren();
    // A session leader exiting hangs up its terminal: SIGHUP to the foreground group.
    const tty = proc.ctty;
    if (tty && tty.session === proc.sid && proc.pid === proc.sid) {
      if (tty.foreground) this.signalGroup(tty.foreground, SIGHUP, true);
      tty.session = 0;
      tty.foreground = 0;
    }
    const waiters = proc.exitWaiters;
    proc.exitWaiters = null;
    if (waiters) for (const resolve of waiters) resolve(status);
    const parent = proc.parent;
    if (!parent) {
      this.reap(proc);
    } else if (parent.signals.get(SIGCHLD).handler === 'ignore') {
      parent.removeChild(proc);
      this.reap(proc);
      parent.wakeChildEvents();
    } else {
      wakeParent(this, proc);
    }
    if (proc.pid === 1 && !this.halted) this.panic('Attempted to kill init! exitcode=0x' + status.toString(16).padStart(8, '0'));
  }

  /** Removes a zombie from the process table. */
  reap(proc: Process): void {
    this.processes.delete(proc.pid);
    proc.parent?.removeChild(proc);
  }

  /** Resolves with the wait status when `pid` ends (host side; does not reap). */
  whenExited(pid: number): Promise<number> {
    const proc = this.processes.get(pid);
    if (!proc) return Promise.resolve(-ECHILD);
    if (!proc.alive) return Promise.resolve(proc.status);
    return new Promise((resolve) => {
      if (proc.exitWaiters) proc.exitWaiters.push(resolve);
      else proc.exitWaiters = [resolve];
    });
  }

  // ------------------------------------------------------------------------------------------ signals

  /** Sends a signal; the default actions (terminate, stop, continue) take effect at once. */
  sendSignal(proc: Process, signo: number, fromKernel = false): number {
    if (signo < 0 || signo >= NSIG) return -EINVAL;
    if (!proc.alive) return 0;
    if (signo === 0) return 0;
    const table = proc.signals;
    // init ignores signals it has no handler for, unless they come from the kernel.
    if (proc.pid === 1 && !fromKernel && table.get(signo).handler === 'default' && !this.halted) return 0;
    if (signo === SIGKILL) {
      this.exit(proc, W_EXITCODE(0, SIGKILL));
      return 0;
    }
    if (signo === SIGCONT) this.continueProcess(proc);
    if (defaultAction(signo) === 'stop') table.pending &= ~bit(SIGCONT);
    if (table.isIgnored(signo)) return 0;
    const action = table.get(signo);
    if (action.handler === 'default' && !(table.blocked & bit(signo) && !isUncatchable(signo))) {
      switch (defaultAction(signo)) {
        case 'term':
        case 'core':
          this.exit(proc, W_EXITCODE(0, signo));
          return 0;
        case 'stop':
          this.stopProcess(proc, signo);
          return 0;
        default:
          return 0;
      }
    }
    table.pending |= bit(signo);
    if (!(table.blocked & bit(signo)) && proc.sleeper) wake(this.cpu, proc.sleeper, 'signal');
    return 0;
  }

  private stopProcess(proc: Process, signo: number): void {
    if (proc.state === 'stopped' || !proc.alive) return;
    proc.state = 'stopped';
    proc.status = W_STOPCODE(signo);
    proc.stopUnreported = true;
    proc.contUnreported = false;
    const parent = proc.parent;
    if (parent) {
      parent.wakeChildEvents();
      this.sendSignal(parent, SIGCHLD, true);
    }
  }

  private continueProcess(proc: Process): void {
    if (proc.state !== 'stopped') return;
    proc.state = proc.sleeper ? 'sleeping' : 'running';
    proc.stopUnreported = false;
    proc.contUnreported = true;
    proc.wakeContinued();
    const parent = proc.parent;
    if (parent) {
      parent.wakeChildEvents();
      this.sendSignal(parent, SIGCHLD, true);
    }
  }

  /** Sends to every process of a group; -ESRCH when the group is empty. */
  signalGroup(pgid: number, signo: number, fromKernel = false): number {
    let found = false;
    for (const p of [...this.processes.values()]) {
      if (p.pgid === pgid && p.alive) {
        found = true;
        this.sendSignal(p, signo, fromKernel);
      }
    }
    return found ? 0 : -ESRCH;
  }

  /** kill(2) target rules: >0 a process, 0 the caller's group, -1 everyone it may, <-1 a group. */
  kill(sender: Process, pid: number, signo: number): number {
    if (signo < 0 || signo >= NSIG) return -EINVAL;
    if (pid > 0) {
      const p = this.processes.get(pid);
      if (!p || !p.alive) return -ESRCH;
      return this.sendSignal(p, signo);
    }
    if (pid === 0) return this.signalGroup(sender.pgid, signo);
    if (pid === -1) {
      let found = false;
      for (const p of [...this.processes.values()]) {
        if (p.pid !== 1 && p !== sender && p.alive) {
          found = true;
          this.sendSignal(p, signo);
        }
      }
      return found ? 0 : -ESRCH;
    }
    return this.signalGroup(-pid, signo);
  }

  /**
   * Runs handlers for pending, unblocked signals (at syscall return). Returns whether a handler ran
   * and whether every handler that ran asked for restart.
   */
  deliverSignals(proc: Process): { handled: boolean; restart: boolean } {
    const table = proc.signals;
    let handled = false;
    let restart = true;
    let deliverable = table.pending & ~table.blocked;
    while (deliverable && proc.alive) {
      const signo = 31 - Math.clz32(deliverable & -deliverable) + 1;
      table.pending &= ~bit(signo);
      deliverable = table.pending & ~table.blocked;
      const action = table.get(signo);
      if (typeof action.handler === 'function') {
        handled = true;
        if (!action.restart) restart = false;
        action.handler(signo);
      } else if (action.handler === 'default') {
        const what = defaultAction(signo);
        if (what === 'term' || what === 'core') this.exit(proc, W_EXITCODE(0, signo));
        else if (what === 'stop') this.stopProcess(proc, signo);
      }
    }
    return { handled, restart };
  }

  hasDeliverableSignal(proc: Process): boolean {
    return (proc.signals.pending & ~proc.signals.blocked) !== 0;
  }

  // ----------------------------------------------------------------------------------- terminals

  /** A new pseudo-terminal (/dev/pts/N), as a console attach or `docker exec -t` creates. */
  openPty(): Tty {
    let index = 0;
    while (this.ttys.some((t) => t.index === index)) index++;
    // Its /dev/pts inode belongs to root (the opener).
    const tty = new Tty(this.cpu, `pts/${index}`, index, this, PtsAttrs.forTerminal(0, this.cpu.realtime));
    this.ttys = this.ttys.concat(tty);
    return tty;
  }

  /** Signals a terminal sends (^C, ^Z, SIGWINCH) come from the kernel. */
  ptsDev(): number {
    const dir = this.vfs.stat('/dev/pts', ROOT);
    return typeof dir === 'number' ? 0 : dir.dev;
  }

  ttySignal(pgid: number, signo: number): void {
    this.signalGroup(pgid, signo, true);
  }

  closePty(tty: Tty): void {
    if (this.ttys.includes(tty)) this.ttys = this.ttys.filter((t) => t !== tty);
    if (tty.session) {
      const leader = this.processes.get(tty.session);
      if (tty.foreground) this.signalGroup(tty.foreground, SIGHUP, true);
      if (leader) this.sendSignal(leader, SIGHUP, true);
      for (const p of this.processes.values()) if (p.ctty === tty) p.ctty = null;
    }
  }

  // -------------------------------------------------------------------------------------- failure

  printk(message: string): void {
    const t = (this.cpu.now / 1e9).toFixed(6).padStart(12, ' ');
    this.log.push(`[${t}] ${message}`);
    if (this.log.length > 1000) this.log.shift();
  }

  /** Stops this guest for good after a bug in kernel code; the rest of the lab goes on. */
  panic(reason: string): void {
    if (this.halted) return;
    this.halted = true;
    this.panicMessage = `Kernel panic - not syncing: ${reason}`;
    this.printk(this.panicMessage);
    const text = `\r\n${this.panicMessage}\r\n`;
    const bytes = new Uint8Array(text.length);
    for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i) & 0xff;
    for (const tty of this.ttys) tty.sink(bytes);
    for (const p of [...this.processes.values()]) {
      if (p.alive) {
        p.state = 'zombie';
        p.status = W_EXITCODE(0, SIGKILL);
        p.generation++;
        if (p.sleeper) p.sleeper.done = true;
        const waiters = p.exitWaiters;
        p.exitWaiters = null;
        if (waiters) for (const resolve of waiters) resolve(p.status);
      }
    }
    this.onPanic?.(this.panicMessage);
  }

  /** Halts the guest cleanly (device stopped): every process is killed. */
  halt(): void {
    if (this.halted) return;
    for (const p of [...this.processes.values()]) if (p.pid !== 1) this.sendSignal(p, SIGKILL, true);
    this.halted = true;
    const init = this.init;
    if (init) this.exit(init, W_EXITCODE(0, SIGKILL));
  }
}

function wakeParent(kernel: Kernel, child: Process): void {
  const parent = child.parent;
  if (!parent) return;
  parent.wakeChildEvents();
  kernel.sendSignal(parent, SIGCHLD, true);
}

