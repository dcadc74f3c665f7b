// touch(1) from GNU coreutils: creates files or updates their times; -c (no create), -a, -m,
// -d DATE, -t STAMP, -r FILE, -h (the link itself).
import { CLOCK_REALTIME, ENOENT, O_CREAT, O_WRONLY, type Program } from '../../kernel/abi.ts';
import { parseDate, parseTouchStamp } from '../lib/date-parse.ts';
import { strerror } from '../lib/errno.ts';
import { argmatch } from '../lib/argmatch.ts';
import { answerInfo } from '../lib/coreutils-info.ts';
import { getopt } from '../lib/getopt.ts';
import { Proc, quote } from '../lib/program.ts';

export const main: Program = async (sys, argv, envp) => {
  const p = new Proc(sys, argv, envp);
  const r = getopt(argv, 'acd:fhmr:t:', [{ name: 'no-create', key: 'c' }, { name: 'date', arg: 'required', key: 'd' },
    { name: 'no-dereference', key: 'h' }, { name: 'reference', arg: 'required', key: 'r' }, { name: 'time', arg: 'required' },
    { name: 'help' }, { name: 'version' }]);
  let noCreate = false;
  let onlyA = false;
  let onlyM = false;
  let follow = true;
  let when: { atime: number; mtime: number } | null = null;
  const now = sys.clockGettime(CLOCK_REALTIME);
  // As touch.c: --time and -t are checked as they come; -r and -d only after all the options.
  let reference: string | undefined;
  let flexDate: string | undefined;
  for (const o of r.opts) {
    if (await answerInfo(p, 'touch', [o])) return p.finish(0);
    if (o.key === 'c') noCreate = true;
    else if (o.key === 'a') onlyA = true;
    else if (o.key === 'm') onlyM = true;
    else if (o.key === 'h') follow = false;
    else if (o.key === 'time') {
      const k = await argmatch(p, '--time', o.value!, [['atime', 'access', 'use'], ['mtime', 'modify']]);
      if (k === null) return p.finish(1);
      if (k === 0) onlyA = true;
      else onlyM = true;
    } else if (o.key === 'd') flexDate = o.value!;
    else if (o.key === 't') {
      const t = parseTouchStamp(o.value!, now);
      if (t === null) {
        await p.error(`invalid date format ${quote(o.value!)}`);
        return p.finish(1);
      }
      when = { atime: t, mtime: t };
    } else if (o.key === 'r') reference = o.value!;
  }
  if (r.error) return p.finish(await p.tryHelp(r.error));
  if (reference !== undefined) {
    const st = sys.stat(reference);
    if (typeof st === 'number') {
      await p.error(`failed to get attributes of ${quote(reference)}: ${strerror(st)}`);
      return p.finish(1);
    }
    when = { atime: st.atime, mtime: st.mtime };
  }
  if (flexDate !== undefined) {
    const t = parseDate(flexDate, now);
    if (t === null) {
      await p.error(`invalid date format ${quote(flexDate)}`);
      return p.finish(1);
    }
    when = { atime: t, mtime: t };
  }
  if (!onlyA && !onlyM) onlyA = onlyM = true;
  if (r.operands.length === 0) return p.finish(await p.tryHelp('missing file operand'));
  let status = 0;
  for (const f of r.operands) {
    const set = (): number => {
      const cur = follow ? sys.stat(f) : sys.lstat(f);
      if (typeof cur === 'number') return cur;
      const at = onlyA ? (when ? when.atime : null) : cur.atime;
      const mt = onlyM ? (when ? when.mtime : null) : cur.mtime;
      return sys.utimens(f, at, mt, follow);
    };
    let res = set();
    if (res === -ENOENT && !noCreate && follow) {
      const fd = sys.open(f, O_WRONLY | O_CREAT, 0o666);
      res = fd < 0 ? fd : sys.close(fd);
      if (res === 0 && when) res = set();
    } else if (res === -ENOENT && noCreate) res = 0;
    if (res < 0) {
      await p.error(`cannot touch ${quote(f)}: ${strerror(res)}`);
      status = 1;
    }
  }
  return p.finish(status);
};
