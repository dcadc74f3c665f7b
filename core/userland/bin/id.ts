// id(1) from GNU coreutils: uid=0(root) gid=0(root) groups=0(root); -u -g -G -n -r.
import type { Program } from '../../kernel/abi.ts';
import { Proc } from '../lib/program.ts';
import { groupName, passwdEntry, userName } from '../lib/users.ts';

export const main: Program = async (sys, argv, envp) => {
  const p = new Proc(sys, argv, envp);
  let what: 'all' | 'u' | 'g' | 'G' = 'all';
  let names = false;
  const users: string[] = [];
  for (const a of argv.slice(1)) {
    if (/^-[ugGnr]+$/.test(a)) {
      for (const c of a.slice(1)) {
        if (c === 'n') names = true;
        else if (c !== 'r') what = c as 'u' | 'g' | 'G';
      }
    } else if (a.startsWith('-')) return p.finish(await p.tryHelp(`invalid option -- '${a.slice(1, 2)}'`));
    else users.push(a);
  }
  let uid: number;
  let gid: number;
  let groups: number[];
  if (users.length) {
    const e = passwdEntry(sys, users[0]!);
    if (!e) {
      await p.error(`'${users[0]}': no such user`);
      return p.finish(1);
    }
    uid = e.uid;
    gid = e.gid;
    groups = [e.gid];
  } else {
    const ids = sys.getids();
    uid = ids.euid;
    gid = ids.egid;
    groups = ids.groups;
  }
  if (what === 'u') await p.out.write((names ? userName(sys, uid) : String(uid)) + '\n');
  else if (what === 'g') await p.out.write((names ? groupName(sys, gid) : String(gid)) + '\n');
  else if (what === 'G') await p.out.write(groups.map((g) => (names ? groupName(sys, g) : String(g))).join(' ') + '\n');
  else {
    const gs = groups.map((g) => `${g}(${groupName(sys, g)})`).join(',');
    await p.out.write(`uid=${uid}(${userName(sys, uid)}) gid=${gid}(${groupName(sys, gid)}) groups=${gs}\n`);
  }
  return p.finish(0);
};
