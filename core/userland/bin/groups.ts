// groups(1) from GNU coreutils: the group names of this process, or "user : groups" for each user named.
import type { Program } from '../../kernel/abi.ts';
import { Cmd } from '../lib/cmd.ts';
import { answerInfo } from '../lib/coreutils-info.ts';
import { getopt } from '../lib/getopt.ts';
import { quote } from '../lib/program.ts';
import { UserDb } from '../lib/user-db.ts';
import { groupName } from '../lib/users.ts';

export const main: Program = async (sys, argv, envp) => {
  const p = new Cmd(sys, argv, envp);
  const r = getopt(argv, '', [{ name: 'help' }, { name: 'version' }]);
  if (await answerInfo(p, 'groups', r.opts)) return p.finish(0);
  if (r.error) return p.finish(await p.tryHelp(r.error));
  if (r.operands.length === 0) {
    const ids = sys.getids();
    const list = [ids.egid, ...ids.groups.filter((g) => g !== ids.egid)];
    await p.out.write(list.map((g) => groupName(sys, g)).join(' ') + '\n');
    return p.finish(0);
  }
  const db = await UserDb.load(sys);
  let status = 0;
  for (const name of r.operands) {
    const u = db.user(name);
    if (!u) {
      await p.error(`${quote(name)}: no such user`);
      status = 1;
      continue;
    }
    const primary = db.groupById(Number(u[3]))?.[0] ?? u[3]!;
    const extra = db.supplementary(name).map((g) => g[0]!).filter((g) => g !== primary);
    await p.out.write(`${name} : ${[primary, ...extra].join(' ')}\n`);
  }
  return p.finish(status);
};
