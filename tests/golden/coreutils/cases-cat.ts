// cat's options over control and high bytes, tabs, runs of blank lines and several files (numbering,
// squeezing and a pending CR carry from one file to the next), and its option errors.
import type { GoldenCase } from './cases.ts';

const ALL_BYTES = Array.from({ length: 256 }, (_, i) => String.fromCharCode(i)).join('') + '\n';
const FILES: Record<string, string> = {
  'bytes': ALL_BYTES,
  'tabs': 'a\tb\t\tc\n\td\r\ne\rf\n',
  'blanks': '\n\n\nx\n\n\n\ny\n\n',
  'tail': 'no newline',
  'head': '\n\nstarts blank\n',
  'cr': 'line\r',
  'lf': '\nnext\n',
  'long': Array.from({ length: 120 }, (_, i) => (i % 3 ? `${i}\n` : '\n')).join(''),
  'd/': '',
};

const c = (name: string, argv: string[], stdin?: string): GoldenCase => ({ name, argv, files: FILES, stdin });

export const CAT_CASES: GoldenCase[] = [
  c('cat-plain-several', ['cat', 'tabs', 'tail', 'head']),
  c('cat-v', ['cat', '-v', 'bytes']),
  c('cat-show-nonprinting', ['cat', '--show-nonprinting', 'tabs']),
  c('cat-A', ['cat', '-A', 'bytes', 'tabs']),
  c('cat-show-all', ['cat', '--show-all', 'tabs', 'cr', 'lf']),
  c('cat-e', ['cat', '-e', 'bytes', 'tabs']),
  c('cat-t', ['cat', '-t', 'bytes', 'tabs']),
  c('cat-E', ['cat', '-E', 'tabs', 'blanks']),
  c('cat-E-cr-across-files', ['cat', '-E', 'cr', 'lf', 'cr']),
  c('cat-E-cr-then-text', ['cat', '-E', 'cr', 'tail']),
  c('cat-show-ends-cr-end', ['cat', '--show-ends', 'cr']),
  c('cat-T', ['cat', '-T', 'tabs']),
  c('cat-show-tabs', ['cat', '--show-tabs', 'tabs', 'bytes']),
  c('cat-n-several', ['cat', '-n', 'tail', 'head', 'blanks', 'tabs']),
  c('cat-number-long', ['cat', '--number', 'long']),
  c('cat-b', ['cat', '-b', 'blanks', 'tail', 'head']),
  c('cat-b-wins-over-n', ['cat', '-n', '-b', 'blanks']),
  c('cat-number-nonblank', ['cat', '--number-nonblank', 'head', 'blanks']),
  c('cat-s', ['cat', '-s', 'blanks', 'head', 'blanks']),
  c('cat-squeeze-blank', ['cat', '--squeeze-blank', 'head', 'head']),
  c('cat-sn', ['cat', '-sn', 'blanks', 'head', 'lf']),
  c('cat-sb', ['cat', '-sb', 'blanks', 'head']),
  c('cat-sE-stdin', ['cat', '-sE', 'blanks', '-', 'head'], '\n\n\nin\n\n'),
  c('cat-nA-tail-then-file', ['cat', '-nA', 'tail', 'tabs']),
  c('cat-u', ['cat', '-u', 'tabs']),
  c('cat-n-missing-file', ['cat', '-n', 'tabs', 'nothere', 'head']),
  c('cat-n-dir', ['cat', '-n', 'd', 'tail']),
  c('cat-bad-option', ['cat', '-z', 'tabs']),
  c('cat-bad-long', ['cat', '--numbr', 'tabs']),
  c('cat-ambiguous-long', ['cat', '--show', 'tabs']),
  c('cat-long-arg', ['cat', '--number=3', 'tabs']),
  c('cat-dashdash', ['cat', '-n', '--', 'tabs']),
  c('cat-abbrev-long', ['cat', '--num', '--squ', 'blanks']),
];
