// The walk shared by chown and chgrp: change owner and/or group of each operand (and, with -R, of
// everything below it), with -h (the link itself), -v/-c/-f and GNU's messages.
import { isDir, isLnk, type Sys } from '../../kernel/abi.ts';
import { strerror } from './errno.ts';
import { joinPath, listNames } from './paths.ts';
import { Proc, quote } from './program.ts';
import { groupName, userName } from './users.ts';

export interface ChownOpts {
  uid: number;
  gid: number;
  recursive: boolean;
  noDeref: boolean;
  verbose: 'all' | 'changes' | 'none';
  quiet: boolean;
  /** chgrp words its messages about the group only. */
  groupOnly: boolean;
}

export async function chownTree(p: Proc, sys: Sys, path: string, o: ChownOpts, top = true): Promise<boolean> {
  const lst = sys.lstat(path);
  const link = typeof lst !== 'number' && isLnk(lst.mode);
  const useLink = link && (o.noDeref || !top);
  const st = useLink ? lst : sys.stat(path);
  if (typeof st === 'number') {
    if (!o.quiet) await p.error(`cannot ${link ? 'dereference' : 'access'} ${quote(path)}: ${strerror(st)}`);
    return false;
  }
  const uid = o.uid < 0 ? st.uid : o.uid;
  const gid = o.gid < 0 ? st.gid : o.gid;
  const res = useLink ? sys.lchown(path, uid, gid) : sys.chown(path, uid, gid);
  let ok = true;
  const who = (u: number, g: number): string => (o.groupOnly ? groupName(sys, g) : o.gid < 0 ? userName(sys, u) : `${userName(sys, u)}:${groupName(sys, g)}`);
  const noun = o.groupOnly ? 'group' : 'ownership';
  if (res < 0) {
    if (!o.quiet) await p.error(`changing ${noun} of ${quote(path)}: ${strerror(res)}`);
    ok = false;
  } else {
    const changed = uid !== st.uid || gid !== st.gid;
    if (o.verbose === 'all' || (o.verbose === 'changes' && changed)) {
      if (changed) await p.out.write(`changed ${noun} of ${quote(path)} from ${who(st.uid, st.gid)} to ${who(uid, gid)}\n`);
      else await p.out.write(`${noun} of ${quote(path)} retained as ${who(st.uid, st.gid)}\n`);
    }
  }
  if (o.recursive && isDir(st.mode) && !useLink) {
    const names = listNames(sys, path);
    if (typeof names === 'number') {
      if (!o.quiet) await p.error(`cannot read directory ${quote(path)}: ${strerror(names)}`);
      return false;
    }
    for (const n of names) if (!(await chownTree(p, sys, joinPath(path, n), o, false))) ok = false;
  }
  return ok;
}
