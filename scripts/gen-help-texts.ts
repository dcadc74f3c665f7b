// Writes core/userland/lib/help/<package>.ts from what the real Debian 12 tools print for their help and
// version options (one file per Debian package). Run explicitly on a Debian 12 machine with the packages
// installed, as root, then review the diff: npx tsx scripts/gen-help-texts.ts
import { spawnSync } from 'node:child_process';
import { writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';

interface Text {
  /** The exported constant. */
  name: string;
  argv: string[];
  /** Which stream holds the text. */
  from: 'out' | 'err';
  /** Keep only the lines from this one on (drops an error message printed before a usage text). */
  skipLines?: number;
}

const PACKAGES: Record<string, { title: string; texts: Text[] }> = {
  grep: { title: 'GNU grep 3.8', texts: [
    { name: 'GREP_HELP', argv: ['grep', '--help'], from: 'out' },
    { name: 'GREP_VERSION', argv: ['grep', '--version'], from: 'out' },
  ] },
  diffutils: { title: 'GNU diffutils 3.8', texts: [
    { name: 'DIFF_HELP', argv: ['diff', '--help'], from: 'out' },
    { name: 'DIFF_VERSION', argv: ['diff', '--version'], from: 'out' },
    { name: 'CMP_HELP', argv: ['cmp', '--help'], from: 'out' },
    { name: 'CMP_VERSION', argv: ['cmp', '--version'], from: 'out' },
  ] },
  findutils: { title: 'GNU findutils 4.9.0', texts: [
    { name: 'FIND_HELP', argv: ['find', '--help'], from: 'out' },
    { name: 'FIND_VERSION', argv: ['find', '--version'], from: 'out' },
    { name: 'XARGS_HELP', argv: ['xargs', '--help'], from: 'out' },
    { name: 'XARGS_VERSION', argv: ['xargs', '--version'], from: 'out' },
  ] },
  gzip: { title: 'gzip 1.12 (gunzip and zcat are its shell scripts, whose usage names $0)', texts: [
    { name: 'GZIP_HELP', argv: ['gzip', '--help'], from: 'out' },
    { name: 'GZIP_VERSION', argv: ['gzip', '--version'], from: 'out' },
    { name: 'GUNZIP_HELP', argv: ['gunzip', '--help'], from: 'out' },
    { name: 'GUNZIP_VERSION', argv: ['gunzip', '--version'], from: 'out' },
    { name: 'ZCAT_HELP', argv: ['zcat', '--help'], from: 'out' },
    { name: 'ZCAT_VERSION', argv: ['zcat', '--version'], from: 'out' },
  ] },
  tar: { title: 'GNU tar 1.34', texts: [
    { name: 'TAR_HELP', argv: ['tar', '--help'], from: 'out' },
    { name: 'TAR_USAGE', argv: ['tar', '--usage'], from: 'out' },
    { name: 'TAR_VERSION', argv: ['tar', '--version'], from: 'out' },
  ] },
  bsdextrautils: { title: 'hexdump of util-linux 2.38.1 (Debian package bsdextrautils)', texts: [
    { name: 'HEXDUMP_HELP', argv: ['hexdump', '--help'], from: 'out' },
    { name: 'HEXDUMP_VERSION', argv: ['hexdump', '--version'], from: 'out' },
  ] },
  xxd: { title: 'xxd of vim 9.0', texts: [
    { name: 'XXD_VERSION', argv: ['xxd', '-v'], from: 'err' },
  ] },
  procps: { title: 'procps-ng 4.0.2', texts: [
    { name: 'PS_HELP', argv: ['ps', '--help'], from: 'out' },
    { name: 'PS_HELP_SIMPLE', argv: ['ps', '--help', 'simple'], from: 'out' },
    { name: 'PS_HELP_LIST', argv: ['ps', '--help', 'list'], from: 'out' },
    { name: 'PS_HELP_OUTPUT', argv: ['ps', '--help', 'output'], from: 'out' },
    { name: 'PS_HELP_THREADS', argv: ['ps', '--help', 'threads'], from: 'out' },
    { name: 'PS_HELP_MISC', argv: ['ps', '--help', 'misc'], from: 'out' },
    { name: 'PS_HELP_ALL', argv: ['ps', '--help', 'all'], from: 'out' },
    { name: 'KILL_HELP', argv: ['/usr/bin/kill', '--help'], from: 'out' },
    { name: 'TOP_HELP', argv: ['top', '--help'], from: 'out' },
  ] },
  'libc-bin': { title: 'getent of glibc 2.36 (Debian package libc-bin)', texts: [
    { name: 'GETENT_HELP', argv: ['getent', '--help'], from: 'out' },
    { name: 'GETENT_USAGE', argv: ['getent', '--usage'], from: 'out' },
    { name: 'GETENT_VERSION', argv: ['getent', '--version'], from: 'out' },
  ] },
  adduser: { title: 'adduser 3.134', texts: [
    { name: 'ADDUSER_HELP', argv: ['/usr/sbin/adduser', '--help'], from: 'out' },
    { name: 'ADDUSER_VERSION', argv: ['/usr/sbin/adduser', '--version'], from: 'out' },
  ] },
  'util-linux': { title: 'su and more of util-linux 2.38.1', texts: [
    { name: 'SU_HELP', argv: ['su', '--help'], from: 'out' },
    { name: 'MORE_HELP', argv: ['more', '--help'], from: 'out' },
  ] },
  sudo: { title: 'sudo 1.9.13p3 (-V as root also lists the configure options and sudoers settings)', texts: [
    { name: 'SUDO_HELP', argv: ['sudo', '--help'], from: 'out' },
    { name: 'SUDO_VERSION_ROOT', argv: ['sudo', '--version'], from: 'out' },
    { name: 'SUDO_VERSION_USER', argv: ['su', 'nobody', '-s', '/bin/sh', '-c', 'sudo --version'], from: 'out' },
  ] },
  less: { title: 'less 590 (the help is its own help file, copied through as to a non-terminal)', texts: [
    { name: 'LESS_HELP', argv: ['less', '--help'], from: 'out' },
    { name: 'LESS_VERSION', argv: ['less', '--version'], from: 'out' },
  ] },
  nano: { title: 'GNU nano 7.2', texts: [
    { name: 'NANO_HELP', argv: ['nano', '--help'], from: 'out' },
    { name: 'NANO_VERSION', argv: ['nano', '--version'], from: 'out' },
  ] },
  vim: { title: 'vim 9.0 as Debian 12 builds it (what it prints when stdout is not a terminal)', texts: [
    { name: 'VIM_HELP', argv: ['vim', '--help'], from: 'out' },
    { name: 'VIM_VERSION', argv: ['vim', '--version'], from: 'out' },
  ] },
  bash: { title: 'GNU bash 5.2.15', texts: [
    { name: 'BASH_HELP', argv: ['bash', '--help'], from: 'out' },
    { name: 'BASH_VERSION_TEXT', argv: ['bash', '--version'], from: 'out' },
  ] },
};

const ENV = { PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', HOME: '/root', LC_ALL: 'C', TZ: 'UTC' };

/** A template literal (backslashes, backquotes and `${` escaped) unless the text holds other control characters. */
function literal(text: string): string {
  if (/[\x00-\x08\x0b-\x1f\x7f-\uffff]/.test(text)) return JSON.stringify(text);
  return '`' + text.replace(/[\\`]/g, '\\$&').replace(/\$\{/g, '\\${') + '`';
}

const dir = join(dirname(new URL(import.meta.url).pathname), '../core/userland/lib/help');
mkdirSync(dir, { recursive: true });
for (const [pkg, { title, texts }] of Object.entries(PACKAGES)) {
  let src = `// The help and version texts of ${title}, as Debian 12 prints them\n// (generated by scripts/gen-help-texts.ts from the real tools).\n`;
  for (const t of texts) {
    const r = spawnSync(t.argv[0]!, t.argv.slice(1), { env: ENV, stdio: ['ignore', 'pipe', 'pipe'] });
    let text = (t.from === 'out' ? r.stdout : r.stderr).toString('latin1');
    if (t.skipLines) text = text.split('\n').slice(t.skipLines).join('\n');
    if (text === '') throw new Error(`${t.argv.join(' ')} printed nothing on std${t.from}`);
    src += `\n/** \`${t.argv.join(' ')}\` (std${t.from}). */\nexport const ${t.name} = ${literal(text)};\n`;
  }
  writeFileSync(join(dir, `${pkg}.ts`), src);
  console.log(`${pkg}.ts: ${texts.length} texts`);
}
