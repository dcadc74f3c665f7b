// truncate(1) from GNU coreutils 9.1: sets each FILE's size to -s SIZE (units K, KB, KiB ...; with
// + - < > / % relative to the current size, or to -r RFILE's size), creating missing files unless
// -c; -o counts SIZE in the file's I/O blocks.
import { ENOENT, O_CREAT, O_NONBLOCK, O_WRONLY, type Program } from '../../kernel/abi.ts';
import { Cmd } from '../lib/cmd.ts';
import { answerInfo } from '../lib/coreutils-info.ts';
import { strerror } from '../lib/errno.ts';
import { getopt } from '../lib/getopt.ts';
import { localeQuote } from '../lib/locale-quote.ts';
import { quote } from '../lib/program.ts';
import { OFF_MAX, parseSize } from '../lib/size-suffix.ts';

/** + and - add, < caps, > raises, / rounds down and % rounds up to a multiple. */
type RelMode = '' | '+' | '<' | '>' | '/' | '%';

export const main: Program = async (sys, argv, envp) => {
  const p = new Cmd(sys, argv, envp);
  const r = getopt(argv, 'cor:s:', [{ name: 'no-create', key: 'c' }, { name: 'io-blocks', key: 'o' },
    { name: 'reference', arg: 'required', key: 'r' }, { name: 'size', arg: 'required', key: 's' }, { name: 'help' }, { name: 'version' }]);
  const fail = async (message: string): Promise<number> => {
    await p.error(message);
    return p.finish(1);
  };
  let rel: RelMode = '';
  let size: bigint | null = null;
  let ref: string | undefined;
  let noCreate = false, blocks = false;
  for (const o of r.opts) {
    if (await answerInfo(p, 'truncate', [o])) return p.finish(0);
    if (o.key === 'c') noCreate = true;
    else if (o.key === 'o') blocks = true;
    else if (o.key === 'r') ref = o.value;
    else if (o.key === 's') {
      let text = o.value!.replace(/^\s+/, '');
      // A modifier stays in force for a later -s without one, as in coreutils.
      if (text !== '' && '<>/%'.includes(text[0]!)) {
        rel = text[0] as RelMode;
        text = text.slice(1).replace(/^\s+/, '');
      }
      if (text[0] === '+' || text[0] === '-') {
        if (rel !== '') return p.finish(await p.tryHelp('multiple relative modifiers specified'));
        rel = '+';
      }
      const v = parseSize(text);
      if (v === 'invalid') return fail(`Invalid number: ${localeQuote(o.value!)}`);
      if (v === 'overflow') return fail(`Invalid number: ${localeQuote(o.value!)}: Value too large for defined data type`);
      if ((rel === '/' || rel === '%') && v === 0n) return fail('division by zero');
      size = v;
    }
  }
  if (r.error) return p.finish(await p.tryHelp(r.error));
  if (ref === undefined && size === null) return p.finish(await p.tryHelp("you must specify either '--size' or '--reference'"));
  if (ref !== undefined && size !== null && rel === '') return p.finish(await p.tryHelp("you must specify a relative '--size' with '--reference'"));
  if (blocks && size === null) return p.finish(await p.tryHelp("'--io-blocks' was specified but '--size' was not"));
  if (r.operands.length === 0) return p.finish(await p.tryHelp('missing file operand'));
  let refSize: bigint | null = null;
  if (ref !== undefined) {
    const st = sys.stat(ref);
    if (typeof st === 'number') return fail(`cannot stat ${quote(ref)}: ${strerror(st)}`);
    refSize = BigInt(st.size);
    if (size === null) size = refSize;
  }
  let status = 0;
  for (const f of r.operands) {
    const fd = sys.open(f, O_WRONLY | O_NONBLOCK | (noCreate ? 0 : O_CREAT), 0o666);
    if (fd < 0) {
      if (noCreate && fd === -ENOENT) continue;
      await p.error(`cannot open ${quote(f)} for writing: ${strerror(fd)}`);
      status = 1;
      continue;
    }
    const message = await resize(fd, f);
    sys.close(fd);
    if (message) {
      await p.error(message);
      status = 1;
    }
  }
  return p.finish(status);

  /** Sets one open file's size; returns the error to print, if any. */
  async function resize(fd: number, name: string): Promise<string | null> {
    const st = sys.fstat(fd);
    if (typeof st === 'number') return `cannot fstat ${quote(name)}: ${strerror(st)}`;
    let want = size!;
    if (blocks) {
      want *= BigInt(st.blksize);
      if (want > OFF_MAX || want < -OFF_MAX - 1n) return `overflow in ${size} * ${st.blksize} byte blocks for file ${quote(name)}`;
    }
    if (rel !== '') {
      const current = refSize ?? BigInt(st.size);
      if (rel === '+') want = current + want;
      else if (rel === '<') want = current < want ? current : want;
      else if (rel === '>') want = current > want ? current : want;
      else if (rel === '/') want = (current / want) * want;
      else want = ((current + want - 1n) / want) * want;
      if (want > OFF_MAX) return `overflow extending size of file ${quote(name)}`;
    }
    if (want < 0n) want = 0n;
    const e = sys.ftruncate(fd, Number(want));
    return e < 0 ? `failed to truncate ${quote(name)} at ${want} bytes: ${strerror(e)}` : null;
  }
};
