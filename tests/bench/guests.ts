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
async function create(measureHeap: boolean): Promise<{ boot: number; prompt: number; prompts: number; heap: number; cpu: number }> {
  const cpu = new Cpu();
  const driver = new Driver(cpu, nodeHost);
  const guests: Guest[] = [];
  const before = measureHeap ? heap() : 0;
  const c0 = process.cpuUsage();
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
  const used = process.cpuUsage(c0);
  const after = measureHeap ? heap() : 0;
  const prompts = guests.filter((g) => g.kernel.processes.size === 2).length;
  return { boot: ((t1 - t0) * 1000) / N, prompt: ((t2 - t0) * 1000) / N, prompts, heap: (after - before) / N,
    cpu: (used.user + used.system) / N };
}

// Times without forced collections (a forced full collection shrinks the young generation, which a running
// server does not do before creating guests); memory in a separate run.
// The first round is what a fresh process pays (the JIT compiling, the heap growing); a server that has been
// running guests for a while is in the steady state: the median of three rounds after two more warm-up rounds.
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const cold = await create(false);
await create(false);
await create(false);
const rounds = [await create(false), await create(false), await create(false)];
const measured = await create(true);
const prompts = Math.min(cold.prompts, ...rounds.map((r) => r.prompts));
console.log(`guests: ${N} (each with init and an interactive bash at its prompt: ${prompts})`);
console.log(`create + boot: ${median(rounds.map((r) => r.boot)).toFixed(1)} µs per guest (kernel, file system, init; median of 3 warm rounds)`);
console.log(`to a prompt:   ${median(rounds.map((r) => r.prompt)).toFixed(1)} µs per guest including the shell starting up (median of 3 warm rounds)`);
console.log(`CPU time:      ${median(rounds.map((r) => r.cpu)).toFixed(1)} µs per guest to a prompt, the collector's helper threads included (median of 3 warm rounds)`);
console.log(`first round of a fresh process: create + boot ${cold.boot.toFixed(1)} µs, to a prompt ${cold.prompt.toFixed(1)} µs per guest`);
console.log(`memory: ${(measured.heap / 1024).toFixed(1)} KB per idle guest beyond the shared image${gc ? '' : ' (no --expose-gc: approximate)'}`);
