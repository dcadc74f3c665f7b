// adduser(8) 3.134 from Debian, also run as addgroup: the friendly front end to the account files, with
// its exact progress messages. `adduser [options] USER`, `adduser USER GROUP`, `adduser --group G`,
// --system, --disabled-password/--disabled-login, --gecos, --home, --shell, --uid, --gid, --ingroup.
// Without --disabled-* it asks for the password and the chfn fields, as the interactive form does.
import type { Program, Sys } from '../../kernel/abi.ts';
import { copySkel, hashPassword, readSecret } from '../lib/account-files.ts';
import { ADDUSER_HELP, ADDUSER_VERSION } from '../lib/help/adduser.ts';
import { LineReader, writeAll } from '../lib/io.ts';
import { Proc } from '../lib/program.ts';
import { UserDb, today } from '../lib/user-db.ts';

const VALUE_OPTS = ['gecos', 'home', 'shell', 'uid', 'gid', 'ingroup', 'firstuid', 'lastuid', 'firstgid', 'lastgid', 'conf', 'comment'];

/** The long options adduser 3.134 accepts (besides help and version). */
const KNOWN_OPTS = ['add-extra-groups', 'add_extra_groups', 'allow-all-names', 'allow-badname', 'allow-bad-names', 'comment', 'conf',
  'debug', 'disabled-login', 'disabled-password', 'firstgid', 'firstuid', 'force-badname', 'gecos', 'gid', 'group', 'home', 'ingroup',
  'lastgid', 'lastuid', 'no-create-home', 'quiet', 'shell', 'system', 'uid', 'verbose'];

export const main: Program = async (sys, argv, envp) => {
  const groupMode = (argv[0] ?? '').endsWith('addgroup');
  const p = new Proc(sys, argv, envp, groupMode ? 'addgroup' : 'adduser');
  const fail = async (m: string): Promise<number> => {
    await p.error(m);
    return p.finish(1);
  };
  const o = new Map<string, string>();
  const names: string[] = [];
  let badOption = false;
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i]!;
    // Getopt::Long runs the help and version handlers (which exit) as it meets them.
    if (a === '--help' || a === '-h' || a === '--version' || a === '-v') {
      await p.out.write(a === '--help' || a === '-h' ? ADDUSER_HELP : ADDUSER_VERSION);
      return p.finish(0);
    }
    if (a.startsWith('--')) {
      const [k, v] = a.slice(2).split(/=(.*)/s) as [string, string | undefined];
      if (!KNOWN_OPTS.includes(k)) {
        // Getopt::Long warns and goes on; adduser then prints its usage and fails.
        await p.err.write(`Unknown option: ${k}\n`);
        badOption = true;
        continue;
      }
      if (VALUE_OPTS.includes(k) && v === undefined) o.set(k, argv[++i] ?? '');
      else o.set(k, v ?? '');
    } else if (a === '-q') o.set('quiet', '');
    else names.push(a);
  }
  if (badOption) {
    await p.out.write(ADDUSER_HELP);
    return p.finish(1);
  }
  if (names.length === 0 || names.length > 2) return fail('Only one or two names allowed.');
  if (sys.getids().euid !== 0) return fail('Only root may add a user or group to the system.');
  const quiet = o.has('quiet');
  const say = async (s: string): Promise<void> => {
    if (!quiet) await p.out.write(s + '\n');
  };
  const db = await UserDb.load(sys);
  if (names.length === 2) {
    const [user, group] = names as [string, string];
    if (!db.user(user)) return fail(`The user \`${user}' does not exist.`);
    if (!db.group(group)) return fail(`The group \`${group}' does not exist.`);
    if (UserDb.members(db.group(group)!).includes(user)) {
      await p.error(`The user \`${user}' is already a member of \`${group}'.`);
      return p.finish(0);
    }
    await say(`Adding user \`${user}' to group \`${group}' ...`);
    db.setMember(group, user, true);
    await db.save();
    await say('Done.');
    return p.finish(0);
  }
  const name = names[0]!;
  const system = o.has('system');
  if (groupMode || (o.has('group') && !system)) {
    if (db.group(name)) return fail(`The group \`${name}' already exists.`);
    const gid = o.has('gid') ? Number(o.get('gid')) : firstFree(db, system ? 100 : 1000, system ? 999 : 59999, 'group');
    await say(`Adding ${system ? 'system ' : ''}group \`${name}' (GID ${gid}) ...`);
    db.add('group', [name, 'x', String(gid), '']);
    db.add('gshadow', [name, '!', '', '']);
    await db.save();
    await say('Done.');
    return p.finish(0);
  }
  if (db.user(name)) {
    if (system && db.user(name)![2]! < '1000') {
      await say(`The system user \`${name}' already exists. Exiting.`);
      return p.finish(0);
    }
    return fail(`The user \`${name}' already exists.`);
  }
  const lo = system ? 100 : 1000;
  const hi = system ? 999 : 59999;
  const uid = o.has('uid') ? Number(o.get('uid')) : firstFree(db, lo, hi, system ? 'passwd' : 'both');
  let gid: number;
  let groupName: string;
  if (o.has('ingroup') || o.has('gid')) {
    const g = o.has('ingroup') ? db.group(o.get('ingroup')!) : db.groupById(Number(o.get('gid')));
    if (!g) return fail(`The group \`${o.get('ingroup') ?? o.get('gid')}' does not exist.`);
    gid = Number(g[2]);
    groupName = g[0]!;
  } else if (system && !o.has('group')) {
    gid = 65534;
    groupName = 'nogroup';
  } else {
    gid = db.groupById(uid) ? firstFree(db, lo, hi, 'group') : uid;
    groupName = name;
  }
  const home = o.get('home') ?? (system ? '/nonexistent' : `/home/${name}`);
  const shell = o.get('shell') ?? (system ? '/usr/sbin/nologin' : '/bin/bash');
  if (system) {
    await say(`Adding system user \`${name}' (UID ${uid}) ...`);
    if (groupName === name) {
      await say(`Adding new group \`${name}' (GID ${gid}) ...`);
      db.add('group', [name, 'x', String(gid), '']);
      db.add('gshadow', [name, '!', '', '']);
    }
    await say(`Adding new user \`${name}' (UID ${uid}) with group \`${groupName}' ...`);
  } else {
    await say(`Adding user \`${name}' ...`);
    if (groupName === name) {
      await say(`Adding new group \`${name}' (${gid}) ...`);
      db.add('group', [name, 'x', String(gid), '']);
      db.add('gshadow', [name, '!', '', '']);
    }
    await say(`Adding new user \`${name}' (${uid}) with group \`${groupName} (${gid})' ...`);
  }
  const gecos = o.get('gecos') ?? o.get('comment');
  db.add('passwd', [name, 'x', String(uid), String(gid), system ? (gecos ?? '') : gecos !== undefined ? gecosField(gecos) : '', home, shell]);
  const day = String(today(sys));
  db.add('shadow', system ? [name, '!', day, '', '', '', '', '', ''] : [name, '!', day, '0', '99999', '7', '', '', '']);
  await db.save();
  if (home === '/nonexistent' || o.has('no-create-home')) await say(`Not creating \`${home}'.`);
  else if (sys.stat(home) !== -2) await say(`The home directory \`${home}' already exists.  Not copying from \`/etc/skel'.`);
  else {
    await say(`Creating home directory \`${home}' ...`);
    sys.mkdir(home, 0o700);
    sys.chown(home, uid, gid);
    sys.chmod(home, 0o700);
    if (!system) {
      await say("Copying files from `/etc/skel' ...");
      await copySkel(sys, '/etc/skel', home, uid, gid);
    }
  }
  if (!system && !o.has('disabled-password') && !o.has('disabled-login')) {
    await p.out.flush();
    await askPassword(sys, name);
  }
  if (!system && gecos === undefined) {
    await p.out.flush();
    const fields = await askGecos(sys, name);
    const fresh = await UserDb.load(sys);
    const u = fresh.user(name);
    if (u) u[4] = fields, fresh.touch('passwd'), await fresh.save();
  }
  if (!system && db.group('users')) {
    await say(`Adding new user \`${name}' to supplemental / extra groups \`users' ...`);
    await say(`Adding user \`${name}' to group \`users' ...`);
    const fresh = await UserDb.load(sys);
    fresh.setMember('users', name, true);
    await fresh.save();
  }
  return p.finish(0);
};

