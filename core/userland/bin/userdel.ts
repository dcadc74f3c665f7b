// userdel(8) from shadow-utils 4.13: removes the account, its user group when nobody else uses it,
// its memberships, and with -r its home directory and mail spool.
import type { Program } from '../../kernel/abi.ts';
import { removeTree } from '../lib/account-files.ts';
import { E_NOTFOUND, ShadowTool } from '../lib/shadow-tool.ts';
import { UserDb, loginDefs } from '../lib/user-db.ts';

export const main: Program = async (sys, argv, envp) => {
  const p = new ShadowTool(sys, argv, envp, 'userdel');
  const r = await p.options('rf', [{ name: 'remove', key: 'r' }, { name: 'force', key: 'f' }]);
  if (typeof r === 'number') return p.finish(r);
  if (r.operands.length !== 1) return p.finish(await p.usage());
  const name = r.operands[0]!;
  if (!(await p.requireRoot())) return p.finish(1);
  const db = await UserDb.load(sys);
  const user = db.user(name);
  if (!user) return p.fail(`user '${name}' does not exist`, E_NOTFOUND);
  const defs = await loginDefs(sys);
  db.remove('passwd', name);
  db.remove('shadow', name);
  db.dropMember(name);
  const group = db.groupById(Number(user[3]));
  if (group && group[0] === name && defs.get('USERGROUPS_ENAB') !== 'no') {
    const others = db.all('passwd').some((u) => u[3] === group[2]);
    if (others) await p.error(`group ${name} is the primary group of another user and is not removed.`);
    else if (UserDb.members(group).length === 0) {
      db.remove('group', name);
      db.remove('gshadow', name);
    }
  }
  const saved = await p.save(db);
  if (saved) return p.finish(saved);
  let status = 0;
  if (r.opts.some((o) => o.key === 'r')) {
    const mail = `${defs.get('MAIL_DIR') ?? '/var/mail'}/${name}`;
    if (sys.lstat(mail) === -2) await p.error(`${name} mail spool (${mail}) not found`);
    else sys.unlink(mail);
    const home = user[5]!;
    if (sys.lstat(home) === -2) await p.error(`${name} home directory (${home}) not found`);
    else if (!(await removeTree(sys, home))) {
      await p.error(`error removing directory ${home}`);
      status = 12;
    }
  }
  return p.finish(status);
};
