// Shared inputs of the golden cases and a small constructor for them.
import type { GoldenCase } from './cases.ts';

export const FRUIT = 'banana\napple\ncherry\napple\nDate\nbanana\nelderberry\nfig\n';
export const NUMS = '10\n2\n33\n-4\n2.5\n1e3\n0x10\n\n7\n';
export const WORDS = 'the quick brown fox\njumps over the lazy dog\nThe End\n\nfoo bar foo\nfoo123 bar_baz\n';
export const CSV = 'name,age,city\nalice,30,paris\nbob,25,london\ncarol,35,berlin\n';
export const PASSWD = 'root:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin\nbin:x:2:2:bin:/bin:/usr/sbin/nologin\nwww-data:x:33:33:www-data:/var/www:/usr/sbin/nologin\n';
export const LOG = 'Jan 1 error: disk full\nJan 1 info: started\nJan 2 warning: low memory\nJan 2 error: timeout (30s)\nJan 3 info: stopped\n';
export const STD: Record<string, string> = {
  'fruit.txt': FRUIT, 'nums.txt': NUMS, 'words.txt': WORDS, 'data.csv': CSV, 'passwd': PASSWD, 'log.txt': LOG,
  'empty': '', 'noeol.txt': 'one\ntwo\nthree', 'dir/': '', 'dir/a.txt': 'alpha\nerror here\n', 'dir/sub/b.txt': 'beta\nerror there\n',
};

/** A case run in a directory holding the STD files. */
export function c(name: string, argv: string[], extra: Partial<GoldenCase> = {}): GoldenCase {
  return { name, argv, files: { ...STD, ...(extra.files ?? {}) }, ...(extra.stdin !== undefined ? { stdin: extra.stdin } : {}),
    ...(extra.links ? { links: extra.links } : {}), ...(extra.modes ? { modes: extra.modes } : {}), ...(extra.env ? { env: extra.env } : {}) };
}
