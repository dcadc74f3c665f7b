// Shared by the browser tests and scripts/screenshots.ts: builds the web app when it is stale, starts a
// Netloom server on a free port with a fresh data folder, and launches Debian's chromium through
// playwright-core (or says why it cannot).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { createNetloomServer, type NetloomServer } from '../../server/app.ts';

/** The page's document, as functions given to page.evaluate see it (this file compiles without DOM types). */
declare const document: { querySelector(selector: string): unknown };

export const CHROMIUM = '/usr/bin/chromium';
const root = resolve(import.meta.dirname, '../..');

/** Why the browser tests cannot run here, or undefined when they can. */
export function browserMissing(): string | undefined {
  return existsSync(CHROMIUM) ? undefined : `${CHROMIUM} is not installed (apt-get install -y chromium); the browser tests are skipped.`;
}

function newest(dir: string): number {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

/** Builds dist/web unless it is newer than every file of web/. */
export function buildWeb(): void {
  const index = join(root, 'dist/web/index.html');
  if (existsSync(index) && statSync(index).mtimeMs > newest(join(root, 'web'))) return;
  execFileSync(process.execPath, [join(root, 'node_modules/vite/bin/vite.js'), 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
}

export interface TestServer {
  server: NetloomServer;
  url: string;
  data: string;
  close(): Promise<void>;
}

export async function startServer(): Promise<TestServer> {
  buildWeb();
  const data = mkdtempSync(join(tmpdir(), 'netloom-e2e-'));
  const server = createNetloomServer({ dataDir: data, templatesDir: join(root, 'labs'), webDir: join(root, 'dist/web'), hosts: 1 });
  await new Promise<void>((done) => server.http.listen(0, '127.0.0.1', () => done()));
  const addr = server.http.address();
  const url = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
  return {
    server, url, data,
    async close() {
      await server.close();
      rmSync(data, { recursive: true, force: true });
    },
  };
}

/** Chromium with a new empty profile; `viewport` is the page size. */
export async function launch(viewport = { width: 1400, height: 900 }): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  const profile = mkdtempSync(join(tmpdir(), 'netloom-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
  return {
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Where a canvas node is on the page (its id is `dev:NAME` or `cd:NAME`). */
export async function nodeOnPage(page: Page, id: string): Promise<{ x: number; y: number }> {
  await page.waitForFunction((nodeId) => {
    const el = document.querySelector('.canvas') as ({ cy?: { getElementById(id: string): { nonempty(): boolean } } }) | null;
    return el?.cy?.getElementById(nodeId).nonempty() === true;
  }, id, { timeout: 15_000 });
  return page.evaluate((nodeId) => {
    const el = document.querySelector('.canvas') as {
      cy: { getElementById(id: string): { renderedPosition(): { x: number; y: number }; empty(): boolean } };
      getBoundingClientRect(): { left: number; top: number };
    };
    const node = el.cy.getElementById(nodeId);
    if (node.empty()) throw new Error(`no node ${nodeId}`);
    const p = node.renderedPosition();
    const r = el.getBoundingClientRect();
    return { x: r.left + p.x, y: r.top + p.y };
  }, id);
}

/** The text a console shows (xterm's rows). */
export async function terminalText(page: Page, device: string): Promise<string> {
  return page.evaluate((dev) => {
    const rows = document.querySelector(`.terminal-wrap[data-device="${dev}"] .xterm-rows`) as { children: ArrayLike<{ textContent: string | null }> } | null;
    return rows ? Array.from(rows.children).map((r) => r.textContent ?? '').join('\n') : '';
  }, device);
}
