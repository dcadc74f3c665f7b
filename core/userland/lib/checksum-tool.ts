// The body of md5sum, sha1sum, sha224sum, sha256sum, sha384sum, sha512sum and b2sum: print "HASH  NAME"
// lines (binary '*' with -b, --tag BSD style, -z), or with -c verify a list (cksum -c's checker, for
// the one digest). b2sum alone takes -l BITS, the BLAKE2b size it prints ("BLAKE2b-256 (f) = ..." tags).
import { EISDIR, isDir, type Sys } from '../../kernel/abi.ts';
import { Cmd } from './cmd.ts';
import { answerInfo } from './coreutils-info.ts';
import { strerror } from './errno.ts';
import { getopt, type LongOpt } from './getopt.ts';
import { DIGESTS, blake2Bits, blake2Bytes, type Algorithm } from './cksum-algorithms.ts';
import { checkLists } from './cksum-check.ts';
import { toHex, type Digest } from './hash/digest.ts';
import { BYTE_WORK } from './io.ts';
import { quoteIfNeeded } from './program.ts';

const LONGS: LongOpt[] = [{ name: 'binary', key: 'b' }, { name: 'check', key: 'c' }, { name: 'text', key: 't' },
  { name: 'warn', key: 'w' }, { name: 'zero', key: 'z' }, { name: 'tag' }, { name: 'quiet' }, { name: 'status' },
  { name: 'strict' }, { name: 'ignore-missing' }, { name: 'help' }, { name: 'version' }];

export async function checksumMain(sys: Sys, argv: readonly string[], envp: readonly string[], algorithm: Algorithm): Promise<number> {
  const p = new Cmd(sys, argv, envp);
  const { tag: algo, make } = DIGESTS[algorithm]!;
  let bits = 0;
  let bitsText = '';
  const blake = algorithm === 'blake2b';
  const name = blake ? 'b2sum' : `${algo.toLowerCase()}sum`;
  // gnulib's error() flushes stdout before writing to stderr.
  const fail = async (m: string): Promise<void> => {
    await p.out.flush();
    await p.error(m);
  };
  const errors = async (lines: string[]): Promise<number> => {
    for (const m of lines) await p.error(m);
    return 1;
  };
  const r = blake ? getopt(argv, 'bcl:twz', [...LONGS, { name: 'length', arg: 'required', key: 'l' }]) : getopt(argv, 'bctwz', LONGS);
  // Options act in the order getopt_long returns them: a bad -l stops before a later --help.
  for (const o of r.opts) {
    if (await answerInfo(p, name, [o])) return p.finish(0);
    if (o.key !== 'l') continue;
    const length = blake2Bits(o.value!);
    if (typeof length !== 'number') return p.finish(await errors(length));
    bits = length;
    bitsText = o.value!;
  }
  if (r.error) return p.finish(await p.tryHelp(r.error));
  const bytes = blake ? blake2Bytes(bits, bitsText) : DIGESTS[algorithm]!.bytes;
  if (typeof bytes !== 'number') return p.finish(await errors(bytes));
  const has = (k: string): boolean => r.opts.some((o) => o.key === k);
  const files = r.operands.length ? r.operands : ['-'];
  if (!has('c')) {
    let status = 0;
    const binary = has('b');
    const eol = has('z') ? '\0' : '\n';
    const tag = blake && bytes !== 64 ? `${algo}-${bytes * 8}` : algo;
    for (const f of files) {
      const h = await digestInput(sys, f, make(bytes));
      if (typeof h === 'number') {
        await fail(`${quoteIfNeeded(f)}: ${strerror(h)}`);
        status = 1;
        continue;
      }
      const escaped = /[\\\n]/.test(f) && !has('z');
      const shown = escaped ? f.replace(/\\/g, '\\\\').replace(/\n/g, '\\n') : f;
      if (has('tag')) await p.put(`${escaped ? '\\' : ''}${tag} (${shown}) = ${h}${eol}`);
      else await p.put(`${escaped ? '\\' : ''}${h} ${binary ? '*' : ' '}${shown}${eol}`);
      await sys.yield();
    }
    return p.finish(status);
  }
  return checkLists(p, files, {
    algorithm, quiet: has('quiet'), status: has('status'), warn: has('w'), strict: has('strict'), ignoreMissing: has('ignore-missing'),
  });
}

/**
 * Feeds an input ('-' = stdin) to the digest as it is read, charging the work per byte, so an endless input
 * (/dev/urandom) takes no memory and moves the clock on; the hex digest, or -errno.
 */
async function digestInput(sys: Sys, name: string, d: Digest): Promise<string | number> {
  const fd = name === '-' ? 0 : sys.open(name, 0);
  if (fd < 0) return fd;
  const st = sys.fstat(fd);
  let r = typeof st !== 'number' && isDir(st.mode) ? -EISDIR : 0;
  const buf = new Uint8Array(65536);
  while (r === 0) {
    const n = await sys.read(fd, buf);
    if (n <= 0) {
      r = n < 0 ? n : 1;
      break;
    }
    d.update(buf.subarray(0, n));
    await sys.yield(n * BYTE_WORK);
  }
  if (fd !== 0) sys.close(fd);
  return r < 0 ? r : toHex(d.finish());
}
