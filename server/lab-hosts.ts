// The lab hosts: worker threads (one per core by default) that each run several labs through a LabRunner,
// reached by HostRequests. A host that crashes takes only its labs down: they are reported and the server
// goes on, starting a new host when a lab needs one. `inProcess` runs one host on the main thread instead.
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { LabRunner } from './lab-runner.ts';
import type { HostConsoleMessage, HostEvent, HostMessage, HostOutput, HostRequest } from './protocol.ts';

/** The worker's boot file, beside this module (from sources) or in server/ (from the dist/cli.js bundle). */
function workerBootFile(): URL {
  const beside = new URL('./lab-host-boot.mjs', import.meta.url);
  return existsSync(fileURLToPath(beside)) ? beside : new URL('../server/lab-host-boot.mjs', import.meta.url);
}

/** A failed request: the lab host's error code and message (mapped to an HTTP status by the routes). */
export class HostFailure extends Error {
  constructor(readonly code: string, message: string, readonly details?: string[]) {
    super(message);
  }
}

type RequestBody = HostRequest extends infer R ? (R extends HostRequest ? Omit<R, 'id'> : never) : never;

interface Pending {
  resolve(value: unknown): void;
  reject(err: Error): void;
}

/** One lab host: a worker thread or an in-process runner, speaking the same messages. */
class LabHost {
  readonly labs = new Set<string>();
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private readonly post: (msg: HostMessage) => void;
  private readonly worker: Worker | undefined;
  dead = false;

  constructor(readonly name: string, private readonly inProcess: boolean, private readonly onEvent: (e: HostEvent) => void, private readonly onCrash: (host: LabHost, reason: string) => void) {
    if (inProcess) {
      const runner = new LabRunner((out) => queueMicrotask(() => this.receive(out)));
      this.post = (msg) => runner.handle(msg);
      return;
    }
    const worker = new Worker(workerBootFile(), { name });
    this.worker = worker;
    worker.on('message', (out: HostOutput) => this.receive(out));
    worker.on('error', (err) => this.crash(`its lab host crashed: ${err.message}`));
    worker.on('exit', (code) => this.crash(`its lab host exited (code ${code})`));
    this.post = (msg) => {
      const transfer = msg.op === 'console-input' ? [msg.data.buffer as ArrayBuffer] : [];
      worker.postMessage(msg, transfer);
    };
  }

  private receive(out: HostOutput): void {
    if (out.kind !== 'reply') {
      this.onEvent(out);
      return;
    }
    const p = this.pending.get(out.id);
    if (!p) return;
    this.pending.delete(out.id);
    if (out.ok) p.resolve(out.result);
    else p.reject(new HostFailure(out.error, out.message, out.details));
  }

  private crash(reason: string): void {
    if (this.dead) return;
    this.dead = true;
    for (const p of this.pending.values()) p.reject(new HostFailure('host-crashed', `The lab stopped: ${reason}.`));
    this.pending.clear();
    this.onCrash(this, reason);
  }

  request(body: RequestBody): Promise<unknown> {
    if (this.dead) return Promise.reject(new HostFailure('host-crashed', 'The lab host is gone.'));
    if (this.inProcess && body.op === 'crash-for-test') return Promise.reject(new HostFailure('bad-request', 'An in-process lab host cannot crash on purpose.'));
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.post({ ...body, id } as HostRequest);
    });
  }

  send(msg: HostConsoleMessage): void {
    if (!this.dead) this.post(msg);
  }

  async terminate(): Promise<void> {
    this.dead = true;
    await this.worker?.terminate();
  }
}

export interface LabHostsOptions {
  /** Worker threads at most (default: one per core). */
  count?: number;
  /** Run labs on the main thread (debugging, platforms without workers). */
  inProcess?: boolean;
  onEvent(e: HostEvent): void;
  /** A lab went down on its own (its host crashed). */
  onLabDown(lab: string, reason: string): void;
}

export class LabHosts {
  private readonly hosts: LabHost[] = [];
  private readonly byLab = new Map<string, LabHost>();
  private readonly byConsole = new Map<string, LabHost>();
  private readonly max: number;
  private serial = 0;

  constructor(private readonly options: LabHostsOptions) {
    this.max = options.inProcess ? 1 : Math.max(1, options.count ?? availableParallelism());
  }

  /** Whether the lab is loaded on a host. */
  has(lab: string): boolean {
    return this.byLab.has(lab);
  }

  runningLabs(): string[] {
    return [...this.byLab.keys()];
  }

  private pick(): LabHost {
    const live = this.hosts.filter((h) => !h.dead);
    if (live.length < this.max) {
      const host = new LabHost(`lab-host-${++this.serial}`, this.options.inProcess === true, (e) => this.event(e), (h, reason) => this.crashed(h, reason));
      this.hosts.push(host);
      return host;
    }
    return live.reduce((a, b) => (b.labs.size < a.labs.size ? b : a));
  }

  private event(e: HostEvent): void {
    if (e.kind === 'console-exit') this.byConsole.delete(e.console);
    this.options.onEvent(e);
  }

  private crashed(host: LabHost, reason: string): void {
    const i = this.hosts.indexOf(host);
    if (i >= 0) this.hosts.splice(i, 1);
    for (const [c, h] of this.byConsole) if (h === host) this.byConsole.delete(c);
    for (const lab of host.labs) {
      this.byLab.delete(lab);
      this.options.onLabDown(lab, reason);
    }
    host.labs.clear();
  }

  /** Loads a lab folder on a host (a no-op when it is loaded). */
  async open(lab: string, dir: string): Promise<unknown> {
    const existing = this.byLab.get(lab);
    if (existing) return existing.request({ op: 'status', lab });
    const host = this.pick();
    host.labs.add(lab);
    this.byLab.set(lab, host);
    try {
      return await host.request({ op: 'open', lab, dir });
    } catch (err) {
      host.labs.delete(lab);
      if (this.byLab.get(lab) === host) this.byLab.delete(lab);
      throw err;
    }
  }

  /** Stops and unloads a lab. */
  async close(lab: string): Promise<void> {
    const host = this.byLab.get(lab);
    if (!host) return;
    try {
      await host.request({ op: 'close', lab });
    } finally {
      host.labs.delete(lab);
      this.byLab.delete(lab);
    }
  }

  /** A request about a loaded lab. */
  request(body: RequestBody & { lab: string }): Promise<unknown> {
    const host = this.byLab.get(body.lab);
    if (!host) return Promise.reject(new HostFailure('lab-not-running', `Lab ${body.lab} is not running: start it first.`));
    return host.request(body).then((r) => {
      if (body.op === 'console-open') this.byConsole.set(body.console, host);
      return r;
    });
  }

  console(msg: HostConsoleMessage): void {
    const host = this.byConsole.get(msg.console);
    if (msg.op === 'console-close') this.byConsole.delete(msg.console);
    host?.send(msg);
  }

  /** Crashes the host of a lab on purpose (tests). */
  crashHostOf(lab: string): Promise<unknown> {
    const host = this.byLab.get(lab);
    return host ? host.request({ op: 'crash-for-test' }) : Promise.resolve(undefined);
  }

  async closeAll(): Promise<void> {
    await Promise.all(this.hosts.map((h) => h.terminate()));
    this.hosts.length = 0;
    this.byLab.clear();
    this.byConsole.clear();
  }
}
