// chgrp(1) from GNU coreutils: GROUP by name or number, -R, -h, -v, -c, -f, --reference.
import type { Program } from '../../kernel/abi.ts';
import { chownTree, type ChownOpts } from '../lib/chown-tree.ts';
import { strerror } from '../lib/errno.ts';
import { answerInfo } from '../lib/coreutils-info.ts';
import { getopt } from '../lib/getopt.ts';
import { lookupGroup } from '../lib/owner-spec.ts';
import { Proc, quote } from '../lib/program.ts';

export const main: Program = async (sys, argv, envp) => {
  const p = new Proc(sys, argv, envp);
  const r = getopt(argv, 'RcfvhHLP', [{ name: 'recursive', key: 'R' }, { name: 'changes', key: 'c' },
    { name: 'silent', key: 'f' }, { name: 'quiet', key: 'f' }, { name: 'verbose', key: 'v' },
    { name: 'no-dereference', key: 'h' }, { name: 'dereference' }, { name: 'reference', arg: 'required' },
    { name: 'help' }, { name: 'version' }]);
  if (await answerInfo(p, 'chgrp', r.opts)) return p.finish(0);
  if (r.error) return p.finish(await p.tryHelp(r.error));
  const o: ChownOpts = { uid: -1, gid: -1, recursive: false, noDeref: false, verbose: 'none', quiet: false, groupOnly: true };
  let reference: string | undefined;
  for (const x of r.opts) {
    if (x.key === 'R') o.recursive = true;
    else if (x.key === 'c') o.verbose = 'changes';
    else if (x.key === 'v') o.verbose = 'all';
    else if (x.key === 'f') o.quiet = true;
    else if (x.key === 'h') o.noDeref = true;
    else if (x.key === 'reference') reference = x.value;
  }
  const ops = [...r.operands];
  if (reference !== undefined) {
    const st = sys.stat(reference);
    if (typeof st === 'number') {
      await p.error(`failed to get attributes of ${quote(reference)}: ${strerror(st)}`);
      return p.finish(1);
    }
    o.gid = st.gid;
  } else {
    if (ops.length === 0) return p.finish(await p.tryHelp('missing operand'));
    const name = ops.shift()!;
    if (ops.length === 0) return p.finish(await p.tryHelp(`missing operand after ${quote(name)}`));
    const gid = lookupGroup(sys, name);
    if (gid === null) {
      await p.error(`invalid group: ${quote(name)}`);
      return p.finish(1);
    }
    o.gid = gid;
  }
  let status = 0;
  for (const f of ops) if (!(await chownTree(p, sys, f, o))) status = 1;
  return p.finish(status);
};
