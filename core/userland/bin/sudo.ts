// sudo(8) 1.9.13 as root uses it in lab scripts: run a command as root or as -u USER, -i (login shell),
// -s (shell), -E, -H, -l (list what root may run, from Debian's default sudoers). /etc/sudoers is not
// parsed; sudo by a normal user fails as an unprivileged (non-setuid) sudo binary does.
import { WEXITSTATUS, WIFEXITED, WTERMSIG, type Program } from '../../kernel/abi.ts';
import { strerror } from '../lib/errno.ts';
import { getopt } from '../lib/getopt.ts';
import { SUDO_HELP, SUDO_VERSION_ROOT, SUDO_VERSION_USER } from '../lib/help/sudo.ts';
import { writeAll } from '../lib/io.ts';
import { findExecutable } from '../lib/path-search.ts';
import { Proc } from '../lib/program.ts';
import { waitChild } from '../lib/run-child.ts';
import { SUPATH, becomeUser, setEnv } from '../lib/switch-user.ts';
import { passwdEntry } from '../lib/users.ts';

const KEEP = ['TERM', 'LANG', 'LANGUAGE', 'LC_ALL', 'TZ', 'DISPLAY', 'COLORS', 'XAUTHORITY', 'PS1', 'PS2', 'COLUMNS', 'LINES'];

/** The usage lines sudo prints after a bad option or without a command: those of its help. */
const SUDO_USAGE = SUDO_HELP.slice(SUDO_HELP.indexOf('usage:'), SUDO_HELP.indexOf('\n\nOptions:') + 1);

export const main: Program = async (sys, argv, envp) => {
  const p = new Proc(sys, argv, envp, 'sudo');
  const r = getopt(argv, 'u:g:isElHnkvVhbSp:', [{ name: 'user', arg: 'required', key: 'u' }, { name: 'group', arg: 'required', key: 'g' },
    { name: 'login', key: 'i' }, { name: 'shell', key: 's' }, { name: 'preserve-env', key: 'E' }, { name: 'list', key: 'l' },
    { name: 'set-home', key: 'H' }, { name: 'non-interactive', key: 'n' }, { name: 'reset-timestamp', key: 'k' },
    { name: 'validate', key: 'v' }, { name: 'version', key: 'V' }, { name: 'help', key: 'h' }, { name: 'background', key: 'b' },
    { name: 'stdin', key: 'S' }, { name: 'prompt', arg: 'required', key: 'p' }], { stopAtOperand: true });
  if (r.error) {
    await p.error(r.error);
    await p.err.write(SUDO_USAGE);
    return p.finish(1);
  }
  const o = new Map(r.opts.map((x) => [x.key, x.value ?? '']));
  // -h (help) and -V (version) are modes, as -e -i -K -l -s -v are: only one may be given.
  const modes = new Set(r.opts.map((x) => x.key).filter((k) => 'ehiKlsvV'.includes(k)));
  if ((modes.has('h') || modes.has('V')) && modes.size > 1) {
    await p.error('Only one of the -e, -h, -i, -K, -l, -s, -v or -V options may be specified');
    await p.err.write(SUDO_USAGE);
    return p.finish(1);
  }
  if (modes.has('h') || modes.has('V')) {
    await p.out.write(modes.has('h') ? SUDO_HELP : sys.getids().uid === 0 ? SUDO_VERSION_ROOT : SUDO_VERSION_USER);
    return p.finish(0);
  }
  if (sys.getids().euid !== 0) {
    await p.error("effective uid is not 0, is /usr/bin/sudo on a file system with the 'nosuid' option set or an NFS file system without root privileges?");
    return p.finish(1);
  }
  const host = sys.uname().nodename;
  const caller = passwdEntry(sys, sys.getids().uid);
  const who = caller?.name ?? 'root';
  if (o.has('l')) {
    await p.out.write(`Matching Defaults entries for ${who} on ${host}:\n    env_reset, mail_badpass,\n` +
      `    secure_path=/usr/local/sbin\\:/usr/local/bin\\:/usr/sbin\\:/usr/bin\\:/sbin\\:/bin, use_pty\n\n` +
      `User ${who} may run the following commands on ${host}:\n    (ALL : ALL) ALL\n`);
    return p.finish(0);
  }
  if (o.has('k') || o.has('v')) return p.finish(0);
  const target = passwdEntry(sys, o.get('u') ?? 'root');
  if (!target) {
    await p.error(`unknown user ${o.get('u')}`);
    return p.finish(1);
  }
  const loginShell = o.has('i');
  const shellMode = loginShell || o.has('s');
  if (r.operands.length === 0 && !shellMode) {
    await p.err.write(SUDO_USAGE);
    return p.finish(1);
  }
  let env: string[] = o.has('E') ? [...envp] : envp.filter((e) => KEEP.includes(e.split('=')[0]!));
  env = setEnv(env, 'PATH', SUPATH);
  env = setEnv(env, 'HOME', target.home);
  env = setEnv(env, 'LOGNAME', target.name);
  env = setEnv(env, 'USER', target.name);
  env = setEnv(env, 'SHELL', target.shell || '/bin/sh');
  env = setEnv(env, 'MAIL', `/var/mail/${target.name}`);
  let cmd: string[];
  if (shellMode) {
    const sh = target.shell || '/bin/sh';
    const base = sh.split('/').pop()!;
    const line = r.operands.map((a) => a.replace(/([^A-Za-z0-9_\/.=:,+@%-])/g, '\\$1')).join(' ');
    cmd = [sh, loginShell ? `-${base}` : base, ...(r.operands.length ? ['-c', line] : [])];
  } else {
    const path = r.operands[0]!.includes('/') ? r.operands[0]! : findExecutable(sys, env, r.operands[0]!);
    if (path === null || sys.access(path, 1) !== 0) {
      await p.error(`${r.operands[0]}: command not found`);
      return p.finish(1);
    }
    cmd = [path, ...r.operands];
  }
  env = setEnv(env, 'SUDO_COMMAND', shellMode ? cmd.slice(0, 1).concat(r.operands.length ? ['-c', ...r.operands] : []).join(' ') : [cmd[0]!, ...r.operands.slice(1)].join(' '));
  env = setEnv(env, 'SUDO_USER', who);
  env = setEnv(env, 'SUDO_UID', String(sys.getids().uid));
  env = setEnv(env, 'SUDO_GID', String(sys.getids().gid));
  await p.finish(0);
  const pid = sys.fork(async (child) => {
    if (loginShell && child.chdir(target.home) < 0) {
      await writeAll(child, 2, `sudo: unable to change directory to ${target.home}: ${strerror(-2)}\n`);
    }
    const e = becomeUser(child, target);
    if (e < 0) return 1;
    const x = await child.execve(cmd[0]!, cmd.slice(1), env);
    await writeAll(child, 2, `sudo: unable to execute ${cmd[0]}: ${strerror(x)}\n`);
    return 1;
  });
  if (pid < 0) return p.finish(1);
  const st = await waitChild(sys, pid);
  if (st < 0) return p.finish(1);
  return WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
};
