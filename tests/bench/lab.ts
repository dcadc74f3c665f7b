// Benchmark: generated labs of 10, 100 and 1,000 devices (a LAN each 10 devices; startup scripts that only
// write files), booted in fast virtual time. Prints the wall time from start() until every startup script
// has finished, and the heap used per device: first for a lab booted by a fresh process (Node still
// compiling the code), then for each size in a process that has booted a 1,000-device lab before, as a
// server that has been running labs has; then the heap per booted device, in a separate pass. Run: npm run bench lab (bundled) or npx tsx --expose-gc tests/bench/lab.ts
import { ImageStore, Lab, MemoryLabFiles } from '../../core/index.ts';
import { nodeHost } from '../../server/host.ts';

function generate(n: number): MemoryLabFiles {
  const tree: Record<string, string> = { 'lab.conf': '', 'shared.startup': 'echo "$HOSTNAME" > /tmp/shared-ran\n' };
  const conf: string[] = [];
  for (let i = 0; i < n; i++) {
    const name = `d${i}`;
    conf.push(`${name}[0]=lan${Math.floor(i / 10)}`);
    tree[`${name}.startup`] = `mkdir -p /etc/bench\necho "device ${name}" > /etc/bench/id\nfor k in 1 2 3; do echo "$k" >> /tmp/count; done\necho ok > /shared/${name}\n`;
    tree[`${name}/etc/motd`] = `welcome to ${name}\n`;
  }
  tree['lab.conf'] = `${conf.join('\n')}\n`;
  return new MemoryLabFiles(tree);
}

const gc = (globalThis as { gc?: () => void }).gc;
const heap = (): number => {
  gc?.();
  return process.memoryUsage().heapUsed;
};

const images = new ImageStore();
images.get('kathara/base');

/** Boots a generated lab of n devices; returns the wall time of start() and a check run on the last device. */
async function boot(n: number, between?: (lab: Lab) => void): Promise<{ ms: number; check: string }> {
  const made = Lab.create(generate(n), { host: nodeHost, images });
  if (!made.ok) throw new Error('lab did not load');
  const lab = made.lab;
  lab.setMode('fast');
  const t0 = performance.now();
  const report = await lab.start();
  const ms = performance.now() - t0;
  if (!('running' in report) || report.running.length !== n) throw new Error(`only ${'running' in report ? report.running.length : 0} of ${n} booted`);
  between?.(lab);
  const r = await lab.exec(`d${n - 1}`, 'cat /etc/bench/id /tmp/count | wc -l; ls /shared | wc -l');
  await lab.stop();
  return { ms, check: r.ok ? r.output.replace(/\n/g, ' ').trim() : r.error };
}

const line = (label: string, n: number, r: { ms: number; check: string }): void =>
  console.log(`${label}${String(n).padStart(5)} devices: boot ${r.ms.toFixed(0).padStart(6)} ms wall (${(r.ms / n).toFixed(2)} ms/device), check: ${r.check}`);

// Wall time, with no forced collection in between: a forced full collection shrinks the young generation,
// which makes the next boot collect far more often than a running server does.
line('first lab of a fresh process:  ', 100, await boot(100));
line('second lab (warming up):       ', 1000, await boot(1000));
console.log('after these two labs:');
for (const n of [10, 100, 1000]) line('', n, await boot(n));

// Memory, in a separate pass: the heap after a full collection, before the lab and once it has booted
// (after letting the host's pending callbacks of the labs above run, so that they can be collected).
await new Promise((resolve) => setTimeout(resolve, 10));
for (const n of [1000, 100, 10]) {
  const before = heap();
  let booted = 0;
  await boot(n, () => (booted = heap()));
  console.log(`${String(n).padStart(5)} devices booted: ${((booted - before) / n / 1024).toFixed(0)} KiB heap/device${gc ? '' : ' (no --expose-gc: approximate)'}`);
}
process.exit(0);
