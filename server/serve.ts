// `netloom serve`: parses the options and starts the web server (server/app.ts) on 127.0.0.1:8080.
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createNetloomServer } from './app.ts';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** The example lab copied into an empty data folder. */
const DEFAULT_TEMPLATE = 'two-hosts';

export const SERVE_USAGE = `Usage: netloom serve [--host ADDR] [--port N] [--data DIR] [--hosts N] [--in-process] [--open LAB]

Starts the web application: the lab editor, consoles and the REST API, on http://127.0.0.1:8080.

  --host ADDR     address to listen on (default 127.0.0.1; 0.0.0.0 opens it to the network)
  --port N        TCP port (default 8080; 0 picks a free one)
  --data DIR      where labs are saved, one Kathará folder each (default ./data)
  --hosts N       lab host worker threads (default: one per core)
  --in-process    run labs on the main thread instead of worker threads
  --open LAB      the lab the web app opens first (a lab id in DIR/labs)

The first start copies an example lab from labs/ so there is something to open.
`;

export interface ServeArgs {
  host: string;
  port: number;
  data: string;
  hosts?: number;
  inProcess: boolean;
  open?: string;
}

export function parseServeArgs(args: string[], fail: (msg: string) => never): ServeArgs {
  const out: ServeArgs = { host: '127.0.0.1', port: 8080, data: 'data', inProcess: false };
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const eq = a.indexOf('=');
    const name = a.startsWith('--') && eq > 0 ? a.slice(0, eq) : a;
    const value = (): string => {
      const v = eq > 0 && a.startsWith('--') ? a.slice(eq + 1) : args[++i];
      if (v === undefined) fail(`${name} needs a value.`);
      return v;
    };
    if (name === '--host') out.host = value();
    else if (name === '--port' || name === '-p') {
      const v = value();
      if (!/^\d+$/.test(v) || Number(v) > 65535) fail(`--port needs a port number, got '${v}'.`);
      out.port = Number(v);
    } else if (name === '--data') out.data = value();
    else if (name === '--hosts') {
      const v = value();
      if (!/^[1-9]\d*$/.test(v)) fail(`--hosts needs a positive number, got '${v}'.`);
      out.hosts = Number(v);
    } else if (name === '--in-process') out.inProcess = true;
    else if (name === '--open') out.open = value();
    else fail(`unknown option '${a}'.`);
  }
  return out;
}

export async function serve(args: ServeArgs): Promise<number> {
  const templatesDir = resolve(repo, 'labs');
  const server = createNetloomServer({
    dataDir: resolve(args.data),
    templatesDir,
    webDir: resolve(repo, 'dist/web'),
    ...(args.hosts ? { hosts: args.hosts } : {}),
    inProcess: args.inProcess,
    ...(args.open ? { defaultLab: args.open } : {}),
  });
  if (server.store.list(() => false).length === 0) {
    const templates = server.store.templates();
    const first = templates.find((t) => t.id === DEFAULT_TEMPLATE) ?? templates[0];
    if (first) server.store.copy({ template: first.id }, first.name);
  }
  if (!existsSync(resolve(repo, 'dist/web/index.html'))) process.stderr.write('netloom serve: the web app is not built; run `npm run build:web`.\n');
  await new Promise<void>((done, fail) => {
    server.http.once('error', fail);
    server.http.listen(args.port, args.host, () => done());
  }).catch((err: NodeJS.ErrnoException) => {
    process.stderr.write(`netloom serve: cannot listen on ${args.host}:${args.port}: ${err.code === 'EADDRINUSE' ? 'the port is in use (try --port)' : err.message}\n`);
    process.exit(1);
  });
  const addr = server.http.address();
  const port = typeof addr === 'object' && addr ? addr.port : args.port;
  const shown = args.host.includes(':') ? `[${args.host}]` : args.host;
  process.stdout.write(`Netloom is running on http://${shown}:${port}/ (labs in ${resolve(args.data)}). Ctrl-C stops it.\n`);
  await new Promise<void>((done) => {
    const stop = (): void => done();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  process.stdout.write('\nnetloom serve: stopping.\n');
  await Promise.race([server.close(), new Promise((r) => setTimeout(r, 3000))]);
  return 0;
}
