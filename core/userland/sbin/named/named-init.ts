// /etc/init.d/named of Debian 12's bind9 package (9.18), and /etc/init.d/bind9, the same script under the
// name older images (Kathará's kathara/bind) and their labs use (`systemctl start bind9`). Messages are
// the script's own through lsb-base's log_daemon_msg / log_end_msg (derived from the script's text):
// `Starting domain name service...: named.`; /etc/default/named's OPTIONS go to named.
import { F_OK, SIGHUP, SIGKILL, SIGTERM, X_OK, type Program, type Sys } from '../../../kernel/abi.ts';
import { utf8Encode } from '../../../fs/utf8.ts';
import { readFileText, writeAll } from '../../lib/io.ts';
import { spawnCommand, strerror, waitChild } from '../../lib/run-child.ts';
import { PID_FILE } from './named.ts';

const NAMED = '/usr/sbin/named';

async function say(sys: Sys, text: string): Promise<void> {
  await writeAll(sys, 1, utf8Encode(text));
}

/** log_end_msg: `.` or ` failed!` (red on a terminal with TERM set). */
async function endMsg(sys: Sys, envp: readonly string[], ok: boolean): Promise<void> {
  const term = envp.find((e) => e.startsWith('TERM='))?.slice(5) ?? '';
  const fancy = sys.isatty(1) && term !== '' && term !== 'dumb';
  await say(sys, ok ? '.\n' : fancy ? ' \x1b[31mfailed!\x1b[0m\n' : ' failed!\n');
}

async function runningPid(sys: Sys): Promise<number | null> {
  const text = await readFileText(sys, PID_FILE);
  const pid = typeof text === 'string' ? Number(text.trim()) : NaN;
  return Number.isInteger(pid) && pid > 0 && sys.kill(pid, 0) === 0 ? pid : null;
}

/** OPTIONS from /etc/default/named (`OPTIONS="-u bind"`), split on blanks. */
async function options(sys: Sys): Promise<string[]> {
  const text = await readFileText(sys, '/etc/default/named');
  if (typeof text !== 'string') return [];
  let opts: string[] = [];
  for (const line of text.split('\n')) {
    const m = /^\s*OPTIONS=(?:"([^"]*)"|'([^']*)'|(\S*))/.exec(line);
    if (m) opts = (m[1] ?? m[2] ?? m[3] ?? '').split(/\s+/).filter(Boolean);
  }
  return opts;
}

async function start(sys: Sys, envp: readonly string[]): Promise<number> {
  await say(sys, 'Starting domain name service...: named');
  sys.mkdir('/run/named', 0o775);
  sys.chmod('/run/named', 0o775);
  if (sys.access(NAMED, X_OK) < 0) {
    await say(sys, 'named binary missing - not starting.\n');
    await endMsg(sys, envp, false);
    return 1;
  }
  // start-stop-daemon --start --oknodo: nothing to do when it runs already.
  if ((await runningPid(sys)) !== null) {
    await endMsg(sys, envp, true);
    return 0;
  }
  const argv = [NAMED, ...(await options(sys))];
  const pid = spawnCommand(sys, argv, envp, (e) => `${NAMED}: ${strerror(e)}`);
  const status = pid < 0 ? 1 : await waitChild(sys, pid);
  await endMsg(sys, envp, status === 0);
  return status === 0 ? 0 : 1;
}

async function stop(sys: Sys, envp: readonly string[]): Promise<number> {
  await say(sys, 'Stopping domain name service...: named');
  const pid = await runningPid(sys);
  if (pid !== null) {
    sys.kill(pid, SIGTERM);
    let sig = 0;
    for (let n = 1; sys.kill(pid, sig) === 0; n++) {
      if (n === 1) await say(sys, `waiting for pid ${pid} to die\n`);
      if (n === 11) {
        await say(sys, `giving up on pid ${pid} with kill -0; trying -9\n`);
        sig = SIGKILL;
      }
      if (n > 20) {
        await say(sys, `giving up on pid ${pid}\n`);
        break;
      }
      await sys.nanosleep(1e9);
    }
    sys.unlink(PID_FILE);
  }
  await endMsg(sys, envp, true);
  return 0;
}

export const main: Program = async (sys, argv, envp) => {
  if (sys.access('/usr/sbin/rndc', X_OK) < 0 && sys.access(NAMED, F_OK) < 0) return 0;
  switch (argv[1]) {
    case 'start':
      return start(sys, envp);
    case 'stop':
      return stop(sys, envp);
    case 'restart':
      await stop(sys, envp);
      return start(sys, envp);
    case 'reload':
    case 'force-reload': {
      await say(sys, 'Reloading domain name service...: named');
      const pid = await runningPid(sys);
      if (pid === null) {
        await endMsg(sys, envp, false);
        return 1;
      }
      // `rndc reload`: the running server reads its configuration and zones again.
      sys.kill(pid, SIGHUP);
      await endMsg(sys, envp, true);
      return 0;
    }
    case 'status': {
      const pid = await runningPid(sys);
      if (pid !== null) {
        await say(sys, 'bind is running.\n');
        return 0;
      }
      await say(sys, 'bind is not running ...');
      await endMsg(sys, envp, false);
      return typeof (await readFileText(sys, PID_FILE)) === 'string' ? 1 : 3;
    }
    default:
      await say(sys, `Usage: /etc/init.d/named {start|stop|reload|restart|force-reload|status}.\n`);
      return 1;
  }
};
