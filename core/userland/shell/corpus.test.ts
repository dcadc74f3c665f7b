// Every Kathará lab startup/shutdown script of the shared corpus parses, and the real `bash -n`
// agrees with us on each (same diagnostics), when bash is installed. Skips when the corpus is absent.

import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formatSyntaxError } from './errors.ts';
import { parseScript } from './parse.ts';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const corpus = resolve(repoRoot, '../shared/corpus/kathara-labs');

function walk(dir: string, out: string[]): string[] {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    const st = statSync(path, { throwIfNoEntry: false });
    if (!st) continue;
    if (st.isDirectory()) walk(path, out);
    else if (st.isFile() && (name.endsWith('.startup') || name.endsWith('.shutdown'))) out.push(path);
  }
  return out;
}

function ours(source: string, label: string): string {
  const r = parseScript(source);
  const lines = r.warnings.map((w) => `${label}: line ${w.line}: ${w.message}`);
  if (r.error && r.error.message !== '') lines.push(...formatSyntaxError(r.error, label));
  return lines.map((l) => l + '\n').join('');
}

const haveCorpus = existsSync(corpus);
const haveBash = spawnSync('bash', ['-c', 'exit 0']).status === 0;

describe.skipIf(!haveCorpus)(`kathara-labs corpus (${corpus})`, () => {
  const files = haveCorpus ? walk(corpus, []) : [];

  it('has scripts', () => {
    expect(files.length).toBeGreaterThan(0);
  });

  // Files inside a device's filesystem (`.../etc/bind/db.net.startup` is a BIND zone file) are not
  // startup scripts; they are still checked against bash below.
  const scripts = files.filter((f) => !f.split('/').includes('etc'));

  it('every script parses without a syntax error', () => {
    const failures: string[] = [];
    for (const file of scripts) {
      const r = parseScript(readFileSync(file, 'utf8'));
      if (r.error) failures.push(`${file}: line ${r.error.line}: ${r.error.message}`);
    }
    expect(failures).toEqual([]);
  });

  it.skipIf(!haveBash)('bash -n agrees on every script', () => {
    const disagreements: string[] = [];
    for (const file of files) {
      const b = spawnSync('bash', ['-n', file], { encoding: 'utf8', env: { PATH: process.env.PATH, LANG: 'C' } });
      const mine = ours(readFileSync(file, 'utf8'), file);
      if (b.stderr !== mine) disagreements.push(`${file}\n  bash: ${JSON.stringify(b.stderr)}\n  ours: ${JSON.stringify(mine)}`);
    }
    expect(disagreements).toEqual([]);
  }, 120_000);
});

if (!haveCorpus) {
  describe('kathara-labs corpus', () => {
    it.skip(`skipped: ${corpus} does not exist`, () => {});
  });
}
