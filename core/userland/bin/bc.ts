// bc(1), GNU bc 1.07.1: arbitrary-precision calculator reading the files named, then standard input;
// -l loads the math library (scale=20), -q is accepted, errors and warnings are bc's. See lib/bc/.
import { utf8Decode, type Program } from '../../kernel/abi.ts';
import { readAll, LineReader } from '../lib/io.ts';
import { Proc } from '../lib/program.ts';
import { getopt } from '../lib/getopt.ts';
import { BcHalt, BcInterp, BcRuntimeError } from '../lib/bc/interp.ts';
import { tokenize } from '../lib/bc/lexer.ts';
import { BcSyntaxError, Parser } from '../lib/bc/parser.ts';

const USAGE = `usage: bc [options] [file ...]
  -h  --help         print this usage and exit
  -i  --interactive  force interactive mode
  -l  --mathlib      use the predefined math routines
  -q  --quiet        don't print initial banner
  -s  --standard     non-standard bc constructs are errors
  -w  --warn         warn about non-standard bc constructs
  -v  --version      print version information and exit
`;

const VERSION = `bc 1.07.1
Copyright 1991-1994, 1997, 1998, 2000, 2004, 2006, 2008, 2012-2017 Free Software Foundation, Inc.
`;

export const main: Program = async (sys, argv, envp) => {
  const p = new Proc(sys, argv, envp);
  const g = getopt(argv, 'hilqswv', [
    { name: 'help', key: 'h' }, { name: 'interactive', key: 'i' }, { name: 'mathlib', key: 'l' }, { name: 'quiet', key: 'q' },
    { name: 'standard', key: 's' }, { name: 'warn', key: 'w' }, { name: 'version', key: 'v' },
  ]);
  if (g.error) {
    await p.error(g.error);
    await p.err.write(USAGE);
    return p.finish(1);
  }
  let mathlib = false;
  for (const o of g.opts) {
    if (o.key === 'h') {
      await p.out.write(USAGE);
      return p.finish(0);
    }
    if (o.key === 'v') {
      await p.out.write(VERSION);
      return p.finish(0);
    }
    if (o.key === 'l') mathlib = true;
  }
  const env = new Map(envp.map((e) => [e.slice(0, e.indexOf('=')), e.slice(e.indexOf('=') + 1)]));
  let lineLength = 70;
  const ll = env.get('BC_LINE_LENGTH');
  if (ll !== undefined && /^\d+$/.test(ll)) lineLength = Number(ll) === 0 ? 0 : Number(ll) < 3 ? 70 : Number(ll);
  const stdinLines = new LineReader(sys, 0);
  const interp = new BcInterp({
    write: (t) => p.out.write(t),
    warn: async (t) => {
      await p.out.flush();
      await p.err.write(t);
    },
    readLine: async () => {
      const l = await stdinLines.next();
      return typeof l === 'string' ? l : null;
    },
    // Every 2000 statements the interpreter charges their work (1 µs each: arbitrary-precision arithmetic), so an endless loop moves the clock on.
    yieldNow: (work) => sys.yield(work),
  }, lineLength);
  if (mathlib) interp.loadMathLib();

  /** Parses and runs one input; false when the program ended (quit or halt). */
  const run = async (text: string, label: string): Promise<boolean> => {
    const parser = new Parser(tokenize(text), (f) => interp.define(f));
    for (;;) {
      let unit;
      try {
        unit = parser.nextUnit();
      } catch (e) {
        if (!(e instanceof BcSyntaxError)) throw e;
        await p.out.flush();
        await p.err.write(`${label} ${e.line}: ${e.message}\n`);
        parser.recover();
        continue;
      }
      if (unit.k === 'eof') return true;
      if (unit.k === 'quit') return false;
      try {
        await interp.runLine(unit.stmts);
      } catch (e) {
        if (e instanceof BcHalt) return false;
        if (!(e instanceof BcRuntimeError)) throw e;
        await p.out.flush();
        await p.err.write(`Runtime error (func=${e.func}, adr=${e.adr}): ${e.message}\n`);
      }
      if (sys.isatty(1)) await p.out.flush();
    }
  };

  for (const file of g.operands) {
    const fd = sys.open(file, 0);
    const data = fd < 0 ? null : await readAll(sys, fd);
    if (fd >= 0) sys.close(fd);
    if (data === null || typeof data === 'number') {
      await p.out.flush();
      await p.err.write(`File ${file} is unavailable.\n`);
      return p.finish(1);
    }
    if (!(await run(utf8Decode(data), file))) return p.finish(0);
  }
  if (sys.isatty(0)) {
    // Interactive: run each line as it comes; a statement left open waits for the next lines.
    let pending = '';
    for (;;) {
      const line = await stdinLines.next();
      if (typeof line !== 'string') break;
      pending += line + '\n';
      if (!complete(pending)) continue;
      const text = pending;
      pending = '';
      if (!(await run(text, '(standard_in)'))) return p.finish(0);
      await p.out.flush();
    }
    if (pending && !(await run(pending, '(standard_in)'))) return p.finish(0);
  } else {
    const data = await readAll(sys, 0);
    if (typeof data !== 'number' && !(await run(utf8Decode(data), '(standard_in)'))) return p.finish(0);
  }
  return p.finish(0);
};

/** Whether braces, parentheses, comments and strings are all closed (an interactive line can run). */
function complete(text: string): boolean {
  let depth = 0;
  let inStr = false;
  let inComment = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (inComment) {
      if (c === '*' && text[i + 1] === '/') inComment = false;
    } else if (inStr) {
      if (c === '"') inStr = false;
    } else if (c === '"') inStr = true;
    else if (c === '/' && text[i + 1] === '*') inComment = true;
    else if (c === '#') while (i < text.length && text[i] !== '\n') i++;
    else if (c === '{' || c === '(') depth++;
    else if (c === '}' || c === ')') depth--;
  }
  return depth <= 0 && !inStr && !inComment && !text.endsWith('\\\n');
}
