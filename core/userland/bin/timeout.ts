// timeout(1) from GNU coreutils 9.1: runs a command and signals it after DURATION (s, m, h, d suffixes,
// fractions allowed); -s SIGNAL, -k DURATION (then KILL), --preserve-status, --foreground, -v. Exit
// 124 when the command timed out, 125 for timeout's own errors, 126/127 when the command cannot run.
// Without --foreground the command runs in timeout's own new process group, signalled as a whole.
import { SIGCHLD, SIGHUP, SIGINT, SIGKILL, SIGNAL_NAMES, SIGQUIT, SIGTERM, WEXITSTATUS, WIFSIGNALED, WNOHANG, WTERMSIG,
  type Program } from '../../kernel/abi.ts';
import { Cmd } from '../lib/cmd.ts';
import { answerInfo } from '../lib/coreutils-info.ts';
import { getopt } from '../lib/getopt.ts';
import { quote } from '../lib/program.ts';
import { quoteCmd, spawnCommand, strerror } from '../lib/run-child.ts';
import { parseSignal } from '../lib/signals.ts';

const EXIT_TIMEDOUT = 124, EXIT_CANCELED = 125;

/** A DURATION in nanoseconds, or null when it is not a valid interval. */
function parseDuration(text: string): number | null {
  const m = /^\s*([0-9]*\.?[0-9]*(?:[eE][-+]?[0-9]+)?)([smhd]?)$/.exec(text);
  if (!m || !/[0-9]/.test(m[1]!)) return null;
  const v = Number(m[1]) * ({ '': 1, s: 1, m: 60, h: 3600, d: 86400 } as Record<string, number>)[m[2]!]!;
  return Number.isFinite(v) && v >= 0 ? Math.round(v * 1e9) : null;
}

export const main: Program = async (sys, argv, envp) => {
  const p = new Cmd(sys, argv, envp);
  const r = getopt(argv, '+k:s:v', [{ name: 'kill-after', arg: 'required', key: 'k' }, { name: 'signal', arg: 'required', key: 's' },
    { name: 'verbose', key: 'v' }, { name: 'foreground' }, { name: 'preserve-status' }, { name: 'help' }, { name: 'version' }],
  { stopAtOperand: true });
  const hint = async (): Promise<number> => {
    await p.err.write(`Try '${p.name} --help' for more information.\n`);
    return p.finish(EXIT_CANCELED);
  };
  let signo = SIGTERM;
  let killAfter = 0;
  let verbose = false;
  let foreground = false;
  let preserve = false;
  for (const o of r.opts) {
    if (await answerInfo(p, 'timeout', [o])) return p.finish(0);
    if (o.key === 's') {
      const s = parseSignal(o.value ?? '');
      if (s === null) {
        await p.error(`${quote(o.value ?? '')}: invalid signal`);
        return hint();
      }
      signo = s;
    } else if (o.key === 'k') {
      const d = parseDuration(o.value ?? '');
      if (d === null) {
        await p.error(`invalid time interval ${quote(o.value ?? '')}`);
        return hint();
      }
      killAfter = d;
    } else if (o.key === 'v') verbose = true;
    else if (o.key === 'foreground') foreground = true;
    else if (o.key === 'preserve-status') preserve = true;
  }
  if (r.error) {
    await p.error(r.error);
    return hint();
  }
  if (r.operands.length < 2) return hint();
  const duration = parseDuration(r.operands[0]!);
  if (duration === null) {
    await p.error(`invalid time interval ${quote(r.operands[0]!)}`);
    return hint();
  }
  const command = r.operands.slice(1);
  if (!foreground) sys.setpgid(0, 0);
  let childDone = false;
  let forwarded = 0;
  sys.sigaction(SIGCHLD, { handler: () => (childDone = true) });
  const pid = spawnCommand(sys, command, envp, (e) => `timeout: failed to run command ${quoteCmd(command[0]!)}: ${strerror(e)}`,
    (child) => {
      for (const s of [SIGCHLD, SIGTERM, SIGINT, SIGHUP, SIGQUIT]) child.sigaction(s, { handler: 'default' });
    });
  if (pid < 0) {
    await p.error(`fork system call failed: ${strerror(pid)}`);
    return p.finish(EXIT_CANCELED);
  }
  const send = (sig: number): void => {
    if (verbose) void p.err.write(`timeout: sending signal ${SIGNAL_NAMES[sig]} to command ${quoteCmd(command[0]!)}\n`);
    sys.kill(pid, sig);
    if (!foreground) {
      // The whole group, as GNU does; this process ignores the signal meanwhile (KILL cannot be ignored).
      const old = sys.sigaction(sig, { handler: 'ignore' });
      sys.kill(0, sig);
      if (typeof old !== 'number') sys.sigaction(sig, old);
    }
  };
  for (const s of [SIGTERM, SIGINT, SIGHUP, SIGQUIT]) sys.sigaction(s, { handler: (sig) => (forwarded = sig) });
  /** Waits up to `ns` (0 = for ever) for the child; returns its status, or null when the time ran out. */
  const waitFor = async (ns: number): Promise<number | null> => {
    const until = sys.clockGettime(1) + ns;
    for (;;) {
      const w = await sys.wait4(pid, WNOHANG);
      if (typeof w !== 'number' && w.pid === pid) return w.status;
      if (typeof w === 'number' && w < 0 && w !== -4) return 0;
      if (forwarded) {
        send(forwarded);
        forwarded = 0;
      }
      if (childDone) {
        childDone = false;
        continue;
      }
      const left = ns === 0 ? 3600e9 : until - sys.clockGettime(1);
      if (ns !== 0 && left <= 0) return null;
      await sys.nanosleep(left);
    }
  };
  let status = await waitFor(duration);
  let timedOut = false;
  if (status === null) {
    timedOut = true;
    send(signo);
    status = await waitFor(killAfter);
    if (status === null) {
      send(SIGKILL);
      status = await waitFor(0);
    }
  }
  status ??= 0;
  await p.finish(0);
  const code = WIFSIGNALED(status) ? 128 + WTERMSIG(status) : WEXITSTATUS(status);
  if (timedOut && !preserve) return EXIT_TIMEDOUT;
  return code;
};
