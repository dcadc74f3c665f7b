// Benchmark: wall time and memory to create 1,000 idle guests (kernel, copy-on-write file system layer,
// init, and one interactive shell each waiting at its prompt), beyond the shared image.
import { performance } from 'node:perf_hooks';
import { Cpu, Driver, Guest, buildBaseImage } from '../../core/index.ts';
import { nodeHost } from '../../server/host.ts';

const N = Number(process.env.GUESTS ?? 1000);
const gc = (globalThis as { gc?: () => void }).gc;
const heap = () => {
  gc?.();
  gc?.();
  return process.memoryUsage().heapUsed;
};

const image = buildBaseImage();
// Warm up the JIT on a throwaway lab first, as a running server is (its first lab pays this once).
{
  const warm = new Cpu();
  const d = new Driver(warm, nodeHost);
  const gs = Array.from({ length: 300 }, (_, i) => new Guest({ cpu: warm, name: `w${i}`, image }));
  for (const g of gs) g.boot();
  await d.runFor(1e6);
  for (const g of gs) g.openConsole(() => {});
  await d.runFor(100e6);
}
const cpu = new Cpu();
const driver = new Driver(cpu, nodeHost);
const guests: Guest[] = [];
const before = heap();
const t0 = performance.now();
for (let i = 0; i < N; i++) {
  const g = new Guest({ cpu, name: `pc${i}`, image });
  g.boot();
  guests.push(g);
}
const t1 = performance.now();
await driver.runFor(1e6);
for (const g of guests) g.openConsole(() => {});
await driver.runFor(100e6);
const t2 = performance.now();
const after = heap();
const prompts = guests.filter((g) => g.kernel.processes.size === 2).length;
console.log(`guests: ${N} (each with init and an interactive bash at its prompt: ${prompts})`);
console.log(`create + boot: ${(((t1 - t0) * 1000) / N).toFixed(1)} µs per guest (kernel, file system, init)`);
console.log(`to a prompt:   ${(((t2 - t0) * 1000) / N).toFixed(1)} µs per guest including the shell starting up`);
console.log(`memory: ${((after - before) / N / 1024).toFixed(1)} KB per idle guest beyond the shared image${gc ? '' : ' (no --expose-gc: approximate)'}`);
