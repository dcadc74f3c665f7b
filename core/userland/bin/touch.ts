// touch(1) from GNU coreutils: creates files or updates their times; -c (no create), -a, -m.
import { ENOENT, O_CREAT, O_WRONLY, type Program } from '../../kernel/abi.ts';
import { strerror } from '../lib/errno.ts';
import { Proc, quote } from '../lib/program.ts';

export const main: Program = async (sys, argv, envp) => {
  const p = new Proc(sys, argv, envp);
  let noCreate = false;
  const files: string[] = [];
  let options = true;
  for (const a of argv.slice(1)) {
    if (options && a === '--') options = false;
    else if (options && a.startsWith('-') && a !== '-') {
      for (const c of a.slice(1)) {
        if (c === 'c') noCreate = true;
        else if (c === 'a' || c === 'm' || c === 'f') continue;
        else return p.finish(await p.tryHelp(`invalid option -- '${c}'`));
      }
    } else files.push(a);
  }
  if (files.length === 0) return p.finish(await p.tryHelp('missing file operand'));
  let status = 0;
  for (const f of files) {
    let r = sys.utimens(f, null, null);
    if (r === -ENOENT && !noCreate) {
      const fd = sys.open(f, O_WRONLY | O_CREAT, 0o666);
      r = fd < 0 ? fd : sys.close(fd);
    } else if (r === -ENOENT) r = 0;
    if (r < 0) {
      await p.error(`cannot touch ${quote(f)}: ${strerror(r)}`);
      status = 1;
    }
  }
  return p.finish(status);
};
