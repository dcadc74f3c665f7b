// logname(1) from GNU coreutils 9.1: the login name of the session, which glibc's getlogin() finds
// (a guest has no /proc/self/loginuid) in the utmp entry of the terminal on standard input. Guests keep no utmp (no login records one), so
// it fails as Debian does in a session without one: "no login name", status 1.
import type { Program } from '../../kernel/abi.ts';
import { Cmd } from '../lib/cmd.ts';
import { answerInfo } from '../lib/coreutils-info.ts';
import { getopt } from '../lib/getopt.ts';
import { localeQuote } from '../lib/locale-quote.ts';
import { LOGIN_PROCESS, USER_PROCESS, UTMP_FILE, readUtmp } from '../lib/utmp.ts';

/** getlogin(): the user of the first user or login process record (getutline) on the terminal of stdin. */
async function loginName(p: Cmd): Promise<string | null> {
  const tty = p.sys.ttyname(0);
  if (typeof tty === 'number') return null;
  const line = tty.startsWith('/dev/') ? tty.slice(5) : tty;
  const r = (await readUtmp(p.sys, UTMP_FILE)).find((u) => (u.type === USER_PROCESS || u.type === LOGIN_PROCESS) && u.line === line);
  return r ? r.user : null;
}

export const main: Program = async (sys, argv, envp) => {
  const p = new Cmd(sys, argv, envp);
  const r = getopt(argv, '', [{ name: 'help' }, { name: 'version' }]);
  if (await answerInfo(p, 'logname', r.opts)) return p.finish(0);
  if (r.error) return p.finish(await p.tryHelp(r.error));
  if (r.operands.length) return p.finish(await p.tryHelp(`extra operand ${localeQuote(r.operands[0]!)}`));
  const name = await loginName(p);
  if (name === null) {
    await p.error('no login name');
    return p.finish(1);
  }
  await p.put(`${name}\n`);
  return p.finish(0);
};
