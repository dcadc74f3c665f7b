// xargs(1) from GNU findutils: builds command lines from stdin items (blanks and newlines separate,
// quotes and backslashes group; -0, -d DELIM), -n MAX, -L MAX, -I STR, -r, -t, -P (run one at a time),
// -s; runs each with fork+exec through $PATH; exit 123/124/125/126/127 as findutils documents.
import { O_RDONLY, WEXITSTATUS, WIFSIGNALED, WTERMSIG, type Program } from '../../kernel/abi.ts';
import { argBytes, Cmd, fromLatin1, readInput } from '../lib/cmd.ts';
import { getopt } from '../lib/getopt.ts';
import { XARGS_HELP, XARGS_VERSION } from '../lib/help/findutils.ts';
import { spawnCommand, strerror, waitChild } from '../lib/run-child.ts';
import { utf8Decode } from '../../kernel/abi.ts';

export const main: Program = async (sys, argv, envp) => {
  const p = new Cmd(sys, argv, envp);
  const r = getopt(argv, '0d:n:L:I:i::rtP:s:xE:e::pa:', [{ name: 'null', key: '0' }, { name: 'delimiter', arg: 'required', key: 'd' },
    { name: 'max-args', arg: 'required', key: 'n' }, { name: 'max-lines', arg: 'required', key: 'L' },
    { name: 'replace', arg: 'optional', key: 'i' }, { name: 'no-run-if-empty', key: 'r' }, { name: 'verbose', key: 't' },
    { name: 'max-procs', arg: 'required', key: 'P' }, { name: 'max-chars', arg: 'required', key: 's' },
    { name: 'exit', key: 'x' }, { name: 'eof', arg: 'optional', key: 'e' }, { name: 'arg-file', arg: 'required', key: 'a' },
    { name: 'help' }, { name: 'version' }], { stopAtOperand: true });
  let delim: string | null = null;
  let maxArgs = 0;
  let maxLines = 0;
  let replace: string | null = null;
  let noEmpty = false;
  let trace = false;
  let eofStr: string | null = null;
  let argFile: string | null = null;
  for (const o of r.opts) {
    const v = o.value ?? '';
    if (o.key === '0') delim = '\0';
    else if (o.key === 'd') delim = v.startsWith('\\') ? ({ n: '\n', t: '\t', '0': '\0', '\\': '\\' } as Record<string, string>)[v[1] ?? ''] ?? v[1]! : v[0]!;
    else if (o.key === 'n' || o.key === 'L' || o.key === 's' || o.key === 'P') {
      if (!/^\d+$/.test(v) || (o.key !== 'P' && Number(v) < 1)) {
        await p.error(`invalid number "${v}" for -${o.key} option`);
        await p.err.write(`Try '${p.name} --help' for more information.\n`);
        return p.finish(1);
      }
      if (o.key === 'n') {
        maxArgs = Number(v);
        replace = null;
      } else if (o.key === 'L') maxLines = Number(v);
    } else if (o.key === 'I' || o.key === 'i') {
      replace = o.key === 'i' ? (o.value ?? '{}') : v;
      maxLines = 1;
    } else if (o.key === 'r') noEmpty = true;
    else if (o.key === 't') trace = true;
    else if (o.key === 'E' || o.key === 'e') eofStr = o.value ?? null;
    else if (o.key === 'a') argFile = v;
    else if (o.key === 'version' || o.key === 'help') {
      await p.out.write(o.key === 'help' ? XARGS_HELP : XARGS_VERSION);
      return p.finish(0);
    }
  }
  // The options before a bad one act first, as xargs's getopt loop meets them (--help included).
  if (r.error) return p.finish(await p.tryHelp(r.error));
  const command = r.operands.length ? r.operands : ['echo'];
  const inp = await readInput(sys, argFile ?? '-');
  if (!('data' in inp) || 'readError' in inp) {
    await p.error(`${argFile ?? 'standard input'}: ${strerror('openError' in inp ? inp.openError : inp.readError)}`);
    return p.finish(1);
  }
  // Items, each remembering the input line it ended (for -L).
  const items: Array<{ text: string; line: number }> = [];
  const data = inp.data;
  if (delim !== null) {
    const parts = data.split(delim);
    if (parts[parts.length - 1] === '') parts.pop();
    parts.forEach((t, i) => items.push({ text: t, line: i }));
  } else if (replace !== null) {
    let line = 0;
    for (const l of data.split('\n')) {
      const t = l.replace(/^[ \t]+/, '');
      if (t !== '') items.push({ text: t, line: line++ });
    }
    if (data.endsWith('\n') && items.length && items[items.length - 1]!.text === '') items.pop();
  } else {
    let cur = '';
    let has = false;
    let line = 0;
    let q: string | null = null;
    for (let i = 0; i < data.length; i++) {
      const c = data[i]!;
      if (q) {
        if (c === q) q = null;
        else if (c === '\n') {
          await p.error(`unmatched ${q === "'" ? 'single' : 'double'} quote; by default quotes are special to xargs unless you use the -0 option`);
          return p.finish(1);
        } else cur += c;
        continue;
      }
      if (c === "'" || c === '"') {
        q = c;
        has = true;
      } else if (c === '\\' && i + 1 < data.length) {
        cur += data[++i];
        has = true;
      } else if (c === ' ' || c === '\t' || c === '\n') {
        if (has) {
          if (eofStr !== null && cur === eofStr) break;
          items.push({ text: cur, line });
        }
        cur = '';
        has = false;
        // A line ending in a blank continues with -L.
        if (c === '\n' && !(maxLines && i > 0 && (data[i - 1] === ' ' || data[i - 1] === '\t'))) line++;
      } else {
        cur += c;
        has = true;
      }
    }
    if (q) {
      await p.error(`unmatched ${q === "'" ? 'single' : 'double'} quote; by default quotes are special to xargs unless you use the -0 option`);
      return p.finish(1);
    }
    if (has && !(eofStr !== null && cur === eofStr)) items.push({ text: cur, line });
  }
  // Group items into command lines.
  const batches: string[][] = [];
  if (replace !== null) {
    for (const it of items) batches.push(command.map((a) => argBytes(a).split(replace!).join(it.text)));
  } else {
    let k = 0;
    while (k < items.length) {
      const batch: string[] = [];
      const firstLine = items[k]!.line;
      while (k < items.length) {
        if (maxArgs && batch.length >= maxArgs) break;
        if (maxLines && items[k]!.line - firstLine >= maxLines) break;
        batch.push(items[k++]!.text);
      }
      batches.push([...command.map(argBytes), ...batch]);
    }
    if (batches.length === 0 && !noEmpty) batches.push(command.map(argBytes));
  }
  let status = 0;
  for (const b of batches) {
    const args = b.map((s) => utf8Decode(fromLatin1(s)));
    if (trace) await p.err.write(args.join(' ') + '\n');
    await p.out.flush();
    const pid = spawnCommand(sys, args, envp, (e) => `${p.name}: ${args[0]}: ${strerror(e)}`, (child) => {
      const fd = child.open('/dev/null', O_RDONLY);
      if (fd >= 0 && fd !== 0) {
        child.dup2(fd, 0);
        child.close(fd);
      }
    });
    if (pid < 0) {
      await p.error(`cannot fork: ${strerror(pid)}`);
      return p.finish(1);
    }
    const ws = await waitChild(sys, pid);
    if (WIFSIGNALED(ws)) {
      await p.error(`${args[0]}: terminated by signal ${WTERMSIG(ws)}`);
      return p.finish(125);
    }
    const code = WEXITSTATUS(ws);
    if (code === 255) {
      await p.error(`${args[0]}: exited with status 255; aborting`);
      return p.finish(124);
    }
    if (code === 126 || code === 127) return p.finish(code);
    if (code !== 0) status = 123;
  }
  return p.finish(status);
};
