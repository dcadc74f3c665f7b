// gnulib's XARGMATCH as coreutils uses it for an option's word argument (--color=WHEN, --time=WORD ...):
// the word or an unambiguous abbreviation of it, else "invalid"/"ambiguous argument", the valid words
// and the usage hint, with exit status 1.
import type { Proc } from './program.ts';
import { quote } from './program.ts';

/**
 * Which group of synonyms `value` names (its index), or null once the error is printed.
 * An exact word wins; an abbreviation must name words of one group only.
 */
export async function argmatch(p: Proc, option: string, value: string, groups: readonly (readonly string[])[]): Promise<number | null> {
  const exact = groups.findIndex((g) => g.includes(value));
  if (exact >= 0) return exact;
  const found = new Set(groups.flatMap((g, i) => (g.some((w) => w.startsWith(value)) ? [i] : [])));
  if (found.size === 1) return [...found][0]!;
  await p.error(`${found.size ? 'ambiguous' : 'invalid'} argument ${quote(value)} for '${option}'`);
  await p.err.write(`Valid arguments are:\n${groups.map((g) => `  - ${g.map((w) => `'${w}'`).join(', ')}\n`).join('')}`);
  await p.err.write(`Try '${p.name} --help' for more information.\n`);
  return null;
}
