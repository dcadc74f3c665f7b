// What a lab host does: keeps its labs (core Lab objects, realtime mode) and their consoles, answers the
// server's HostRequests and sends HostEvents. The same class runs inside a worker thread or in-process.
import { Lab, formatDiagnostic, type LabConsole } from '../core/index.ts';
import { snapshotFolder } from './folder-snapshot.ts';
import { nodeHost } from './host.ts';
import type { HostEvent, HostMessage, HostOutput, HostRequest, LabStatus } from './protocol.ts';

class HostError extends Error {
  constructor(readonly code: string, message: string, readonly details?: string[]) {
    super(message);
  }
}

export class LabRunner {
  private readonly labs = new Map<string, Lab>();
  private readonly consoles = new Map<string, { lab: string; console: LabConsole }>();
  private readonly unsubscribe = new Map<string, () => void>();

  constructor(private readonly send: (out: HostOutput, transfer?: ArrayBuffer[]) => void) {}

  handle(msg: HostMessage): void {
    if ('id' in msg) {
      void this.request(msg).then(
        (result) => this.send({ kind: 'reply', id: msg.id, ok: true, result }),
        (err: unknown) => {
          const e = err instanceof HostError ? err : new HostError('internal', err instanceof Error ? err.message : String(err));
          this.send({ kind: 'reply', id: msg.id, ok: false, error: e.code, message: e.message, ...(e.details ? { details: e.details } : {}) });
        },
      );
      return;
    }
    const c = this.consoles.get(msg.console);
    if (!c) return;
    if (msg.op === 'console-input') c.console.input(msg.data);
    else if (msg.op === 'console-resize') c.console.resize(msg.cols, msg.rows);
    else if (msg.op === 'console-ack') c.console.ack(msg.bytes);
    else if (msg.op === 'console-close') {
      this.consoles.delete(msg.console);
      c.console.close();
    }
  }

  private lab(id: string): Lab {
    const lab = this.labs.get(id);
    if (!lab) throw new HostError('lab-not-running', `Lab ${id} is not running.`);
    return lab;
  }

  /** A console with flow control: the guest waits for the browser to show what it wrote. */
  private openConsole(lab: Lab, device: string, sink: (data: Uint8Array) => void, size: { cols: number; rows: number }): LabConsole {
    if (!lab.device(device)) throw new HostError('bad-request', `No such device: ${device}.`);
    const c = lab.openConsole(device, sink, size, { flowControl: true });
    if ('ok' in c) throw new HostError('bad-request', c.error);
    return c;
  }

  private status(id: string): LabStatus {
    const lab = this.labs.get(id);
    if (!lab) return { id, running: false, devices: [] };
    return {
      id,
      running: true,
      devices: lab.devices().map((d) => ({ name: d.name, state: d.state, image: d.image, runs: d.runs, ...(d.message ? { message: d.message } : {}) })),
    };
  }

  private event(e: HostEvent): void {
    this.send(e);
  }

  private async request(req: HostRequest): Promise<unknown> {
    switch (req.op) {
      case 'open': {
        if (this.labs.has(req.lab)) return this.status(req.lab);
        const made = Lab.create(snapshotFolder(req.dir), { host: nodeHost });
        if (!made.ok) throw new HostError('lab-invalid', 'The lab cannot be loaded.', made.errors.map(formatDiagnostic));
        made.lab.setMode('realtime');
        this.labs.set(req.lab, made.lab);
        this.unsubscribe.set(req.lab, made.lab.on((e) => this.event({ kind: 'device-state', lab: req.lab, device: e.device, state: e.state, ...(e.message ? { message: e.message } : {}) })));
        return this.status(req.lab);
      }
      case 'close': {
        const lab = this.labs.get(req.lab);
        if (!lab) return this.status(req.lab);
        for (const [id, c] of this.consoles) {
          if (c.lab !== req.lab) continue;
          this.consoles.delete(id);
          c.console.close();
          this.event({ kind: 'console-exit', console: id, reason: 'The lab was stopped.' });
        }
        await lab.stop();
        lab.setMode('paused');
        this.unsubscribe.get(req.lab)?.();
        this.unsubscribe.delete(req.lab);
        this.labs.delete(req.lab);
        return this.status(req.lab);
      }
      case 'start': {
        const r = await this.lab(req.lab).start(req.devices);
        if ('error' in r) throw new HostError('bad-request', r.error);
        return { status: this.status(req.lab), crashed: r.crashed, slow: r.slow };
      }
      case 'stop': {
        const r = await this.lab(req.lab).stop(req.devices);
        if ('error' in r) throw new HostError('bad-request', r.error);
        return this.status(req.lab);
      }
      case 'restart': {
        const r = await this.lab(req.lab).restart(req.device);
        if ('error' in r) throw new HostError('bad-request', r.error);
        return { status: this.status(req.lab), crashed: r.crashed, slow: r.slow };
      }
      case 'exec': {
        const r = await this.lab(req.lab).exec(req.device, req.command, { timeout: req.timeoutMs * 1e6 });
        if (!r.ok) throw new HostError('bad-request', r.error);
        return { exitCode: r.exitCode, output: r.output, timedOut: r.timedOut };
      }
      case 'status':
        return this.status(req.lab);
      case 'console-open': {
        const id = req.console;
        const c = this.openConsole(this.lab(req.lab), req.device, (data) => {
          const copy = data.slice();
          this.send({ kind: 'console-data', console: id, data: copy }, [copy.buffer as ArrayBuffer]);
        }, { cols: req.cols, rows: req.rows });
        this.consoles.set(id, { lab: req.lab, console: c });
        void c.exited.then(() => {
          if (this.consoles.delete(id)) this.event({ kind: 'console-exit', console: id, reason: 'The shell ended.' });
        });
        return { console: id };
      }
      case 'crash-for-test':
        // Lets the tests see what a crashing lab host does to the server: throw outside any promise.
        setTimeout(() => {
          throw new Error('lab host crash requested by a test');
        }, 0);
        return { crashing: true };
    }
  }
}

