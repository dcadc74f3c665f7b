// Records the stty golden cases (cases.ts) from the real stty into expected.json: each script runs as
// `bash -c SCRIPT` on a new pseudo-terminal made by python3 (README.md says how, exactly).
// Run explicitly, never in CI: UPDATE_GOLDEN=1 npx tsx tests/golden/stty/record.ts [name-filter]
// (cases are re-recorded when new, changed, or named by the filter).
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { CASES, type SttyRecord } from './cases.ts';

/** Runs argv[1] with bash on a fresh pty (24 rows, 80 columns, iutf8 on) and prints what it showed. */
const PTY_RUNNER = String.raw`
import os, sys, fcntl, termios, struct, base64
master, slave = os.openpty()
attrs = termios.tcgetattr(slave)
attrs[0] |= 0o40000  # IUTF8
termios.tcsetattr(slave, termios.TCSANOW, attrs)
fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack('HHHH', 24, 80, 0, 0))
pid = os.fork()
if pid == 0:
    os.close(master)
    os.setsid()
    fcntl.ioctl(slave, termios.TIOCSCTTY, 0)
    for fd in (0, 1, 2):
        os.dup2(slave, fd)
    if slave > 2:
        os.close(slave)
    os.chdir('/root')
    env = {'PATH': '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', 'HOME': '/root',
           'LC_ALL': 'C', 'TERM': 'xterm'}
    os.execve('/bin/bash', ['bash', '-c', sys.argv[1]], env)
os.close(slave)
out = b''
while True:
    try:
        data = os.read(master, 65536)
    except OSError:
        break
    if not data:
        break
    out += data
_, status = os.waitpid(pid, 0)
print(os.waitstatus_to_exitcode(status))
print(base64.b64encode(out).decode())
`;

if (process.env.UPDATE_GOLDEN !== '1') {
  console.error('refusing to record without UPDATE_GOLDEN=1');
  process.exit(2);
}
const filter = process.argv[2];
const file = new URL('./expected.json', import.meta.url);
let previous: SttyRecord[] = [];
try {
  previous = JSON.parse(readFileSync(file, 'utf8'));
} catch {
  // first recording
}
const records: SttyRecord[] = [];
for (const c of CASES) {
  const old = previous.find((r) => r.name === c.name);
  if ((filter === undefined || !c.name.includes(filter)) && old && old.script === c.script) {
    records.push(old);
    continue;
  }
  const r = spawnSync('python3', ['-c', PTY_RUNNER, c.script], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${c.name}: ${r.stderr}`);
  const [status, b64] = r.stdout.trim().split('\n');
  records.push({ ...c, output: Buffer.from(b64 ?? '', 'base64').toString('utf8'), status: Number(status) });
  console.log(`recorded ${c.name}`);
}
writeFileSync(file, JSON.stringify(records, null, 2) + '\n');
