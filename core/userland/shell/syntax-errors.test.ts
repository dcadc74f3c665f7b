// Golden test: for every recorded case, our parser reports exactly what `bash -n script.sh` printed
// (syntax errors and here-document warnings) with the same exit status. Fixtures: fixtures/README.md.

import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formatSyntaxError } from './errors.ts';
import { parseScript } from './parse.ts';

interface Record {
  source: string;
  stderr: string;
  status: number;
}

const here = dirname(fileURLToPath(import.meta.url));
const { records } = JSON.parse(readFileSync(join(here, 'fixtures/syntax-errors.json'), 'utf8')) as { records: Record[] };

/** What our parser makes `bash -n script.sh` print. */
export function simulate(source: string): { stderr: string; status: number } {
  const r = parseScript(source);
  const lines = r.warnings.map((w) => `script.sh: line ${w.line}: ${w.message}`);
  let status = 0;
  if (r.error) {
    if (r.error.message !== '') lines.push(...formatSyntaxError(r.error, 'script.sh'));
    status = r.error.status;
  }
  return { stderr: lines.map((l) => l + '\n').join(''), status };
}

describe('syntax errors match bash 5.2', () => {
  for (const rec of records) {
    it(JSON.stringify(rec.source), () => {
      expect(simulate(rec.source)).toEqual({ stderr: rec.stderr, status: rec.status });
    });
  }
});
