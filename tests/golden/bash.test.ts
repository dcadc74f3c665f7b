// Runs every recorded bash golden case (tests/golden/bash/expected.json) in a guest and compares
// stdout+stderr and the exit status byte for byte with what the real bash 5.2 of Debian 12 printed.
import { describe, test, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { TestGuest } from '../helpers/guest.ts';
import { ROOT } from '../../core/fs/vfs.ts';
import { WORKDIR, type BashRecord } from './bash/cases.ts';
import { CASE_ENV } from './bash/env.ts';

const records: BashRecord[] = JSON.parse(readFileSync(new URL('./bash/expected.json', import.meta.url), 'utf8'));
const latin1 = (s: string): Uint8Array => Uint8Array.from(s, (ch) => ch.charCodeAt(0));

function removeTree(g: TestGuest, path: string): void {
  const vfs = g.guest.vfs;
  const st = vfs.lstat(path, ROOT);
  if (typeof st === 'number') return;
  if ((st.mode & 0o170000) === 0o040000) {
    vfs.chmod(path, 0o755, ROOT);
    const entries = vfs.readdir(path, ROOT);
    if (typeof entries !== 'number') for (const e of entries) if (e.name !== '.' && e.name !== '..') removeTree(g, `${path}/${e.name}`);
    vfs.rmdir(path, ROOT);
  } else vfs.unlink(path, ROOT);
}

function setup(g: TestGuest, r: BashRecord): void {
  const vfs = g.guest.vfs;
  removeTree(g, WORKDIR);
  vfs.mkdirp(WORKDIR);
  for (const [path, text] of Object.entries(r.files ?? {})) {
    const full = `${WORKDIR}/${path}`;
    if (path.endsWith('/')) vfs.mkdirp(full.slice(0, -1));
    else {
      vfs.mkdirp(full.slice(0, full.lastIndexOf('/')));
      vfs.writeFile(full, latin1(text), 0o644);
    }
  }
  if (r.asFile) vfs.writeFile(`${WORKDIR}/t.sh`, new TextEncoder().encode(r.script), 0o644);
}

/** Cases the interpreter does not pass yet, with the reason; they run as expected failures. */
const KNOWN_FAILURES: Record<string, string> = {};

const bySection = new Map<string, BashRecord[]>();
for (const r of records) {
  const section = r.name.split('-')[0]!;
  bySection.set(section, [...(bySection.get(section) ?? []), r]);
}

const g = new TestGuest();
for (const [section, cases] of bySection) {
  describe(section, () => {
    for (const r of cases) {
      const run = KNOWN_FAILURES[r.name] ? test.fails : test;
      run(r.name, async () => {
        setup(g, r);
        const argv = r.asFile ? ['/bin/bash', 't.sh', ...(r.args ?? [])] : ['/bin/bash', '-c', r.script, ...(r.args ?? [])];
        const res = await g.run(argv, { stdin: r.stdin, cwd: WORKDIR, env: CASE_ENV });
        const want = new TextDecoder().decode(latin1(r.output));
        expect({ output: res.output, status: res.exitCode }).toEqual({ output: want, status: r.status });
      });
    }
  });
}
