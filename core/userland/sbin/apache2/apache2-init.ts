// /etc/init.d/apache2 as Debian 12's apache2 package installs it (with lsb-base's messages): start,
// stop, graceful-stop, restart, reload (force-reload, graceful) and status, each through apache2ctl
// with a clean environment (env -i LANG=C PATH=...), a configtest before acting whose output is shown
// only when it failed, and the LSB lines: "Starting Apache httpd web server: apache2" ending in "."
// or " failed!", "apache2 is running.".
import { SIGTERM, X_OK, type Program, type Sys } from '../../../kernel/abi.ts';
import { utf8Decode } from '../../../fs/utf8.ts';
import { readFileText, writeAll } from '../../lib/io.ts';
import { runInitScript } from '../../lib/init-script.ts';
import { readEnvvars } from './envvars.ts';
import { envMap } from '../../lib/env.ts';

const DAEMON = '/usr/sbin/apache2';
const DESC = 'Apache httpd web server';
const NAME = 'apache2';

class Init {
  message = '';
  conftestOut: string | null = null;

  constructor(readonly sys: Sys, readonly env: string[], readonly pidFile: string, readonly suffix: string) {}

  out(t: string): Promise<number> {
    return writeAll(this.sys, 1, t);
  }

  err(t: string): Promise<number> {
    return writeAll(this.sys, 2, t);
  }

  /** pidofproc -p PIDFILE: 0 running (with the pid), 1 dead with a pid file, 3 no pid file. */
  async pidofproc(): Promise<{ status: number; pid: number }> {
    const text = await readFileText(this.sys, this.pidFile);
    if (typeof text !== 'string') return { status: 3, pid: 0 };
    const pid = Number(text.trim().split(/\s+/)[0]);
    if (!Number.isInteger(pid) || pid <= 0) return { status: 1, pid: 0 };
    return this.sys.kill(pid, 0) === 0 ? { status: 0, pid } : { status: 1, pid };
  }

  async ctl(action: string, output: 'show' | 'discard' | 'capture'): Promise<{ status: number; out: string }> {
    const r = await runInitScript(this.sys, ['/usr/sbin/apache2ctl', action], this.env, output);
    return { status: r.status, out: utf8Decode(r.out) };
  }

  async conftest(): Promise<boolean> {
    const r = await this.ctl('configtest', 'capture');
    this.conftestOut = r.status === 0 ? null : r.out;
    return r.status === 0;
  }

  async printErrorMsg(): Promise<void> {
    if (this.message) await this.out(`${this.message} ... (warning).\n`);
    if (this.conftestOut !== null) {
      await this.err(`Output of config test was:\n${this.conftestOut}`);
      this.conftestOut = null;
    }
  }

  async doStart(): Promise<number> {
    if ((await this.pidofproc()).status === 0) return 1;
    if (!(await this.conftest())) {
      this.message = `The apache2${this.suffix} configtest failed.`;
      return 2;
    }
    const r = await this.ctl('start', 'show');
    if (r.status !== 0) return r.status;
    for (let i = 0; ; i++) {
      if ((await this.pidofproc()).status === 0) return 0;
      if (i === 20) {
        this.message = `The apache2${this.suffix} instance did not start within 20 seconds. Please read the log files to discover problems`;
        return 2;
      }
      await this.sys.nanosleep(1e9);
    }
  }

  async waitStop(pid: number): Promise<number> {
    for (let i = 0; this.sys.kill(pid, 0) === 0; i++) {
      if (i === 60) return 2;
      await this.sys.nanosleep(1e9);
    }
    return 0;
  }

  async doStop(how: string): Promise<number> {
    const p = await this.pidofproc();
    if (p.status !== 0) return 1;
    if (await this.conftest()) {
      await this.ctl(how, 'discard');
      return this.waitStop(p.pid);
    }
    this.conftestOut = null;
    this.message = `The apache2${this.suffix} configtest failed, so we are trying to kill it manually. This is almost certainly suboptimal, so please make sure your system is working as you'd expect now!`;
    this.sys.kill(p.pid, SIGTERM);
    return this.waitStop(p.pid);
  }

