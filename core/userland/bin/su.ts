// su(1) from util-linux 2.38: [-] [-l] [-c CMD] [-s SHELL] [-m] [USER [ARG...]]; root switches without a
// password. Other users are asked for one, but without a setuid kernel su cannot read /etc/shadow,
// so their attempt ends as a failed authentication does.
import type { Program } from '../../kernel/abi.ts';
import { readSecret } from '../lib/account-files.ts';
import { strerror } from '../lib/errno.ts';
import { getopt } from '../lib/getopt.ts';
import { SU_HELP } from '../lib/help/util-linux.ts';
import { Proc } from '../lib/program.ts';
import { SUPATH, USERPATH, becomeUser, getEnv, setEnv } from '../lib/switch-user.ts';
import { passwdEntry } from '../lib/users.ts';

export const main: Program = async (sys, argv, envp) => {
  const p = new Proc(sys, argv, envp, 'su');
  const r = getopt(argv, 'c:fg:G:lmpPs:hVw:', [{ name: 'command', arg: 'required', key: 'c' }, { name: 'login', key: 'l' },
    { name: 'shell', arg: 'required', key: 's' }, { name: 'preserve-environment', key: 'm' }, { name: 'group', arg: 'required', key: 'g' },
    { name: 'supp-group', arg: 'required', key: 'G' }, { name: 'pty', key: 'P' }, { name: 'help', key: 'h' },
    { name: 'version', key: 'V' }, { name: 'whitelist-environment', arg: 'required', key: 'w' }, { name: 'session-command', arg: 'required', key: 'C' }],
  { stopAtOperand: true });
  let login = false;
  let command: string | undefined;
  let shell: string | undefined;
  let preserve = false;
  for (const o of r.opts) {
    if (o.key === 'l') login = true;
    else if (o.key === 'c' || o.key === 'C') command = o.value;
    else if (o.key === 's') shell = o.value;
    else if (o.key === 'm' || o.key === 'p') preserve = true;
    else if (o.key === 'V' || o.key === 'h') {
      await p.out.write(o.key === 'V' ? 'su from util-linux 2.38.1\n' : SU_HELP);
      return p.finish(0);
    }
  }
  // The options before a bad one act first, as su's getopt loop meets them.
  if (r.error) return p.finish(await p.tryHelp(r.error));
  const ops = [...r.operands];
  if (ops[0] === '-') login = true, ops.shift();
  const name = ops.shift() ?? 'root';
  const a = passwdEntry(sys, name);
  if (!a) {
    await p.error(`user ${name} does not exist or the user entry does not contain all the required fields`);
    return p.finish(1);
  }
  if (sys.getids().uid !== 0) {
    await readSecret(sys, 'Password: ');
    await p.error('Authentication failure');
    return p.finish(1);
  }
  const sh = shell ?? (a.shell === '' ? '/bin/sh' : a.shell);
  let env: string[];
  if (login) {
    env = [];
    const term = getEnv(envp, 'TERM');
    if (term !== undefined) env.push(`TERM=${term}`);
    env = setEnv(env, 'HOME', a.home);
    env = setEnv(env, 'SHELL', sh);
    env = setEnv(env, 'USER', a.name);
    env = setEnv(env, 'LOGNAME', a.name);
    env = setEnv(env, 'PATH', a.uid === 0 ? SUPATH : USERPATH);
  } else if (preserve) env = [...envp];
  else {
    env = setEnv(setEnv([...envp], 'HOME', a.home), 'SHELL', sh);
    if (a.uid !== 0) env = setEnv(setEnv(env, 'USER', a.name), 'LOGNAME', a.name);
  }
  if (login && sys.chdir(a.home) < 0) {
    await p.error(`warning: cannot change directory to ${a.home}: ${strerror(sys.chdir(a.home))}`);
  }
  const e = becomeUser(sys, a);
  if (e < 0) {
    await p.error(`cannot set user id: ${strerror(e)}`);
    return p.finish(1);
  }
  const base = sh.split('/').pop()!;
  const args = [login ? `-${base}` : base, ...(command !== undefined ? ['-c', command] : []), ...ops];
  await p.finish(0);
  const x = await sys.execve(sh, args, env);
  await p.error(`failed to execute ${sh}: ${strerror(x)}`);
  return p.finish(x === -2 ? 127 : 126);
};
