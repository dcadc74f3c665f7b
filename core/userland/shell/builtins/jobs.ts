// Job control and signals: jobs fg bg wait kill trap.

import {
  SIGCHLD, SIGCONT, SIGNAL_NAMES, WNOHANG, WUNTRACED, WIFSTOPPED, WCONTINUED, WIFCONTINUED, SIGTERM, SIGINT,
} from '../../../kernel/abi.ts';
import { strerror } from '../../lib/errno.ts';
import { parseSignal } from '../../lib/signals.ts';
import { statusOf } from '../exec.ts';
import { waitForeground } from '../pipelines.ts';
import { findJob, jobLine, currentJob, type Job } from '../jobs.ts';
import type { Shell } from '../shell.ts';
import { builtinError, type BuiltinTable, usage } from './registry.ts';

/** Collects finished background children without blocking; returns jobs that changed. */
/** bash keeps the statuses of as many reaped background processes as it may have children. */
const REAPED_MAX = 4096;

function rememberReaped(sh: Shell, pid: number, status: number): void {
  const m = (sh.reaped ??= new Map());
  m.delete(pid);
  m.set(pid, status);
  if (m.size > REAPED_MAX) m.delete(m.keys().next().value!);
}

export async function reapJobs(sh: Shell): Promise<Job[]> {
  const changed: Job[] = [];
  sh.childChanged = false;
  for (;;) {
    const r = await sh.sys.wait4(-1, WNOHANG | WUNTRACED | WCONTINUED);
    if (typeof r === 'number' || r.pid === 0) break;
    const job = sh.jobs.find((j) => j.pids.includes(r.pid));
    if (!job) continue;
    if (WIFSTOPPED(r.status) || WIFCONTINUED(r.status)) {
      job.state = WIFSTOPPED(r.status) ? 'stopped' : 'running';
      // A stop is told at the next prompt, each time it happens.
      job.notified = false;
    } else {
      job.statuses.set(r.pid, r.status);
      rememberReaped(sh, r.pid, r.status);
      if (job.pids.every((p) => job.statuses.has(p))) job.state = 'done';
    }
    if (!changed.includes(job)) changed.push(job);
  }
  return changed;
}

function doneText(job: Job): string {
  const last = job.statuses.get(job.pids[job.pids.length - 1]!) ?? 0;
  const code = statusOf(last);
  if ((last & 0x7f) !== 0) {
    const names: Record<number, string> = { 9: 'Killed', 15: 'Terminated', 2: 'Interrupt', 1: 'Hangup', 13: 'Broken pipe' };
    return names[last & 0x7f] ?? `Signal ${last & 0x7f}`;
  }
  return code === 0 ? 'Done' : `Exit ${code}`;
}

/**
 * Prints "[1]+  Done ..." for finished jobs and drops them (interactive shells, before a prompt). A shell
 * without jobs only reaps its children, and only after SIGCHLD said one changed (see catchChildren).
 */
export function notifyJobs(sh: Shell): Promise<void> {
  if (sh.jobs.length !== 0) return notifyFinished(sh);
  if (!sh.childChanged) return NOTHING_TO_REAP;
  sh.childChanged = false;
  return reapChildren(sh);
}

const NOTHING_TO_REAP: Promise<void> = Promise.resolve();

/**
 * An interactive shell catches SIGCHLD with SA_RESTART, as bash's sigchld_handler does: the handler only
 * notes that a child changed state, and the next prompt reaps. With a CHLD trap (`trap`) the trap runs too;
 * `trap '' CHLD` and `trap - CHLD` leave the shell's own handler in place.
 */
export function catchChildren(sh: Shell, trapped: boolean): void {
  const handler = trapped
    ? (s: number) => { sh.childChanged = true; sh.pendingTraps.push(s); }
    : () => { sh.childChanged = true; };
  sh.sys.sigaction(SIGCHLD, { handler, restart: true });
}

