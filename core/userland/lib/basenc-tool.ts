// The body of base64, base32 and basenc (coreutils 9.1): encode FILE (or stdin) in lines of -w COLS
// (76; 0 = one line), or with -d decode it (newlines skipped, -i drops every other character outside
// the alphabet but '='), writing what decoded before "invalid input". basenc picks the encoding with
// a long option (--base64 ... --z85; the last wins); see lib/base-codecs.ts.
import type { Sys } from '../../kernel/abi.ts';
import { Cmd, readInput } from './cmd.ts';
import { answerInfo } from './coreutils-info.ts';
import { strerror } from './errno.ts';
import { getopt, type LongOpt } from './getopt.ts';
import { quote, quoteIfNeeded } from './program.ts';
import { CODECS } from './base-codecs.ts';

/** -w COLS as xdectoimax reads it (blanks and '+' allowed); a number too large means no wrapping. */
function wrapSize(value: string): number | null {
  const m = /^[ \t\n\v\f\r]*\+?([0-9]+)$/.exec(value);
  if (!m) return null;
  return BigInt(m[1]!) > 0x7fffffffffffffffn ? 0 : Number(m[1]);
}

/** Runs `name`; `fixed` is the encoding of base64 and base32, none for basenc (an option chooses). */
export async function basencMain(sys: Sys, argv: readonly string[], envp: readonly string[], name: string,
  fixed?: string): Promise<number> {
  const p = new Cmd(sys, argv, envp);
  const longs: LongOpt[] = [{ name: 'decode', key: 'd' }, { name: 'ignore-garbage', key: 'i' },
    { name: 'wrap', arg: 'required', key: 'w' }, { name: 'help' }, { name: 'version' }];
  if (!fixed) longs.push(...Object.keys(CODECS).map((n) => ({ name: n })));
  const r = getopt(argv, 'diw:', longs);
  let decode = false;
  let garbage = false;
  let wrap = 76;
  let encoding = fixed;
  for (const o of r.opts) {
    if (await answerInfo(p, name, [o])) return p.finish(0);
    if (o.key === 'd') decode = true;
    else if (o.key === 'i') garbage = true;
    else if (o.key === 'w') {
      const w = wrapSize(o.value!);
      if (w === null) {
        await p.error(`invalid wrap size: ${quote(o.value!)}`);
        return p.finish(1);
      }
      wrap = w;
    } else if (CODECS[o.key]) encoding = o.key;
  }
  if (r.error) return p.finish(await p.tryHelp(r.error));
  if (r.operands.length > 1) return p.finish(await p.tryHelp(`extra operand ${quote(r.operands[1]!)}`));
  if (!encoding) return p.finish(await p.tryHelp('missing encoding type'));
  const codec = CODECS[encoding]!;
  const f = r.operands[0] ?? '-';
  const inp = await readInput(sys, f);
  if ('openError' in inp) {
    await p.error(`${quoteIfNeeded(f)}: ${strerror(inp.openError)}`);
    return p.finish(1);
  }
  if ('readError' in inp) {
    await p.error(`read error: ${strerror(inp.readError)}`);
    return p.finish(1);
  }
  if (!decode) {
    const enc = codec.encode(inp.data);
    if (enc === null) {
      await p.error('invalid input (length must be multiple of 4 characters)');
      return p.finish(1);
    }
    if (wrap > 0) {
      for (let i = 0; i < enc.length; i += wrap) await p.put(enc.slice(i, i + wrap) + '\n');
    } else await p.put(enc);
    return p.finish(0);
  }
  const text = [...inp.data].filter((c) => (garbage ? codec.isChar(c) || c === '=' : c !== '\n')).join('');
  const { data, ok } = codec.decode(text);
  await p.put(data);
  if (ok) return p.finish(0);
  // error() flushes stdout first.
  await p.out.flush();
  await p.error('invalid input');
  return p.finish(1);
}
