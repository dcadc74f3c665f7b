#!/usr/bin/env node
// The `netloom` command. Runs the bundle dist/cli.js (built by scripts/build-cli.mjs at `npm install`)
// when it is newer than every source file, else loads the TypeScript CLI (server/cli.ts) through tsx.
import { freshBundle } from './bundles.mjs';

// A reader that went away (`netloom run ... | head`) ends us quietly, as SIGPIPE ends a real tool.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (err) => {
    if (err.code === 'EPIPE') process.exit(141);
    throw err;
  });
}

let cli;
const bundle = freshBundle('cli.js');
if (bundle) {
  cli = await import(bundle.href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  cli = await import(new URL('../server/cli.ts', import.meta.url).href);
}
const code = await cli.main(process.argv.slice(2));
// Labs may leave timers behind (a realtime loop, daemons): leave once the output is written.
process.stdout.write('', () => process.exit(code));
