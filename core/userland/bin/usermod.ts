// usermod(8) from shadow-utils 4.13: -G (with -a or -r), -g, -s, -d (with -m to move), -c, -l, -u,
// -p, -L and -U; prints "no changes" when nothing would change.
import type { Program } from '../../kernel/abi.ts';
import { E_BAD_ARG, E_NAME_IN_USE, E_NOTFOUND, E_UID_IN_USE, ShadowTool } from '../lib/shadow-tool.ts';
import { UserDb } from '../lib/user-db.ts';

export const main: Program = async (sys, argv, envp) => {
  const p = new ShadowTool(sys, argv, envp, 'usermod');
  const r = await p.options('aG:rs:d:mg:LUp:c:l:u:o', [
    { name: 'append', key: 'a' }, { name: 'groups', arg: 'required', key: 'G' }, { name: 'remove', key: 'r' },
    { name: 'shell', arg: 'required', key: 's' }, { name: 'home', arg: 'required', key: 'd' }, { name: 'move-home', key: 'm' },
    { name: 'gid', arg: 'required', key: 'g' }, { name: 'lock', key: 'L' }, { name: 'unlock', key: 'U' },
    { name: 'password', arg: 'required', key: 'p' }, { name: 'comment', arg: 'required', key: 'c' },
    { name: 'login', arg: 'required', key: 'l' }, { name: 'uid', arg: 'required', key: 'u' }, { name: 'non-unique', key: 'o' }]);
  if (typeof r === 'number') return p.finish(r);
  const o = new Map(r.opts.map((x) => [x.key, x.value ?? '']));
  if (r.operands.length !== 1) return p.finish(await p.usage());
  const name = r.operands[0]!;
  if (!(await p.requireRoot())) return p.finish(1);
  const db = await UserDb.load(sys);
  const user = db.user(name);
  if (!user) return p.fail(`user '${name}' does not exist`, E_NOTFOUND);
  if (o.size === 0) {
    await p.error('no options');
    return p.finish(await p.usage());
  }
  if ((o.has('a') || o.has('r')) && !o.has('G')) {
    await p.error(`${o.has('a') ? '-a' : '-r'} flag is only allowed with the -G flag`);
    return p.finish(await p.usage());
  }
  const before = JSON.stringify([db.all('passwd'), db.all('shadow'), db.all('group')]);
  if (o.has('g')) {
    const g = db.groupBySpec(o.get('g')!);
    if (!g) return p.fail(`group '${o.get('g')}' does not exist`, E_NOTFOUND);
    user[3] = g[2]!;
  }
  if (o.has('G')) {
    const wanted: string[] = [];
    let missing = false;
    for (const spec of o.get('G')!.split(',').filter((s) => s !== '')) {
      const g = db.groupBySpec(spec);
      if (!g) {
        await p.error(`group '${spec}' does not exist`);
        missing = true;
      } else wanted.push(g[0]!);
    }
    if (missing) return p.finish(E_NOTFOUND);
    if (o.has('r')) for (const g of wanted) db.setMember(g, name, false);
    else {
      if (!o.has('a')) for (const g of db.supplementary(name)) if (!wanted.includes(g[0]!)) db.setMember(g[0]!, name, false);
      for (const g of wanted) if (!UserDb.members(db.group(g)!).includes(name)) db.setMember(g, name, true);
    }
  }
  if (o.has('s')) user[6] = o.get('s')!;
  if (o.has('c')) user[4] = o.get('c')!;
  if (o.has('u')) {
    const u = o.get('u')!;
    if (!/^\d+$/.test(u)) return p.fail(`invalid user ID '${u}'`, E_BAD_ARG);
    if (u !== user[2] && db.userById(Number(u)) && !o.has('o')) return p.fail(`UID '${u}' already exists`, E_UID_IN_USE);
    user[2] = u;
  }
  const shadow = db.find('shadow', name);
  if (o.has('p') && shadow) shadow[1] = o.get('p')!;
  if (o.has('L') && shadow && !shadow[1]!.startsWith('!')) shadow[1] = '!' + shadow[1];
  if (o.has('U') && shadow && shadow[1]!.startsWith('!')) {
    if (shadow[1] === '!') {
      await p.error("unlocking the user's password would result in a passwordless account.");
      await p.err.write('You should set a password with usermod -p to unlock this user\'s password.\n');
    } else shadow[1] = shadow[1]!.slice(1);
  }
  const oldHome = user[5]!;
  if (o.has('d')) user[5] = o.get('d')!;
  if (o.has('l')) {
    const to = o.get('l')!;
    if (to !== name && db.user(to)) return p.fail(`user '${to}' already exists`, E_NAME_IN_USE);
    user[0] = to;
    if (shadow) shadow[0] = to;
    for (const t of ['group', 'gshadow'] as const) {
      for (const g of db.all(t)) {
        const m = UserDb.members(g);
        if (m.includes(name)) g[3] = m.map((x) => (x === name ? to : x)).join(',');
      }
    }
  }
  if (!o.has('L') && !o.has('U') && JSON.stringify([db.all('passwd'), db.all('shadow'), db.all('group')]) === before) {
    await p.error('no changes');
    return p.finish(0);
  }
  for (const t of ['passwd', 'shadow', 'group', 'gshadow'] as const) db.touch(t);
  const saved = await p.save(db);
  if (saved) return p.finish(saved);
  if (o.has('d') && o.has('m') && user[5] !== oldHome && sys.stat(oldHome) !== -2) {
    if (sys.rename(oldHome, user[5]!) < 0) return p.fail(`cannot rename directory ${oldHome} to ${user[5]}`, 12);
  }
  return p.finish(0);
};
