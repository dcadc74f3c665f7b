// The help builtin (bash 5.2's texts, recorded from bash).
import { hasGlobText, matchPattern } from '../pattern.ts';
import { helpDescription, helpLong, helpManPage, helpSynopsis, helpTable, helpTopic, helpTopics } from '../help-format.ts';
import type { Shell } from '../shell.ts';
import type { HelpTopic } from '../../lib/help/bash-builtins.ts';
import { parseArgs } from './getopt.ts';
import { builtinError, type BuiltinTable } from './registry.ts';

/** The topics a pattern names: the one named exactly so, else those it begins or matches as a pattern. */
function matching(pattern: string, extglob: boolean): HelpTopic[] {
  const exact = helpTopic(pattern);
  if (exact) return [exact];
  const pieces = [{ text: pattern, quoted: false }];
  return helpTopics().filter((t) => t.name.startsWith(pattern) || matchPattern(pieces, t.name, extglob));
}

function columns(sh: Shell): number {
  const v = sh.get('COLUMNS');
  const n = v !== undefined && /^[0-9]+$/.test(v) ? Number(v) : 0;
  return n > 0 ? n : 80;
}

async function help(sh: Shell, argv: string[]): Promise<number> {
  const parsed = await parseArgs(sh, argv, 'dms');
  if (typeof parsed === 'number') return parsed;
  const flags = new Set(parsed.options.map((o) => o.letter));
  // -d wins over -m, which wins over -s.
  const form = flags.has('d') ? 'd' : flags.has('m') ? 'm' : flags.has('s') ? 's' : 'long';
  const patterns = parsed.rest;
  if (patterns.length === 0) {
    await sh.out(helpTable(columns(sh), (name) => sh.disabledBuiltins.has(name)));
    return 0;
  }
  const extglob = sh.shopts['extglob'] ?? false;
  let out = '';
  // The heading comes when the first word looks like a pattern (extglob's included, whatever the option says).
  if (hasGlobText(patterns[0]!, true)) {
    out += `Shell commands matching keyword${patterns.length > 1 ? 's' : ''} \`${patterns.join(', ')}'\n\n`;
  }
  let found = false;
  for (const p of patterns) {
    for (const t of matching(p, extglob)) {
      found = true;
      out += form === 'd' ? helpDescription(t) : form === 'm' ? helpManPage(t) : form === 's' ? helpSynopsis(t) : helpLong(t);
    }
  }
  await sh.out(out);
  if (found) return 0;
  const last = patterns[patterns.length - 1]!;
  await builtinError(sh, 'help', `no help topics match \`${last}'.  Try \`help help' or \`man -k ${last}' or \`info ${last}'.`);
  return 1;
}

export const helpBuiltins: BuiltinTable = {
  help: { run: help },
};
