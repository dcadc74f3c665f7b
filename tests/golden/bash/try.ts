// Developer tool: runs each argument as `bash -c ARG` in a fresh guest and prints the output and status.
// npx tsx tests/golden/bash/try.ts 'echo hi' ...
import { TestGuest } from '../../helpers/guest.ts';

const g = new TestGuest();
g.guest.vfs.mkdirp('/tmp/try');
for (const script of process.argv.slice(2)) {
  const r = await g.run(['/bin/bash', '-c', script], { cwd: '/tmp/try', env: { LANG: 'C', LC_ALL: 'C', TZ: 'UTC', HOME: '/root' } });
  process.stdout.write(`${r.output}[status ${r.exitCode}]\n`);
}
