// FRR's watchfrr: started by the init script with the daemons to run, it starts each one as
// frrcommon.sh would (`/usr/lib/frr/DAEMON -d -F traditional OPTIONS`, the options from
// /etc/frr/daemons) and stays in the background (Netloom's daemons do not crash, so it only waits).
import { O_CLOEXEC, O_CREAT, O_RDWR, O_TRUNC, O_WRONLY, type Program, type Sys } from '../../../kernel/abi.ts';
import { utf8Encode } from '../../../fs/utf8.ts';
import { readFileText, writeAll } from '../../lib/io.ts';
import { waitChild } from '../../lib/run-child.ts';
import { listenLocal } from '../../lib/frr/channel.ts';
import { parseDaemons } from '../../lib/frr/daemons-file.ts';
import { FRRVTY_GID, RUN_DIR, etcDir } from '../../lib/frr/paths.ts';

async function startDaemon(sys: Sys, name: string, options: string, envp: readonly string[]): Promise<void> {
  const argv = [`/usr/lib/frr/${name}`, '-d', '-F', 'traditional', ...options.split(/\s+/).filter((w) => w !== '')];
  const pid = sys.fork(async (child) => {
    const r = await child.execve(argv[0]!, argv, envp);
    return r < 0 ? 127 : 0;
  });
  if (pid > 0) await waitChild(sys, pid);
}

async function run(sys: Sys, daemons: string[], envp: readonly string[], ready: number): Promise<number> {
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
  if (ready >= 0) {
    await sys.write(ready, new Uint8Array([1]));
    sys.close(ready);
  }
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
  // The parent returns once every daemon has started (the child says so on a pipe).
  const p = sys.pipe2(O_CLOEXEC);
  if (typeof p === 'number') return 1;
  const [r, w] = p;
  const pid = sys.fork(async (child) => {
    child.close(r);
    child.setsid();
    const nul = child.open('/dev/null', O_RDWR);
    if (nul >= 0) for (const fd of [0, 1, 2]) child.dup2(nul, fd);
    if (nul > 2) child.close(nul);
    return run(child, daemons, envp, w);
  });
  sys.close(w);
  if (pid < 0) return 1;
  await sys.read(r, new Uint8Array(1));
  sys.close(r);
  return 0;
};
