// Benchmark: sed and awk over 10,000 lines in a guest, next to the real Debian tools on this machine.
import { performance } from 'node:perf_hooks';
import { spawnSync } from 'node:child_process';
import { TestGuest } from '../helpers/guest.ts';

const N = 10_000;
const lines = Array.from({ length: N }, (_, i) => `${i} host${i % 97} 10.0.${i % 256}.${i % 200} eth${i % 4}`).join('\n') + '\n';
const g = new TestGuest();
g.guest.vfs.mkdirp('/tmp/bench');
g.guest.vfs.writeFile('/tmp/bench/data.txt', lines, 0o644);

const jobs: [string, string[]][] = [
  ['awk sum', ['awk', '{s+=$1} END {print s}', 'data.txt']],
  ['awk fields+printf', ['awk', '-F', '.', '{n[$2]++} END {for (k in n) c++; printf "%d keys\\n", c}', 'data.txt']],
  ['sed s///g', ['sed', 's/host/h/g;s/eth\\([0-9]\\)/if\\1/', 'data.txt']],
  ['sed -n range+regex', ['sed', '-n', '/host1[0-9]/,/eth3/{/10\\.0\\.1/p}', 'data.txt']],
];
for (const [label, argv] of jobs) {
  await g.run(argv, { cwd: '/tmp/bench' });
  const t0 = performance.now();
  const r = await g.run(argv, { cwd: '/tmp/bench' });
  const t1 = performance.now();
  const real = spawnSync(argv[0]!, argv.slice(1), { input: lines, cwd: '/tmp', stdio: ['pipe', 'pipe', 'pipe'], env: { LC_ALL: 'C' } });
  const argvHost = argv.map((a) => (a === 'data.txt' ? '-' : a));
  const h0 = performance.now();
  spawnSync(argvHost[0]!, argvHost.slice(1), { input: lines, stdio: ['pipe', 'pipe', 'pipe'], env: { LC_ALL: 'C' } });
  const h1 = performance.now();
  void real;
  console.log(`${label.padEnd(22)} guest ${(t1 - t0).toFixed(1).padStart(7)} ms   real tool ${(h1 - h0).toFixed(1).padStart(6)} ms (incl. process start)   output ${r.output.length} bytes, status ${r.exitCode}`);
}
