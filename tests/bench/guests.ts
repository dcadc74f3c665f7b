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
/** Creates and boots N guests, then opens a console on each and runs until every shell waits at its prompt. */
async function create(measureHeap: boolean): Promise<{ boot: number; prompt: number; prompts: number; heap: number }> {
  const cpu = new Cpu();
  const driver = new Driver(cpu, nodeHost);
  const guests: Guest[] = [];
  const before = measureHeap ? heap() : 0;
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
  const after = measureHeap ? heap() : 0;
  const prompts = guests.filter((g) => g.kernel.processes.size === 2).length;
  return { boot: ((t1 - t0) * 1000) / N, prompt: ((t2 - t0) * 1000) / N, prompts, heap: (after - before) / N };
}

// Times without forced collections (a forced full collection shrinks the young generation, which a running
// server does not do before creating guests); memory in a separate run.
// A first round warms the JIT up, as a server that has been running guests is (its first lab pays this once).
await create(false);
const timed = await create(false);
const measured = await create(true);
console.log(`guests: ${N} (each with init and an interactive bash at its prompt: ${timed.prompts})`);
console.log(`create + boot: ${timed.boot.toFixed(1)} µs per guest (kernel, file system, init)`);
console.log(`to a prompt:   ${timed.prompt.toFixed(1)} µs per guest including the shell starting up`);
console.log(`memory: ${(measured.heap / 1024).toFixed(1)} KB per idle guest beyond the shared image${gc ? '' : ' (no --expose-gc: approximate)'}`);
