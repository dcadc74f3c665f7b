// which(1) from debianutils: the first (or with -a every) executable on $PATH for each name;
// status 1 when one is missing, 2 for a bad option ("Illegal option -x").
import { isDir, type Program } from '../../kernel/abi.ts';
import { Cmd } from '../lib/cmd.ts';
import { getenv } from '../lib/env.ts';

export const main: Program = async (sys, argv, envp) => {
  const p = new Cmd(sys, argv, envp);
  let all = false;
  let i = 1;
  for (; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') {
      i++;
      break;
    }
    if (!a.startsWith('-') || a === '-') break;
    for (const c of a.slice(1)) {
      if (c === 'a') all = true;
      else if (c === 's') continue;
      else {
        await p.out.write(`Illegal option -${c}\n`);
        await p.out.write('Usage: /usr/bin/which [-a] args\n');
        return p.finish(2);
      }
    }
  }
  const names = argv.slice(i);
  if (names.length === 0) return p.finish(1);
  const path = getenv(envp, 'PATH') ?? '';
  let status = 0;
  const executable = (f: string): boolean => {
    const st = sys.stat(f);
    return typeof st !== 'number' && !isDir(st.mode) && sys.access(f, 1) === 0;
  };
  for (const name of names) {
    let found = false;
    if (name.includes('/')) {
      if (executable(name)) {
        await p.out.write(name + '\n');
        found = true;
      }
    } else {
      for (const dir of path.split(':')) {
        const f = `${dir === '' ? '.' : dir}/${name}`;
        if (executable(f)) {
          await p.out.write(f + '\n');
          found = true;
          if (!all) break;
        }
      }
    }
    if (!found) status = 1;
  }
  return p.finish(status);
};
