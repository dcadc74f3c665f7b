// The web server: express serves the built web app and the REST API (labs and lab runtime), socket.io
// carries consoles and live lab events. Labs run on lab hosts (worker threads) through LabHosts.
import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import express, { type NextFunction, type Request, type Response } from 'express';
import { Server as SocketServer } from 'socket.io';
import { ApiError, statusOfHostCode } from './api-error.ts';
import { Consoles, type ConsoleViewer } from './consoles.ts';
import { HostFailure, LabHosts } from './lab-hosts.ts';
import { LabStore } from './lab-store.ts';
import { ZipRefused } from './lab-zip.ts';
import type {
  ClientToServerEvents, ExecReply, LabListReply, LabStatus, ServerToClientEvents, StartReply,
} from './protocol.ts';
import { createLabSchema, devicesSchema, execSchema, importQuerySchema, labContentSchema, parse, renameLabSchema, restartSchema } from './schemas.ts';

export interface AppOptions {
  dataDir: string;
  templatesDir: string;
  /** The built web app (index.html and assets); a notice page when absent. */
  webDir?: string;
  /** Lab hosts: worker threads at most, or in-process. */
  hosts?: number;
  inProcess?: boolean;
  /** The lab the web app opens first. */
  defaultLab?: string;
}

export interface NetloomServer {
  readonly http: Server;
  readonly store: LabStore;
  readonly hosts: LabHosts;
  readonly consoles: Consoles;
  close(): Promise<void>;
}

type Handler = (req: Request, res: Response) => Promise<unknown> | unknown;

/** Wraps a route so thrown errors reach the error middleware. */
const route = (h: Handler) => (req: Request, res: Response, next: NextFunction): void => {
  Promise.resolve().then(() => h(req, res)).catch(next);
};

