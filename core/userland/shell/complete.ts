// Tab completion: command names (builtins, functions, aliases, programs in PATH) in command position,
// $variables, the candidates of a command's completion spec (`complete`), and file names elsewhere
// (directories get a trailing slash).

import { hooksFor } from './builtins/completion.ts';
import { builtinNames } from './builtins/index.ts';
import { generate } from './compspec.ts';
import type { Shell } from './shell.ts';

export interface Completion {
  /** The word being completed (as typed). */
  word: string;
  /** Full replacements for the word, sorted. */
  candidates: string[];
  /** No space after a single candidate (`complete -o nospace`). */
  noSpace?: boolean;
}

const KEYWORDS = ['if', 'then', 'else', 'elif', 'fi', 'case', 'esac', 'for', 'select', 'while', 'until', 'do', 'done', 'in', 'function', 'time'];

function listDir(sh: Shell, dir: string): Array<{ name: string; dir: boolean }> {
  const fd = sh.sys.open(dir || '.', 0o200000);
  if (fd < 0) return [];
  const entries = sh.sys.getdents(fd);
  sh.sys.close(fd);
  if (typeof entries === 'number') return [];
  return entries
    .filter((e) => e.name !== '.' && e.name !== '..')
    .map((e) => {
      const path = `${dir === '' ? '' : dir.endsWith('/') ? dir : dir + '/'}${e.name}`;
      const st = sh.sys.stat(path || '.');
      return { name: e.name, dir: typeof st !== 'number' && (st.mode & 0o170000) === 0o040000 };
    });
}

/** The candidates of the command's completion spec (-D's when it has none), or null without a spec. */
async function fromSpec(sh: Shell, head: string, word: string): Promise<Completion | null> {
  const line = /[^;|&(]*$/.exec(head)![0].trimStart() + word;
  const words = line.split(/\s+/).filter((w, i, all) => w !== '' || i === all.length - 1);
  const spec = sh.completions.get(words[0]!) ?? sh.completions.get('_DefaultCmD_');
  if (!spec) return null;
  const found = await generate(sh, spec, word, hooksFor(sh, { line, words, index: words.length - 1 }));
  if (found.length === 0 && spec.options.has('default')) return null;
  return { word, candidates: [...new Set(found)].sort(), noSpace: spec.options.has('nospace') };
}

export async function complete(sh: Shell, before: string): Promise<Completion> {
  const m = /(?:^|[\s;|&(])([^\s;|&(]*)$/.exec(before);
  const word = m ? m[1]! : '';
  const head = before.slice(0, before.length - word.length);
  const commandPosition = /(^|[;|&(]|&&|\|\|)\s*$/.test(head) || head.trim() === '';
  const sorted = (xs: Iterable<string>) => [...new Set(xs)].sort();
  if (word.startsWith('$')) {
    const prefix = word.slice(1).replace(/^\{/, '');
    return { word, candidates: sorted(sh.vars.names().filter((n) => n.startsWith(prefix)).map((n) => (word.startsWith('${') ? '${' : '$') + n)) };
  }
  if (commandPosition && !word.includes('/')) {
    const names: string[] = [...builtinNames().filter((n) => !sh.disabledBuiltins.has(n)), ...KEYWORDS, ...sh.functions.keys(), ...sh.aliases.keys()];
    for (const dir of (sh.get('PATH') ?? '').split(':')) for (const e of listDir(sh, dir)) if (!e.dir) names.push(e.name);
    return { word, candidates: sorted(names.filter((n) => n.startsWith(word))) };
  }
  const programmed = await fromSpec(sh, head, word);
  if (programmed) return programmed;
  // File names.
  let expanded = word;
  const home = sh.get('HOME') ?? '/root';
  if (word.startsWith('~/')) expanded = home + word.slice(1);
  const slash = expanded.lastIndexOf('/');
  const dir = slash >= 0 ? expanded.slice(0, slash + 1) : '';
  const base = slash >= 0 ? expanded.slice(slash + 1) : expanded;
  const typedDir = slash >= 0 ? word.slice(0, word.lastIndexOf('/') + 1) : '';
  const entries = listDir(sh, dir).filter((e) => e.name.startsWith(base) && (base.startsWith('.') || !e.name.startsWith('.')));
  return { word, candidates: sorted(entries.map((e) => typedDir + e.name + (e.dir ? '/' : ''))) };
}
