// Runs every recorded coreutils golden case (tests/golden/coreutils/expected.json) in a guest and
// compares stdout+stderr and the exit status byte for byte with what the real Debian 12 tool printed.
import { describe, test, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { TestGuest } from '../helpers/guest.ts';
import { ROOT } from '../../core/fs/vfs.ts';
import { WORKDIR, applyMask, type GoldenRecord } from './coreutils/cases.ts';

const records: GoldenRecord[] = JSON.parse(readFileSync(new URL('./coreutils/expected.json', import.meta.url), 'utf8'));
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

function setup(g: TestGuest, r: GoldenRecord): void {
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
  for (const [path, target] of Object.entries(r.links ?? {})) vfs.symlink(target, `${WORKDIR}/${path}`, ROOT);
  for (const [path, mode] of Object.entries(r.modes ?? {})) vfs.chmod(`${WORKDIR}/${path}`, mode, ROOT);
  for (const [path, secs] of Object.entries(r.mtimes ?? {})) vfs.utimens(`${WORKDIR}/${path}`.replace(/\/$/, ''), secs * 1e9, secs * 1e9, ROOT);
}

const byTool = new Map<string, GoldenRecord[]>();
for (const r of records) byTool.set(r.argv[0]!, [...(byTool.get(r.argv[0]!) ?? []), r]);

const g = new TestGuest();
for (const [tool, cases] of byTool) {
  describe(tool, () => {
    for (const r of cases) {
      test(r.name, async () => {
        setup(g, r);
        const res = await g.run(r.argv, { stdin: r.stdin, cwd: WORKDIR, env: r.env });
        const got = applyMask(res.output, r.mask);
        // The guest decodes captured output as UTF-8; compare bytes through latin1 on both sides.
        const want = new TextDecoder().decode(latin1(r.output));
        expect({ output: got, status: res.exitCode }).toEqual({ output: want, status: r.status });
      });
    }
  });
}
