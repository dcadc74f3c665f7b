// passwd(1) from shadow-utils 4.13 with Debian's PAM messages: the interactive change (echo off, typed
// twice), -d (delete), -l / -u (lock, unlock), -S (status). Only root changes other users' passwords;
// without a setuid kernel a normal user cannot write /etc/shadow, so their change fails as PAM reports.
import type { Program } from '../../kernel/abi.ts';
import { hashPassword, readSecret } from '../lib/account-files.ts';
import { ShadowTool } from '../lib/shadow-tool.ts';
import { gmtime } from '../lib/time.ts';
import { UserDb, today } from '../lib/user-db.ts';

export const main: Program = async (sys, argv, envp) => {
  const p = new ShadowTool(sys, argv, envp, 'passwd');
  const r2 = await p.options('adehki:ln:qr:R:Suw:x:', [{ name: 'all', key: 'a' }, { name: 'delete', key: 'd' },
    { name: 'expire', key: 'e' }, { name: 'keep-tokens', key: 'k' }, { name: 'inactive', arg: 'required', key: 'i' },
    { name: 'lock', key: 'l' }, { name: 'mindays', arg: 'required', key: 'n' }, { name: 'quiet', key: 'q' },
    { name: 'repository', arg: 'required', key: 'r' }, { name: 'root', arg: 'required', key: 'R' },
    { name: 'status', key: 'S' }, { name: 'unlock', key: 'u' }, { name: 'warndays', arg: 'required', key: 'w' },
    { name: 'maxdays', arg: 'required', key: 'x' }], 6);
  if (typeof r2 === 'number') return p.finish(r2);
  const o = new Map(r2.opts.map((x) => [x.key, x.value ?? '']));
  if (r2.operands.length > 1) return p.finish(await p.usage());
  const ids = sys.getids();
  const db = await UserDb.load(sys);
  const name = r2.operands[0] ?? db.userById(ids.uid)?.[0] ?? String(ids.uid);
  if (!db.user(name)) return p.fail(`user '${name}' does not exist`, 1);
  if (ids.euid !== 0 && (r2.operands.length || o.size)) {
    if (!o.has('S')) return p.fail(`You may not view or modify password information for ${name}.`, 1);
  }
  const sh = db.find('shadow', name);
  if (o.has('S')) {
    const pw = sh?.[1] ?? '';
    const st = pw.startsWith('!') || pw.startsWith('*') ? 'L' : pw === '' ? 'NP' : 'P';
    const day = Number(sh?.[2] ?? 0);
    const t = gmtime(day * 86400e9);
    const date = `${t.year}-${String(t.month + 1).padStart(2, '0')}-${String(t.day).padStart(2, '0')}`;
    const f = (i: number, d: string): string => (sh?.[i] === undefined || sh[i] === '' ? d : sh[i]!);
    await p.out.write(`${name} ${st} ${date} ${f(3, '0')} ${f(4, '99999')} ${f(5, '7')} ${f(6, '-1')}\n`);
    return p.finish(0);
  }
  if (!sh) return p.fail(`user '${name}' does not exist`, 1);
  if (o.has('d') || o.has('l') || o.has('u')) {
    if (o.has('d')) sh[1] = '';
    else if (o.has('l')) {
      if (!sh[1]!.startsWith('!')) sh[1] = '!' + sh[1];
    } else if (sh[1]!.startsWith('!')) {
      if (sh[1] === '!') {
        await p.error('unlocking the password would result in a passwordless account.');
        await p.err.write('You should set a password with usermod -p to unlock the password of this account.\n');
        return p.finish(3);
      }
      sh[1] = sh[1]!.slice(1);
    }
    if (!o.has('l') && !o.has('u')) sh[2] = String(today(sys));
    db.touch('shadow');
    const s = await p.save(db);
    if (s) return p.finish(s);
    await p.out.write('passwd: password changed.\n');
    return p.finish(0);
  }
  if (ids.euid !== 0) await readSecret(sys, 'Current password: ');
  const first = await readSecret(sys, 'New password: ');
  const second = first === null ? null : await readSecret(sys, 'Retype new password: ');
  const abort = async (msg: string): Promise<number> => {
    await p.err.write(msg);
    await p.error('Authentication token manipulation error');
    await p.error('password unchanged');
    return p.finish(10);
  };
  if (first === null || second === null) return abort('Password change has been aborted.\n');
  if (first === '' && second === '') {
    await p.err.write('No password has been supplied.\n');
    const again = await readSecret(sys, 'New password: ');
    if (again === null || again === '') return abort('Password change has been aborted.\n');
    return abort('Sorry, passwords do not match.\n');
  }
  if (first !== second) return abort('Sorry, passwords do not match.\n');
  if (ids.euid !== 0) return abort('');
  sh[1] = await hashPassword(sys, first);
  sh[2] = String(today(sys));
  db.touch('shadow');
  const s = await p.save(db);
  if (s) return p.finish(s);
  await p.err.write('passwd: password updated successfully\n');
  return p.finish(0);
};
