// npm run bench: runs every benchmark script in this folder, each in its own Node process with the
// garbage collector exposed (so memory figures are measured after a collection), and prints their output.
// Benchmarks of core code run bundled by esbuild as `netloom` and the lab host workers run in production
// (scripts/build-cli.mjs); under tsx every imported binding read is a getter call and every function
// gets a naming call, which is not what ships. `--tsx` runs them through tsx instead. The server
// benchmark (consoles.ts) always runs through tsx: its server starts the bundled workers itself.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, '..', '..', 'dist', 'bench');
const args = process.argv.slice(2);
const viaTsx = args.includes('--tsx');
const only = args.filter((a) => !a.startsWith('--'));
const throughServer = new Set(['consoles.ts']);
const scripts = readdirSync(here)
  .filter((f) => f.endsWith('.ts') && f !== 'run.ts' && !f.endsWith('.test.ts'))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort();
mkdirSync(out, { recursive: true });
let failed = 0;
for (const s of scripts) {
  const bundled = !viaTsx && !throughServer.has(s);
  console.log(`\n== ${s}${bundled ? ' (bundled, as netloom runs)' : ' (through tsx)'}`);
  let argv = ['--expose-gc', '--import', 'tsx', join(here, s)];
  if (bundled) {
    const file = join(out, s.replace(/\.ts$/, '.mjs'));
    await build({
      entryPoints: [join(here, s)], outfile: file, bundle: true, platform: 'node', format: 'esm',
      target: 'node20', packages: 'external', logLevel: 'warning',
    });
    argv = ['--expose-gc', file];
  }
  const r = spawnSync(process.execPath, argv, { stdio: 'inherit' });
  if (r.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
