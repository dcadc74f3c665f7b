// The netloom CLI as users run it: `node bin/netloom.js ...` in a child process, checking output,
// --json and exit statuses (2 for bad arguments, 1 for bad labs).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '..');

function netloom(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [join(root, 'bin/netloom.js'), ...args], { cwd: root, encoding: 'utf8', timeout: 60_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('netloom CLI', () => {
  it('runs commands on the default pc in fast virtual time', () => {
    const t0 = Date.now();
    const r = netloom('run', '--exec', 'pc: echo hello | cat; ls /proc/self; sleep 3600; echo done', '--exec', 'pc: echo err >&2; echo out; exit 3');
    expect(r.stdout).toBe('hello\ncmdline\ncomm\ncwd\nenviron\nexe\nfd\nroot\nstat\nstatus\ndone\nerr\nout\n');
    expect(r.status).toBe(3);
    expect(Date.now() - t0).toBeLessThan(20_000);
  });

  it('prints JSON and keeps files between commands', () => {
    const r = netloom('run', '--json', '--exec', 'pc: echo kept > /root/f', '--exec', 'pc: cat /root/f; nosuch');
    expect(JSON.parse(r.stdout)).toEqual([
      { device: 'pc', command: 'echo kept > /root/f', exitCode: 0, output: '' },
      { device: 'pc', command: 'cat /root/f; nosuch', exitCode: 127, output: 'kept\nbash: line 1: nosuch: command not found\n' },
    ]);
    expect(r.status).toBe(127);
  });

  it('boots a lab folder, waits virtual time, runs on named devices', () => {
    const r = netloom('run', 'labs/shared-coordination', '--wait', '30', '--exec', 'client2: cat /root/server.txt; cat /proc/uptime | cut -d. -f1');
    expect(r.stdout.split('\n')[0]).toBe('server is at 10.1.0.1');
    expect(Number(r.stdout.split('\n')[1])).toBeGreaterThanOrEqual(30);
    expect(r.status).toBe(0);
  });

  it('rejects bad arguments with status 2 and usage hints', () => {
    for (const args of [['run', '--wait', 'soon'], ['run', '--bogus'], ['run', '--exec', 'zz: true'], ['frobnicate'], ['serve', '--port', 'notaport'], ['serve', '--bogus'], []]) {
      const r = netloom(...args);
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stderr, args.join(' ')).toMatch(/netloom/);
    }
    expect(netloom('--help').stdout).toMatch(/^Usage: netloom <command>/);
    expect(netloom('run', '--help').stdout).toMatch(/^Usage: netloom run \[LABDIR\]/);
  }, 60_000); // nine processes: allow for a loaded machine

  it('reports bad labs with file and line, status 1', () => {
    const dir = mkdtempSync(join(tmpdir(), 'netloom-cli-'));
    writeFileSync(join(dir, 'lab.conf'), 'a[0]=A\nb[0]=A\n');
    writeFileSync(join(dir, 'lab.dep'), 'a: b\nb: a\n');
    const r = netloom('run', dir, '--exec', 'a: true');
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("In lab.dep - Line 1: Machines' dependency loop in lab.dep file: a -> b -> a.");
    const missing = netloom('run', join(dir, 'nope'));
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/no such lab folder/);
  });

  it('checks Netkit _test signatures and lab-checker specs', () => {
    const dir = mkdtempSync(join(tmpdir(), 'netloom-check-'));
    writeFileSync(join(dir, 'lab.conf'), 'pc1[0]=A\npc2[0]=A\n');
    writeFileSync(join(dir, 'pc1.startup'), 'echo one > /tmp/x\n');
    mkdirSync(join(dir, '_test/signature'), { recursive: true });
    writeFileSync(join(dir, '_test/pc1.test'), 'cat /tmp/x\nhostname\n');
    writeFileSync(join(dir, '_test/signature/pc1.user'), 'one\npc1\n');
    writeFileSync(join(dir, '_test/pc2.test'), 'hostname\n');
    writeFileSync(join(dir, '_test/signature/pc2.user'), 'other\n');
    writeFileSync(join(dir, 'spec.json'), JSON.stringify({ test: { requiring_startup: ['pc1', 'pc2'], protocols: {} } }));
    const r = netloom('check', dir);
    expect(r.stdout).toContain('PASS    netkit:pc1.user\n');
    expect(r.stdout).toContain('FAIL    netkit:pc2.user\n        - other\n        + pc2\n');
    expect(r.stdout).toContain('PASS    requiring_startup:pc1\n');
    expect(r.stdout).toContain('FAIL    requiring_startup:pc2\n        pc2.startup does not exist.\n');
    expect(r.stdout).toContain('MISSING protocols\n');
    expect(r.status).toBe(1);
  });

  it('lists a lab (linfo) without booting it', () => {
    const r = netloom('linfo', '-d', 'labs/static-routing');
    expect(r.stdout).toContain('Collision domains:\n  A: pc1:eth0 r1:eth0\n');
    expect(r.status).toBe(0);
  });
});
