// Whether a bundle in dist/ (built by scripts/build-cli.mjs) is newer than every TypeScript source it is
// made from; the `netloom` command and the lab host workers load the bundle then, else the sources via tsx.
import { readdirSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('..', import.meta.url));

function newestSource(dir, newest = 0) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory()) newest = newestSource(path, newest);
    else if (entry.name.endsWith('.ts')) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

/** The bundle's URL when it is fresh, else null. */
export function freshBundle(name) {
  try {
    const built = statSync(`${root}dist/${name}`).mtimeMs;
    if (built >= Math.max(newestSource(`${root}core`), newestSource(`${root}server`))) return new URL(`../dist/${name}`, import.meta.url);
  } catch {
    // no bundle
  }
  return null;
}
