// The body of md5sum, sha1sum, sha256sum and sha512sum: print "HASH  NAME" lines (binary '*' with -b,
// --tag BSD style, -z), or with -c verify a list and report "NAME: OK" / "FAILED" with GNU's warnings.
import type { Sys } from '../../kernel/abi.ts';
import { Cmd, fromLatin1, readInput, splitLines } from './cmd.ts';
import { answerInfo } from './coreutils-info.ts';
import { strerror } from './errno.ts';
import { getopt } from './getopt.ts';
import type { Digest } from './hash/digest.ts';
import { toHex } from './hash/digest.ts';

export async function checksumMain(sys: Sys, argv: readonly string[], envp: readonly string[], algo: string,
  make: () => Digest, hexLen: number): Promise<number> {
  const p = new Cmd(sys, argv, envp);
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
    const d = make();
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
  const quiet = has('quiet');
  const statusOnly = has('status');
  const warn = has('w');
  const strict = has('strict');
  const ignoreMissing = has('ignore-missing');
  let status = 0;
  for (const f of files) {
    const inp = await readInput(sys, f);
    if ('openError' in inp || 'readError' in inp) {
      await fail(`${f}: ${strerror('openError' in inp ? inp.openError : inp.readError)}`);
      status = 1;
      continue;
    }
    const listName = f === '-' ? 'standard input' : f;
    let bad = 0;
    let failed = 0;
    let unreadable = 0;
    let good = 0;
    const lines = splitLines(inp.data).lines;
    const tagRe = new RegExp(`^${algo} \\((.*)\\) = ([0-9a-fA-F]{${hexLen}})$`);
    const plainRe = new RegExp(`^\\\\?([0-9a-fA-F]{${hexLen}}) [ *](.*)$`);
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i]!;
      if (line.startsWith('#')) continue;
      let m = tagRe.exec(line);
      let want: string;
      let name: string;
      if (m) [name, want] = [m[1]!, m[2]!];
      else if ((m = plainRe.exec(line))) [want, name] = [m[1]!, m[2]!];
      else {
        bad++;
        if (warn) await fail(`${listName}: ${i + 1}: improperly formatted ${algo} checksum line`);
        continue;
      }
      const data = await readInput(sys, name);
      if ('openError' in data || 'readError' in data) {
        if (ignoreMissing && 'openError' in data) continue;
        unreadable++;
        await fail(`${name}: ${strerror('openError' in data ? data.openError : data.readError)}`);
        if (!statusOnly) await p.put(`${name}: FAILED open or read\n`);
        continue;
      }
      const ok = hashOf(data.data) === want.toLowerCase();
      if (ok) good++;
      else failed++;
      if (!statusOnly && (!ok || !quiet)) await p.put(`${name}: ${ok ? 'OK' : 'FAILED'}\n`);
    }
    if (good === 0 && failed === 0 && unreadable === 0) {
      await fail(`${listName}: no properly formatted checksum lines found`);
      status = 1;
      continue;
    }
    if (!statusOnly) {
      if (bad) await fail(`WARNING: ${bad} line${bad > 1 ? 's are' : ' is'} improperly formatted`);
      if (unreadable) await fail(`WARNING: ${unreadable} listed file${unreadable > 1 ? 's' : ''} could not be read`);
      if (failed) await fail(`WARNING: ${failed} computed checksum${failed > 1 ? 's' : ''} did NOT match`);
    }
    if (failed || unreadable || (strict && bad)) status = 1;
  }
  return p.finish(status);
}
