// /etc/init.d/frr and /usr/lib/frr/frrinit.sh (FRR 8.4's init script with frrcommon.sh): start runs
// watchfrr with the enabled daemons, stop interrupts every daemon (zebra last), restart does both,
// status reports each one. The messages are Debian's LSB ones (`Started watchfrr.`, `... failed!`).
import { SIGINT, X_OK, type Program, type Sys } from '../../../kernel/abi.ts';
import { utf8Encode } from '../../../fs/utf8.ts';
import { readFileText, writeAll } from '../../lib/io.ts';
import { spawnCommand, strerror, waitChild } from '../../lib/run-child.ts';
import { enabledDaemons, parseDaemons } from '../../lib/frr/daemons-file.ts';
import { DAEMON_ORDER, RUN_DIR, etcDir } from '../../lib/frr/paths.ts';

const D_PATH = '/usr/lib/frr';

class Init {
  constructor(readonly sys: Sys, readonly envp: readonly string[]) {}

  say(text: string): Promise<number> {
    return writeAll(this.sys, 1, utf8Encode(text));
  }
  success(text: string): Promise<number> {
    return this.say(`${text}.\n`);
  }
  failure(text: string): Promise<number> {
    return this.say(`${text} ... failed!\n`);
  }

  async daemons(): Promise<{ enabled: string[]; disabled: string[] }> {
    const text = await readFileText(this.sys, `${etcDir()}/daemons`);
    const vars = parseDaemons(typeof text === 'string' ? text : '');
    const listed = enabledDaemons(vars);
    const enabled: string[] = [];
    for (const d of listed) {
      if (this.sys.access(`${D_PATH}/${d}`, X_OK) < 0) await this.failure(`cannot start ${d}: daemon binary not installed`);
      else enabled.push(d);
    }
    return { enabled, disabled: DAEMON_ORDER.filter((d) => !listed.includes(d)) };
  }

  async pidOf(daemon: string): Promise<number | string> {
    const text = await readFileText(this.sys, `${RUN_DIR}/${daemon}.pid`);
    if (typeof text !== 'string') return 'pid file not found';
    const pid = Number(text.trim());
    if (text.trim() === '' || !Number.isInteger(pid)) return 'pid file is empty';
    if (this.sys.kill(pid, 0) < 0) return `pid ${pid} not running`;
    return pid;
  }

  async start(): Promise<number> {
    const { enabled } = await this.daemons();
    const args = ['-d', '-F', 'traditional', ...enabled];
    await this.success(`Starting watchfrr with command: '  ${D_PATH}/watchfrr  -d  -F traditional   ${enabled.join(' ')}'`);
    const pid = spawnCommand(this.sys, [`${D_PATH}/watchfrr`, ...args], this.envp, (e) => `${D_PATH}/watchfrr: ${strerror(e)}`);
    const status = pid < 0 ? 1 : await waitChild(this.sys, pid);
    if (status === 0) await this.success('Started watchfrr');
    else await this.failure('Failed to start watchfrr!');
    return 0;
  }

  /** daemon_stop: SIGINT, then waits (up to 120 s) for the process to go. */
  async stopOne(daemon: string, quietIfMissing: boolean): Promise<boolean> {
    const pid = await this.pidOf(daemon);
    if (typeof pid === 'string') {
      if (!quietIfMissing) await this.failure(`Cannot stop ${daemon}: ${pid}`);
      return false;
    }
    this.sys.kill(pid, SIGINT);
    for (let i = 0; i < 1200 && this.sys.kill(pid, 0) === 0; i++) await this.sys.nanosleep(100e6);
    if (this.sys.kill(pid, 0) === 0) {
      await this.failure(`Failed to stop ${daemon}, pid ${pid} still running`);
      return false;
    }
    await this.success(`Stopped ${daemon}`);
    this.sys.unlink(`${RUN_DIR}/${daemon}.pid`);
    return true;
  }

  /** `stop`: watchfrr, then every daemon, zebra last. */
  async stop(): Promise<number> {
    await this.stopOne('watchfrr', false);
    const { enabled, disabled } = await this.daemons();
    const all = [...enabled, ...disabled];
    // frrcommon.sh stops them all at once (zebra last); one after another here, in list order.
    for (const d of all) if (d !== 'zebra') await this.stopOne(d, true);
    if (all.includes('zebra')) await this.stopOne('zebra', false);
    return 0;
  }

  async status(): Promise<number> {
    let fail = 0;
    const { enabled } = await this.daemons();
    for (const d of ['watchfrr', ...enabled]) {
      const pid = await this.pidOf(d);
      if (typeof pid === 'number') await this.success(`Status of ${d}: running`);
      else {
        await this.failure(`Status of ${d}: FAILED`);
        fail = 1;
      }
    }
    return fail;
  }
}

export const main: Program = async (sys, argv, envp) => {
  const init = new Init(sys, envp);
  switch (argv[1]) {
    case 'start':
      return init.start();
    case 'stop':
      return init.stop();
    case 'restart':
    case 'force-reload':
      await init.stop();
      return init.start();
    case 'status':
      return init.status();
    default:
      await init.say(`Usage:\n    ${argv[0]} <start|stop|restart|force-reload|reload|status> [namespace]\n    ${argv[0]} stop namespace1\n`);
      return 1;
  }
};
