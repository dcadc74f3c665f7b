// mktemp(1) from GNU coreutils 9.1: creates a file (0600) or, with -d, a directory (0700) whose name is
// TEMPLATE with its last run of at least three X's replaced by random letters and digits, and prints
// it. -u only prints a name that does not exist, -q hides creation failures, --suffix, -p/--tmpdir and
// the deprecated -t place the name in a directory. The random part comes from getrandom.
import { EEXIST, ENOENT, O_CREAT, O_EXCL, O_RDWR, type Sys, type Program } from '../../kernel/abi.ts';
import { Cmd } from '../lib/cmd.ts';
import { answerInfo } from '../lib/coreutils-info.ts';
import { strerror } from '../lib/errno.ts';
import { getopt } from '../lib/getopt.ts';
import { localeQuote } from '../lib/locale-quote.ts';
import { randomLetters } from '../lib/random-letters.ts';

const DEFAULT_TEMPLATE = 'tmp.XXXXXXXXXX';
/** gnulib's tempname gives up after 62**3 names were all taken. */
const ATTEMPTS = 62 ** 3;

/** gnulib's file_name_concat: DIR without its trailing slashes (a bare root kept), a slash, then NAME. */
function inDirectory(dir: string, name: string): string {
  let start = 0;
  while (dir[start] === '/') start++;
  // The last component of DIR begins after its last run of slashes that is followed by something.
  const m = /[^/]+\/*$/.exec(dir.slice(start));
  const baseStart = m ? start + m.index : dir.length;
  const base = dir.slice(baseStart).replace(/(.)\/+$/, '$1');
  const head = dir.slice(0, baseStart) + base;
  return base !== '' && !base.endsWith('/') ? `${head}/${name}` : head + name;
}

/** The name's last path component, as gnulib's last_component (leading slashes skipped). */
function lastComponent(name: string): string {
  const m = /[^/]+\/*$/.exec(name.replace(/^\/+/, ''));
  return m ? m[0] : '';
}

export const main: Program = async (sys, argv, envp) => {
  const p = new Cmd(sys, argv, envp);
  const r = getopt(argv, 'dp:qtuV', [{ name: 'directory', key: 'd' }, { name: 'quiet', key: 'q' }, { name: 'dry-run', key: 'u' },
    { name: 'suffix', arg: 'required' }, { name: 'tmpdir', arg: 'optional', key: 'p' }, { name: 'help' }, { name: 'version', key: 'V' }]);
  for (const o of r.opts) if (await answerInfo(p, 'mktemp', [o.key === 'V' ? { ...o, key: 'version' } : o])) return p.finish(0);
  if (r.error) return p.finish(await p.tryHelp(r.error));
  const has = (k: string): boolean => r.opts.some((o) => o.key === k);
  let suffix = r.opts.filter((o) => o.key === 'suffix').pop()?.value;
  const tmpdirOpt = r.opts.filter((o) => o.key === 'p').pop();
  const directory = has('d'), dryRun = has('u'), quiet = has('q'), deprecatedT = has('t');
  let useDir = tmpdirOpt !== undefined || deprecatedT;
  if (r.operands.length > 1) return p.finish(await p.tryHelp('too many templates'));
  let template = r.operands[0] ?? DEFAULT_TEMPLATE;
  if (r.operands.length === 0) useDir = true;
  const fail = async (message: string): Promise<number> => {
    await p.error(message);
    return p.finish(1);
  };
  if (suffix !== undefined) {
    if (!template.endsWith('X')) return fail(`with --suffix, template ${localeQuote(template)} must end in X`);
  } else {
    const lastX = template.lastIndexOf('X');
    suffix = lastX < 0 ? '' : template.slice(lastX + 1);
    template = template.slice(0, template.length - suffix.length);
  }
  if (suffix.includes('/')) return fail(`invalid suffix ${localeQuote(suffix)}, contains directory separator`);
  const xCount = /X*$/.exec(template)![0].length;
  if (xCount < 3) return fail(`too few X's in template ${localeQuote(template + suffix)}`);
  if (useDir) {
    const env = envp.find((e) => e.startsWith('TMPDIR='))?.slice(7) ?? '';
    const arg = tmpdirOpt?.value ?? '';
    let dir: string;
    if (deprecatedT) {
      dir = env !== '' ? env : arg !== '' ? arg : '/tmp';
      const whole = template + suffix;
      if (lastComponent(whole) !== whole) {
        return fail(`invalid template, ${localeQuote(whole)}, contains directory separator`);
      }
    } else {
      dir = arg !== '' ? arg : env !== '' ? env : '/tmp';
      if (template.startsWith('/')) return fail(`invalid template, ${localeQuote(template + suffix)}; with --tmpdir, it may not be absolute`);
    }
    template = inDirectory(dir, template);
  }
  const stem = template.slice(0, template.length - xCount);
  let err = -EEXIST;
  let name = '';
  for (let attempt = 0; attempt < ATTEMPTS && err === -EEXIST; attempt++) {
    name = stem + randomLetters(sys, xCount) + suffix;
    if (dryRun) {
      const st = sys.lstat(name);
      err = typeof st !== 'number' ? -EEXIST : st === -ENOENT ? 0 : st;
    } else if (directory) err = sys.mkdir(name, 0o700);
    else {
      const fd = sys.open(name, O_RDWR | O_CREAT | O_EXCL, 0o600);
      if (fd >= 0) sys.close(fd);
      err = fd < 0 ? fd : 0;
    }
  }
  if (err < 0) {
    if (!quiet) await p.error(`failed to create ${directory ? 'directory' : 'file'} via template ${localeQuote(template + suffix)}: ${strerror(err)}`);
    return p.finish(1);
  }
  await p.put(`${name}\n`);
  return p.finish(0);
};
