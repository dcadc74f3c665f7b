// mkdir(1) from GNU coreutils: -p (parents, no error if existing), -m MODE (octal), -v.
import { EEXIST, isDir, type Program } from '../../kernel/abi.ts';
import { strerror } from '../lib/errno.ts';
import { answerInfo } from '../lib/coreutils-info.ts';
import { getopt } from '../lib/getopt.ts';
import { Proc, quote } from '../lib/program.ts';

export const main: Program = async (sys, argv, envp) => {
  const p = new Proc(sys, argv, envp);
  let parents = false;
  let verbose = false;
  let mode = 0o777;
  const r = getopt(argv, 'm:pv', [{ name: 'mode', arg: 'required', key: 'm' }, { name: 'parents', key: 'p' },
    { name: 'verbose', key: 'v' }, { name: 'help' }, { name: 'version' }]);
  if (await answerInfo(p, 'mkdir', r.opts)) return p.finish(0);
  if (r.error) return p.finish(await p.tryHelp(r.error));
  for (const o of r.opts) {
    if (o.key === 'p') parents = true;
    else if (o.key === 'v') verbose = true;
    else if (o.key === 'm') {
      if (!/^[0-7]+$/.test(o.value!)) {
        await p.error(`invalid mode ${quote(o.value!)}`);
        return p.finish(1);
      }
      mode = parseInt(o.value!, 8);
    }
  }
  const dirs = r.operands;
  if (dirs.length === 0) return p.finish(await p.tryHelp('missing operand'));
  let status = 0;
  for (const dir of dirs) {
    if (parents) {
      const parts = dir.split('/');
      let path = dir.startsWith('/') ? '/' : '';
      for (let i = 0; i < parts.length; i++) {
        if (parts[i] === '') continue;
        path = path === '' ? parts[i]! : path.endsWith('/') ? path + parts[i] : `${path}/${parts[i]}`;
        const last = i === parts.length - 1 || parts.slice(i + 1).every((x) => x === '');
        const r = sys.mkdir(path, last ? mode : 0o777);
        if (r === 0 && verbose) await p.out.write(`mkdir: created directory ${quote(path)}\n`);
        if (r < 0 && r !== -EEXIST) {
          await p.error(`cannot create directory ${quote(path)}: ${strerror(r)}`);
          status = 1;
          break;
        }
        if (r === -EEXIST) {
          const st = sys.stat(path);
          if (typeof st === 'number' || !isDir(st.mode)) {
            await p.error(`cannot create directory ${quote(path)}: ${strerror(-EEXIST)}`);
            status = 1;
            break;
          }
        }
      }
      continue;
    }
    const r = sys.mkdir(dir, mode);
    if (r < 0) {
      await p.error(`cannot create directory ${quote(dir)}: ${strerror(r)}`);
      status = 1;
    } else if (verbose) await p.out.write(`mkdir: created directory ${quote(dir)}\n`);
    if (r === 0 && mode !== 0o777) sys.chmod(dir, mode);
  }
  return p.finish(status);
};