/** The lowest id free in passwd, group or both. */
function firstFree(db: UserDb, lo: number, hi: number, where: 'passwd' | 'group' | 'both'): number {
  for (let id = lo; id <= hi; id++) {
    if (where !== 'group' && db.userById(id)) continue;
    if (where !== 'passwd' && db.groupById(id)) continue;
    return id;
  }
  return hi;
}

/** --gecos "Full Name" becomes the four comma-separated chfn fields. */
function gecosField(g: string): string {
  const parts = g.split(',');
  while (parts.length < 4) parts.push('');
  return parts.join(',');
}

/** The passwd(1) dialogue adduser runs, tried until the two entries match (as "Try again? [y/N]"). */
async function askPassword(sys: Sys, name: string): Promise<void> {
  for (;;) {
    const a = await readSecret(sys, 'New password: ');
    const b = a === null ? null : await readSecret(sys, 'Retype new password: ');
    if (a !== null && a === b && a !== '') {
      const db = await UserDb.load(sys);
      const sh = db.find('shadow', name);
      if (sh) sh[1] = await hashPassword(sys, a), db.touch('shadow'), await db.save();
      await writeAll(sys, 2, 'passwd: password updated successfully\n');
      return;
    }
    await writeAll(sys, 2, 'Sorry, passwords do not match.\npasswd: Authentication token manipulation error\npasswd: password unchanged\n');
    await writeAll(sys, 1, 'Try again? [y/N] ');
    const answer = await new LineReader(sys, 0).next();
    if (typeof answer !== 'string' || !/^[yY]/.test(answer)) return;
  }
}

/** chfn's questions as adduser asks them; returns the gecos field. */
async function askGecos(sys: Sys, name: string): Promise<string> {
  const lines = new LineReader(sys, 0);
  for (;;) {
    await writeAll(sys, 1, `Changing the user information for ${name}\nEnter the new value, or press ENTER for the default\n`);
    const values: string[] = [];
    for (const q of ['Full Name', 'Room Number', 'Work Phone', 'Home Phone', 'Other']) {
      await writeAll(sys, 1, `\t${q} []: `);
      const v = await lines.next();
      values.push(typeof v === 'string' ? v : '');
    }
    await writeAll(sys, 1, 'Is the information correct? [Y/n] ');
    const ok = await lines.next();
    if (typeof ok !== 'string' || !/^[nN]/.test(ok)) {
      const [full, room, work, home, other] = values;
      return [full, room, work, home].join(',') + (other ? `,${other}` : '');
    }
  }
}
