// A lab folder read once into memory (files, folders, symlinks and permission bits), so a running lab keeps
// seeing the files it was started with while the editor saves new ones.
import type { LabEntry, LabFilesWithModes, LabStat } from '../core/index.ts';
import { walk } from '../core/index.ts';
import { nodeLabFiles } from './lab-folder.ts';

interface Node {
  stat: LabStat;
  mode?: number;
  data?: Uint8Array;
}

export function snapshotFolder(root: string): LabFilesWithModes {
  const disk = nodeLabFiles(root);
  const nodes = new Map<string, Node>();
  nodes.set('', { stat: { kind: 'dir', size: 0 } });
  for (const e of walk(disk, '')) {
    const stat = disk.stat(e.path);
    if (!stat) continue;
    const node: Node = { stat, mode: disk.mode?.(e.path) };
    if (stat.kind === 'file') node.data = disk.read(e.path);
    nodes.set(e.path, node);
  }
  return {
    list(dir: string): LabEntry[] | undefined {
      if (nodes.get(dir)?.stat.kind !== 'dir') return undefined;
      const prefix = dir === '' ? '' : `${dir}/`;
      const out: LabEntry[] = [];
      for (const [path, node] of nodes) {
        if (path === '' || !path.startsWith(prefix)) continue;
        const rest = path.slice(prefix.length);
        if (rest !== '' && !rest.includes('/')) out.push({ name: rest, kind: node.stat.kind });
      }
      return out;
    },
    read: (path) => nodes.get(path)?.data,
    stat: (path) => nodes.get(path)?.stat,
    mode: (path) => nodes.get(path)?.mode,
  };
}
