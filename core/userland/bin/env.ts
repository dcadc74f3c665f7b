// env(1) from GNU coreutils: prints the environment or runs a command in a changed one: -i/-, -u NAME,
// NAME=VALUE, -0, -C DIR; the command is found on $PATH (127 not found, 126 not runnable, 125 env's own errors).
import { EACCES, ENOENT, type Program } from '../../kernel/abi.ts';
import { Cmd } from '../lib/cmd.ts';
import { strerror } from '../lib/errno.ts';
import { answerInfo } from '../lib/coreutils-info.ts';
import { getopt } from '../lib/getopt.ts';
import { execvp } from '../lib/path-search.ts';
import { quote } from '../lib/program.ts';
import { quoteCmd } from '../lib/run-child.ts';

export const main: Program = async (sys, argv, envp) => {
  const p = new Cmd(sys, argv, envp);
  const r = getopt(argv, 'iu:0C:v', [{ name: 'ignore-environment', key: 'i' }, { name: 'unset', arg: 'required', key: 'u' },
    { name: 'null', key: '0' }, { name: 'chdir', arg: 'required', key: 'C' }, { name: 'debug', key: 'v' },
    { name: 'help' }, { name: 'version' }], { stopAtOperand: true });
  if (await answerInfo(p, 'env', r.opts)) return p.finish(0);
  if (r.error) return p.finish((await p.tryHelp(r.error)) + 124);
  let env = [...envp];
  let eol = '\n';
  let dir: string | undefined;
  const ops = [...r.operands];
  if (ops[0] === '-') {
    env = [];
    ops.shift();
  }
  for (const o of r.opts) {
    if (o.key === 'i') env = [];
    else if (o.key === 'u') {
      if (o.value === '' || o.value!.includes('=')) {
        await p.error(`cannot unset ${quote(o.value!)}: ${strerror(22)}`);
        return p.finish(125);
      }
      env = env.filter((e) => !e.startsWith(o.value + '='));
    } else if (o.key === '0') eol = '\0';
    else if (o.key === 'C') dir = o.value;
  }
  while (ops.length > 0 && ops[0]!.includes('=') && !ops[0]!.startsWith('=')) {
    const a = ops.shift()!;
    const name = a.slice(0, a.indexOf('='));
    env = env.filter((e) => !e.startsWith(name + '='));
    env.push(a);
  }
  if (ops.length === 0) {
    if (dir !== undefined) {
      await p.error('must specify command with --chdir (-C)');
      await p.err.write(`Try '${p.name} --help' for more information.\n`);
      return p.finish(125);
    }
    for (const e of env) await p.out.write(e + eol);
    return p.finish(0);
  }
  if (eol === '\0') {
    await p.error('cannot specify --null (-0) with command');
    await p.err.write(`Try '${p.name} --help' for more information.\n`);
    return p.finish(125);
  }
  if (dir !== undefined) {
    const c = sys.chdir(dir);
    if (c < 0) {
      await p.error(`cannot change directory to ${quote(dir)}: ${strerror(c)}`);
      return p.finish(125);
    }
  }
  await p.out.flush();
  const res = await execvp(sys, ops, env);
  await p.error(`${quoteCmd(ops[0]!)}: ${strerror(res)}`);
  return p.finish(res === -ENOENT ? 127 : res === -EACCES ? 126 : 126);
};
