// tar and gzip against the real GNU tar 1.34 and gzip 1.12 of this machine: archives and .gz files
// written in a guest are read by the host tools, and the host's are listed and extracted in a guest
// with the same -tv listing. Skipped (with a message) when tar or gzip is missing here.
import { describe, expect, test } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { TestGuest } from '../helpers/guest.ts';

const have = (tool: string): boolean => spawnSync(tool, ['--version']).status === 0;
const hostTools = have('tar') && have('gzip');
if (!hostTools) console.warn('archives.test.ts: tar or gzip missing on this machine; interoperability tests skipped');

const host = (cmd: string, cwd: string): { out: string; status: number } => {
  const r = spawnSync('/bin/sh', ['-c', cmd], { cwd, env: { PATH: '/usr/bin:/bin', TZ: 'UTC', LC_ALL: 'C' } });
  return { out: r.stdout.toString('latin1') + r.stderr.toString('latin1'), status: r.status ?? -1 };
};

/** Guest tree: files with fixed times, a long name (LongLink), a symlink, an empty dir. */
const SETUP = [
  'mkdir -p /tmp/w/dir/sub /tmp/w/dir/empty', 'cd /tmp/w', 'printf "hello world\\n" > dir/a.txt',
  'seq 1 5000 > dir/sub/numbers', `printf x > dir/sub/${'n'.repeat(120)}`, 'ln -s a.txt dir/link',
  'chmod 600 dir/a.txt', 'touch -d "2025-01-01 00:00" dir dir/* dir/sub/* dir/empty',
].join('; ');

describe.skipIf(!hostTools)('guest archives read by the host tools', () => {
  test('tar -cf, tar -czf and gzip output extract on the host with the same contents', async () => {
    const g = new TestGuest();
    const r = await g.sh(`${SETUP}; tar -cf /tmp/a.tar dir; tar czf /tmp/a.tgz dir; cp dir/sub/numbers /tmp/n; gzip -9 /tmp/n; echo $?`);
    expect(r.output).toBe('0\n');
    const dir = mkdtempSync('/tmp/nlarch.');
    try {
      const read = (p: string): Uint8Array => {
        const v = g.guest.vfs.readFileBytes(p);
        if (typeof v === 'number') throw new Error(`${p}: ${v}`);
        return v;
      };
      writeFileSync(join(dir, 'a.tar'), read('/tmp/a.tar'));
      writeFileSync(join(dir, 'a.tgz'), read('/tmp/a.tgz'));
      writeFileSync(join(dir, 'n.gz'), read('/tmp/n.gz'));
      const list = host('tar -tvf a.tar', dir);
      expect(list.status).toBe(0);
      const guestList = await g.sh('cd /tmp/w && tar -tvf /tmp/a.tar');
      expect(guestList.output).toBe(list.out);
      expect(host('tar -tzf a.tgz', dir).out).toBe(host('tar -tf a.tar', dir).out);
      mkdirSync(join(dir, 'x'));
      expect(host('tar -xzf a.tgz -C x && cat x/dir/a.txt && wc -l < x/dir/sub/numbers && readlink x/dir/link', dir).out)
        .toBe('hello world\n5000\na.txt\n');
      expect(readFileSync(join(dir, 'x/dir/sub', 'n'.repeat(120)), 'latin1')).toBe('x');
      expect(host('gzip -t n.gz && gzip -dc n.gz | tail -n 1 && gzip -l n.gz | tail -n 1 | awk "{print \\$2, \\$4}"', dir).out).toBe('5000\n23893 n\n');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  test('host archives list with the same -tv lines and extract in a guest', async () => {
    const dir = mkdtempSync('/tmp/nlarch.');
    try {
      const made = host([
        'mkdir -p d/s', 'printf "hello\\n" > d/f', 'seq 1 100 > d/s/n', 'ln -s f d/l', 'chmod 640 d/f',
        'touch -h -d "2024-06-01 12:34" d d/f d/s d/s/n d/l', 'tar -cf h.tar d', 'tar -czf h.tgz d', 'cp d/s/n n', 'gzip n',
      ].join(' && '), dir);
      expect(made.status).toBe(0);
      const g = new TestGuest();
      g.guest.vfs.mkdirp('/tmp/h');
      for (const f of ['h.tar', 'h.tgz', 'n.gz']) g.guest.vfs.writeFile(`/tmp/h/${f}`, readFileSync(join(dir, f)), 0o644);
      const want = host('tar -tvf h.tar', dir).out;
      expect((await g.sh('cd /tmp/h && tar -tvf h.tar')).output).toBe(want);
      expect((await g.sh('cd /tmp/h && tar -tzvf h.tgz')).output).toBe(want);
      const x = await g.sh('cd /tmp/h && mkdir o && tar -xzf h.tgz -C o && cat o/d/f && stat -c "%a %n" o/d/f && readlink o/d/l && zcat n.gz | wc -l && gunzip n.gz && ls');
      expect(x.output).toBe('hello\n640 o/d/f\nf\n100\nh.tar\nh.tgz\nn\no\n');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});

describe('tar and gzip messages', () => {
  // Expected text as GNU tar 1.34 and gzip 1.12 printed it on this machine for the same commands.
  test('errors as GNU tar and gzip print them', async () => {
    const g = new TestGuest();
    const r = await g.sh('cd /tmp; exec 2>&1; tar -cf x.tar; echo $?; tar -cf x.tar nope; echo $?; tar -tf missing.tar; echo $?; ' +
      'tar -f x.tar; echo $?; gzip nope; echo $?; echo hi > a; gzip a; gzip a.gz; echo $?; echo hi > a; gzip a; echo $?; gunzip b; echo $?');
    expect(r.output).toBe([
      "tar: Cowardly refusing to create an empty archive", "Try 'tar --help' or 'tar --usage' for more information.", '2',
      'tar: nope: Cannot stat: No such file or directory', 'tar: Exiting with failure status due to previous errors', '2',
      'tar: missing.tar: Cannot open: No such file or directory', 'tar: Error is not recoverable: exiting now', '2',
      "tar: You must specify one of the '-Acdtrux', '--delete' or '--test-label' options", "Try 'tar --help' or 'tar --usage' for more information.", '2',
      'gzip: nope: No such file or directory', '1', 'gzip: a.gz already has .gz suffix -- unchanged', '0',
      'gzip: a.gz already exists;\tnot overwritten', '2', 'gzip: b.gz: No such file or directory', '1', '',
    ].join('\n'));
  });
});
