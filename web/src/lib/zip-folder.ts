// Zips files the user picked (a folder upload) in the browser, so a folder imports like a zip.
import { zipSync, type Zippable } from 'fflate';

/** Zips files by their folder-relative path (webkitRelativePath), under their common top folder. */
export async function zipFiles(files: File[]): Promise<{ zip: Blob; name: string }> {
  const tree: Zippable = {};
  let top = '';
  for (const f of files) {
    const path = (f as File & { webkitRelativePath?: string }).webkitRelativePath || f.name;
    top ||= path.includes('/') ? path.slice(0, path.indexOf('/')) : '';
    tree[path] = new Uint8Array(await f.arrayBuffer());
  }
  const bytes = zipSync(tree, { level: 1 });
  return { zip: new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'application/zip' }), name: top || 'imported-lab' };
}
