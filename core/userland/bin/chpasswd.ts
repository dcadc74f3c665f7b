// chpasswd(8) from shadow-utils 4.13: "user:password" lines on stdin, hashed (or taken as given with
// -e) into /etc/shadow; a bad line is reported with its number and makes the exit status 1.
import type { Program } from '../../kernel/abi.ts';
import { hashPassword } from '../lib/account-files.ts';
import { LineReader } from '../lib/io.ts';
import { ShadowTool } from '../lib/shadow-tool.ts';
import { UserDb, today } from '../lib/user-db.ts';

export const main: Program = async (sys, argv, envp) => {
  const p = new ShadowTool(sys, argv, envp, 'chpasswd');
  const r = await p.options('ec:ms:R:P:', [{ name: 'encrypted', key: 'e' }, { name: 'crypt-method', arg: 'required', key: 'c' },
    { name: 'md5', key: 'm' }, { name: 'sha-rounds', arg: 'required', key: 's' }, { name: 'root', arg: 'required', key: 'R' },
    { name: 'prefix', arg: 'required', key: 'P' }]);
  if (typeof r === 'number') return p.finish(r);
  if (r.operands.length) return p.finish(await p.usage());
  if (!(await p.requireRoot())) return p.finish(1);
  const encrypted = r.opts.some((o) => o.key === 'e');
  const db = await UserDb.load(sys);
  const lines = new LineReader(sys, 0);
  let status = 0;
  for (let n = 1; ; n++) {
    const line = await lines.next();
    if (line === null || typeof line === 'number') break;
    const colon = line.indexOf(':');
    if (colon < 0) {
      await p.error(`line ${n}: missing new password`);
      status = 1;
      continue;
    }
    const name = line.slice(0, colon);
    const password = line.slice(colon + 1);
    const sh = db.find('shadow', name);
    if (!db.user(name) || !sh) {
      await p.error(`(user ${name}) pam_chauthtok() failed, error:\nAuthentication token manipulation error`);
      await p.error(`(line ${n}, user ${name}) password not changed`);
      status = 1;
      continue;
    }
    sh[1] = encrypted ? password : await hashPassword(sys, password);
    sh[2] = String(today(sys));
    db.touch('shadow');
  }
  const s = await p.save(db);
  return p.finish(s || status);
};
