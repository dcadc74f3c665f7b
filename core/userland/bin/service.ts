// init-system-helpers 1.65's service(8) without systemd: runs /etc/init.d/NAME ACTION [OPTIONS] with a
// cleared environment (the locale variables, PATH and TERM kept), `--status-all` lists the scripts
// that answer `status` ([ + ], [ - ], [ ? ]), `--full-restart` is stop then start.
import { X_OK, utf8Decode, utf8Encode, type Program, type Sys } from '../../kernel/abi.ts';
import { readAll, writeAll } from '../lib/io.ts';
import { waitChild } from '../lib/run-child.ts';

const USAGE = 'Usage: service < option > | --status-all | [ service_name [ command | --full-restart ] ]\n';
const DIR = '/etc/init.d';
const KEPT = ['LANG', 'LANGUAGE', 'LC_CTYPE', 'LC_NUMERIC', 'LC_TIME', 'LC_COLLATE', 'LC_MONETARY', 'LC_MESSAGES', 'LC_PAPER',
  'LC_NAME', 'LC_ADDRESS', 'LC_TELEPHONE', 'LC_MEASUREMENT', 'LC_IDENTIFICATION', 'LC_ALL', 'PATH', 'TERM'];
const IGNORED = new Set(['functions', 'halt', 'killall', 'single', 'linuxconf', 'kudzu', 'README', 'skeleton', 'rc', 'rcS']);

/** env -i with the kept variables (set to their value, or empty, as the script's `VAR="$VAR"` does). */
function cleanEnv(envp: readonly string[]): string[] {
  const get = (n: string) => envp.find((e) => e.startsWith(`${n}=`))?.slice(n.length + 1) ?? '';
  return KEPT.map((n) => `${n}=${get(n)}`);
}

/** Runs a script; with `capture`, its output (stdout and stderr) comes back instead of being shown. */
async function runScript(sys: Sys, argv: string[], envp: string[], capture: boolean): Promise<{ status: number; out: string }> {
  const p = capture ? sys.pipe2() : null;
  if (typeof p === 'number') return { status: 1, out: '' };
  const pid = sys.fork(async (child) => {
    child.chdir('/');
    if (p) {
      child.dup2(p[1], 1);
      child.dup2(p[1], 2);
      child.close(p[0]);
      child.close(p[1]);
    }
    const r = await child.execve(argv[0]!, argv, envp);
    return r < 0 ? 126 : 0;
  });
  let out = '';
  if (p) {
    sys.close(p[1]);
    const data = await readAll(sys, p[0]);
    sys.close(p[0]);
    if (typeof data !== 'number') out = utf8Decode(data);
  }
  const status = pid < 0 ? 1 : await waitChild(sys, pid);
  return { status: (status >> 8) & 0xff, out };
}

export const main: Program = async (sys, argv, envp) => {
  const err = (t: string) => writeAll(sys, 2, utf8Encode(t));
  const args = argv.slice(1);
  if (args.length === 0) {
    await err(USAGE);
    return 1;
  }
  if (/^(--help|-h|--h.*)$/.test(args[0]!)) {
    await err(USAGE);
    return 0;
  }
  if (args[0] === '--version' || args[0] === '-V') {
    await err('service ver. 1.65.2\n');
    return 0;
  }
  const env = cleanEnv(envp);
  if (args.length === 1 && args[0] === '--status-all') {
    const fd = sys.open(DIR, 0);
    const names = fd < 0 ? [] : sys.getdents(fd);
    if (fd >= 0) sys.close(fd);
    if (typeof names === 'number') return 0;
    for (const name of names.map((e) => e.name).filter((n) => n !== '.' && n !== '..').sort()) {
      if (IGNORED.has(name) || /\.(dpkg-.*|ucf-.*|sh)$|~$/.test(name) || sys.access(`${DIR}/${name}`, X_OK) < 0) continue;
      const r = await runScript(sys, [`${DIR}/${name}`, 'status'], env, true);
      if (/usage:/i.test(r.out)) await err(` [ ? ]  ${name}\n`);
      else await writeAll(sys, 1, utf8Encode(r.status === 0 && r.out !== '' ? ` [ + ]  ${name}\n` : ` [ - ]  ${name}\n`));
    }
    return 0;
  }
  const [service, action = '', ...options] = args;
  const script = `${DIR}/${service}`;
  if (sys.access(script, X_OK) < 0) {
    await err(`${service}: unrecognized service\n`);
    return 1;
  }
  if (action === '--full-restart' && options.length === 0) {
    await runScript(sys, [script, 'stop'], env, false);
    return (await runScript(sys, [script, 'start'], env, false)).status;
  }
  return (await runScript(sys, [script, ...(action ? [action] : []), ...options], env, false)).status;
};
