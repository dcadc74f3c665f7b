// The body of md5sum, sha1sum, sha256sum and sha512sum: print "HASH  NAME" lines (binary '*' with -b,
// --tag BSD style, -z), or with -c verify a list (cksum -c's checker, for the one digest).
import type { Sys } from '../../kernel/abi.ts';
import { Cmd, fromLatin1, readInput } from './cmd.ts';
import { answerInfo } from './coreutils-info.ts';
import { strerror } from './errno.ts';
import { getopt } from './getopt.ts';
import { DIGESTS, type Algorithm } from './cksum-algorithms.ts';
import { checkLists } from './cksum-check.ts';
import { toHex } from './hash/digest.ts';

export async function checksumMain(sys: Sys, argv: readonly string[], envp: readonly string[], algorithm: Algorithm): Promise<number> {
  const p = new Cmd(sys, argv, envp);
  const { tag: algo, make, bytes } = DIGESTS[algorithm]!;
  // gnulib's error() flushes stdout before writing to stderr.
  const fail = async (m: string): Promise<void> => {
    await p.out.flush();
    await p.error(m);
  };
  const r = getopt(argv, 'bctwz', [{ name: 'binary', key: 'b' }, { name: 'check', key: 'c' }, { name: 'text', key: 't' },
    { name: 'warn', key: 'w' }, { name: 'zero', key: 'z' }, { name: 'tag' }, { name: 'quiet' }, { name: 'status' },
    { name: 'strict' }, { name: 'ignore-missing' }, { name: 'help' }, { name: 'version' }]);
  if (await answerInfo(p, `${algo.toLowerCase()}sum`, r.opts)) return p.finish(0);
  if (r.error) return p.finish(await p.tryHelp(r.error));
  const has = (k: string): boolean => r.opts.some((o) => o.key === k);
  const files = r.operands.length ? r.operands : ['-'];
  const hashOf = (data: string): string => {
    const d = make(bytes);
    d.update(fromLatin1(data));
    return toHex(d.finish());
  };
  if (!has('c')) {
    let status = 0;
    const binary = has('b');
    const eol = has('z') ? '\0' : '\n';
    for (const f of files) {
      const inp = await readInput(sys, f);
      if ('openError' in inp || 'readError' in inp) {
        await fail(`${f}: ${strerror('openError' in inp ? inp.openError : inp.readError)}`);
        status = 1;
        continue;
      }
      const h = hashOf(inp.data);
      const escaped = /[\\\n]/.test(f) && !has('z');
      const name = escaped ? f.replace(/\\/g, '\\\\').replace(/\n/g, '\\n') : f;
      if (has('tag')) await p.put(`${escaped ? '\\' : ''}${algo} (${name}) = ${h}${eol}`);
      else await p.put(`${escaped ? '\\' : ''}${h} ${binary ? '*' : ' '}${name}${eol}`);
      await sys.yield();
    }
    return p.finish(status);
  }
  return checkLists(p, files, {
    algorithm, quiet: has('quiet'), status: has('status'), warn: has('w'), strict: has('strict'), ignoreMissing: has('ignore-missing'),
  });
}