/** Collects finished children of a shell without jobs (nothing to tell about them). */
async function reapChildren(sh: Shell): Promise<void> {
  for (;;) {
    const r = await sh.sys.wait4(-1, WNOHANG | WUNTRACED | WCONTINUED);
    if (typeof r === 'number' || r.pid === 0) return;
  }
}

async function notifyFinished(sh: Shell): Promise<void> {
  await reapJobs(sh);
  if (sh.jobs.length === 0) return;
  for (const job of sh.jobs.slice()) {
    if (job.state === 'done') {
      if (sh.options.interactive) await sh.write(2, jobLine(sh.jobs, job, doneText(job)) + '\n');
      sh.jobs = sh.jobs.filter((j) => j !== job);
    } else if (job.state === 'stopped' && !job.notified && sh.options.interactive) {
      // A background job stopped (by SIGTTIN reading the terminal, by kill -STOP): on a line of its own.
      job.notified = true;
      await sh.write(2, `\n${jobLine(sh.jobs, job, 'Stopped')}\n`);
    }
  }
}

async function jobs(sh: Shell, argv: string[]): Promise<number> {
  await reapJobs(sh);
  const pidsOnly = argv.includes('-p');
  const long = argv.includes('-l');
  // Job specs pick the jobs to list, in the order given.
  const specs = argv.slice(1).filter((a) => !/^-[lpnrs]+$/.test(a));
  let status = 0;
  let listed: Job[] = sh.jobs;
  if (specs.length) {
    listed = [];
    for (const spec of specs) {
      const job = findJob(sh.jobs, spec);
      if (job) listed.push(job);
      else {
        await builtinError(sh, 'jobs', `${spec}: no such job`);
        status = 1;
      }
    }
  }
  // A shell that is not interactive forgets a finished job without telling (bash does so on SIGCHLD).
  if (!sh.options.interactive) {
    sh.jobs = sh.jobs.filter((j) => j.state !== 'done');
    listed = listed.filter((j) => j.state !== 'done');
  }
  let out = '';
  for (const job of listed) {
    if (pidsOnly) out += `${job.pgid}\n`;
    else {
      const state = job.state === 'done' ? doneText(job) : job.state === 'stopped' ? 'Stopped' : 'Running';
      out += jobLine(sh.jobs, job, state, long) + (job.state === 'running' && !job.command.endsWith('&') ? ' &' : '') + '\n';
    }
  }
  await sh.out(out);
  sh.jobs = sh.jobs.filter((j) => j.state !== 'done' || !listed.includes(j));
  return status;
}

async function fgbg(sh: Shell, argv: string[]): Promise<number> {
  const name = argv[0]!;
  if (!sh.options.monitor) {
    await builtinError(sh, name, 'no job control');
    return 1;
  }
  await reapJobs(sh);
  const job = argv[1] ? findJob(sh.jobs, argv[1]) : currentJob(sh.jobs);
  if (!job) {
    await builtinError(sh, name, `${argv[1] ?? 'current'}: no such job`);
    return 1;
  }
  if (name === 'bg') {
    job.state = 'running';
    job.notified = false;
    sh.sys.kill(-job.pgid, SIGCONT);
    await sh.out(`[${job.id}]+ ${job.command} &\n`);
    return 0;
  }
  await sh.out(job.command + '\n');
  sh.jobs = sh.jobs.filter((j) => j !== job);
  job.state = 'running';
  sh.sys.tcsetpgrp(0, job.pgid);
  sh.sys.kill(-job.pgid, SIGCONT);
  const statuses = await waitForeground(sh, job.pids.filter((p) => !job.statuses.has(p)), job.pgid, job.command);
  return statuses[statuses.length - 1] ?? 0;
}

