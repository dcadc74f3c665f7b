// Pipelines and background jobs: the elements of a pipeline forked in one process group, the wait for a
// foreground job (a stop makes it a job, a signal is reported), and jobs started with `&`.

import {
  F_DUPFD_CLOEXEC, O_CLOEXEC, SIGINT, SIGPIPE, SIGTERM, WIFSTOPPED, WUNTRACED, WIFEXITED, WTERMSIG, WSTOPSIG,
  type Sys, type WaitResult,
} from '../../kernel/abi.ts';
import type { AndOr, Command, Pipeline } from './ast.ts';
import type { Shell } from './shell.ts';
import { printCommand } from './printer.ts';
import { jobLine, nextJobId, type Job } from './jobs.ts';
import { SIGNAL_DESCRIPTIONS } from '../lib/signals.ts';
import { runAndOr, runCommand, statusOf } from './exec.ts';

/**
 * Forks the first `count` elements of a pipeline, each reading the previous one's output, in one process
 * group under job control. A background pipeline's first element reads /dev/null when there is no job
 * control in a shell that is not interactive (bash(1), Lists). Gives the pids, the group and the read end
 * of the last pipe (-1 when the last element was forked).
 */
function forkPipeline(sh: Shell, p: Pipeline, count: number, background: boolean): ForkedPipeline {
  const sys = sh.sys;
  const pids: number[] = [];
  let prevRead = -1;
  let pgid = 0;
  let pipeError: number | null = null;
  const jobControl = sh.options.monitor;
  const nullInput = background && !jobControl && !sh.options.interactive;
  for (let i = 0; i < count; i++) {
    const last = i === p.commands.length - 1;
    let pipe: [number, number] | null = null;
    if (!last) {
      const r = sys.pipe2(O_CLOEXEC);
      if (typeof r === 'number') {
        pipeError = r;
        break;
      }
      pipe = r;
    }
    const readFd = prevRead;
    const cmd = p.commands[i]!;
    const stderrToo = p.pipeStderr[i] ?? false;
    const groupLeader = pgid;
    const jobs = background ? null : sh.jobsForChild();
    const pid = sh.fork(async (child) => {
      const cs = child.sys;
      if (jobs) child.jobs = jobs;
      if (jobControl) cs.setpgid(0, groupLeader);
      else if (nullInput && i === 0) redirectFromNull(cs);
      if (readFd >= 0) {
        cs.dup2(readFd, 0);
        cs.close(readFd);
      }
      if (pipe) {
        cs.dup2(pipe[1], 1);
        if (stderrToo) cs.dup2(pipe[1], 2);
        cs.close(pipe[0]);
        cs.close(pipe[1]);
      }
      return runCommand(child, cmd, true);
    });
    if (pid < 0) break;
    if (jobControl) {
      if (!pgid) pgid = pid;
      sys.setpgid(pid, pgid);
    }
    pids.push(pid);
    if (readFd >= 0) sys.close(readFd);
    if (pipe) {
      sys.close(pipe[1]);
      prevRead = pipe[0];
    }
  }
  return { pids, pgid, prevRead, pipeError };
}

interface ForkedPipeline {
  pids: number[];
  pgid: number;
  prevRead: number;
  /** The error of a pipe that could not be made (the elements after it were not forked). */
  pipeError: number | null;
}

export async function runMulti(sh: Shell, p: Pipeline): Promise<number> {
  const sys = sh.sys;
  // lastpipe (without job control): the last element runs in this shell, reading the pipe.
  const lastHere = sh.shopts['lastpipe'] === true && !sh.options.monitor;
  const { pids, pgid, prevRead, pipeError } = forkPipeline(sh, p, lastHere ? p.commands.length - 1 : p.commands.length, false);
  if (pipeError !== null) await sh.error(`pipe error: ${pipeError}`);
  let lastStatus = 0;
  if (lastHere) {
    const saved = sys.fcntl(0, F_DUPFD_CLOEXEC, 10);
    if (prevRead >= 0) {
      sys.dup2(prevRead, 0);
      sys.close(prevRead);
    }
    try {
      lastStatus = await runCommand(sh, p.commands[p.commands.length - 1]!);
    } finally {
      if (saved >= 0) {
        sys.dup2(saved, 0);
        sys.close(saved);
      } else sys.close(0);
    }
  } else if (prevRead >= 0) sys.close(prevRead);
  const statuses = await waitForeground(sh, pids, pgid, p);
  if (lastHere) statuses.push(lastStatus);
  sh.pipestatus = statuses;
  if (sh.options.pipefail) {
    for (let i = statuses.length - 1; i >= 0; i--) if (statuses[i] !== 0) return statuses[i]!;
    return 0;
  }
  return statuses[statuses.length - 1] ?? 0;
}

