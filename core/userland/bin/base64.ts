// base64(1) from GNU coreutils: encode with lines of -w COLS (76, 0 = no wrapping), -d decode
// (newlines allowed, "invalid input" otherwise), -i ignore garbage when decoding.
import type { Program } from '../../kernel/abi.ts';
import { Cmd, readInput } from '../lib/cmd.ts';
import { strerror } from '../lib/errno.ts';
import { answerInfo } from '../lib/coreutils-info.ts';
import { getopt } from '../lib/getopt.ts';
import { quote } from '../lib/program.ts';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

export const main: Program = async (sys, argv, envp) => {
  const p = new Cmd(sys, argv, envp);
  const r = getopt(argv, 'diw:', [{ name: 'decode', key: 'd' }, { name: 'ignore-garbage', key: 'i' },
    { name: 'wrap', arg: 'required', key: 'w' }, { name: 'help' }, { name: 'version' }]);
  let decode = false;
  let garbage = false;
  let wrap = 76;
  for (const o of r.opts) {
    if (await answerInfo(p, 'base64', [o])) return p.finish(0);
    if (o.key === 'd') decode = true;
    else if (o.key === 'i') garbage = true;
    else if (o.key === 'w') {
      if (!/^\d+$/.test(o.value!)) {
        await p.error(`invalid wrap size: ${quote(o.value!)}`);
        return p.finish(1);
      }
      wrap = Number(o.value);
    }
  }
  if (r.error) return p.finish(await p.tryHelp(r.error));
  if (r.operands.length > 1) return p.finish(await p.tryHelp(`extra operand ${quote(r.operands[1]!)}`));
  const f = r.operands[0] ?? '-';
  const inp = await readInput(sys, f);
  if ('openError' in inp || 'readError' in inp) {
    await p.error(`${f}: ${strerror('openError' in inp ? inp.openError : inp.readError)}`);
    return p.finish(1);
  }
  const data = inp.data;
  if (!decode) {
    let enc = '';
    for (let i = 0; i < data.length; i += 3) {
      const a = data.charCodeAt(i);
      const b = i + 1 < data.length ? data.charCodeAt(i + 1) : 0;
      const c = i + 2 < data.length ? data.charCodeAt(i + 2) : 0;
      enc += ALPHABET[a >> 2]! + ALPHABET[((a & 3) << 4) | (b >> 4)]!;
      enc += i + 1 < data.length ? ALPHABET[((b & 15) << 2) | (c >> 6)]! : '=';
      enc += i + 2 < data.length ? ALPHABET[c & 63]! : '=';
    }
    if (wrap > 0) {
      for (let i = 0; i < enc.length; i += wrap) await p.put(enc.slice(i, i + wrap) + '\n');
    } else await p.put(enc);
    return p.finish(0);
  }
  let out = '';
  let bits = 0;
  let acc = 0;
  let pad = 0;
  for (let i = 0; i < data.length; i++) {
    const ch = data[i]!;
    if (ch === '\n') continue;
    if (ch === '=') {
      pad++;
      continue;
    }
    const v = ALPHABET.indexOf(ch);
    if (v < 0 || pad > 0) {
      if (garbage && v < 0) continue;
      await p.put(out);
      await p.out.flush();
      await p.error('invalid input');
      return p.finish(1);
    }
    acc = (acc << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out += String.fromCharCode((acc >> bits) & 0xff);
    }
  }
  await p.put(out);
  const chars = data.replace(/\n/g, '').length;
  if (!garbage && chars % 4 !== 0) {
    await p.out.flush();
      await p.error('invalid input');
    return p.finish(1);
  }
  return p.finish(0);
};