async function wait(sh: Shell, argv: string[]): Promise<number> {
  const args = argv.slice(1).filter((a) => a !== '-f');
  if (args[0] === '-n') {
    const r = await sh.sys.wait4(-1, 0);
    if (typeof r === 'number') return 127;
    sh.jobs = sh.jobs.filter((j) => !j.pids.includes(r.pid));
    return statusOf(r.status);
  }
  if (args.length === 0) {
    for (;;) {
      const r = await sh.sys.wait4(-1, 0);
      if (typeof r === 'number') {
        if (r === -4 && sh.pendingTraps.length) return 128 + (sh.pendingTraps[0] ?? 0);
        break;
      }
      await reportKilled(sh, r.pid, r.status);
    }
    sh.jobs = [];
    return 0;
  }
  let status = 0;
  for (const a of args) {
    const job = a.startsWith('%') ? findJob(sh.jobs, a) : undefined;
    const pids = job ? job.pids : /^\d+$/.test(a) ? [Number(a)] : null;
    if (!pids) {
      await builtinError(sh, 'wait', `\`${a}': not a pid or valid job spec`);
      status = 2;
      continue;
    }
    for (const pid of pids) {
      const known = sh.jobs.find((j) => j.pids.includes(pid));
      const prior = known?.statuses.get(pid);
      if (prior !== undefined) {
        status = statusOf(prior);
        continue;
      }
      const r = await sh.sys.wait4(pid, 0);
      if (typeof r === 'number') {
        const saved = sh.reaped?.get(pid);
        if (saved !== undefined) {
          status = statusOf(saved);
          continue;
        }
        if (!known) await builtinError(sh, 'wait', `pid ${pid} is not a child of this shell`);
        status = 127;
        continue;
      }
      rememberReaped(sh, pid, r.status);
      status = statusOf(r.status);
      await reportKilled(sh, pid, r.status);
    }
    if (job) sh.jobs = sh.jobs.filter((j) => j !== job);
    else sh.jobs = sh.jobs.filter((j) => !pids.every((p) => j.pids.includes(p)));
  }
  return status;
}

/**
 * A non-interactive shell reports background jobs killed by a signal when it waits for them, except for
 * SIGINT, SIGPIPE and (Debian's bash is built with DONT_REPORT_SIGTERM) SIGTERM: "bash: line 1:  5698 Hangup".
 */
async function reportKilled(sh: Shell, pid: number, status: number): Promise<void> {
  const sig = status & 0x7f;
  if (!sig || sig === 0x7f || sig === SIGINT || sig === 13 || sig === SIGTERM || sh.options.interactive) return;
  const job = sh.jobs.find((j) => j.pids.includes(pid));
  const names: Record<number, string> = { 9: 'Killed', 1: 'Hangup' };
  await sh.write(2, `${sh.errorPrefix()}: ${String(pid).padStart(5)} ${(names[sig] ?? `Signal ${sig}`).padEnd(24)}${job?.command ?? ''}\n`);
}

async function kill(sh: Shell, argv: string[]): Promise<number> {
  let sig = SIGTERM;
  let i = 1;
  const a1 = argv[1];
  if (a1 === '-l' || a1 === '-L') {
    if (argv[2] !== undefined) {
      let out = '';
      for (const a of argv.slice(2)) {
        if (/^\d+$/.test(a)) {
          const n = Number(a) > 128 ? Number(a) - 128 : Number(a);
          const name = SIGNAL_NAMES[n];
          if (!name) {
            await builtinError(sh, 'kill', `${a}: invalid signal specification`);
            return 1;
          }
          out += name + '\n';
        } else {
          const s = parseSignal(a);
          if (s === null) {
            await builtinError(sh, 'kill', `${a}: invalid signal specification`);
            return 1;
          }
          out += s + '\n';
        }
      }
      await sh.out(out);
      return 0;
    }
    let out = '';
    for (let n = 1; n < 32; n++) out += `${String(n).padStart(2)}) SIG${SIGNAL_NAMES[n]}${n % 5 === 0 ? '\n' : '\t'}`;
    out += '32) SIGRTMIN\t';
    await sh.out(out.replace(/\t$/, '') + '\n');
    return 0;
  }
  if (a1 === '-s' || a1 === '-n') {
    const s = argv[2] === undefined ? null : parseSignal(argv[2]);
    if (s === null) {
      await builtinError(sh, 'kill', `${argv[2] ?? ''}: invalid signal specification`);
      return 1;
    }
    sig = s;
    i = 3;
  } else if (a1 && /^-./.test(a1) && a1 !== '--') {
    const s = parseSignal(a1.slice(1));
    if (s === null) {
      await builtinError(sh, 'kill', `${a1.slice(1)}: invalid signal specification`);
      return 1;
    }
    sig = s;
    i = 2;
  }
  if (argv[i] === '--') i++;
  const targets = argv.slice(i);
  if (targets.length === 0) {
    await usage(sh, 'kill');
    return 2;
  }
  let status = 0;
  for (const t of targets) {
    let pid: number;
    if (t.startsWith('%')) {
      const job = findJob(sh.jobs, t);
      if (!job) {
        await builtinError(sh, 'kill', `${t}: no such job`);
        status = 1;
        continue;
      }
      pid = -job.pgid;
      if (!sh.options.monitor) pid = job.pids[0]!;
    } else if (/^-?\d+$/.test(t)) pid = Number(t);
    else {
      await builtinError(sh, 'kill', `${t}: arguments must be process or job IDs`);
      status = 1;
      continue;
    }
    const r = sh.sys.kill(pid, sig);
    if (r < 0) {
      await builtinError(sh, 'kill', `(${pid}) - ${strerror(r)}`);
      status = 1;
    }
  }
  return status;
}

