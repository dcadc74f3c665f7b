// groupdel(8) from shadow-utils 4.13: removes a group unless it is some user's primary group.
import type { Program } from '../../kernel/abi.ts';
import { E_NOTFOUND, ShadowTool } from '../lib/shadow-tool.ts';
import { UserDb } from '../lib/user-db.ts';

export const main: Program = async (sys, argv, envp) => {
  const p = new ShadowTool(sys, argv, envp, 'groupdel');
  const r = await p.options('f', [{ name: 'force', key: 'f' }]);
  if (typeof r === 'number') return p.finish(r);
  if (r.operands.length !== 1) return p.finish(await p.usage());
  const name = r.operands[0]!;
  if (!(await p.requireRoot())) return p.finish(1);
  const db = await UserDb.load(sys);
  const g = db.group(name);
  if (!g) return p.fail(`group '${name}' does not exist`, E_NOTFOUND);
  const owner = db.all('passwd').find((u) => u[3] === g[2]);
  if (owner && !r.opts.some((o) => o.key === 'f')) return p.fail(`cannot remove the primary group of user '${owner[0]}'`, 8);
  db.remove('group', name);
  db.remove('gshadow', name);
  return p.finish(await p.save(db));
};
