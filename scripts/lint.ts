// Lint: checks the import arrows between folders (ARCHITECTURE.md §1), that core/ stays free of the
// environment (no node: imports, timers, wall clock, console, process), and that no test is focused.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const root = resolve(dirname(new URL(import.meta.url).pathname), '..');
const problems: string[] = [];

function walk(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name.startsWith('.') || name === 'dist') continue;
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p, out);
    else if (/\.(ts|svelte)$/.test(name)) out.push(p);
  }
  return out;
}

/** May a file in folder `from` import a file in folder `to`? Paths are relative to the repository. */
function allowed(from: string, to: string, isTest: boolean): boolean {
  const inside = (f: string, dir: string) => f === dir || f.startsWith(dir + '/');
  if (inside(from, 'core/net/wire')) return inside(to, 'core/net/wire');
  if (inside(from, 'core/net/ip') && inside(to, 'core/net/transport')) return false;
  if (inside(from, 'core/userland')) {
    return inside(to, 'core/userland') || to === 'core/kernel/abi.ts' || inside(to, 'core/net/wire') ||
      to === 'core/fs/utf8.ts' || to === 'core/fs/types.ts' || (isTest && !inside(to, 'server'));
  }
  if (inside(from, 'core/cpu')) return inside(to, 'core/cpu');
  if (inside(from, 'core/fs')) return inside(to, 'core/fs') || to === 'core/kernel/abi.ts' || (isTest && inside(to, 'core/cpu'));
  if (inside(from, 'core')) return inside(to, 'core') || (isTest && (inside(to, 'tests') || inside(to, 'server/host.ts')));
  if (inside(from, 'server')) return to === 'core/index.ts' || !inside(to, 'core') || (isTest && inside(to, 'core'));
  if (inside(from, 'web')) return !inside(to, 'core') && (!inside(to, 'server') || to.endsWith('protocol.ts'));
  return true;
}

const importRe = /(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

for (const file of walk(root)) {
  const rel = relative(root, file);
  if (!/^(core|server|web|tests|scripts)\//.test(rel)) continue;
  const text = readFileSync(file, 'utf8');
  const isTest = /\.test\.ts$/.test(rel) || rel.startsWith('tests/');
  for (const m of text.matchAll(importRe)) {
    const spec = m[1] ?? m[2]!;
    if (!spec.startsWith('.')) {
      if (rel.startsWith('core/') && !isTest && (spec.startsWith('node:') || !spec.includes('/') && ['fs', 'path', 'os', 'child_process'].includes(spec))) {
        problems.push(`${rel}: core imports the environment ('${spec}')`);
      }
      continue;
    }
    const target = relative(root, resolve(dirname(file), spec));
    if (!allowed(rel.replace(/\/[^/]+$/, '') === rel ? rel : rel, target, isTest)) {
      problems.push(`${rel}: may not import ${target}`);
    }
  }
  if (rel.startsWith('core/') && !isTest) {
    const lines = text.split('\n');
    lines.forEach((line, i) => {
      const code = line.replace(/\/\/.*$/, '').replace(/^\s*(\/\*\*?|\*).*$/, '').replace(/(['"`])(?:\\.|(?!\1)[^\\])*\1/g, '""');
      if (/\b(setTimeout|setInterval|setImmediate)\s*\(|\bDate\.now\s*\(|\bperformance\.now\s*\(|(?<![\w.\/])(process|console|Buffer)\./.test(code)) {
        problems.push(`${rel}:${i + 1}: environment access in core: ${line.trim()}`);
      }
    });
  }
  if (isTest && /\b(it|test|describe)\.only\(/.test(text)) problems.push(`${rel}: focused test (.only)`);
}

if (problems.length) {
  for (const p of problems) console.error(p);
  console.error(`lint: ${problems.length} problem(s)`);
  process.exit(1);
}
console.log('lint: ok');