export function createNetloomServer(options: AppOptions): NetloomServer {
  const store = new LabStore(options.dataDir, options.templatesDir);
  const failures = new Map<string, string>();
  const app = express();
  const http = createServer(app);
  const io = new SocketServer<ClientToServerEvents, ServerToClientEvents>(http, { maxHttpBufferSize: 1e6, serveClient: false });
  const room = (lab: string): string => `lab:${lab}`;
  const hosts: LabHosts = new LabHosts({
    count: options.hosts,
    inProcess: options.inProcess,
    onEvent(e) {
      if (e.kind === 'console-data') consoles.data(e.console, e.data);
      else if (e.kind === 'console-exit') consoles.exited(e.console, e.reason);
      else io.to(room(e.lab)).emit('device-state', { lab: e.lab, device: e.device, state: e.state, ...(e.message ? { message: e.message } : {}) });
    },
    onLabDown(lab, reason) {
      const message = `Lab ${lab} stopped: ${reason}.`;
      failures.set(lab, message);
      consoles.labDown(lab, message);
      io.to(room(lab)).emit('lab-down', { lab, reason: message });
    },
  });
  const consoles = new Consoles(hosts);

  app.disable('x-powered-by');
  const api = express.Router();
  api.use(express.json({ limit: '8mb' }));

  const status = async (id: string): Promise<LabStatus> => {
    store.dirOf(id);
    if (!hosts.has(id)) return { id, running: false, devices: [], ...(failures.has(id) ? { failure: failures.get(id) } : {}) };
    return (await hosts.request({ op: 'status', lab: id })) as LabStatus;
  };
  const open = async (id: string): Promise<void> => {
    failures.delete(id);
    await hosts.open(id, store.dirOf(id));
  };
  const stopLab = async (id: string, reason: string): Promise<void> => {
    if (!hosts.has(id)) return;
    await hosts.close(id);
    consoles.labDown(id, reason);
    io.to(room(id)).emit('lab-down', { lab: id, reason });
  };

  api.get('/labs', route((_req, res) => {
    const labs = store.list((id) => hosts.has(id));
    const reply: LabListReply = { labs, templates: store.templates() };
    const preferred = options.defaultLab && labs.some((l) => l.id === options.defaultLab) ? options.defaultLab : labs[0]?.id;
    if (preferred) reply.defaultLab = preferred;
    res.json(reply);
  }));
  api.post('/labs', route((req, res) => {
    const body = parse(createLabSchema, req.body);
    const id = body.template ? store.copy({ template: body.template }, body.name) : body.copyOf ? store.copy({ lab: body.copyOf }, body.name) : store.create(body.name);
    res.status(201).json(store.read(id));
  }));
  api.post('/labs/import', express.raw({ type: () => true, limit: '64mb' }), route((req, res) => {
    const query = parse(importQuerySchema, req.query);
    if (!Buffer.isBuffer(req.body) || req.body.length === 0) throw new ApiError(400, 'bad-request', 'Send the zip file as the request body.');
    const id = store.importZip(new Uint8Array(req.body), query.name ?? 'imported-lab');
    res.status(201).json(store.read(id));
  }));
  api.get('/labs/:id', route((req, res) => res.json(store.read(String(req.params.id)))));
  api.put('/labs/:id', route((req, res) => res.json(store.save(String(req.params.id), parse(labContentSchema, req.body)))));
  api.patch('/labs/:id', route((req, res) => res.json(store.rename(String(req.params.id), parse(renameLabSchema, req.body).name))));
  api.delete('/labs/:id', route(async (req, res) => {
    const id = String(req.params.id);
    store.dirOf(id);
    await stopLab(id, 'The lab was deleted.');
    store.delete(id);
    res.status(204).end();
  }));
  api.get('/labs/:id/export', route((req, res) => {
    const id = String(req.params.id);
    const zip = store.exportZip(id);
    res.setHeader('Content-Type', 'application/zip');
    res.setHeader('Content-Disposition', `attachment; filename="${id}.zip"`);
    res.end(Buffer.from(zip.buffer, zip.byteOffset, zip.byteLength));
  }));

  api.get('/labs/:id/status', route(async (req, res) => res.json(await status(String(req.params.id)))));
  api.post('/labs/:id/start', route(async (req, res) => {
    const id = String(req.params.id);
    const body = parse(devicesSchema, req.body);
    await open(id);
    const r = (await hosts.request({ op: 'start', lab: id, ...(body.devices ? { devices: body.devices } : {}) })) as StartReply;
    res.json(r);
  }));
  api.post('/labs/:id/stop', route(async (req, res) => {
    const id = String(req.params.id);
    const body = parse(devicesSchema, req.body);
    if (body.devices) {
      if (!hosts.has(id)) throw new ApiError(409, 'lab-not-running', `Lab ${id} is not running.`);
      res.json(await hosts.request({ op: 'stop', lab: id, devices: body.devices }));
      return;
    }
    await stopLab(id, 'The lab was stopped.');
    res.json(await status(id));
  }));
  api.post('/labs/:id/restart', route(async (req, res) => {
    const id = String(req.params.id);
    const body = parse(restartSchema, req.body);
    if (body.device) {
      await open(id);
      res.json(await hosts.request({ op: 'restart', lab: id, device: body.device }));
      return;
    }
    await stopLab(id, 'The lab was restarted.');
    await open(id);
    res.json(await hosts.request({ op: 'start', lab: id }));
  }));
  api.post('/labs/:id/exec', route(async (req, res) => {
    const id = String(req.params.id);
    const body = parse(execSchema, req.body);
    store.dirOf(id);
    const r = (await hosts.request({ op: 'exec', lab: id, device: body.device, command: body.command, timeoutMs: (body.timeout ?? 30) * 1000 })) as ExecReply;
    res.json(r);
  }));
  api.use((_req, _res, next) => next(new ApiError(404, 'not-found', 'No such API route.')));
  api.use((err: unknown, _req: Request, res: Response, _next: NextFunction) => {
    const e = toApiError(err);
    if (e.status >= 500 && e.code === 'internal') console.error(err);
    res.status(e.status).json(e.body());
  });
  app.use('/api', api);

  const webDir = options.webDir;
  if (webDir && existsSync(join(webDir, 'index.html'))) {
    app.use(express.static(webDir, { index: 'index.html', maxAge: '1h', setHeaders: (res, path) => path.endsWith('.html') && res.setHeader('Cache-Control', 'no-cache') }));
    app.get(/^\/(?!api\/|socket\.io\/).*/, (_req, res) => res.sendFile(join(webDir, 'index.html'), { headers: { 'Cache-Control': 'no-cache' } }));
  } else {
    app.get('/', (_req, res) => res.type('text/plain').send('The web app is not built: run `npm run build:web` (npm start does it), then reload.\n'));
  }

  io.on('connection', (socket) => {
    const viewer: ConsoleViewer = {
      data: (id, data, replay) => socket.emit('data', { id, data, ...(replay ? { replay } : {}) }),
      exit: (id, reason) => socket.emit('console-exit', { id, reason }),
    };
    socket.on('console-open', (req, reply) => {
      if (typeof reply !== 'function') return;
      const ok = req && typeof req.lab === 'string' && typeof req.device === 'string';
      if (!ok) return reply({ ok: false, message: 'console-open needs a lab and a device.' });
      const cols = clamp(req.cols, 2, 1000, 80);
      const rows = clamp(req.rows, 2, 500, 24);
      consoles.open({ lab: req.lab, device: req.device, cols, rows, ...(typeof req.reattach === 'string' ? { reattach: req.reattach } : {}) }, viewer)
        .then((info) => reply({ ok: true, console: info }), (err: unknown) => reply({ ok: false, message: toApiError(err).message }));
    });
    socket.on('input', (msg) => {
      if (msg && typeof msg.id === 'string' && typeof msg.data === 'string' && msg.data.length <= 65536) consoles.input(msg.id, new TextEncoder().encode(msg.data));
    });
    socket.on('resize', (msg) => {
      if (msg && typeof msg.id === 'string') consoles.resize(msg.id, clamp(msg.cols, 2, 1000, 80), clamp(msg.rows, 2, 500, 24));
    });
    socket.on('commit', (msg) => {
      if (msg && typeof msg.id === 'string' && typeof msg.bytes === 'number') consoles.commit(msg.id, msg.bytes);
    });
    socket.on('console-close', (msg) => {
      if (msg && typeof msg.id === 'string') consoles.close(msg.id);
    });
    socket.on('watch', (msg) => {
      if (msg && typeof msg.lab === 'string') void socket.join(room(msg.lab));
    });
    socket.on('unwatch', (msg) => {
      if (msg && typeof msg.lab === 'string') void socket.leave(room(msg.lab));
    });
    socket.on('disconnect', () => consoles.detachViewer(viewer));
  });

  return {
    http,
    store,
    hosts,
    consoles,
    async close() {
      io.close();
      await hosts.closeAll();
      await new Promise<void>((resolve) => http.close(() => resolve()));
    },
  };
}

function clamp(v: unknown, lo: number, hi: number, dflt: number): number {
  return typeof v === 'number' && Number.isFinite(v) ? Math.max(lo, Math.min(hi, Math.round(v))) : dflt;
}

function toApiError(err: unknown): ApiError {
  if (err instanceof ApiError) return err;
  if (err instanceof HostFailure) return new ApiError(statusOfHostCode(err.code), err.code, err.message, err.details);
  if (err instanceof ZipRefused) return new ApiError(err.tooLarge ? 413 : 400, err.tooLarge ? 'too-large' : 'bad-request', err.message);
  const e = err as { type?: string; status?: number; message?: string };
  if (e && e.type === 'entity.too.large') return new ApiError(413, 'too-large', 'The upload is too large.');
  if (e && e.type === 'entity.parse.failed') return new ApiError(400, 'bad-request', 'The request body is not valid JSON.');
  return new ApiError(500, 'internal', err instanceof Error ? err.message : String(err));
}
