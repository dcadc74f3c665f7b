// readlink(1) from GNU coreutils: a symlink's target, or with -f/-e/-m the canonical name;
// -n (no newline), -q/-s, -v, -z. Silent failure (status 1) unless -v.
import type { Program } from '../../kernel/abi.ts';
import { canonicalize, type CanonMode } from '../lib/canonical-path.ts';
import { Cmd } from '../lib/cmd.ts';
import { strerror } from '../lib/errno.ts';
import { answerInfo } from '../lib/coreutils-info.ts';
import { getopt } from '../lib/getopt.ts';

export const main: Program = async (sys, argv, envp) => {
  const p = new Cmd(sys, argv, envp);
  const r = getopt(argv, 'efmnqsvz', [{ name: 'canonicalize', key: 'f' }, { name: 'canonicalize-existing', key: 'e' },
    { name: 'canonicalize-missing', key: 'm' }, { name: 'no-newline', key: 'n' }, { name: 'quiet', key: 'q' },
    { name: 'silent', key: 's' }, { name: 'verbose', key: 'v' }, { name: 'zero', key: 'z' }, { name: 'help' }, { name: 'version' }]);
  if (await answerInfo(p, 'readlink', r.opts)) return p.finish(0);
  if (r.error) return p.finish(await p.tryHelp(r.error));
  let mode: CanonMode | null = null;
  let noNewline = false;
  let verbose = false;
  let eol = '\n';
  for (const o of r.opts) {
    if (o.key === 'f') mode = 'all-but-last';
    else if (o.key === 'e') mode = 'existing';
    else if (o.key === 'm') mode = 'missing';
    else if (o.key === 'n') noNewline = true;
    else if (o.key === 'q' || o.key === 's') verbose = false;
    else if (o.key === 'v') verbose = true;
    else if (o.key === 'z') eol = '\0';
  }
  if (r.operands.length === 0) return p.finish(await p.tryHelp('missing operand'));
  if (noNewline && r.operands.length > 1) {
    await p.error('ignoring --no-newline with multiple arguments');
    noNewline = false;
  }
  let status = 0;
  for (const f of r.operands) {
    const v = mode ? canonicalize(sys, f, mode) : sys.readlink(f);
    if (typeof v === 'number') {
      if (verbose) await p.error(`${f}: ${strerror(v)}`);
      status = 1;
      continue;
    }
    await p.out.write(v + (noNewline ? '' : eol));
  }
  return p.finish(status);
};
