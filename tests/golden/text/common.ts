// Shared inputs of the sed and awk golden cases and a small constructor for them.
import type { TextCase } from './cases.ts';

export const HOSTS = '127.0.0.1\tlocalhost\n10.0.0.1 r1 router1\n10.0.0.2 r2\n# comment line\n192.168.1.10   pc1\n';
export const CONF = 'interface eth0\n ip address 10.0.0.1/24\n!\ninterface eth1\n ip address 10.0.1.1/24\n!\nrouter ospf\n network 10.0.0.0/16 area 0\n';
export const NUMS = '10\n20\n3.5\n-4\nabc\n1e2\n 7 \n';
export const TABLE = 'name age city\nalice 30 paris\nbob 25 london\ncarol 35 berlin\ndave 25 paris\n';
export const PASSWD = 'root:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin\nbin:x:2:2:bin:/bin:/usr/sbin/nologin\nwww-data:x:33:33:www-data:/var/www:/usr/sbin/nologin\n';
export const LINES = 'one\ntwo\nthree\nfour\nfive\nsix\nseven\neight\nnine\nten\n';
export const STD: Record<string, string> = {
  'hosts': HOSTS, 'frr.conf': CONF, 'nums.txt': NUMS, 'table.txt': TABLE, 'passwd': PASSWD, 'lines.txt': LINES,
  'empty': '', 'noeol.txt': 'alpha\nbeta\ngamma', 'para.txt': 'a b\nc d\n\n\ne f\ng\n\nh\n',
};

/** A case run in a directory holding the STD files (plus `files`). */
export function c(name: string, argv: string[], extra: Partial<TextCase> = {}): TextCase {
  return { name, argv, files: { ...STD, ...(extra.files ?? {}) }, ...(extra.stdin !== undefined ? { stdin: extra.stdin } : {}),
    ...(extra.after ? { after: extra.after } : {}), ...(extra.env ? { env: extra.env } : {}) };
}
