// Compound commands: groups, subshells, if, while/until, for, arithmetic for, select, case, (( )),
// [[ ]], each with its own redirections applied around it.

import type { ArithText, Command, List, Redirect } from './ast.ts';
import { LoopControl, ShellExit } from './control.ts';
import { evalArith, expandPattern, expandString, expandWords } from './expand.ts';
import { matchPattern } from './pattern.ts';
import { applyRedirects, restoreRedirects } from './redirect.ts';
import type { Shell } from './shell.ts';
import { runList, runListInChild } from './exec.ts';
import { waitForeground } from './pipelines.ts';
import { evalCond } from './cond-eval.ts';
import { ExpansionError } from './control.ts';
import { printCommand } from './printer.ts';
import { traceLine } from './trace.ts';
import { expandPrompt } from './prompt.ts';

export async function runCompound(sh: Shell, cmd: Exclude<Command, { type: 'SimpleCommand' } | { type: 'FunctionDef' }>): Promise<number> {
  const redirects: Redirect[] = 'redirects' in cmd ? cmd.redirects : [];
  if (cmd.type === 'Subshell') return runSubshell(sh, cmd.body, redirects, printCommand(cmd));
  const saved = redirects.length ? await applyRedirects(sh, redirects, true) : [];
  if (saved === null) return (sh.status = 1);
  try {
    sh.status = await body(sh, cmd);
  } finally {
    if (saved.length) restoreRedirects(sh, saved);
  }
  return sh.status;
}

async function runSubshell(sh: Shell, list: List, redirects: Redirect[], text: string): Promise<number> {
  const pid = sh.fork(async (child) => {
    const saved = await applyRedirects(child, redirects, false);
    if (saved === null) return 1;
    return runListInChild(child, list);
  });
  if (pid < 0) return (sh.status = 1);
  const [status] = await waitForeground(sh, [pid], 0, text);
  sh.status = status ?? 0;
  return sh.status;
}

async function condition(sh: Shell, list: List): Promise<number> {
  sh.errexitSuspended++;
  try {
    return await runList(sh, list);
  } finally {
    sh.errexitSuspended--;
  }
}

/** Runs a loop body; returns 'break' or 'continue' when a LoopControl for this loop arrived. */
async function loopBody(sh: Shell, list: List): Promise<'break' | 'continue' | null> {
  try {
    await runList(sh, list);
    return null;
  } catch (e) {
    if (!(e instanceof LoopControl)) throw e;
    if (e.levels > 1) {
      e.levels--;
      throw e;
    }
    return e.kind;
  }
}

