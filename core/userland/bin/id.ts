// id(1) from GNU coreutils: uid=0(root) gid=0(root) groups=0(root); -u -g -G -n -r.
import type { Program } from '../../kernel/abi.ts';
import { answerInfo } from '../lib/coreutils-info.ts';
import { getopt } from '../lib/getopt.ts';
import { Proc } from '../lib/program.ts';
import { groupName, memberGroups, passwdEntry, userName } from '../lib/users.ts';

export const main: Program = async (sys, argv, envp) => {
  const p = new Proc(sys, argv, envp);
  let what: 'all' | 'u' | 'g' | 'G' = 'all';
  let names = false;
  const r = getopt(argv, 'agGnru', [{ name: 'group', key: 'g' }, { name: 'groups', key: 'G' }, { name: 'name', key: 'n' },
    { name: 'real', key: 'r' }, { name: 'user', key: 'u' }, { name: 'help' }, { name: 'version' }]);
  if (await answerInfo(p, 'id', r.opts)) return p.finish(0);
  if (r.error) return p.finish(await p.tryHelp(r.error));
  for (const o of r.opts) {
    if (o.key === 'n') names = true;
    else if (o.key === 'u' || o.key === 'g' || o.key === 'G') what = o.key;
  }
  const users = r.operands;
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
    groups = [e.gid, ...memberGroups(sys, e.name).filter((g) => g !== e.gid)];
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
