// The Lab runtime on small labs built in memory and on corpus labs: Kathará's boot sequence (device folder,
// /hostlab, /shared, startup logs, exec lines, /tmp/EOS), lab.dep waves, panics, stop/restart,
// save/restore, and malformed labs reported as errors.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ImageStore, Lab, MemoryLabFiles, formatDiagnostic, type LabEvent, type LabFilesWithModes, type LabOptions } from '../core/index.ts';
import { nodeHost } from '../server/host.ts';
import { nodeLabFiles } from '../server/lab-folder.ts';

const images = new ImageStore();
const options = (extra: Partial<LabOptions> = {}): LabOptions => ({ host: nodeHost, images, ...extra });

function make(tree: Record<string, string | Uint8Array | { symlink: string }>, extra: Partial<LabOptions> = {}): Lab {
  const r = Lab.create(new MemoryLabFiles(tree), options(extra));
  if (!r.ok) throw new Error(r.errors.map(formatDiagnostic).join('\n'));
  r.lab.setMode('fast');
  return r.lab;
}

async function sh(lab: Lab, device: string, command: string): Promise<string> {
  const r = await lab.exec(device, command);
  if (!r.ok) throw new Error(r.error);
  return r.output;
}

const TWO_HOSTS = {
  'lab.conf': 'LAB_NAME="two"\na[0]=lan\nb[0]=lan\nb[exec]="echo exec-line > /tmp/exec"\n',
  'shared.startup': 'echo "$HOSTNAME" > /shared/$HOSTNAME.up\n',
  'a.startup': 'ip address add 10.0.0.1/24 dev eth0\necho started a\n',
  'b.startup': 'echo started b\r\nls /nonexistent\r\n',
  'a/etc/motd': 'hello from a\n',
  'a/usr/local/bin/greet': '\ufeff#!/bin/bash\r\necho greet\r\n',
  'shared/readme.txt': 'shared file\n',
};

