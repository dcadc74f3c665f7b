#!/usr/bin/env node
// The `netloom` command: loads the TypeScript CLI (server/cli.ts) through tsx's ESM loader.
import { register } from 'tsx/esm/api';

register();
const { main } = await import(new URL('../server/cli.ts', import.meta.url).href);
const code = await main(process.argv.slice(2));
// Labs may leave timers behind (a realtime loop, daemons): leave once the output is written.
process.stdout.write('', () => process.exit(code));
