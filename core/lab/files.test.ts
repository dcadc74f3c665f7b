import { describe, expect, it } from 'vitest';
import { MemoryLabFiles, walk } from './files.ts';

describe('MemoryLabFiles', () => {
  it('lists the entries directly inside a folder, in the order they were first added', () => {
    const files = new MemoryLabFiles({ 'lab.conf': 'x', 'pc1/etc/motd': 'hi', 'pc2/': '', 'pc1.startup': 'y', 'pc1/a': 'z' });
    expect(files.list('')).toEqual([
      { name: 'lab.conf', kind: 'file' }, { name: 'pc1', kind: 'dir' }, { name: 'pc2', kind: 'dir' }, { name: 'pc1.startup', kind: 'file' },
    ]);
    expect(files.list('pc1')).toEqual([{ name: 'etc', kind: 'dir' }, { name: 'a', kind: 'file' }]);
    expect(files.list('pc2')).toEqual([]);
    expect(files.list('lab.conf')).toBeUndefined();
    expect(files.list('nope')).toBeUndefined();
  });

  it('keeps one entry when a path is set again, with its new kind', () => {
    const files = new MemoryLabFiles({ a: 'x', b: 'y' });
    files.set('a', { symlink: 'b' });
    files.set('c/d', 'z');
    expect(files.list('')).toEqual([{ name: 'a', kind: 'symlink' }, { name: 'b', kind: 'file' }, { name: 'c', kind: 'dir' }]);
    expect(walk(files, '').map((e) => e.path)).toEqual(['a', 'b', 'c', 'c/d']);
  });

  it('lists a folder of a large lab without the other folders', () => {
    const tree: Record<string, string> = {};
    for (let i = 0; i < 500; i++) tree[`d${i}/etc/motd`] = `${i}`;
    const files = new MemoryLabFiles(tree);
    expect(files.list('d7/etc')).toEqual([{ name: 'motd', kind: 'file' }]);
    expect(files.list('')!.length).toBe(500);
  });
});
