// Developer tool: runs the bash golden cases in a guest and prints a compact diff of each failing one.
// npx tsx tests/golden/bash/compare.ts [name-filter]
import { readFileSync } from 'node:fs';
import { TestGuest } from '../../helpers/guest.ts';
import { ROOT } from '../../../core/fs/vfs.ts';
import { WORKDIR, type BashRecord } from './cases.ts';
import { CASE_ENV } from './env.ts';

const records: BashRecord[] = JSON.parse(readFileSync(new URL('./expected.json', import.meta.url), 'utf8'));
const latin1 = (s: string): Uint8Array => Uint8Array.from(s, (ch) => ch.charCodeAt(0));
const filter = process.argv[2] ?? '';
const g = new TestGuest();
const vfs = g.guest.vfs;

function removeTree(path: string): void {
  const st = vfs.lstat(path, ROOT);
  if (typeof st === 'number') return;
  if ((st.mode & 0o170000) === 0o040000) {
    const entries = vfs.readdir(path, ROOT);
    if (typeof entries !== 'number') for (const e of entries) if (e.name !== '.' && e.name !== '..') removeTree(`${path}/${e.name}`);
    vfs.rmdir(path, ROOT);
  } else vfs.unlink(path, ROOT);
}

let failed = 0;
for (const r of records) {
  if (!r.name.includes(filter)) continue;
  removeTree(WORKDIR);
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
  const argv = r.asFile ? ['/bin/bash', 't.sh', ...(r.args ?? [])] : ['/bin/bash', '-c', r.script, ...(r.args ?? [])];
  let out: string;
  let status: number;
  try {
    const res = await g.run(argv, { stdin: r.stdin, cwd: WORKDIR, env: CASE_ENV });
    out = res.output;
    status = res.exitCode;
  } catch (e) {
    out = `THROWN ${(e as Error).stack}`;
    status = -1;
  }
  const want = new TextDecoder().decode(latin1(r.output));
  if (out === want && status === r.status) continue;
  failed++;
  console.log(`=== ${r.name}: ${JSON.stringify(r.script)}`);
  if (status !== r.status) console.log(`status: got ${status} want ${r.status}`);
  if (out !== want) console.log(`--- want\n${want}--- got\n${out}`);
}
console.log(`${failed} failed`);
