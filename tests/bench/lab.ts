// Benchmark: generated labs of 10, 100 and 1,000 devices (a LAN each 10 devices; startup scripts that only
// write files), booted in fast virtual time. Prints the wall time from start() until every startup script
// has finished, and the heap used per device: first for a lab booted by a fresh process (Node still
// compiling the code), then for each size in a process that has booted a lab before, as a running server
// has. Run: npm run bench lab (bundled) or npx tsx --expose-gc tests/bench/lab.ts
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
async function boot(n: number, label: string): Promise<void> {
  const before = heap();
  const made = Lab.create(generate(n), { host: nodeHost, images });
  if (!made.ok) throw new Error('lab did not load');
  const lab = made.lab;
  lab.setMode('fast');
  const t0 = performance.now();
  const report = await lab.start();
  const ms = performance.now() - t0;
  if (!('running' in report) || report.running.length !== n) throw new Error(`only ${'running' in report ? report.running.length : 0} of ${n} booted`);
  const check = await lab.exec(`d${n - 1}`, 'cat /etc/bench/id /tmp/count | wc -l; ls /shared | wc -l');
  const perDevice = (heap() - before) / n;
  console.log(`${label}${String(n).padStart(5)} devices: boot ${ms.toFixed(0).padStart(6)} ms wall (${(ms / n).toFixed(2)} ms/device), ` +
    `${(perDevice / 1024).toFixed(0)} KiB heap/device, check: ${check.ok ? check.output.replace(/\n/g, ' ').trim() : check.error}`);
  await lab.stop();
}
await boot(100, 'first lab of a fresh process: ');
for (const n of [10, 100, 1000]) await boot(n, '');
process.exit(0);
