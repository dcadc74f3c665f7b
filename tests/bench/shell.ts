// Shell interpreter speed: wall time of a 100,000-iteration arithmetic loop in a guest's bash, next to
// the real bash of this machine running the same script.
import { spawnSync } from 'node:child_process';
import { TestGuest } from '../helpers/guest.ts';

const SCRIPT = 'i=0; while ((i<100000)); do ((i++)); done; echo $i';

const t0 = performance.now();
const host = spawnSync('bash', ['-c', SCRIPT], { encoding: 'utf8' });
const hostMs = performance.now() - t0;

const g = new TestGuest();
await g.sh('true'); // warm up: first run compiles the interpreter's code paths
const t1 = performance.now();
const r = await g.sh(SCRIPT);
const guestMs = performance.now() - t1;

console.log(`shell loop (${SCRIPT})`);
console.log(`  real bash : ${hostMs.toFixed(0)} ms  (${host.stdout.trim()})`);
console.log(`  guest bash: ${guestMs.toFixed(0)} ms  (${r.output.trim()}, status ${r.exitCode}), ${(guestMs / hostMs).toFixed(1)}x`);
