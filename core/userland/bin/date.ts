// date(1) from GNU coreutils, in UTC as Kathará containers run: the default format, +FORMAT, -d
// STRING, -r FILE, -u, -R, -I[FMT], --rfc-3339=FMT; -s fails as it does in a container (EPERM).
import { CLOCK_REALTIME, type Program } from '../../kernel/abi.ts';
import { Cmd } from '../lib/cmd.ts';
import { formatDate } from '../lib/date-format.ts';
import { parseDate } from '../lib/date-parse.ts';
import { strerror } from '../lib/errno.ts';
import { argmatch } from '../lib/argmatch.ts';
import { answerInfo } from '../lib/coreutils-info.ts';
import { getopt } from '../lib/getopt.ts';
import { quote } from '../lib/program.ts';

const ISO: Record<string, string> = {
  date: '%Y-%m-%d', hours: '%Y-%m-%dT%H%:z', minutes: '%Y-%m-%dT%H:%M%:z', seconds: '%Y-%m-%dT%H:%M:%S%:z',
  ns: '%Y-%m-%dT%H:%M:%S,%N%:z',
};
const RFC3339: Record<string, string> = { date: '%Y-%m-%d', seconds: '%Y-%m-%d %H:%M:%S%:z', ns: '%Y-%m-%d %H:%M:%S.%N%:z' };

const ISO_WORDS = [['hours'], ['minutes'], ['date'], ['seconds'], ['ns']];
const RFC3339_WORDS = [['date'], ['seconds'], ['ns']];

export const main: Program = async (sys, argv, envp) => {
  const p = new Cmd(sys, argv, envp);
  const r = getopt(argv, 'd:f:I::r:Rs:u', [{ name: 'date', arg: 'required', key: 'd' }, { name: 'file', arg: 'required', key: 'f' },
    { name: 'iso-8601', arg: 'optional', key: 'I' }, { name: 'reference', arg: 'required', key: 'r' },
    { name: 'rfc-email', key: 'R' }, { name: 'rfc-2822', key: 'R' }, { name: 'rfc-3339', arg: 'required' },
    { name: 'set', arg: 'required', key: 's' }, { name: 'utc', key: 'u' }, { name: 'universal', key: 'u' },
    { name: 'debug' }, { name: 'help' }, { name: 'version' }], { isOperand: (a) => a.startsWith('+') });
  const now = sys.clockGettime(CLOCK_REALTIME);
  let when = now;
  let format: string | undefined;
  let setText: string | undefined;
  const formats: string[] = [];
  // As date.c: output formats are checked as the options come; dates and files only after them all.
  const dates: typeof r.opts = [];
  for (const o of r.opts) {
    if (await answerInfo(p, 'date', [o])) return p.finish(0);
    let kind: string | undefined;
    if (o.key === 'd' || o.key === 's' || o.key === 'r') dates.push(o);
    else if (o.key === 'R') kind = '%a, %d %b %Y %H:%M:%S %z';
    else if (o.key === 'I') {
      const k = await argmatch(p, '--iso-8601', o.value ?? 'date', ISO_WORDS);
      if (k === null) return p.finish(1);
      kind = ISO[ISO_WORDS[k]![0]!]!;
    } else if (o.key === 'rfc-3339') {
      const k = await argmatch(p, '--rfc-3339', o.value!, RFC3339_WORDS);
      if (k === null) return p.finish(1);
      kind = RFC3339[RFC3339_WORDS[k]![0]!]!;
    }
    if (kind !== undefined) {
      if (formats.length > 0) {
        await p.error('multiple output formats specified');
        return p.finish(1);
      }
      formats.push(kind);
    }
  }
  if (r.error) return p.finish(await p.tryHelp(r.error));
  for (const o of dates) {
    if (o.key === 'd' || o.key === 's') {
      const t = parseDate(o.value!, now);
      if (t === null) {
        await p.error(`invalid date ${quote(o.value!)}`);
        return p.finish(1);
      }
      when = t;
      if (o.key === 's') setText = o.value;
    } else {
      const st = sys.stat(o.value!);
      if (typeof st === 'number') {
        await p.error(`${o.value}: ${strerror(st)}`);
        return p.finish(1);
      }
      when = st.mtime;
    }
  }
  const ops = r.operands;
  if (ops.length > 0 && ops[0]!.startsWith('+')) {
    format = ops[0]!.slice(1);
    if (ops.length > 1) return p.finish(await p.tryHelp(`extra operand ${quote(ops[1]!)}`));
    if (formats.length > 0) {
      await p.error('multiple output formats specified');
      return p.finish(1);
    }
  } else if (ops.length > 0) {
    if (ops.length > 1) return p.finish(await p.tryHelp(`extra operand ${quote(ops[1]!)}`));
    // "date MMDDhhmm[[CC]YY][.ss]" sets the clock: validate, then fail as a container does.
    if (!/^\d{8}(\d{2}|\d{4})?(\.\d{2})?$/.test(ops[0]!)) {
      await p.error(`invalid date ${quote(ops[0]!)}`);
      return p.finish(1);
    }
    setText = ops[0];
  }
  format ??= formats[0] ?? '%a %b %e %H:%M:%S %Z %Y';
  let status = 0;
  if (setText !== undefined) {
    // Guests have no clock_settime in the ABI; like an unprivileged container, setting is refused.
    await p.error(`cannot set date: ${strerror(1)}`);
    status = 1;
  }
  await p.out.write(formatDate(format, when) + '\n');
  return p.finish(status);
};
