// FRR's watchfrr: started by the init script with the daemons to run, it starts each one as
// frrcommon.sh would (`/usr/lib/frr/DAEMON -d -F traditional OPTIONS`, the options from
// /etc/frr/daemons) and stays in the background (Netloom's daemons do not crash, so it only waits).
import { O_CREAT, O_TRUNC, O_WRONLY, type Program, type Sys } from '../../../kernel/abi.ts';
import { utf8Encode } from '../../../fs/utf8.ts';
import { readFileText, writeAll } from '../../lib/io.ts';
import { spawnCommand, strerror, waitChild } from '../../lib/run-child.ts';
import { listenLocal } from '../../lib/frr/channel.ts';
import { parseDaemons } from '../../lib/frr/daemons-file.ts';
import { daemonize, ready } from '../../lib/daemonize.ts';
import { FRRVTY_GID, RUN_DIR, etcDir } from '../../lib/frr/paths.ts';

async function startDaemon(sys: Sys, name: string, options: string, envp: readonly string[]): Promise<void> {
  const argv = [`/usr/lib/frr/${name}`, '-d', '-F', 'traditional', ...options.split(/\s+/).filter((w) => w !== '')];
  const pid = spawnCommand(sys, argv, envp, (e) => `watchfrr: ${argv[0]}: ${strerror(e)}`);
  if (pid > 0) await waitChild(sys, pid);
}

async function run(sys: Sys, daemons: string[], envp: readonly string[], readyFd: number): Promise<number> {
  const pidFile = `${RUN_DIR}/watchfrr.pid`;
  const fd = sys.open(pidFile, O_WRONLY | O_CREAT | O_TRUNC, 0o644);
  if (fd >= 0) {
    await writeAll(sys, fd, utf8Encode(`${sys.getpid()}\n`));
    sys.close(fd);
  }
  const started = sys.open(`${RUN_DIR}/watchfrr.started`, O_WRONLY | O_CREAT | O_TRUNC, 0o640);
  if (started >= 0) sys.close(started);
  listenLocal(sys, `${RUN_DIR}/watchfrr.vty`, 0o770, 0, FRRVTY_GID);
  const text = await readFileText(sys, `${etcDir()}/daemons`);
  const vars = parseDaemons(typeof text === 'string' ? text : '');
  for (const d of daemons) await startDaemon(sys, d, vars.get(`${d}_options`) ?? '', envp);
  await ready(sys, readyFd);
  for (;;) await sys.pause();
}

export const main: Program = async (sys, argv, envp) => {
  const daemons: string[] = [];
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i]!;
    if (['-F', '--profile', '-N', '--pathspace', '-s', '-k', '-r', '-R', '-b', '-t', '-T', '-i', '-p', '-l', '-e'].includes(a)) i++;
    else if (!a.startsWith('-')) daemons.push(a);
  }
  if (!argv.includes('-d') && !argv.includes('--daemon')) return run(sys, daemons, envp, -1);
  // The parent returns once every daemon has started.
  return daemonize(sys, (child, w) => run(child, daemons, envp, w));
};
