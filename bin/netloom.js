#!/usr/bin/env node
// The `netloom` command. Runs the bundle dist/cli.js (built by scripts/build-cli.mjs at `npm install`)
// when it is newer than every source file, else loads the TypeScript CLI (server/cli.ts) through tsx.
import { readdirSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

function newestSource(dir, newest = 0) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory()) newest = newestSource(path, newest);
    else if (entry.name.endsWith('.ts')) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

function bundleIsFresh() {
  try {
    const built = statSync(`${root}dist/cli.js`).mtimeMs;
    return built >= Math.max(newestSource(`${root}core`), newestSource(`${root}server`));
  } catch {
    return false;
  }
}

let cli;
if (bundleIsFresh()) {
  cli = await import(new URL('../dist/cli.js', import.meta.url).href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  cli = await import(new URL('../server/cli.ts', import.meta.url).href);
}
const code = await cli.main(process.argv.slice(2));
// Labs may leave timers behind (a realtime loop, daemons): leave once the output is written.
process.stdout.write('', () => process.exit(code));
