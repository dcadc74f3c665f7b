// Records what the real Debian 12 account tools print for each case in cases.ts into expected.json.
// Each case runs as root inside a private mount namespace (unshare -m) where /etc is a throwaway copy
// of this machine's /etc whose account files are replaced by the base image's, and /home and
// /var/mail are empty temporary directories: the machine's real /etc is never touched.
// Run explicitly (never in CI): UPDATE_GOLDEN=1 npx tsx tests/golden/users/record.ts [name-filter]
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync, chmodSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { recordCases, requireUpdateGolden } from '../../helpers/golden-record.ts';
import { ETC_FILES } from '../../../core/images/etc-files.ts';
import { USERS_CASES, mask, type UsersCase, type UsersRecord } from './cases.ts';

const HERE = dirname(new URL(import.meta.url).pathname);
const OUT = join(HERE, 'expected.json');
const ACCOUNT = ['/etc/passwd', '/etc/group', '/etc/shadow', '/etc/gshadow', '/etc/login.defs', '/etc/default/useradd'];

function record(c: UsersCase): UsersRecord {
  const box = mkdtempSync('/tmp/nlusers.');
  try {
    cpSync('/etc', join(box, 'etc'), { recursive: true, verbatimSymlinks: true });
    for (const f of ['passwd-', 'group-', 'shadow-', 'gshadow-']) rmSync(join(box, 'etc', f), { force: true });
    rmSync(join(box, 'etc/skel'), { recursive: true, force: true });
    for (const [path, spec] of Object.entries(ETC_FILES)) {
      if (!ACCOUNT.includes(path) && !path.startsWith('/etc/skel/')) continue;
      const full = join(box, path);
      mkdirSync(dirname(full), { recursive: true });
      writeFileSync(full, spec.content);
      chmodSync(full, spec.mode ?? 0o644);
    }
    mkdirSync(join(box, 'home'));
    mkdirSync(join(box, 'mail'));
    const mounts = `mount --bind ${box}/etc /etc && mount --bind ${box}/home /home && mount --bind ${box}/mail /var/mail && cd /root`;
    const r = spawnSync('unshare', ['-m', 'bash', '-c', `${mounts} && exec bash -c "$0"`, `exec 2>&1\n${c.script}`], {
      stdio: ['ignore', 'pipe', 'inherit'],
      env: { PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', HOME: '/root', LC_ALL: 'C', TZ: 'UTC', TERM: 'xterm' },
    });
    return { ...c, output: mask(r.stdout.toString('utf8')), status: r.status ?? 137 };
  } finally {
    rmSync(box, { recursive: true, force: true });
  }
}

requireUpdateGolden();
if (process.getuid?.() !== 0) {
  console.error('record as root (unshare -m and the account tools need it)');
  process.exit(2);
}
await recordCases(USERS_CASES, OUT, record);
