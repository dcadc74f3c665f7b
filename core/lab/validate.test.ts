// validateLab tests: path traversal, symlinks, size limits, images Netloom cannot emulate.
import { describe, expect, it } from 'vitest';
import { type LabEntry, type LabFiles, type LabStat, MemoryLabFiles } from './files.ts';
import { loadLab } from './load.ts';
import { badPathReason, imageName, validateLab } from './validate.ts';

describe('validateLab', () => {
  it('accepts a plain lab', () => {
    const files = new MemoryLabFiles({ 'lab.conf': 'a[0]=X', 'a/etc/hosts': '', 'a/link': { symlink: '../shared/x' } });
    expect(validateLab(files)).toEqual({ errors: [], warnings: [] });
  });

  it('rejects symlinks leaving the lab', () => {
    const files = new MemoryLabFiles({ 'a/abs': { symlink: '/etc/passwd' }, 'a/up': { symlink: '../../secret' } });
    expect(validateLab(files).errors.map((e) => `${e.file}: ${e.message}`)).toEqual([
      'a/abs: Symlink points outside the lab (`/etc/passwd`).',
      'a/up: Symlink points outside the lab (`../../secret`).',
    ]);
  });

  it('rejects traversal in names a LabFiles implementation may report (e.g. from an archive)', () => {
    const evil: LabFiles = {
      list: (dir: string): LabEntry[] | undefined => (dir === '' ? [{ name: '..', kind: 'dir' }, { name: '/etc', kind: 'file' }] : undefined),
      read: () => undefined,
      stat: (p: string): LabStat | undefined => (p === '/etc' ? { kind: 'file', size: 1 } : { kind: 'dir', size: 0 }),
    };
    expect(validateLab(evil).errors.map((e) => e.message)).toEqual(['Unsafe path: `..` in `..`.', 'Unsafe path: absolute path `/etc`.']);
    expect(badPathReason('a/./b')).toMatch(/segment/);
    expect(badPathReason('a\\b')).toMatch(/backslash/);
    expect(badPathReason('C:/x')).toMatch(/drive/);
    expect(badPathReason('a/b')).toBeUndefined();
  });

  it('enforces the file and total size limits', () => {
    const files = new MemoryLabFiles({ 'a/big': 'x'.repeat(100), 'a/small': 'x' });
    expect(validateLab(files, undefined, { maxFileSize: 50 }).errors).toEqual([{ file: 'a/big', message: 'File is 100 bytes, above the limit of 50 bytes.' }]);
    expect(validateLab(files, undefined, { maxTotalSize: 100 }).errors[0]?.message).toBe('Lab is 101 bytes, above the limit of 100 bytes.');
  });

  it('lists images Netloom cannot emulate as warnings', () => {
    const files = new MemoryLabFiles({ 'lab.conf': 's1[0]=X\ns1[image]=kathara/p4\nc[0]=X\nc[image]=kathara/pox\nw[0]=X\nw[image]="lscr.io/linuxserver/wireshark"\nr[0]=X\nr[image]=kathara/frr:8\nd[0]=X\nd[image]=kathara/bind:9.11\ny[0]=X\ny[image]=kathara/ryu' });
    const r = loadLab(files);
    if (!r.ok) throw new Error('load failed');
    const w = validateLab(files, r.lab).warnings.map((x) => x.message);
    expect(w).toHaveLength(4);
    expect(w[0]).toMatch(/^Image `kathara\/p4` \(s1\) cannot be emulated by Netloom: P4/);
    expect(w[1]).toMatch(/POX/);
    expect(w[2]).toMatch(/unknown custom image/);
    expect(w[3]).toMatch(/Ryu/);
    expect(imageName('kathara/frr:8.4')).toBe('kathara/frr');
    expect(imageName('localhost:5000/img')).toBe('localhost:5000/img');
  });
});