async function body(sh: Shell, cmd: Exclude<Command, { type: 'SimpleCommand' } | { type: 'FunctionDef' } | { type: 'Subshell' }>): Promise<number> {
  switch (cmd.type) {
    case 'Group':
      return runList(sh, cmd.body);
    case 'If': {
      for (const clause of cmd.clauses) {
        if ((await condition(sh, clause.condition)) === 0) return runList(sh, clause.body);
      }
      if (cmd.elseBody) return runList(sh, cmd.elseBody);
      return 0;
    }
    case 'While': {
      let status = 0;
      sh.loopDepth++;
      try {
        for (;;) {
          await sh.sys.yield(1000);
          const c = await condition(sh, cmd.condition);
          if (cmd.until ? c === 0 : c !== 0) break;
          const r = await loopBody(sh, cmd.body);
          status = sh.status;
          if (r === 'break') break;
        }
      } finally {
        sh.loopDepth--;
      }
      return status;
    }
    case 'For': {
      const items = cmd.words === null ? sh.positional.slice() : await expandWords(sh, cmd.words);
      let status = 0;
      sh.loopDepth++;
      try {
        for (const item of items) {
          await sh.sys.yield(1000);
          if (cmd.words !== null) await traceLine(sh, `for ${cmd.name} in ${cmd.words.map((w) => w.text).join(' ')}`);
          if (!(await sh.set(cmd.name, item))) throw new ShellExit(1);
          const r = await loopBody(sh, cmd.body);
          status = sh.status;
          if (r === 'break') break;
        }
      } finally {
        sh.loopDepth--;
      }
      return status;
    }
    case 'ArithFor': {
      let status = 0;
      sh.loopDepth++;
      try {
        // An error in one of the expressions ends the loop with status 1, as (( )) fails (the line goes on).
        if (cmd.init.source.trim()) await evalArith(sh, await tracedArith(sh, cmd.init), '((');
        for (;;) {
          await sh.sys.yield(1000);
          if (cmd.test.source.trim() && (await evalArith(sh, await tracedArith(sh, cmd.test), '((')) === '0') break;
          const r = await loopBody(sh, cmd.body);
          status = sh.status;
          if (r === 'break') break;
          if (cmd.update.source.trim()) await evalArith(sh, await tracedArith(sh, cmd.update), '((');
        }
      } catch (e) {
        if (e instanceof ExpansionError && !e.fatal) return 1;
        throw e;
      } finally {
        sh.loopDepth--;
      }
      return status;
    }
    case 'Select':
      return runSelect(sh, cmd);
    case 'Case': {
      const word = await expandString(sh, cmd.word);
      await traceLine(sh, `case ${cmd.word.text} in`);
      let fallthrough = false;
      let status = 0;
      for (let i = 0; i < cmd.items.length; i++) {
        const item = cmd.items[i]!;
        let matched = fallthrough;
        if (!matched) {
          for (const p of item.patterns) {
            const pat = await expandPattern(sh, p);
            if (matchPattern(pat, word, sh.shopts['extglob'], sh.shopts['nocasematch'])) {
              matched = true;
              break;
            }
          }
        }
        if (!matched) continue;
        status = await runList(sh, item.body);
        if (item.terminator === ';;') return status;
        fallthrough = item.terminator === ';&';
      }
      return status;
    }
    case 'ArithCommand': {
      const text = await expandString(sh, cmd.expr.expr);
      await traceLine(sh, `(( ${text} ))`);
      try {
        return (await evalArith(sh, text, '((')) === '0' ? 1 : 0;
      } catch (e) {
        if (e instanceof ExpansionError) return 1;
        throw e;
      }
    }
    case 'CondCommand': {
      try {
        return (await evalCond(sh, cmd.expr)) ? 0 : 1;
      } catch (e) {
        if (e instanceof ExpansionError && !e.fatal) return e.status;
        throw e;
      }
    }
    case 'Coproc': {
      await sh.error('coproc: not supported');
      return 1;
    }
  }
  return 0;
}

/** Expands one part of `for ((...))` and traces it as bash does: `(( i<3 ))`. */
async function tracedArith(sh: Shell, part: ArithText): Promise<string> {
  const text = await expandString(sh, part.expr);
  // bash shows the part without its leading blanks but with its trailing ones.
  const trailing = /\s*$/.exec(part.source)![0];
  await traceLine(sh, `(( ${text.trim()}${trailing} ))`);
  return text;
}

async function runSelect(sh: Shell, cmd: Extract<Command, { type: 'Select' }>): Promise<number> {
  const items = cmd.words === null ? sh.positional.slice() : await expandWords(sh, cmd.words);
  if (items.length === 0) return 0;
  await traceLine(sh, `select ${cmd.name} in ${cmd.words === null ? '"$@"' : cmd.words.map((w) => w.text).join(' ')}`);
  const width = String(items.length).length;
  sh.loopDepth++;
  try {
    let showMenu = true;
    for (;;) {
      if (showMenu) {
        let menu = '';
        items.forEach((it, i) => (menu += `${String(i + 1).padStart(width)}) ${it}\n`));
        await sh.write(2, menu);
      }
      await sh.write(2, expandPrompt(sh, sh.get('PS3') ?? '#? '));
      const line = await readLine(sh);
      if (line === null) {
        await sh.write(2, '\n');
        return 1;
      }
      await sh.set('REPLY', line);
      const n = Number(line.trim());
      await sh.set(cmd.name, Number.isInteger(n) && n >= 1 && n <= items.length ? items[n - 1]! : '');
      showMenu = line.trim() === '';
      if (showMenu) continue;
      const r = await loopBody(sh, cmd.body);
      if (r === 'break') return sh.status;
    }
  } finally {
    sh.loopDepth--;
  }
}

async function readLine(sh: Shell): Promise<string | null> {
  let line = '';
  const b = new Uint8Array(1);
  for (;;) {
    const n = await sh.sys.read(0, b);
    if (n <= 0) return line === '' ? null : line;
    if (b[0] === 10) return line;
    line += String.fromCharCode(b[0]!);
  }
}

