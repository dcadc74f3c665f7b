// init-system-helpers 1.65's service(8) without systemd: runs /etc/init.d/NAME ACTION [OPTIONS] with a
// cleared environment (the locale variables, PATH and TERM kept), `--status-all` lists the scripts
// that answer `status` ([ + ], [ - ], [ ? ]), `--full-restart` is stop then start.
import { X_OK, utf8Decode, utf8Encode, type Program } from '../../kernel/abi.ts';
import { runInitScript } from '../lib/init-script.ts';
import { writeAll } from '../lib/io.ts';

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
      const r = await runInitScript(sys, [`${DIR}/${name}`, 'status'], env, 'capture');
      const text = utf8Decode(r.out);
      if (/usage:/i.test(text)) await err(` [ ? ]  ${name}\n`);
      else await writeAll(sys, 1, utf8Encode(r.status === 0 && text !== '' ? ` [ + ]  ${name}\n` : ` [ - ]  ${name}\n`));
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
    await runInitScript(sys, [script, 'stop'], env, 'show');
    return (await runInitScript(sys, [script, 'start'], env, 'show')).status;
  }
  return (await runInitScript(sys, [script, ...(action ? [action] : []), ...options], env, 'show')).status;
};
