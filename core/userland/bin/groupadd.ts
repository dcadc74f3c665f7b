// groupadd(8) from shadow-utils 4.13: -g GID, -r (system range), -f, -o, -p, -U USERS.
import type { Program } from '../../kernel/abi.ts';
import { E_BAD_ARG, E_NAME_IN_USE, E_UID_IN_USE, ShadowTool } from '../lib/shadow-tool.ts';
import { UserDb, freeId, idRange, loginDefs, usedIds, validName } from '../lib/user-db.ts';

export const main: Program = async (sys, argv, envp) => {
  const p = new ShadowTool(sys, argv, envp, 'groupadd');
  const r = await p.options('g:rfop:U:K:', [{ name: 'gid', arg: 'required', key: 'g' }, { name: 'system', key: 'r' },
    { name: 'force', key: 'f' }, { name: 'non-unique', key: 'o' }, { name: 'password', arg: 'required', key: 'p' },
    { name: 'users', arg: 'required', key: 'U' }, { name: 'key', arg: 'required', key: 'K' }]);
  if (typeof r === 'number') return p.finish(r);
  const o = new Map(r.opts.map((x) => [x.key, x.value ?? '']));
  if (r.operands.length !== 1) return p.finish(await p.usage());
  const name = r.operands[0]!;
  if (!validName(name)) return p.fail(`'${name}' is not a valid group name`, E_BAD_ARG);
  if (!(await p.requireRoot())) return p.finish(1);
  const db = await UserDb.load(sys);
  if (db.group(name)) {
    if (o.has('f')) return p.finish(0);
    return p.fail(`group '${name}' already exists`, E_NAME_IN_USE);
  }
  const used = usedIds(db, 'group');
  let gid: number | null;
  if (o.has('g')) {
    const g = o.get('g')!;
    if (!/^\d+$/.test(g)) return p.fail(`invalid group ID '${g}'`, E_BAD_ARG);
    gid = Number(g);
    if (used.has(gid) && !o.has('o')) {
      if (!o.has('f')) return p.fail(`GID '${gid}' already exists`, E_UID_IN_USE);
      gid = freeId(used, idRange(await loginDefs(sys), 'GID', o.has('r')));
    }
  } else gid = freeId(used, idRange(await loginDefs(sys), 'GID', o.has('r')));
  if (gid === null) return p.fail("can't create group", E_UID_IN_USE);
  const members = o.get('U') ?? '';
  db.add('group', [name, 'x', String(gid), members]);
  db.add('gshadow', [name, o.get('p') ?? '!', '', members]);
  return p.finish(await p.save(db));
};
