// Writes core/userland/lib/help/coreutils.ts from what Debian 12's coreutils 9.1 prints for
// `PROG --help` and `PROG --version` (run on a Debian 12 host with LC_ALL=C). The program name the
// texts print (argv[0]) becomes ${P}; --version keeps only its "Written by" part, the rest is
// common to every program and rebuilt by coreutilsVersion().
// Run explicitly: npx tsx scripts/gen-help-coreutils.ts
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';

const PROGRAMS = ('base64 basename cat chgrp chmod chown comm cp cut date dd df dirname du echo env expr false groups head ' +
  'id join ln ls md5sum mkdir mv nl nproc od paste printenv printf pwd readlink realpath rm rmdir seq sha1sum sha256sum ' +
  'sha512sum sleep sort split stat tac tail tee timeout touch tr true tty uname uniq wc whoami yes ' +
  // test answers --help and --version only as `[` (test itself treats them as strings).
  'mktemp [ nohup nice sync truncate install unlink link expand unexpand cksum sum arch logname users who ' +
  'sha224sum sha384sum b2sum base32 basenc factor tsort hostid').split(' ');
const ARGV0 = 'NLARGV0';
const OUT = new URL('../core/userland/lib/help/coreutils.ts', import.meta.url);

function run(prog: string, opt: string): string {
  // No shell in between, so echo, printf, pwd, true and false are the programs, not builtins.
  const r = spawnSync(prog, [opt], { argv0: ARGV0, encoding: 'latin1', env: { LC_ALL: 'C', PATH: '/usr/bin:/bin' } });
  if (r.stderr || r.status !== (prog === 'false' ? 1 : 0)) throw new Error(`${prog} ${opt}: ${r.stderr}`);
  return r.stdout;
}

/**
 * The --version text every coreutils 9.1 program prints before its "Written by" line; dd alone names its
 * package "coreutils" rather than "GNU coreutils".
 */
const barePackage = (name: string): boolean => name === 'dd';
function versionHead(name: string): string {
  return `${name} (${barePackage(name) ? '' : 'GNU '}coreutils) 9.1\nCopyright (C) 2022 Free Software Foundation, Inc.\n` +
    'License GPLv3+: GNU GPL version 3 or later <https://gnu.org/licenses/gpl.html>.\n' +
    'This is free software: you are free to change and redistribute it.\n' +
    'There is NO WARRANTY, to the extent permitted by law.\n\n';
}

/** emit_ancillary_info(): the online help, translation and documentation lines that end every --help. */
const ANCILLARY = new RegExp('GNU coreutils online help: <https://www\\.gnu\\.org/software/coreutils/>\\n' +
  'Report any translation bugs to <https://translationproject\\.org/team/>\\n' +
  'Full documentation <https://www\\.gnu\\.org/software/coreutils/([^>]+)>\\n' +
  "or available locally via: info '\\(coreutils\\) ([^']+)'\\n$");

const quoted = (s: string): string => `'${s.replaceAll('\n', '\\n')}'`;
/** An object key: the name itself, or quoted when it is not an identifier (`[`). */
const key = (s: string): string => (/^[A-Za-z_]\w*$/.test(s) ? s : quoted(s));
const lit = (s: string): string => '`' + s.replace(/[\\`]|\$\{/g, (m) => '\\' + m) + '`';

const help: string[] = [];
const authors: string[] = [];
for (const prog of PROGRAMS) {
  const h = run(prog, '--help');
  if (!/^[\x20-\x7e\n]*$/.test(h)) throw new Error(`${prog}: unexpected bytes`);
  if (!h.endsWith('\n')) throw new Error(`${prog}: --help does not end with a newline`);
  // The last four lines are emit_ancillary_info()'s, the same for every program but its page and node.
  const m = ANCILLARY.exec(h);
  if (!m) throw new Error(`${prog}: --help does not end with the usual online-help lines`);
  const body = h.slice(0, m.index);
  const lines = body.slice(0, -1).split('\n').map((l) => `    ${lit(l)},`.replaceAll(ARGV0, '${P}'));
  const node = m[2] === `${m[1]} invocation` ? '' : `, ${quoted(m[2]!)}`;
  help.push(`  ${key(prog)}: (P) => lines(\n${lines.join('\n')}\n  ) + ancillary(${quoted(m[1]!)}${node}),`);
  const v = run(prog, '--version');
  const head = versionHead(prog);
  if (!v.startsWith(head) || !v.slice(head.length).startsWith('Written by ')) throw new Error(`${prog}: unexpected --version`);
  authors.push(`  ${key(prog)}: ${quoted(v.slice(head.length + 'Written by '.length).replace(/\n$/, ''))},`);
}

writeFileSync(OUT, `// What GNU coreutils 9.1 (Debian 12) prints for --help and --version, generated from the real programs
// by scripts/gen-help-coreutils.ts (one source line per line of text). The help texts print the
// program's argv[0] where the real ones do.

/** Lines of text, each ended by a newline. */
const lines = (...text: string[]): string => text.map((l) => l + '\\n').join('');

/** emit_ancillary_info(): the lines that end every --help, naming the program's page and info node. */
const ancillary = (page: string, node = \`\${page} invocation\`): string => lines(
  'GNU coreutils online help: <https://www.gnu.org/software/coreutils/>',
  'Report any translation bugs to <https://translationproject.org/team/>',
  \`Full documentation <https://www.gnu.org/software/coreutils/\${page}>\`,
  \`or available locally via: info '(coreutils) \${node}'\`,
);

/** --help texts, by program; the function takes argv[0]. */
export const COREUTILS_HELP: Record<string, (P: string) => string> = {
${help.join('\n')}
};

/** The authors each program's --version names ("Written by ..."). */
const WRITTEN_BY: Record<string, string> = {
${authors.join('\n')}
};

/** PROG --version as coreutils 9.1 prints it (dd names its package without "GNU"). */
export function coreutilsVersion(name: string): string {
  return \`\${name} (\${name === 'dd' ? '' : 'GNU '}coreutils) 9.1
Copyright (C) 2022 Free Software Foundation, Inc.
License GPLv3+: GNU GPL version 3 or later <https://gnu.org/licenses/gpl.html>.
This is free software: you are free to change and redistribute it.
There is NO WARRANTY, to the extent permitted by law.

Written by \${WRITTEN_BY[name] ?? ''}
\`;
}
`);
console.log(`${PROGRAMS.length} programs written`);
