// The web server's REST API and consoles, through HTTP and socket.io against a real server on a free
// port: labs (create, save, rename, copy, import, export, delete), validation errors, the lab runtime on a
// worker-thread lab host (start, exec, status, stop), a console with flow control and reattach, and a
// crashing lab host that the server survives.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { zipSync, unzipSync } from 'fflate';
import { io as connect, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNetloomServer, type NetloomServer } from '../server/app.ts';
import type { LabContent, LabDoc, LabListReply } from '../server/protocol.ts';

let server: NetloomServer;
let base = '';
let data = '';

async function call(method: string, path: string, body?: unknown, raw?: Uint8Array): Promise<{ status: number; json: any }> {
  const res = await fetch(`${base}/api${path}`, {
    method,
    headers: raw ? { 'Content-Type': 'application/zip' } : { 'Content-Type': 'application/json' },
    body: raw ? Buffer.from(raw) : body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, json: text ? (res.headers.get('content-type')?.includes('json') ? JSON.parse(text) : text) : undefined };
}

const twoHosts = (): LabContent => ({
  metadata: { name: 'Two hosts', description: 'test lab' },
  devices: [
    { name: 'pc1', kind: 'host', image: '', interfaces: ['A'], startup: 'echo booted-pc1 > /tmp/mark\n' },
    { name: 'pc2', kind: 'host', image: '', interfaces: ['A'], startup: '' },
  ],
  layout: { version: 1, nodes: { pc1: { x: 0, y: 0 }, pc2: { x: 200, y: 0 } }, domains: { A: { x: 100, y: 0 } }, kinds: { pc1: 'host', pc2: 'host' } },
});

beforeAll(async () => {
  data = mkdtempSync(join(tmpdir(), 'netloom-server-'));
  server = createNetloomServer({ dataDir: data, templatesDir: resolve('labs'), hosts: 1 });
  await new Promise<void>((done) => server.http.listen(0, '127.0.0.1', () => done()));
  const addr = server.http.address();
  base = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
});

afterAll(async () => {
  await server?.close();
  rmSync(data, { recursive: true, force: true });
});

describe('labs', () => {
  it('creates, saves, reads back, renames, copies and deletes a lab', async () => {
    const made = await call('POST', '/labs', { name: 'My Lab' });
    expect(made.status).toBe(201);
    const id = (made.json as LabDoc).id;
    expect(id).toBe('my-lab');
    const saved = await call('PUT', `/labs/${id}`, twoHosts());
    expect(saved.status).toBe(200);
    const doc = (await call('GET', `/labs/${id}`)).json as LabDoc;
    expect(doc.devices.map((d) => [d.name, d.interfaces])).toEqual([['pc1', ['A']], ['pc2', ['A']]]);
    expect(doc.devices[0]!.startup).toContain('booted-pc1');
    expect(doc.layout.nodes.pc2).toEqual({ x: 200, y: 0 });
    expect((await call('PATCH', `/labs/${id}`, { name: 'Renamed' })).json.metadata.name).toBe('Renamed');
    const copy = await call('POST', '/labs', { name: 'Copy', copyOf: id });
    expect(copy.status).toBe(201);
    const list = (await call('GET', '/labs')).json as LabListReply;
    expect(list.labs.map((l) => l.id).sort()).toEqual(expect.arrayContaining(['copy', id]));
    expect((await call('DELETE', '/labs/copy')).status).toBe(204);
    expect((await call('GET', '/labs/copy')).status).toBe(404);
  });

  it('opens a bundled example as a copy', async () => {
    const list = (await call('GET', '/labs')).json as LabListReply;
    expect(list.templates.length).toBeGreaterThan(0);
    const t = list.templates[0]!;
    const r = await call('POST', '/labs', { name: 'From example', template: t.id });
    expect(r.status).toBe(201);
    expect((r.json as LabDoc).devices.length).toBe(t.devices);
  });

  it('answers bad input with {error, message} and the right status', async () => {
    const bad = await call('PUT', '/labs/my-lab', { ...twoHosts(), devices: [{ name: 'Bad Name', kind: 'host', image: '', interfaces: [], startup: '' }] });
    expect(bad.status).toBe(400);
    expect(bad.json.error).toBe('bad-request');
    expect(bad.json.message).toMatch(/device name/);
    expect((await call('GET', '/labs/nope')).json).toEqual({ error: 'not-found', message: 'No lab named nope.' });
    expect((await call('POST', '/labs', { name: '' })).status).toBe(400);
    expect((await call('POST', '/labs/my-lab/exec', { device: 'pc1', command: 'true' })).status).toBe(409);
    expect((await call('GET', '/nothing-here')).status).toBe(404);
  });

  it('imports a zip and exports one that unpacks as a Kathará folder', async () => {
    const zip = zipSync({ 'lab1/lab.conf': new TextEncoder().encode('a[0]="X"\nb[0]="X"\n'), 'lab1/a.startup': new TextEncoder().encode('echo a\n') });
    const r = await call('POST', '/labs/import?name=Zipped', undefined, zip);
    expect(r.status).toBe(201);
    const doc = r.json as LabDoc;
    expect(doc.devices.map((d) => d.name)).toEqual(['a', 'b']);
    const res = await fetch(`${base}/api/labs/${doc.id}/export`);
    expect(res.headers.get('content-type')).toBe('application/zip');
    const files = unzipSync(new Uint8Array(await res.arrayBuffer()));
    expect(Object.keys(files)).toEqual(expect.arrayContaining([`${doc.id}/lab.conf`, `${doc.id}/a.startup`]));
  });

  it('refuses zips with .. paths, absolute paths, links or oversized content, writing nothing', async () => {
    const before = (await call('GET', '/labs')).json.labs.length;
    const enc = (s: string): Uint8Array => new TextEncoder().encode(s);
    const climbing = zipSync({ 'lab.conf': enc(''), '../evil': enc('x') });
    expect((await call('POST', '/labs/import', undefined, climbing)).json.message).toMatch(/climbs out/);
    const absolute = zipSync({ 'lab.conf': enc(''), '/etc/passwd': enc('x') });
    expect((await call('POST', '/labs/import', undefined, absolute)).json.message).toMatch(/absolute path/);
    const link = zipSync({ 'lab.conf': enc(''), 'pc1/etc': [enc('/etc'), { os: 3, attrs: (0o120777 << 16) >>> 0 }] });
    expect((await call('POST', '/labs/import', undefined, link)).json.message).toMatch(/symbolic link/);
    const big = zipSync({ 'lab.conf': enc(''), 'big.bin': new Uint8Array(17 * 1024 * 1024) });
    const r = await call('POST', '/labs/import', undefined, big);
    expect(r.status).toBe(413);
    expect(r.json.error).toBe('too-large');
    expect((await call('POST', '/labs/import', undefined, enc('not a zip'))).status).toBe(400);
    expect((await call('GET', '/labs')).json.labs.length).toBe(before);
  });
});

describe('lab runtime', () => {
  it('starts a lab on a worker, runs commands, reports status, and stops it', async () => {
    const start = await call('POST', '/labs/my-lab/start', {});
    expect(start.status).toBe(200);
    expect(start.json.status.devices.map((d: { state: string }) => d.state)).toEqual(['running', 'running']);
    const exec = await call('POST', '/labs/my-lab/exec', { device: 'pc1', command: 'cat /tmp/mark; echo done' });
    expect(exec.json).toMatchObject({ exitCode: 0, output: 'booted-pc1\ndone\n', timedOut: false });
    expect((await call('POST', '/labs/my-lab/exec', { device: 'zz', command: 'true' })).status).toBe(400);
    expect((await call('GET', '/labs/my-lab/status')).json.running).toBe(true);
    const stopped = await call('POST', '/labs/my-lab/stop', { devices: ['pc2'] });
    expect(stopped.json.devices.find((d: { name: string }) => d.name === 'pc2').state).toBe('halted');
    const restarted = await call('POST', '/labs/my-lab/restart', { device: 'pc2' });
    expect(restarted.json.status.devices.find((d: { name: string }) => d.name === 'pc2').state).toBe('running');
  });

  it('carries a console over socket.io with flow control, and reattaches with the scrollback', async () => {
    const sock: Socket = connect(base, { transports: ['websocket'] });
    const received: string[] = [];
    let bytes = 0;
    sock.on('data', (m: { id: string; data: ArrayBuffer; replay?: boolean }) => {
      received.push(new TextDecoder().decode(m.data));
      if (!m.replay) bytes += m.data.byteLength;
    });
    const opened = await new Promise<any>((done) => sock.emit('console-open', { lab: 'my-lab', device: 'pc1', cols: 80, rows: 24 }, done));
    expect(opened.ok).toBe(true);
    const id = opened.console.id as string;
    sock.emit('input', { id, data: 'echo hello-$((6*7))\r' });
    await until(() => received.join('').includes('hello-42'));
    // A flood: without commits the guest stops at its high-water mark; the server holds at most that.
    sock.emit('input', { id, data: 'yes\r' });
    await until(() => bytes > 60_000);
    await new Promise((r) => setTimeout(r, 300));
    const held = server.consoles.pending(id)!;
    expect(held.unacked).toBeLessThan(200_000);
    const frozen = bytes;
    await new Promise((r) => setTimeout(r, 200));
    expect(bytes).toBe(frozen);
    sock.emit('commit', { id, bytes });
    await until(() => bytes > frozen);
    sock.emit('input', { id, data: '\x03' });
    sock.disconnect();
    // A new page: reattaches to the same console and gets the scrollback first.
    const again: Socket = connect(base, { transports: ['websocket'] });
    const replay: string[] = [];
    again.on('data', (m: { data: ArrayBuffer; replay?: boolean }) => {
      if (m.replay) replay.push(new TextDecoder().decode(m.data));
    });
    const re = await new Promise<any>((done) => again.emit('console-open', { lab: 'my-lab', device: 'pc1', cols: 80, rows: 24, reattach: id }, done));
    expect(re.console.id).toBe(id);
    await until(() => replay.length > 0);
    again.emit('console-close', { id });
    again.disconnect();
  });

  it('answers malformed socket.io messages with errors or ignores them, and consoles go on working', async () => {
    const sock: Socket = connect(base, { transports: ['websocket'] });
    const bad = await Promise.all([
      new Promise<any>((done) => sock.emit('console-open', null as never, done)),
      new Promise<any>((done) => sock.emit('console-open', { lab: 42, device: [] } as never, done)),
      new Promise<any>((done) => sock.emit('console-open', { lab: 'no-such-lab', device: 'pc1', cols: 80, rows: 24 }, done)),
      new Promise<any>((done) => sock.emit('console-open', { lab: 'my-lab', device: 'nope', cols: -5, rows: 1e9 }, done)),
    ]);
    for (const r of bad) {
      expect(r.ok).toBe(false);
      expect(typeof r.message).toBe('string');
    }
    // Garbage of every shape on the other events: ignored, nothing breaks.
    for (const ev of ['input', 'resize', 'commit', 'console-close', 'watch', 'unwatch'] as const) {
      for (const junk of [null, 7, 'x', [], { id: 5 }, { id: 'unknown', data: 3, bytes: -1, cols: 'a' }, { id: 'unknown', data: 'x'.repeat(70000) }]) {
        (sock.emit as (e: string, m: unknown) => void)(ev, junk);
      }
    }
    const received: string[] = [];
    sock.on('data', (m: { data: ArrayBuffer }) => received.push(new TextDecoder().decode(m.data)));
    const opened = await new Promise<any>((done) => sock.emit('console-open', { lab: 'my-lab', device: 'pc1', cols: 80, rows: 24 }, done));
    expect(opened.ok).toBe(true);
    sock.emit('commit', { id: opened.console.id, bytes: -100 });
    sock.emit('input', { id: opened.console.id, data: 'echo still-$((40+2))\r' });
    await until(() => received.join('').includes('still-42'));
    sock.emit('console-close', { id: opened.console.id });
    sock.disconnect();
    expect((await call('GET', '/labs/my-lab/status')).json.running).toBe(true);
  });

  it('reports a crashed lab host to watchers and goes on', async () => {
    const sock: Socket = connect(base, { transports: ['websocket'] });
    sock.emit('watch', { lab: 'my-lab' });
    const down = new Promise<{ reason: string }>((done) => sock.once('lab-down', done));
    await new Promise((r) => setTimeout(r, 100));
    await server.hosts.crashHostOf('my-lab');
    expect((await down).reason).toMatch(/lab host/);
    const status = (await call('GET', '/labs/my-lab/status')).json;
    expect(status.running).toBe(false);
    expect(status.failure).toMatch(/stopped/);
    sock.disconnect();
    // The server goes on: the lab starts again on a new host.
    expect((await call('POST', '/labs/my-lab/start', {})).status).toBe(200);
    expect((await call('POST', '/labs/my-lab/exec', { device: 'pc2', command: 'echo back' })).json.output).toBe('back\n');
    expect((await call('POST', '/labs/my-lab/stop', {})).json.running).toBe(false);
  });
});

async function until(cond: () => boolean, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 20));
  }
}
