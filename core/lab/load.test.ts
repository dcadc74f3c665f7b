// Loader tests on in-memory labs: folders and startup files as devices, shared/, _test/, lab.ext, lab.dep,
// image inference, MACs and Netkit mode. Kathará behaviour is derived from its source (not run here).
import { describe, expect, it } from 'vitest';
import { MemoryLabFiles } from './files.ts';
import { formatDiagnostic, loadLab } from './load.ts';
import { generatedMac } from './macs.ts';
import type { Lab, LoadResult } from './model.ts';

const lab = (tree: Record<string, string | { symlink: string }>, mode?: 'kathara' | 'netkit'): LoadResult =>
  loadLab(new MemoryLabFiles(tree), mode ? { mode } : {});
const ok = (r: LoadResult): Lab => {
  if (!r.ok) throw new Error(r.errors.map(formatDiagnostic).join('\n'));
  return r.lab;
};

describe('loadLab', () => {
  it('includes devices that exist only as folders or startup files, and records their files', () => {
    const l = ok(lab({ 'lab.conf': 'pc1[0]=A\n', 'pc1.startup': 'ip a\n', 'pc1.shutdown': '', 'r1/etc/hostname': 'r1', 'pc2.startup': '', 'shared.startup': '', 'shared/x': '', '_test/sig': '', '.git/HEAD': '' }));
    expect(l.mode).toBe('kathara');
    expect(l.devices.map((d) => d.name)).toEqual(['pc1', 'pc2', 'r1']);
    expect(l.devices[0]).toMatchObject({ startup: 'pc1.startup', shutdown: 'pc1.shutdown', line: 1 });
    expect(l.devices[2]).toMatchObject({ folder: 'r1', line: 0, interfaces: [] });
    expect(l.shared).toEqual({ folder: 'shared', startup: 'shared.startup' });
    expect(l.testFolder).toBe('_test');
  });

  it('infers images from etc/frr, etc/quagga, etc/zebra, else kathara/base; lab.conf wins', () => {
    const l = ok(lab({ 'lab.conf': 'a[0]=X\nb[0]=X\nc[0]=X\nd[0]=X\ne[0]=X\ne[image]=kathara/p4', 'a/etc/frr/frr.conf': '', 'b/etc/quagga/zebra.conf': '', 'c/etc/zebra/z': '', 'e/etc/frr/f': '' }));
    expect(l.devices.map((d) => [d.name, d.image, d.imageOrigin])).toEqual([
      ['a', 'kathara/frr', 'etc/frr'],
      ['b', 'kathara/quagga', 'etc/quagga'],
      ['c', 'kathara/quagga', 'etc/zebra'],
      ['d', 'kathara/base', 'default'],
      ['e', 'kathara/p4', 'lab.conf'],
    ]);
  });

  it('assigns deterministic, distinct, locally administered MACs; given MACs are kept', () => {
    const l = ok(lab({ 'lab.conf': 'a[0]=X\na[1]=Y/aa:bb:cc:dd:ee:ff\nb[0]=X' }));
    const [a0, a1] = l.devices[0]?.interfaces ?? [];
    expect(a0?.mac).toBe(generatedMac('a', 0));
    expect(a0?.mac).toMatch(/^02(:[0-9a-f]{2}){5}$/);
    expect(a1?.mac).toBe('aa:bb:cc:dd:ee:ff');
    expect(ok(lab({ 'lab.conf': 'b[0]=X\na[0]=X' })).devices[1]?.interfaces[0]?.mac).toBe(a0?.mac);
    expect(new Set(l.devices.flatMap((d) => d.interfaces.map((i) => i.mac))).size).toBe(3);
  });

  it('reads lab.dep against the lab devices', () => {
    const l = ok(lab({ 'lab.conf': 'a[0]=X\nb[0]=X', 'lab.dep': 'b: a ghost' }));
    expect(l.dependencies).toEqual({ b: ['a', 'ghost'] });
    expect(l.warnings.some((w) => w.file === 'lab.dep' && w.message.includes('ghost'))).toBe(true);
    const bad = lab({ 'lab.conf': 'a[0]=X\nb[0]=X', 'lab.dep': 'a: b\nb: a' });
    expect(bad.ok).toBe(false);
  });

  it('notes lab.ext as host attachment not available in Netloom', () => {
    const l = ok(lab({ 'lab.conf': 'a[0]=X', 'lab.ext': 'X enp9s0.20\n# c\n' }));
    expect(l.external).toEqual([{ collisionDomain: 'X', hostInterface: 'enp9s0', vlan: 20, line: 1 }]);
    expect(l.warnings.some((w) => w.file === 'lab.ext' && /host attachment not available in Netloom/.test(w.message))).toBe(true);
  });

  it('fails with Kathará messages and lines', () => {
    const r = lab({ 'lab.conf': 'a[0]=X\nb[0]=X-Y\n' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.map(formatDiagnostic)).toEqual(['In lab.conf - Line 2: Collision domain `X-Y` contains non-alphanumeric characters.']);
    const none = lab({});
    if (!none.ok) expect(none.errors.map(formatDiagnostic)).toEqual(['In lab.conf: No lab.conf in given directory.']);
    const empty = lab({ 'lab.conf': '# nothing\n' });
    if (!empty.ok) expect(empty.errors[0]?.message).toBe('No devices in the current network scenario.');
    expect(lab({ 'lab.conf': 'a[0]=X', shared: { symlink: '/etc' } }).ok).toBe(false);
  });

  it('ignores folders that cannot be Kathará device names, with a warning', () => {
    const l = ok(lab({ 'lab.conf': 'a[0]=X', 'Docs/readme': '' }));
    expect(l.devices.map((d) => d.name)).toEqual(['a']);
    expect(l.warnings.some((w) => w.file === 'Docs')).toBe(true);
  });
});

describe('Netkit mode', () => {
  it('is detected from machines=, upper-case names or M', () => {
    for (const conf of ['machines="a b"\na[0]=X', 'PC1[0]=X', 'pc1[0]=X\npc1[M]=64']) {
      const l = ok(lab({ 'lab.conf': conf }));
      expect(l.mode).toBe('netkit');
      expect(l.warnings[0]?.message).toMatch(/^Netkit lab detected/);
    }
  });

  it('is forced by an option and is used when lab.conf is missing but devices exist', () => {
    expect(ok(lab({ 'lab.conf': 'a[0]=X\nthis is junk' }, 'netkit')).mode).toBe('netkit');
    expect(lab({ 'lab.conf': 'a[0]=X\nthis is junk' }).ok).toBe(false);
    const l = ok(lab({ 'pc1/etc/x': '', 'pc2.startup': '' }));
    expect(l.mode).toBe('netkit');
    expect(l.devices.map((d) => d.name)).toEqual(['pc1', 'pc2']);
    expect(lab({ 'pc1/x': '' }, 'kathara').ok).toBe(false);
  });

  it('treats unknown lines as comments, accepts machines=, upper case and M', () => {
    const l = ok(lab({
      'lab.conf': 'machines="PC1 r1"\n  # spaced comment\nsomething odd\nPC1[0]=LAN\nPC1[M]=128\nr1[0]="LAN"\nr1[mem]=64\nLAB_DESCRIPTION="x = y"',
      'r1/etc/quagga/zebra.conf': '',
      'extra/x': '',
    }));
    expect(l.devices.map((d) => [d.name, d.mem, d.image])).toEqual([['PC1', '128m', 'kathara/base'], ['r1', '64m', 'kathara/quagga']]);
    expect(l.metadata.description).toBe('x = y');
    expect(l.warnings.some((w) => /line 3 not understood/.test(w.message))).toBe(true);
    expect(l.warnings.some((w) => w.file === 'extra' && /machines=/.test(w.message))).toBe(true);
  });

  it('makes every subfolder a device (except shared, _test, hidden) when there is no machines= line', () => {
    const l = ok(lab({ 'lab.conf': 'A[0]=X', 'B/etc/x': '', 'shared/s': '', '_test/t': '', '.hidden/h': '' }));
    expect(l.devices.map((d) => d.name)).toEqual(['A', 'B']);
    expect(l.shared.folder).toBe('shared');
  });

  it('turns interface holes and bad values into warnings', () => {
    const l = ok(lab({ 'lab.conf': 'PC1[1]=X\nPC1[mem]=lots' }));
    expect(l.devices[0]?.interfaces.map((i) => i.index)).toEqual([1]);
    expect(l.warnings.map((w) => w.message).join('\n')).toMatch(/Interface `0` missing on device `PC1`/);
    expect(l.warnings.map((w) => w.message).join('\n')).toMatch(/Memory value not valid on `PC1`\. Ignored/);
  });
});
