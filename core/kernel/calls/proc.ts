// Process calls: execve, wait4, process groups and sessions, signal dispositions and masks, sleeping,
// alarms, CPU times, and yielding the CPU.

import { NS_PER_SEC, type Nanos } from '../../cpu/index.ts';
import {
  ECHILD, EINTR, EINVAL, EPERM, ESRCH, NSIG, SIG_BLOCK, SIG_SETMASK, SIG_UNBLOCK, SIGALRM, SIGKILL,
  SIGSTOP, W_CONTINUED, WCONTINUED, WNOHANG, WUNTRACED, type SignalAction, type WaitResult,
} from '../abi.ts';
import { never } from '../errors.ts';
import type { CallEnd } from '../call-end.ts';
import { loadImage } from '../exec.ts';
import type { Kernel } from '../kernel.ts';
import { basename } from '../paths.ts';
import { NO_QUEUES, sleep, type Process } from '../process.ts';
import { bit, isUncatchable, storedAction } from '../signals.ts';

/** CPU a process may use before it must let others run. */
export const SLICE: Nanos = 1_000_000;

export async function execve(k: Kernel, proc: Process, path: string, argv: readonly string[],
  envp: readonly string[]): Promise<number> {
  const image = loadImage(k, proc, path, argv);
  if (typeof image === 'number') return image;
  proc.generation++;
  proc.fds.closeOnExec();
  proc.signals.resetForExec();
  proc.comm = basename(image.path).slice(0, 15);
  proc.argv = image.argv;
  proc.envp = envp.slice();
  proc.exe = image.path;
  k.startImage(proc, image.program, image.argv, envp);
  return never();
}

function matches(child: Process, pid: number, waiter: Process): boolean {
  if (pid > 0) return child.pid === pid;
  if (pid === -1) return true;
  if (pid === 0) return child.pgid === waiter.pgid;
  return child.pgid === -pid;
}

/** What waitNow() returns when wait4() has to wait for a child to change. */
export const MUST_WAIT = -0x10000;

/** wait4() when it needs no waiting: a child's change, 0 (WNOHANG), or -errno; MUST_WAIT otherwise. */
export function waitNow(k: Kernel, proc: Process, pid: number, options: number): WaitResult | number {
  if (options & ~(WNOHANG | WUNTRACED | WCONTINUED | 0x40000000 | 0x80000000)) return -EINVAL;
  let any = false;
  for (const child of proc.children) {
    if (!matches(child, pid, proc)) continue;
    any = true;
    if (!child.alive) {
      proc.cutime += child.account.user + child.cutime;
      proc.cstime += child.account.system + child.cstime;
      k.reap(child);
      return { pid: child.pid, status: child.status };
    }
    if (options & WUNTRACED && child.state === 'stopped' && child.stopUnreported) {
      child.stopUnreported = false;
      return { pid: child.pid, status: child.status };
    }
    if (options & WCONTINUED && child.contUnreported) {
      child.contUnreported = false;
      return { pid: child.pid, status: W_CONTINUED };
    }
  }
  if (!any) return -ECHILD;
  if (options & WNOHANG) return 0;
  return MUST_WAIT;
}

/** A wait4 that may wait. `waiting`: waitNow() found nothing yet (sleep first). */
export async function wait4(k: Kernel, proc: Process, pid: number, options: number, waiting = false):
  Promise<WaitResult | number> {
  for (;;) {
    if (!waiting) {
      const r = waitNow(k, proc, pid, options);
      if (r !== MUST_WAIT) return r;
    }
    waiting = false;
    const why = await sleep(k.cpu, proc, [proc.childEvents], undefined, k.hasDeliverableSignal(proc));
    if (why === 'signal') {
      const { handled, restart } = k.deliverSignals(proc);
      while (proc.state === 'stopped') await sleep(k.cpu, proc, [proc.continued]);
      if (!proc.alive) return never();
      if (handled && !restart) return -EINTR;
    }
  }
}

export function setpgid(k: Kernel, proc: Process, pid: number, pgid: number): number {
  if (pgid < 0) return -EINVAL;
  const target = pid === 0 ? proc : k.processes.get(pid);
  if (!target || (target !== proc && target.parent !== proc)) return -ESRCH;
  if (target.sid !== proc.sid) return -EPERM;
  if (target.pid === target.sid) return -EPERM;
  const group = pgid === 0 ? target.pid : pgid;
  if (group !== target.pid) {
    let exists = false;
    for (const p of k.processes.values()) if (p.pgid === group && p.sid === proc.sid) exists = true;
    if (!exists) return -EPERM;
  }
  target.pgid = group;
  return 0;
}

