// The constructor of the golden cases for the file, system and conversion tools (cases-more-*.ts):
// a small working directory of files, plus whatever the case adds.
import type { GoldenCase } from './cases.ts';

export const BASE: Record<string, string> = {
  'a.txt': 'alpha\nbeta\ngamma\n', 'b.txt': 'one\ntwo\nthree\nfour\n', 'empty': '', 'd/': '', 'd/x.txt': 'x file\n',
  'nested/': '', 'nested/in/': '', 'nested/in/deep.txt': 'deep\n',
};

/** A case run in a directory holding BASE plus `extra.files`. */
export function k(name: string, argv: string[], extra: Partial<GoldenCase> = {}): GoldenCase {
  return { ...extra, name, argv, files: { ...BASE, ...(extra.files ?? {}) } };
}

/** A case that runs a bash script (so it can check the state a command leaves behind). */
export function sh(name: string, script: string, extra: Partial<GoldenCase> = {}): GoldenCase {
  return k(name, ['bash', '-c', script], extra);
}
