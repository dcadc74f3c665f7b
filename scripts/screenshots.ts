// Takes PNG screenshots of the main screens (lab list, a running lab on the canvas, consoles, the
// properties panel) with Debian's chromium, into the folder given (default /tmp/netloom-screenshots).
// Usage: npm run screenshots [-- OUTDIR]
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { browserMissing, launch, nodeOnPage, startServer } from '../tests/e2e/browser.ts';

/** The page's document, as functions given to page.evaluate see it (this file compiles without DOM types). */
declare const document: { querySelector(selector: string): unknown };

const out = resolve(process.argv[2] ?? '/tmp/netloom-screenshots');
const missing = browserMissing();
if (missing) {
  console.error(`screenshots: ${missing}`);
  process.exit(1);
}
mkdirSync(out, { recursive: true });
const srv = await startServer();
const browser = await launch({ width: 1440, height: 900 });
try {
  const page = await browser.context.newPage();
  const shot = async (name: string): Promise<void> => {
    await page.waitForTimeout(400);
    await page.screenshot({ path: `${out}/${name}.png` });
    console.log(`${out}/${name}.png`);
  };
  srv.server.store.copy({ template: 'two-hosts' }, 'Two hosts');
  const id = srv.server.store.copy({ template: 'static-routing' }, 'Static routing');
  await page.goto(`${srv.url}/#/`);
  await page.waitForSelector('.lab');
  await shot('1-lab-list');

  await page.goto(`${srv.url}/#/lab/${id}`);
  await nodeOnPage(page, 'dev:r1');
  await shot('2-canvas-stopped');
  await page.click('[data-action=start]');
  await page.waitForSelector('.run-state', { timeout: 60_000 });
  await page.keyboard.press('f');
  await shot('3-canvas-running');

  const devices = await page.evaluate(() => {
    const el = document.querySelector('.canvas') as { cy: { nodes(s: string): { map(f: (n: { id(): string }) => string): string[] } } };
    return el.cy.nodes('.device').map((n) => n.id());
  });
  for (const d of devices.slice(0, 2)) {
    const p = await nodeOnPage(page, d);
    await page.mouse.dblclick(p.x, p.y);
    await page.waitForTimeout(500);
    await page.keyboard.type('ip -br addr; hostname');
    await page.keyboard.press('Enter');
  }
  await page.waitForTimeout(800);
  await shot('4-consoles');
  await page.click('button:has-text("Tile")');
  await shot('5-consoles-tiled');

  const first = await nodeOnPage(page, devices[0]!);
  await page.mouse.click(first.x, first.y);
  await shot('6-properties-device');
  await page.keyboard.press('?');
  await shot('7-shortcuts');
} finally {
  await browser.close();
  await srv.close();
}