/** Waits for a foreground job; with job control, gives it the terminal and notices a stop. */
export async function waitForeground(sh: Shell, pids: number[], pgid: number, what: Pipeline | Command | string): Promise<number[]> {
  const sys = sh.sys;
  const jobControl = sh.options.monitor && pgid > 0;
  if (jobControl) sys.tcsetpgrp(0, pgid);
  const statuses = new Map<number, number>();
  let stopped = false;
  let signalled = 0;
  for (const pid of pids) {
    for (;;) {
      const r: WaitResult | number = await sys.wait4(pid, jobControl ? WUNTRACED : 0);
      if (typeof r === 'number') {
        if (r === -4) continue; // EINTR: a trap ran
        statuses.set(pid, 127);
        break;
      }
      if (WIFSTOPPED(r.status)) {
        stopped = true;
        statuses.set(pid, 128 + WSTOPSIG(r.status));
        break;
      }
      if (!WIFEXITED(r.status)) signalled = WTERMSIG(r.status);
      statuses.set(pid, statusOf(r.status));
      break;
    }
  }
  if (jobControl) sys.tcsetpgrp(0, sh.pgid);
  const list = pids.map((p) => statuses.get(p) ?? 0);
  if (stopped) {
    const job: Job = {
      id: nextJobId(sh.jobs), pgid, pids, statuses: new Map(), command: sourceOf(what), state: 'stopped', notified: true,
    };
    if (typeof what !== 'string' && what.type === 'Pipeline' && what.commands.length > 1) job.parts = partsOf(what);
    sh.jobs.push(job);
    await sh.write(2, `\n${jobLine(sh.jobs, job, 'Stopped')}\n`);
  } else if (signalled && signalled !== SIGPIPE) {
    await reportSignal(sh, signalled, pids[pids.length - 1]!, what);
  }
  return list;
}

async function reportSignal(sh: Shell, sig: number, pid: number, what: Pipeline | Command | string): Promise<void> {
  if (sig === SIGINT) {
    if (sh.options.interactive) await sh.write(2, '\n');
    return;
  }
  const desc = SIGNAL_DESCRIPTIONS[sig] ?? `Signal ${sig}`;
  // bash names the process and its command, except for SIGTERM.
  if (sig === SIGTERM) await sh.write(2, `${desc}\n`);
  else await sh.write(2, `${sh.errorPrefix()}: ${pid} ${desc.padEnd(24)}${sourceOf(what)}\n`);
}

function sourceOf(what: Pipeline | Command | string | AndOr): string {
  if (typeof what === 'string') return what;
  return printCommand(what);
}

// --------------------------------------------------------------------------------------- background

/**
 * `cmd &`: a pipeline's elements are forked straight from this shell, as bash does ($! and the job's pid
 * are the last one's), a single command in a child of its own; an and-or list or a timed pipeline runs
 * in a subshell.
 */
export async function runBackground(sh: Shell, ao: AndOr): Promise<void> {
  const jobControl = sh.options.monitor;
  const p = ao.first;
  let pids: number[];
  let pgid: number;
  // `!` does not change what a background job ends with (its status is the last command's).
  const plain = ao.rest.length === 0 && !p.time;
  if (plain && p.commands.length > 1) {
    const forked = forkPipeline(sh, p, p.commands.length, true);
    if (forked.prevRead >= 0) sh.sys.close(forked.prevRead);
    if (forked.pipeError !== null) await sh.error(`pipe error: ${forked.pipeError}`);
    if (forked.pids.length === 0) return;
    pids = forked.pids;
    pgid = forked.pgid || pids[0]!;
  } else {
    const pid = sh.fork(async (child) => {
      if (jobControl) child.sys.setpgid(0, 0);
      else if (!sh.options.interactive) redirectFromNull(child.sys);
      const only = plain ? p.commands[0]! : null;
      if (only) {
        child.lineno = ao.line;
        return runCommand(child, only, true);
      }
      return runAndOr(child, ao);
    });
    if (pid < 0) return;
    if (jobControl) sh.sys.setpgid(pid, pid);
    pids = [pid];
    pgid = pid;
  }
  const last = pids[pids.length - 1]!;
  sh.lastBackground = last;
  const job: Job = {
    id: nextJobId(sh.jobs), pgid, pids, statuses: new Map(), command: printCommand(ao), state: 'running', notified: false,
  };
  if (pids.length > 1) job.parts = partsOf(p);
  sh.jobs.push(job);
  if (sh.options.interactive) await sh.write(2, `[${job.id}] ${last}\n`);
  sh.status = 0;
}

/** The text of each element of a pipeline, as `jobs -l` shows them. */
function partsOf(p: Pipeline): string[] {
  return p.commands.map((c) => printCommand(c));
}

/** Without job control, background commands read from /dev/null (bash(1), Lists). */
function redirectFromNull(sys: Sys): void {
  const fd = sys.open('/dev/null', 0);
  if (fd >= 0 && fd !== 0) {
    sys.dup2(fd, 0);
    sys.close(fd);
  }
}
