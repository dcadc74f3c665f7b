// Benchmark: 50 consoles open on one lab through the real server (socket.io, one worker lab host), one of
// them flooded by `yes` with the browser committing what it shows; the others type `echo` and time the
// round trip from keystroke to the echoed output. Prints the latency percentiles and the server's memory.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { io as connect, type Socket } from 'socket.io-client';
import { createNetloomServer } from '../../server/app.ts';
import type { LabContent } from '../../server/protocol.ts';

const CONSOLES = Number(process.env.CONSOLES ?? 50);
const ROUNDS = Number(process.env.ROUNDS ?? 20);
const data = mkdtempSync(join(tmpdir(), 'netloom-bench-'));
const server = createNetloomServer({ dataDir: data, templatesDir: resolve('labs'), hosts: 1 });
await new Promise<void>((done) => server.http.listen(0, '127.0.0.1', () => done()));
const addr = server.http.address();
const base = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;

async function call(method: string, path: string, body?: unknown): Promise<unknown> {
  const res = await fetch(`${base}/api${path}`, { method, headers: { 'Content-Type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
  return res.json();
}

const lab: LabContent = {
  metadata: { name: 'Bench', description: 'console benchmark' },
  devices: [{ name: 'pc1', kind: 'host', image: '', interfaces: ['A'], startup: '' }],
  layout: { version: 1, nodes: { pc1: { x: 0, y: 0 } }, domains: { A: { x: 100, y: 0 } }, kinds: { pc1: 'host' } },
};
await call('POST', '/labs', { name: 'Bench' });
await call('PUT', '/labs/bench', lab);
await call('POST', '/labs/bench/start', {});

interface Term {
  sock: Socket;
  id: string;
  text: string;
  bytes: number;
}

const sock = connect(base, { transports: ['websocket'] });
const terms = new Map<string, Term>();
sock.on('data', (m: { id: string; data: ArrayBuffer; replay?: boolean }) => {
  const t = terms.get(m.id);
  if (!t) return;
  t.text += new TextDecoder().decode(m.data);
  if (t.text.length > 100_000) t.text = t.text.slice(-10_000);
  if (!m.replay) {
    t.bytes += m.data.byteLength;
    // The page commits what it has drawn, as xterm.js's write callback does.
    sock.emit('commit', { id: m.id, bytes: m.data.byteLength });
  }
});
for (let i = 0; i < CONSOLES; i++) {
  const opened = await new Promise<{ ok: boolean; console: { id: string } }>((done) =>
    sock.emit('console-open', { lab: 'bench', device: 'pc1', cols: 80, rows: 24 }, done));
  if (!opened.ok) throw new Error('console-open failed');
  terms.set(opened.console.id, { sock, id: opened.console.id, text: '', bytes: 0 });
}
const list = [...terms.values()];
const until = async (f: () => boolean, ms = 10_000) => {
  const end = performance.now() + ms;
  while (!f()) {
    if (performance.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 1));
  }
};
await until(() => list.every((t) => t.text.includes('# ')));

const flood = list[0]!;
sock.emit('input', { id: flood.id, data: 'yes\r' });
await new Promise((r) => setTimeout(r, 500));
const floodBefore = flood.bytes;
const rss0 = process.memoryUsage().rss;

const samples: number[] = [];
// A user types in one console at a time: each round visits every console in turn.
for (let round = 0; round < ROUNDS; round++) {
  for (const [i, t] of list.slice(1).entries()) {
    const mark = `m${round}x${i}`;
    const start = performance.now();
    t.text = '';
    sock.emit('input', { id: t.id, data: `echo ${mark}\r` });
    await until(() => t.text.includes(`${mark}\r\n`));
    samples.push(performance.now() - start);
  }
}
const floodBytes = flood.bytes - floodBefore;
sock.emit('input', { id: flood.id, data: '\x03' });
samples.sort((a, b) => a - b);
const pct = (p: number) => samples[Math.min(samples.length - 1, Math.floor((p / 100) * samples.length))]!.toFixed(1);
console.log(`consoles: ${CONSOLES} on one lab (one running yes), ${samples.length} echo round trips`);
console.log(`echo latency: p50 ${pct(50)} ms, p90 ${pct(90)} ms, p99 ${pct(99)} ms, max ${samples[samples.length - 1]!.toFixed(1)} ms`);
console.log(`yes flood meanwhile: ${(floodBytes / 1e6).toFixed(1)} MB shown; server held at most ${server.consoles.pending(flood.id)?.unacked ?? 0} unacknowledged bytes for it`);
console.log(`server memory (rss): ${(rss0 / 1e6).toFixed(0)} MB after opening, ${(process.memoryUsage().rss / 1e6).toFixed(0)} MB after the rounds`);
sock.close();
await server.close();
rmSync(data, { recursive: true, force: true });
process.exit(0);