  async doReload(): Promise<number> {
    if (!(await this.conftest())) {
      this.message = `The apache2${this.suffix} configtest failed. Not doing anything.`;
      return 2;
    }
    if ((await this.pidofproc()).status !== 0) {
      this.message = 'Apache2 is not running';
      return 2;
    }
    return (await this.ctl('graceful', 'discard')).status;
  }
}

export const main: Program = async (sys, argv, envp) => {
  const base = envMap(envp);
  const script = (argv[0] ?? NAME).replace(/.*\//, '').replace(/^[KS]\d\d/, '');
  let confdir = base.get('APACHE_CONFDIR') ?? '';
  let suffix = '';
  if (confdir) suffix = confdir.startsWith('/etc/apache2-') ? confdir.slice('/etc/apache2-'.length) : '';
  else if (script.startsWith('apache2-')) {
    suffix = `-${script.slice('apache2-'.length)}`;
    confdir = `/etc/apache2${suffix}`;
  } else confdir = '/etc/apache2';
  const envvarsFile = base.get('APACHE_ENVVARS') || `${confdir}/envvars`;
  const env = ['LANG=C', 'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'];
  if (confdir !== '/etc/apache2') env.push(`APACHE_CONFDIR=${confdir}`);
  if (envvarsFile !== `${confdir}/envvars`) env.push(`APACHE_ENVVARS=${envvarsFile}`);
  const vars = await readEnvvars(sys, envvarsFile, confdir, new Map([['APACHE_CONFDIR', confdir]]));
  const pidFile = vars.get('APACHE_PID_FILE') ?? '';
  if (sys.access(DAEMON, X_OK) < 0) return 0;
  if (!pidFile) {
    await writeAll(sys, 2, `ERROR: APACHE_PID_FILE needs to be defined in ${envvarsFile}\n`);
    return 2;
  }
  const init = new Init(sys, env, pidFile, suffix);
  const action = argv[1] ?? '';
  const begin = (verb: string) => init.out(`${verb} ${DESC}: ${NAME}`);
  /** The end of a stop or reload line: the script's ` failed!` (status 2) or `.`, then apache2's own messages. */
  const ended = async (r: number): Promise<number> => {
    await init.out(r === 2 ? ' failed!\n' : '.\n');
    await init.printErrorMsg();
    return r === 2 ? 1 : 0;
  };
  switch (action) {
    case 'start': {
      await begin('Starting');
      const r = await init.doStart();
      if (r === 2) {
        await init.out(' failed!\n');
        await init.printErrorMsg();
        return 1;
      }
      await init.out('.\n');
      return 0;
    }
    case 'stop':
    case 'graceful-stop': {
      await begin('Stopping');
      return ended(await init.doStop(action));
    }
    case 'status': {
      const p = await init.pidofproc();
      if (p.status === 0) {
        await init.out(`${NAME} is running.\n`);
        return 0;
      }
      await init.out(`${NAME} is not running ... failed!\n`);
      return p.status;
    }
    case 'reload':
    case 'force-reload':
    case 'graceful': {
      await begin('Reloading');
      return ended(await init.doReload());
    }
    case 'restart': {
      await begin('Restarting');
      const s = await init.doStop('stop');
      if (s === 0 || s === 1) {
        const r = await init.doStart();
        if (r === 0) {
          await init.out('.\n');
          return 0;
        }
      }
      await init.out(' failed!\n');
      await init.printErrorMsg();
      return 1;
    }
    case 'start-htcacheclean':
    case 'stop-htcacheclean':
      await init.out("Use 'service apache-htcacheclean' instead\n");
      return 0;
    default:
      await writeAll(sys, 2, `Usage: ${script} {start|stop|graceful-stop|restart|reload|force-reload}\n`);
      return 3;
  }
};
