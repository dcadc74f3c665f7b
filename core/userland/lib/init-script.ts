// Running a SysV init script (/etc/init.d/NAME ACTION) as service(8) and systemctl do: from /, with the
// environment given, its output shown, discarded, or captured (stdout and stderr together).
import { O_WRONLY, type Sys } from '../../kernel/abi.ts';
import { readAll } from './io.ts';
import { spawnCommand, strerror, waitChild } from './run-child.ts';

export type ScriptOutput = 'show' | 'discard' | 'capture';

/** Runs argv (argv[0] the script's path); resolves its exit status and, with 'capture', what it printed. */
export async function runInitScript(sys: Sys, argv: readonly string[], envp: readonly string[], output: ScriptOutput):
  Promise<{ status: number; out: Uint8Array }> {
  const pipe = output === 'capture' ? sys.pipe2() : null;
  if (typeof pipe === 'number') return { status: 1, out: new Uint8Array() };
  const pid = spawnCommand(sys, argv, envp, (e) => `${argv[0]}: ${strerror(e)}`, (child) => {
    child.chdir('/');
    const to = pipe ? pipe[1] : output === 'discard' ? child.open('/dev/null', O_WRONLY) : -1;
    if (to < 0) return;
    child.dup2(to, 1);
    child.dup2(to, 2);
    if (pipe) child.close(pipe[0]);
    child.close(to);
  });
  let out: Uint8Array = new Uint8Array();
  if (pipe) {
    sys.close(pipe[1]);
    const data = await readAll(sys, pipe[0]);
    sys.close(pipe[0]);
    if (typeof data !== 'number') out = data;
  }
  const status = pid < 0 ? 1 : await waitChild(sys, pid);
  return { status: (status >> 8) & 0xff, out };
}
