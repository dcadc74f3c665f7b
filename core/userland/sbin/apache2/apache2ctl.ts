// /usr/sbin/apache2ctl (and apachectl) as Debian 12 ships it: sources the envvars, makes the run and
// lock directories, then start|stop|graceful-stop run `apache2 -k ACTION`, restart|graceful check the
// configuration first, configtest runs `apache2 -t`, status|fullstatus want a www-browser the guests
// lack, anything else goes to apache2 as arguments. A failure adds "Action '...' failed.".
import { utf8Encode, type Program, type Sys } from '../../../kernel/abi.ts';
import { writeAll } from '../../lib/io.ts';
import { spawnCommand, strerror, waitChild } from '../../lib/run-child.ts';
import { O_WRONLY } from '../../../kernel/abi.ts';
import { readEnvvars } from './envvars.ts';
import { envMap } from '../../lib/env.ts';

const HTTPD = '/usr/sbin/apache2';

async function run(sys: Sys, argv: string[], env: string[], quietErr = false): Promise<number> {
  const pid = spawnCommand(sys, argv, env, (e) => `${argv[0]}: ${strerror(e)}`, quietErr ? (c) => {
    const nul = c.open('/dev/null', O_WRONLY);
    if (nul >= 0) {
      c.dup2(nul, 2);
      c.close(nul);
    }
  } : undefined);
  if (pid < 0) return 1;
  return (await waitChild(sys, pid) >> 8) & 0xff;
}

/** mkdir -p, then chown to the user (mkdir_chown), when missing. */
async function makeDir(sys: Sys, dir: string, uid: number | null): Promise<void> {
  if (typeof sys.stat(dir) !== 'number') return;
  const parts = dir.split('/').filter(Boolean);
  let p = '';
  for (const part of parts) {
    p += `/${part}`;
    if (typeof sys.stat(p) === 'number') sys.mkdir(p, 0o755);
  }
  if (uid !== null) sys.chown(dir, uid, uid);
}

export const main: Program = async (sys, argv, envp) => {
  const say = (t: string) => writeAll(sys, 1, utf8Encode(t));
  // $0 of a script run through PATH is its full path.
  const self = argv[0]?.startsWith('/') ? argv[0] : `/usr/sbin/${(argv[0] ?? 'apache2ctl').replace(/.*\//, '')}`;
  const args = argv.slice(1);
  const action = args[0] ?? '';
  const base = envMap(envp);
  const confdir = base.get('APACHE_CONFDIR') || '/etc/apache2';
  const vars = await readEnvvars(sys, base.get('APACHE_ENVVARS') || `${confdir}/envvars`, confdir, base);
  vars.set('APACHE_CONFDIR', confdir);
  const env = [...vars].map(([k, v]) => `${k}=${v}`);
  const httpd = [vars.get('APACHE_HTTPD') || HTTPD, ...(confdir !== '/etc/apache2' ? ['-d', confdir] : [])];
  if (['', 'usage', 'help', '--help'].includes(action)) {
    await writeAll(sys, 2, `Usage: ${self} start|stop|restart|graceful|graceful-stop|configtest|status|fullstatus|help\n` +
      `       ${self} <apache2 args>\n       ${self} -h            (for help on <apache2 args>)\n`);
    return 1;
  }
  const runDir = vars.get('APACHE_RUN_DIR') || '/var/run/apache2';
  const lockDir = vars.get('APACHE_LOCK_DIR') || '/var/lock/apache2';
  const wwwData = 33;
  await makeDir(sys, runDir, null);
  await makeDir(sys, `${runDir}/socks`, wwwData);
  await makeDir(sys, lockDir, wwwData);
  let error = 0;
  switch (action) {
    case 'start':
    case 'stop':
    case 'graceful-stop':
      error = await run(sys, [...httpd, '-k', action], env);
      break;
    case 'restart':
    case 'graceful':
      if ((await run(sys, [...httpd, '-t'], env, true)) === 0) error = await run(sys, [...httpd, '-k', action], env);
      else error = await run(sys, [...httpd, '-t'], env);
      break;
    case 'startssl':
    case 'sslstart':
    case 'start-SSL':
      await say('The startssl option is no longer supported.\nPlease edit httpd.conf to include the SSL configuration settings\nand then use apachectl start.\n');
      error = 2;
      break;
    case 'configtest':
      error = await run(sys, [...httpd, '-t'], env);
      break;
    case 'status':
    case 'fullstatus':
      await writeAll(sys, 2, `${self}: 113: www-browser: not found\n'www-browser -dump http://localhost:80/server-status' failed.\n` +
        'Maybe you need to install a package providing www-browser or you\nneed to adjust the APACHE_LYNX variable in /etc/apache2/envvars\n');
      return action === 'status' ? 0 : 1;
    default:
      error = await run(sys, [...httpd, ...args], env);
  }
  if (error !== 0) await say(`Action '${args.join(' ')}' failed.\nThe Apache error log may have more information.\n`);
  return error;
};