export function setsid(k: Kernel, proc: Process): number {
  for (const p of k.processes.values()) if (p.pgid === proc.pid) return -EPERM;
  proc.sid = proc.pid;
  proc.pgid = proc.pid;
  proc.ctty = null;
  return proc.pid;
}

export function sigaction(proc: Process, signo: number, action: SignalAction | null): SignalAction | number {
  if (signo < 1 || signo >= NSIG) return -EINVAL;
  const old = proc.signals.get(signo);
  if (action) {
    if (isUncatchable(signo)) return -EINVAL;
    proc.signals.set(signo, storedAction(action));
  }
  return old;
}

export function sigprocmask(proc: Process, how: number, set: readonly number[] | null): number[] | number {
  const t = proc.signals;
  const old = t.blocked;
  if (set) {
    let mask = 0;
    for (const s of set) {
      if (s < 1 || s >= NSIG) return -EINVAL;
      mask |= bit(s);
    }
    mask &= ~(bit(SIGKILL) | bit(SIGSTOP));
    if (how === SIG_BLOCK) t.blocked |= mask;
    else if (how === SIG_UNBLOCK) t.blocked &= ~mask;
    else if (how === SIG_SETMASK) t.blocked = mask;
    else return -EINVAL;
  }
  const out: number[] = [];
  for (let s = 1; s < NSIG; s++) if (old & bit(s)) out.push(s);
  return out;
}

export async function nanosleep(k: Kernel, proc: Process, ns: number): Promise<number> {
  if (!(ns >= 0)) return -EINVAL;
  const why = await sleep(k.cpu, proc, NO_QUEUES, ns, k.hasDeliverableSignal(proc));
  if (why === 'timeout') return 0;
  const { handled } = k.deliverSignals(proc);
  while (proc.state === 'stopped') await sleep(k.cpu, proc, [proc.continued]);
  if (!proc.alive) return never();
  // A stop and continue without a handler resumes the remaining sleep, as Linux restarts nanosleep.
  return handled ? -EINTR : 0;
}

/**
 * pause(2): waits for a signal that runs a handler. `end`: the system-call layer's ending (call-end.ts).
 * No asynchronous function is kept while it sleeps (init spends its life here): the wait is a promise
 * whose continuation looks at the signals, and sleeps again when none ran a handler.
 */
export function pause(k: Kernel, proc: Process, end: CallEnd | null = null): Promise<number> {
  const woken = (): number | Promise<number> => {
    try {
      const { handled } = k.deliverSignals(proc);
      if (proc.state === 'stopped') return continuedThenPause(k, proc, handled, end);
      if (!proc.alive) return never();
      if (!handled) return pause(k, proc, end);
    } catch (err) {
      if (end) return end.failWait(err);
      throw err;
    }
    return end ? end.endWait(-EINTR) : -EINTR;
  };
  return sleep(k.cpu, proc, NO_QUEUES, undefined, k.hasDeliverableSignal(proc)).then(woken);
}

/** pause() stopped by a signal: waits to be continued, then ends (a handler ran) or pauses again. */
async function continuedThenPause(k: Kernel, proc: Process, handled: boolean, end: CallEnd | null): Promise<number> {
  try {
    while (proc.state === 'stopped') await sleep(k.cpu, proc, [proc.continued]);
    if (!proc.alive) return never();
  } catch (err) {
    if (end) return end.failWait(err);
    throw err;
  }
  if (!handled) return pause(k, proc, end);
  return end ? end.endWait(-EINTR) : -EINTR;
}

/** alarm(2): returns the seconds left on the previous alarm. */
export function alarm(k: Kernel, proc: Process, seconds: number): number {
  let left = 0;
  if (proc.alarm?.active) left = Math.ceil((proc.alarm.when - k.cpu.now) / NS_PER_SEC);
  proc.alarm?.cancel();
  proc.alarm = null;
  if (seconds > 0) {
    proc.alarm = k.cpu.setTimer(seconds * NS_PER_SEC, () => {
      proc.alarm = null;
      k.sendSignal(proc, SIGALRM, true);
    });
  }
  return left;
}

export function killCall(k: Kernel, proc: Process, pid: number, signo: number): number {
  if (!Number.isInteger(pid) || !Number.isInteger(signo)) return -EINVAL;
  const r = k.kill(proc, pid, signo);
  if (r === 0 && pid === 1 && signo !== 0 && proc.pid !== 1) return 0;
  return r;
}

