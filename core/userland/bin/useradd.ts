// useradd(8) from shadow-utils 4.13 (Debian 12): -m -M -d -s -g -G -u -r -p -N -U -c -k -o; writes
// /etc/passwd, /etc/shadow, /etc/group and /etc/gshadow and makes the home from /etc/skel.
import type { Program } from '../../kernel/abi.ts';
import { copySkel } from '../lib/account-files.ts';
import { readFileText } from '../lib/io.ts';
import { E_BAD_ARG, E_HOMEDIR, E_NAME_IN_USE, E_NOTFOUND, E_UID_IN_USE, ShadowTool } from '../lib/shadow-tool.ts';
import { UserDb, freeId, idRange, loginDefs, today, usedIds, validName } from '../lib/user-db.ts';

export const main: Program = async (sys, argv, envp) => {
  const p = new ShadowTool(sys, argv, envp, 'useradd');
  const r = await p.options('mMd:s:g:G:u:rp:NUc:k:ob:e:f:K:l', [
    { name: 'create-home', key: 'm' }, { name: 'no-create-home', key: 'M' }, { name: 'home-dir', arg: 'required', key: 'd' },
    { name: 'shell', arg: 'required', key: 's' }, { name: 'gid', arg: 'required', key: 'g' }, { name: 'groups', arg: 'required', key: 'G' },
    { name: 'uid', arg: 'required', key: 'u' }, { name: 'system', key: 'r' }, { name: 'password', arg: 'required', key: 'p' },
    { name: 'no-user-group', key: 'N' }, { name: 'user-group', key: 'U' }, { name: 'comment', arg: 'required', key: 'c' },
    { name: 'skel', arg: 'required', key: 'k' }, { name: 'non-unique', key: 'o' }, { name: 'base-dir', arg: 'required', key: 'b' },
    { name: 'expiredate', arg: 'required', key: 'e' }, { name: 'inactive', arg: 'required', key: 'f' },
    { name: 'key', arg: 'required', key: 'K' }, { name: 'no-log-init', key: 'l' }, { name: 'badname' }]);
  if (typeof r === 'number') return p.finish(r);
  const o = new Map(r.opts.map((x) => [x.key, x.value ?? '']));
  if (r.operands.length !== 1) return p.finish(await p.usage());
  const name = r.operands[0]!;
  if (!(await p.requireRoot())) return p.finish(1);
  if (!o.has('badname') && !validName(name)) return p.fail(`invalid user name '${name}': use --badname to ignore`, E_BAD_ARG);
  const db = await UserDb.load(sys);
  const defs = await loginDefs(sys);
  const defaults = await useraddDefaults(sys);
  if (db.user(name)) return p.fail(`user '${name}' already exists`, E_NAME_IN_USE);
  const system = o.has('r');
  const userGroup = o.has('N') ? false : o.has('U') || (!o.has('g') && defs.get('USERGROUPS_ENAB') !== 'no');
  if (userGroup && db.group(name)) return p.fail(`group ${name} exists - if you want to add this user to that group, use -g.`, E_NAME_IN_USE);

  let gid: number;
  if (o.has('g')) {
    const g = db.groupBySpec(o.get('g')!);
    if (!g) return p.fail(`group '${o.get('g')}' does not exist`, E_NOTFOUND);
    gid = Number(g[2]);
  } else gid = Number(defaults.get('GROUP') ?? 100);
  const extra: string[] = [];
  if (o.has('G')) {
    let missing = false;
    for (const spec of o.get('G')!.split(',').filter((s) => s !== '')) {
      const g = db.groupBySpec(spec);
      if (!g) {
        await p.error(`group '${spec}' does not exist`);
        missing = true;
      } else if (!extra.includes(g[0]!)) extra.push(g[0]!);
    }
    if (missing) return p.finish(E_NOTFOUND);
  }
  let uid: number;
  const uids = usedIds(db, 'passwd');
  if (o.has('u')) {
    const u = o.get('u')!;
    if (!/^\d+$/.test(u) || Number(u) > 4294967294) return p.fail(`invalid user ID '${u}'`, E_BAD_ARG);
    uid = Number(u);
    if (uids.has(uid) && !o.has('o')) return p.fail(`UID ${uid} is not unique`, E_UID_IN_USE);
  } else {
    const id = freeId(uids, idRange(defs, 'UID', system));
    if (id === null) return p.fail("can't create user", E_UID_IN_USE);
    uid = id;
  }
  if (userGroup) {
    const id = freeId(usedIds(db, 'group'), idRange(defs, 'GID', system), uid);
    if (id === null) return p.fail("can't create group", E_UID_IN_USE);
    gid = id;
  }
  const home = o.get('d') ?? `${o.get('b') ?? defaults.get('HOME') ?? '/home'}/${name}`;
  const shell = o.get('s') ?? defaults.get('SHELL') ?? '/bin/sh';
  if (o.has('s') && shell !== '' && sys.access(shell, 1) !== 0) await p.error(`Warning: missing or non-executable shell '${shell}'`);

  if (userGroup) {
    db.add('group', [name, db.has('gshadow') ? 'x' : '!', String(gid), '']);
    db.add('gshadow', [name, '!', '', '']);
  }
  db.add('passwd', [name, 'x', String(uid), String(gid), o.get('c') ?? '', home, shell]);
  const day = String(today(sys));
  const pw = o.get('p') ?? '!';
  if (system) db.add('shadow', [name, pw, day, '', '', '', '', o.get('e') ?? '', '']);
  else db.add('shadow', [name, pw, day, defs.get('PASS_MIN_DAYS') ?? '0', defs.get('PASS_MAX_DAYS') ?? '99999', defs.get('PASS_WARN_AGE') ?? '7', '', '', '']);
  for (const g of extra) db.setMember(g, name, true);
  const saved = await p.save(db);
  if (saved) return p.finish(saved);

  const create = o.has('m') || (!o.has('M') && !system && defs.get('CREATE_HOME') === 'yes');
  if (create) {
    if (sys.stat(home) !== -2) {
      await p.error(`warning: the home directory ${home} already exists.`);
      await p.error('Not copying any file from skel directory into it.');
    } else {
      const parent = home.slice(0, home.lastIndexOf('/')) || '/';
      if (sys.stat(parent) === -2) await mkdirs(sys, parent);
      const umask = parseInt(defs.get('UMASK') ?? '022', 8);
      const mode = defs.has('HOME_MODE') ? parseInt(defs.get('HOME_MODE')!, 8) : 0o777 & ~umask;
      if (sys.mkdir(home, 0o700) < 0) return p.fail(`cannot create directory ${home}`, E_HOMEDIR);
      sys.chown(home, uid, gid);
      sys.chmod(home, mode);
      await copySkel(sys, o.get('k') ?? defaults.get('SKEL') ?? '/etc/skel', home, uid, gid);
    }
  }
  return p.finish(0);
};

/** /etc/default/useradd (KEY=value lines). */
async function useraddDefaults(sys: Parameters<Program>[0]): Promise<Map<string, string>> {
  const m = new Map<string, string>();
  const text = await readFileText(sys, '/etc/default/useradd');
  if (typeof text === 'string') {
    for (const line of text.split('\n')) {
      const x = /^\s*([A-Z_]+)=(.*)$/.exec(line);
      if (x) m.set(x[1]!, x[2]!.trim());
    }
  }
  return m;
}

async function mkdirs(sys: Parameters<Program>[0], path: string): Promise<void> {
  let cur = '';
  for (const part of path.split('/').filter((s) => s !== '')) {
    cur += '/' + part;
    sys.mkdir(cur, 0o755);
  }
}