describe('Lab runtime: boot sequence', () => {
  it('starts every device of a large wave at the same virtual instant', async () => {
    const tree: Record<string, string> = { 'lab.conf': '' };
    for (let i = 0; i < 40; i++) {
      tree['lab.conf'] += `d${i}[0]=lan\n`;
      tree[`d${i}.startup`] = 'date +%s.%N > /shared/$HOSTNAME; sleep 1; ls /shared | wc -l > /tmp/seen\n';
    }
    const lab = make(tree);
    const report = await lab.start();
    expect('running' in report && report.running.length).toBe(40);
    const times = new Set<string>();
    for (let i = 0; i < 40; i += 13) times.add(await sh(lab, `d${i}`, `cat /shared/d${i}`));
    expect(times.size).toBe(1);
    // A second later, every device sees all 40 files.
    expect(await sh(lab, 'd0', 'cat /tmp/seen')).toBe('40\n');
    expect(await sh(lab, 'd39', 'cat /tmp/seen')).toBe('40\n');
  });

  it('boots devices as Kathará does', async () => {
    const lab = make(TWO_HOSTS);
    const events: LabEvent[] = [];
    lab.on((e) => events.push(e));
    const report = await lab.start();
    expect(report).toEqual({ running: ['a', 'b'], crashed: [], slow: [] });
    expect(lab.devices().map((d) => [d.name, d.state])).toEqual([['a', 'running'], ['b', 'running']]);
    expect(events.filter((e) => e.device === 'a').map((e) => e.state)).toEqual(['booting', 'running']);
    expect(await sh(lab, 'a', 'hostname; cat /etc/hostname')).toBe('a\na\n');
    expect(await sh(lab, 'a', 'test -f /tmp/EOS && echo eos')).toBe('eos\n');
    expect(await sh(lab, 'a', 'cat /etc/motd; greet')).toBe('hello from a\ngreet\n');
    expect(await sh(lab, 'a', 'cat /etc/hosts')).toBe('127.0.0.1 localhost\n::1 localhost\n');
    // Startup scripts traced with set -x, run from /hostlab, logged like Kathará.
    expect(await sh(lab, 'a', 'cat /var/log/startup.log')).toBe(
      '+ ip address add 10.0.0.1/24 dev eth0\n+ echo started a\nstarted a\n');
    expect(await sh(lab, 'a', 'ip -br address show dev eth0')).toBe('eth0@if2         UP             10.0.0.1/24 \n');
    expect(await sh(lab, 'b', 'cat /var/log/startup.log')).toBe(
      "+ echo started b\nstarted b\n+ ls /nonexistent\nls: cannot access '/nonexistent': No such file or directory\n");
    expect(await sh(lab, 'a', 'cat /var/log/shared.log')).toBe('+ echo a\n');
    expect(await sh(lab, 'b', 'cat /tmp/exec')).toBe('exec-line\n');
  });

  it('shares /shared live between devices and keeps /hostlab read-only', async () => {
    const lab = make(TWO_HOSTS);
    await lab.start();
    expect(await sh(lab, 'b', 'ls /shared; cat /shared/a.up /shared/readme.txt')).toBe('a.up\nb.up\nreadme.txt\na\nshared file\n');
    await sh(lab, 'a', 'echo live > /shared/new');
    expect(await sh(lab, 'b', 'cat /shared/new')).toBe('live\n');
    const r = await lab.exec('a', 'echo x > /hostlab/a.startup; touch /hostlab/new; rm /hostlab/lab.conf; cat /hostlab/lab.conf | head -1');
    expect(r.ok && r.output).toBe(
      'bash: line 1: /hostlab/a.startup: Read-only file system\ntouch: cannot touch \'/hostlab/new\': Read-only file system\nrm: cannot remove \'/hostlab/lab.conf\': Read-only file system\nLAB_NAME="two"\n');
  });

  it('lists devices, interfaces and collision domains', () => {
    const lab = make(TWO_HOSTS);
    expect(lab.collisionDomains()).toEqual([{ name: 'lan', members: ['a:eth0', 'b:eth0'] }]);
    expect(lab.interfaces().map((i) => `${i.device}:${i.name}:${i.collisionDomain}`)).toEqual(['a:eth0:lan', 'b:eth0:lan']);
    expect(lab.devices()[0]).toMatchObject({ name: 'a', image: 'kathara/base', runs: 'kathara/base', state: 'stopped' });
  });

  it('runs unknown images as kathara/base with a warning; missing programs are not found', async () => {
    const lab = make({ 'lab.conf': 'r1[0]=A\nr1[image]="kathara/p4"\nx[0]=A\nx[image]="acme/custom:1"\n' });
    expect(lab.warnings.map((w) => w.message).join('\n')).toMatch(/acme\/custom:1.*kathara\/base/);
    expect(lab.warnings.map((w) => w.message).join('\n')).toMatch(/kathara\/p4` is not available in Netloom; r1 runs as kathara\/base/);
    await lab.start();
    expect(lab.device('r1')?.runs).toBe('kathara/base');
    const r = await lab.exec('r1', 'vtysh -c "show ip route"');
    expect(r.ok && [r.exitCode, r.output]).toEqual([127, 'bash: line 1: vtysh: command not found\n']);
  });

  it('runs kathara/frr devices with FRR (tag ignored), others without it', async () => {
    const lab = make({ 'lab.conf': 'r1[0]=A\nr1[image]="kathara/frr:latest"\npc[0]=A\n' });
    expect(lab.warnings).toEqual([]);
    await lab.start();
    expect(lab.device('r1')?.runs).toBe('kathara/frr');
    expect(await sh(lab, 'r1', 'ls /usr/lib/frr; id frr')).toBe('bgpd\nfrrinit.sh\nospfd\nripd\nstaticd\nwatchfrr\nzebra\nuid=103(frr) gid=107(frr) groups=107(frr),106(frrvty)\n');
    expect(await sh(lab, 'pc', 'ls /usr/lib/frr 2>&1; id frr 2>&1')).toBe("ls: cannot access '/usr/lib/frr': No such file or directory\nid: 'frr': no such user\n");
  });

  it('orders boots by lab.dep waves', async () => {
    const lab = make({
      'lab.conf': 'a[0]=A\nb[0]=A\nc[0]=A\n',
      'lab.dep': 'c: a b\nb: a\n',
      'a.startup': 'sleep 5; echo a >> /shared/order\n',
      'b.startup': 'sleep 1; echo b >> /shared/order\n',
      'c.startup': 'echo c >> /shared/order\n',
    });
    await lab.start();
    expect(await sh(lab, 'c', 'cat /shared/order')).toBe('a\nb\nc\n');
  });

  it('starts devices without lab.dep in parallel', async () => {
    const lab = make({
      'lab.conf': 'a[0]=A\nb[0]=A\n',
      'a.startup': 'sleep 5; echo a >> /shared/order\n',
      'b.startup': 'sleep 1; echo b >> /shared/order\n',
    });
    const t0 = lab.cpu.now;
    await lab.start();
    expect(await sh(lab, 'a', 'cat /shared/order')).toBe('b\na\n');
    expect(lab.cpu.now - t0).toBeLessThan(6e9);
  });

  it('keeps going when one device panics', async () => {
    const lab = make({ 'lab.conf': 'a[0]=A\nb[0]=A\n', 'a.startup': 'sleep 2\n', 'b.startup': 'sleep 1; echo ok > /tmp/ok\n' });
    lab.on((e) => {
      if (e.device === 'a' && e.state === 'booting') lab.cpu.setTimer(1e9, () => lab.guest('a')!.kernel.panic('test bug'));
    });
    const events: LabEvent[] = [];
    lab.on((e) => events.push(e));
    const report = await lab.start();
    expect(report).toEqual({ running: ['b'], crashed: [{ device: 'a', message: 'Kernel panic - not syncing: test bug' }], slow: [] });
    expect(events.find((e) => e.state === 'crashed')).toMatchObject({ device: 'a', message: 'Kernel panic - not syncing: test bug' });
    expect(await sh(lab, 'b', 'cat /tmp/ok')).toBe('ok\n');
    const r = await lab.exec('a', 'true');
    expect(r.ok ? '' : r.error).toMatch(/not running \(crashed: Kernel panic/);
  });

  it('runs shutdown scripts at halt, restarts a device on fresh files', async () => {
    const lab = make({
      'lab.conf': 'a[0]=A\nb[0]=A\n',
      'a.shutdown': 'echo bye-a >> /shared/bye\n',
      'shared.shutdown': 'echo shared-$HOSTNAME >> /shared/bye\n',
    });
    await lab.start();
    await sh(lab, 'a', 'echo mine > /root/file');
    expect(await lab.stop(['a'])).toEqual({ halted: ['a'] });
    expect(lab.device('a')?.state).toBe('halted');
    expect(await sh(lab, 'b', 'cat /shared/bye')).toBe('bye-a\nshared-a\n');
    expect(await lab.restart('a')).toEqual({ running: ['a'], crashed: [], slow: [] });
    expect((await lab.exec('a', 'cat /root/file')).ok).toBe(true);
    expect(await sh(lab, 'a', 'cat /root/file 2>&1; test -f /tmp/EOS && echo eos')).toBe('cat: /root/file: No such file or directory\neos\n');
  });

  it('saves and restores the state of a running lab', async () => {
    const lab = make(TWO_HOSTS);
    await lab.start();
    await sh(lab, 'a', 'echo kept > /root/notes; rm /etc/motd; mkdir -p /srv/x && echo y > /srv/x/y; echo "10.0.0.9 srv" >> /etc/hosts');
    await sh(lab, 'b', 'echo from-b > /shared/b-file');
    const state = JSON.parse(JSON.stringify(lab.saveState()));
    const again = make(TWO_HOSTS, { state });
    await again.start();
    expect(await sh(again, 'a', 'cat /root/notes /srv/x/y /shared/b-file; ls /etc/motd 2>&1; hostname')).toBe(
      "kept\ny\nfrom-b\nls: cannot access '/etc/motd': No such file or directory\na\n");
    expect(await sh(again, 'a', 'test -f /tmp/EOS && echo eos')).toBe('eos\n');
    expect(await sh(again, 'a', 'cat /etc/hosts /etc/hostname')).toBe('127.0.0.1 localhost\n::1 localhost\n10.0.0.9 srv\na\n');
  });

  it('exec reports unknown devices and times out commands that never end', async () => {
    const lab = make({ 'lab.conf': 'a[0]=A\n' });
    await lab.start();
    const r = await lab.exec('zz', 'true');
    expect(r.ok ? '' : r.error).toBe('No such device: zz.');
    const t = await lab.exec('a', 'sleep 100; echo no', { timeout: 5e9 });
    expect(t.ok && [t.timedOut, t.exitCode]).toEqual([true, 137]);
  });

  it('keeps file modes from folders that know them', async () => {
    const base = new MemoryLabFiles({ 'lab.conf': 'a[0]=A\n', 'a/usr/bin/tool': '#!/bin/bash\necho tool\n', 'a/etc/secret': 's\n' });
    const files: LabFilesWithModes = Object.assign(Object.create(base) as MemoryLabFiles, {
      mode: (p: string) => (p === 'a/etc/secret' ? 0o600 : p === 'a/usr/bin/tool' ? 0o755 : 0o755),
    });
    const made = Lab.create(files, options());
    if (!made.ok) throw new Error('load');
    made.lab.setMode('fast');
    await made.lab.start();
    expect(await sh(made.lab, 'a', 'ls -l /etc/secret /usr/bin/tool | cut -c1-10; tool')).toBe('-rw-------\n-rwxr-xr-x\ntool\n');
  });
});

describe('Lab runtime: malformed labs give one clear error each', () => {
  const errorsOf = (tree: Record<string, string | Uint8Array | { symlink: string }>, extra: Partial<LabOptions> = {}): string[] => {
    const r = Lab.create(new MemoryLabFiles(tree), options(extra));
    return r.ok ? [] : r.errors.map(formatDiagnostic);
  };

  it('bad lab.conf line', () => {
    expect(errorsOf({ 'lab.conf': 'a[0]=A\nthis is not valid\n' })).toEqual([expect.stringMatching(/^In lab.conf - Line 2: /)]);
  });
  it('no lab.conf and no devices', () => {
    expect(errorsOf({ 'README.md': 'x' })).toEqual(['In lab.conf: No lab.conf in given directory.']);
  });
  it('cycle in lab.dep', () => {
    expect(errorsOf({ 'lab.conf': 'a[0]=A\nb[0]=A\n', 'lab.dep': 'a: b\nb: a\n' })).toEqual([
      "In lab.dep - Line 1: Machines' dependency loop in lab.dep file: a -> b -> a.",
    ]);
  });
  it('device folder with a link out of the lab', () => {
    expect(errorsOf({ 'lab.conf': 'a[0]=A\n', 'a/etc/passwd': { symlink: '/etc/passwd' } })).toEqual([
      'In a/etc/passwd: Symlink points outside the lab (`/etc/passwd`).',
    ]);
  });
  it('huge file', () => {
    expect(errorsOf({ 'lab.conf': 'a[0]=A\n', 'a/big.bin': new Uint8Array(2000) }, { validate: { maxFileSize: 1000 } })).toEqual([
      'In a/big.bin: File is 2000 bytes, above the limit of 1000 bytes.',
    ]);
  });
  it('a link inside the lab is copied as a link', async () => {
    const lab = make({ 'lab.conf': 'a[0]=A\n', 'a/etc/real': 'r\n', 'a/etc/alias': { symlink: 'real' } });
    await lab.start();
    expect(await sh(lab, 'a', 'ls -l /etc/alias; cat /etc/alias')).toMatch(/alias -> real\nr\n$/);
  });
  it('copies a device folder as tar does: nested folders, scripts made Unix, a file over a folder reported', async () => {
    const lab = make({
      'lab.conf': 'a[0]=A\n', 'a/opt/x/y/run.sh': 'echo one\r\necho two\r\n', 'a/opt/x/notes': 'n\r\n',
      'a/bin': 'not a folder\n', 'a/root/.profile2': 'p\n',
    });
    await lab.start();
    expect(await sh(lab, 'a', 'bash /opt/x/y/run.sh; od -c /opt/x/notes | head -1; stat -c "%A %n" /opt/x/y/run.sh /opt/x/notes /opt/x /root')).toBe(
      'one\ntwo\n0000000   n  \\r  \\n\n-rwxr-xr-x /opt/x/y/run.sh\n-rw-r--r-- /opt/x/notes\ndrwxr-xr-x /opt/x\ndrwx------ /root\n');
    expect(lab.warnings.map((w) => w.message)).toContain('a/bin: cannot be copied to /bin (errno 21)');
    expect(await sh(lab, 'a', 'cat /root/.profile2')).toBe('p\n');
  });
});

const corpus = resolve(import.meta.dirname, '../../shared/corpus/kathara-labs/main-labs');
const CORPUS_LABS = [
  'basic-topics/static-routing/kathara-lab_static-routing',
  'basic-topics/arp/kathara-lab_arp',
  'application-level/dns/kathara-lab_dns',
];

describe.skipIf(!existsSync(corpus))('Lab runtime: corpus labs boot', () => {
  for (const rel of CORPUS_LABS) {
    it(rel, async () => {
      const made = Lab.create(nodeLabFiles(resolve(corpus, rel)), options());
      if (!made.ok) throw new Error(made.errors.map(formatDiagnostic).join('\n'));
      const lab = made.lab;
      lab.setMode('fast');
      const report = await lab.start();
      expect('running' in report && report.running.length).toBe(lab.model.devices.length);
      for (const d of lab.model.devices) {
        const out = await sh(lab, d.name, 'test -f /tmp/EOS && echo eos; hostname');
        expect(out).toBe(`eos\n${d.name}\n`);
        if (d.startup) expect(await sh(lab, d.name, 'head -1 /var/log/startup.log | cut -c1-2')).toBe('+ \n');
      }
    });
  }
});
