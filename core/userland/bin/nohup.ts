// nohup(1) from GNU coreutils 9.1: runs COMMAND with SIGHUP ignored. A terminal on stdin is replaced
// by /dev/null opened write-only; a terminal on stdout by nohup.out (or $HOME/nohup.out), appended,
// mode 0600; a terminal on stderr by stdout. Each redirection is announced on the original stderr.
import { EBADF, ENOENT, F_DUPFD_CLOEXEC, O_APPEND, O_CREAT, O_WRONLY, SIGHUP, type Program } from '../../kernel/abi.ts';
import { Cmd } from '../lib/cmd.ts';
import { answerInfo } from '../lib/coreutils-info.ts';
import { strerror } from '../lib/errno.ts';
import { getopt } from '../lib/getopt.ts';
import { execvp } from '../lib/path-search.ts';
import { quote } from '../lib/program.ts';
import { writeAll } from '../lib/io.ts';

const EXIT_CANCELED = 125;

export const main: Program = async (sys, argv, envp) => {
  const p = new Cmd(sys, argv, envp);
  const r = getopt(argv, '+', [{ name: 'help' }, { name: 'version' }], { stopAtOperand: true });
  for (const o of r.opts) if (await answerInfo(p, 'nohup', [o])) return p.finish(0);
  if (r.error) {
    await p.tryHelp(r.error);
    return p.finish(EXIT_CANCELED);
  }
  if (r.operands.length === 0) {
    await p.tryHelp('missing operand');
    return p.finish(EXIT_CANCELED);
  }
  const ignoringInput = sys.isatty(0);
  const redirectingStdout = sys.isatty(1);
  const stdoutClosed = !redirectingStdout && sys.fstat(1) === -EBADF;
  const redirectingStderr = sys.isatty(2);
  if (ignoringInput) {
    const fd = sys.open('/dev/null', O_WRONLY);
    if (fd >= 0 && fd !== 0) {
      sys.dup2(fd, 0);
      sys.close(fd);
    }
    if (!redirectingStdout && !redirectingStderr) await p.error('ignoring input');
  }
  if (redirectingStdout || (redirectingStderr && stdoutClosed)) {
    const flags = O_WRONLY | O_CREAT | O_APPEND;
    let file = 'nohup.out';
    let fd = sys.open(file, flags, 0o600);
    if (fd < 0) {
      const firstError = fd;
      const home = envp.find((e) => e.startsWith('HOME='))?.slice(5);
      const inHome = home === undefined ? undefined : `${home.replace(/\/+$/, '')}/nohup.out`;
      if (inHome !== undefined) fd = sys.open(inHome, flags, 0o600);
      if (fd < 0) {
        await p.error(`failed to open ${quote(file)}: ${strerror(firstError)}`);
        if (inHome !== undefined) await p.error(`failed to open ${quote(inHome)}: ${strerror(fd)}`);
        return p.finish(EXIT_CANCELED);
      }
      file = inHome!;
    }
    if (fd !== 1) {
      sys.dup2(fd, 1);
      sys.close(fd);
    }
    await p.error(`${ignoringInput ? 'ignoring input and appending' : 'appending'} output to ${quote(file)}`);
  }
  // Errors after this point go to the original stderr even when stderr itself is redirected.
  let errFd = 2;
  if (redirectingStderr) {
    errFd = sys.fcntl(2, F_DUPFD_CLOEXEC, 3);
    if (!redirectingStdout) await p.error(ignoringInput ? 'ignoring input and redirecting stderr to stdout' : 'redirecting stderr to stdout');
    sys.dup2(1, 2);
  }
  sys.sigaction(SIGHUP, { handler: 'ignore' });
  await p.finish(0);
  const e = await execvp(sys, r.operands, envp);
  await writeAll(sys, errFd, `${p.name}: failed to run command ${quote(r.operands[0]!)}: ${strerror(e)}\n`);
  return e === -ENOENT ? 127 : 126;
};