function trapKey(spec: string): string | null {
  const up = spec.toUpperCase();
  if (up === 'EXIT' || up === '0') return 'EXIT';
  if (up === 'ERR' || up === 'DEBUG' || up === 'RETURN') return up;
  const n = parseSignal(spec);
  return n === null ? null : String(n);
}

function trapName(key: string): string {
  if (!/^\d+$/.test(key)) return key;
  return 'SIG' + SIGNAL_NAMES[Number(key)];
}

async function trap(sh: Shell, argv: string[]): Promise<number> {
  const args = argv.slice(1).filter((a) => a !== '--');
  if (args.length === 0 || args[0] === '-p') {
    const only = args.slice(1).map(trapKey);
    let out = '';
    for (const [k, v] of sh.traps) {
      if (only.length && !only.includes(k)) continue;
      out += `trap -- ${quote(v)} ${trapName(k)}\n`;
    }
    await sh.out(out);
    return 0;
  }
  if (args[0] === '-l') {
    return kill(sh, ['kill', '-l']);
  }
  let action: string | null = args[0]!;
  let specs = args.slice(1);
  if (specs.length === 0 || /^\d+$/.test(action) || action === '-') {
    if (action === '-' || /^\d+$/.test(action)) {
      if (action !== '-') specs = args;
      action = null;
    } else {
      specs = [action];
      action = null;
    }
  }
  let status = 0;
  for (const spec of specs) {
    const key = trapKey(spec);
    if (key === null) {
      await builtinError(sh, 'trap', `${spec}: invalid signal specification`);
      status = 1;
      continue;
    }
    const signo = /^\d+$/.test(key) ? Number(key) : 0;
    if (action === null) {
      sh.ownTraps().delete(key);
      if (signo === SIGCHLD && sh.options.interactive) catchChildren(sh, false);
      else if (signo) sh.sys.sigaction(signo, { handler: 'default' });
      continue;
    }
    sh.ownTraps().set(key, action);
    if (signo === SIGCHLD && sh.options.interactive) catchChildren(sh, action !== '');
    else if (signo) {
      if (action === '') sh.sys.sigaction(signo, { handler: 'ignore' });
      else sh.sys.sigaction(signo, { handler: (s) => void sh.pendingTraps.push(s), restart: true });
    }
  }
  return status;
}

function quote(v: string): string {
  return `'${v.replace(/'/g, `'\\''`)}'`;
}

export const jobBuiltins: BuiltinTable = {
  jobs: { run: jobs },
  fg: { run: fgbg },
  bg: { run: fgbg },
  wait: { run: wait },
  kill: { run: kill },
  trap: { run: trap, special: true },
};
