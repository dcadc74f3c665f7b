// cksum(1) from GNU coreutils 9.1: the POSIX CRC and byte count of each FILE, or with -a the BSD or
// System V sum or a digest (md5, sha1, sha224, sha256, sha384, sha512, blake2b with -l BITS, sm3)
// in the BSD-tagged form (--untagged: "HEX  NAME"); -z ends lines with NUL; -c checks digest lists.
import type { Program } from '../../kernel/abi.ts';
import { ALGORITHMS, DIGESTS, blake2Bits, blake2Bytes, posixCrc, type Algorithm } from '../lib/cksum-algorithms.ts';
import { checkLists } from '../lib/cksum-check.ts';
import { Cmd, fromLatin1, readInput } from '../lib/cmd.ts';
import { answerInfo } from '../lib/coreutils-info.ts';
import { strerror } from '../lib/errno.ts';
import { getopt } from '../lib/getopt.ts';
import { toHex } from '../lib/hash/digest.ts';
import { quote, quoteIfNeeded } from '../lib/program.ts';
import { sumLine } from '../lib/sum-checksums.ts';

export const main: Program = async (sys, argv, envp) => {
  const p = new Cmd(sys, argv, envp);
  const r = getopt(argv, 'a:l:bctwz', [{ name: 'algorithm', arg: 'required', key: 'a' }, { name: 'check', key: 'c' },
    { name: 'length', arg: 'required', key: 'l' }, { name: 'tag' }, { name: 'untagged' }, { name: 'zero', key: 'z' },
    { name: 'ignore-missing' }, { name: 'quiet' }, { name: 'status' }, { name: 'strict' }, { name: 'warn', key: 'w' },
    { name: 'debug' }, { name: 'help' }, { name: 'version' }]);
  const fail = async (...messages: string[]): Promise<number> => {
    for (const m of messages) await p.error(m);
    return p.finish(1);
  };
  let algorithm: Algorithm = 'crc';
  let explicit = false;
  let bits = 0;
  let bitsText = '';
  let untagged = false;
  for (const o of r.opts) {
    if (await answerInfo(p, 'cksum', [o])) return p.finish(0);
    if (o.key === 'a') {
      // Only whole names: cksum takes no abbreviation here.
      const i = ALGORITHMS.indexOf(o.value! as Algorithm);
      if (i < 0) {
        await p.error(`invalid argument ${quote(o.value!)} for '--algorithm'`);
        await p.err.write(`Valid arguments are:\n${ALGORITHMS.map((a) => `  - '${a}'\n`).join('')}`);
        await p.err.write(`Try '${p.name} --help' for more information.\n`);
        return p.finish(1);
      }
      algorithm = ALGORITHMS[i]!;
      explicit = true;
    } else if (o.key === 'l') {
      const length = blake2Bits(o.value!);
      if (typeof length !== 'number') return fail(...length);
      bits = length;
      bitsText = o.value!;
    } else if (o.key === 'tag') untagged = false;
    else if (o.key === 'untagged') untagged = true;
  }
  if (r.error) return p.finish(await p.tryHelp(r.error));
  const has = (k: string): boolean => r.opts.some((o) => o.key === k);
  if (bits && algorithm !== 'blake2b') return fail('--length is only supported with --algorithm=blake2b');
  const bytes = blake2Bytes(bits, bitsText);
  if (typeof bytes !== 'number') return fail(...bytes);
  const digest = DIGESTS[algorithm];
  if (has('c')) {
    if (explicit && !digest) return fail('--check is not supported with --algorithm={bsd,sysv,crc}');
    return checkLists(p, r.operands, { algorithm: explicit ? algorithm : null, quiet: has('quiet'), status: has('status'),
      warn: has('w'), strict: has('strict'), ignoreMissing: has('ignore-missing') });
  }
  // The CRC as Debian 12 computes it on x86-64 hardware with PCLMUL, which it reports under --debug
  // and whose loop ends at a read error without reporting it (a directory sums as empty).
  if (has('debug') && algorithm === 'crc') await p.error('using pclmul hardware support');
  const eol = has('z') ? '\0' : '\n';
  let status = 0;
  for (const f of r.operands.length ? r.operands : ['-']) {
    let inp = await readInput(sys, f);
    if (algorithm === 'crc' && 'readError' in inp) inp = { data: inp.data };
    if ('openError' in inp || 'readError' in inp) {
      // error(3) flushes stdout first.
      await p.out.flush();
      await p.error(`${quoteIfNeeded(f)}: ${strerror('openError' in inp ? inp.openError : inp.readError)}`);
      status = 1;
      continue;
    }
    const named = r.operands.length > 0;
    if (algorithm === 'crc') await p.put(`${posixCrc(inp.data)} ${inp.data.length}${named ? ` ${f}` : ''}${eol}`);
    else if (!digest) await p.put(`${sumLine(algorithm === 'bsd' ? 'bsd' : 'sysv', inp.data, named ? f : null)}${eol}`);
    else {
      const d = digest.make(bytes);
      d.update(fromLatin1(inp.data));
      const hex = toHex(d.finish());
      const escape = !has('z') && /[\\\n]/.test(f);
      const name = escape ? f.replace(/\\/g, '\\\\').replace(/\n/g, '\\n') : f;
      const tag = algorithm === 'blake2b' && bytes !== 64 ? `BLAKE2b-${bytes * 8}` : digest.tag;
      await p.put(`${escape ? '\\' : ''}${untagged ? `${hex}  ${name}` : `${tag} (${name}) = ${hex}`}${eol}`);
    }
    await sys.yield();
  }
  return p.finish(status);
};
