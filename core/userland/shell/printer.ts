// Prints syntax trees in bash's canonical form: function bodies for `declare -f`, `type` and `set`
// (re-indented by 4 spaces, `;` before each newline), and one-line command texts for job listings.

import type {
  AndOr, Assignment, Command, CondExpr, FunctionDef, List, Pipeline, Redirect, Word, WordPart,
} from './ast.ts';

/** `name () \n{ \n    body\n}` as `declare -f name` and `type name` show a function. */
export function printFunction(def: FunctionDef): string {
  const p = new Printer(true);
  p.functionDef(def, false);
  return p.out;
}

/**
 * A function's definition as `export -f` puts it in the environment (the value of `BASH_FUNC_name%%`):
 * `() {  body` with each further line of the body starting with one space, then a line `}`.
 */
export function printFunctionForEnvironment(def: FunctionDef): string {
  const p = new Printer(true, 0);
  p.out = '() {  ';
  const body = def.body;
  if (body.type === 'Group') p.list(body.body);
  else p.command(body);
  p.flushHeredocs();
  p.out += '\n}';
  return p.out;
}

/** A command as bash shows it in job listings and messages (lists on one line, compounds indented). */
export function printCommand(node: List | AndOr | Pipeline | Command): string {
  const p = new Printer(false);
  if (node.type === 'List') p.list(node);
  else if (node.type === 'AndOr') p.andOr(node);
  else if (node.type === 'Pipeline') p.pipeline(node);
  else p.command(node);
  p.flushHeredocs();
  return p.out;
}

/** A word as bash prints it: the source text, with `$'...'` turned into single quotes and `$(...)` reprinted. */
export function printWord(w: Word): string {
  let text = w.text;
  let from = 0;
  for (const part of flatParts(w.parts)) {
    let was: string;
    let now: string;
    if (part.type === 'CommandSub' && !part.backquote) {
      was = `$(${part.source})`;
      const inner = printCommand(part.body);
      now = `$(${inner.startsWith('(') ? ' ' : ''}${inner})`;
    } else if (part.type === 'AnsiCQuoted' && part.body !== undefined) {
      was = `$'${part.body}'`;
      now = `'${part.value.replace(/'/g, "'\\''")}'`;
    } else continue;
    const at = text.indexOf(was, from);
    if (at < 0) continue;
    text = text.slice(0, at) + now + text.slice(at + was.length);
    from = at + now.length;
  }
  return text;
}

function flatParts(parts: WordPart[]): WordPart[] {
  const out: WordPart[] = [];
  for (const p of parts) {
    if (p.type === 'DoubleQuoted') out.push(...flatParts(p.parts));
    else out.push(p);
  }
  return out;
}

function printAssignment(a: Assignment): string {
  const lhs = `${a.name}${a.subscript ? `[${a.subscript.text}]` : ''}${a.append ? '+=' : '='}`;
  if (a.array) {
    const items = a.array.map((e) => (e.subscript ? `[${e.subscript.text}]${e.append ? '+=' : '='}` : '') + printWord(e.value));
    return `${lhs}(${items.join(' ')})`;
  }
  return lhs + (a.value ? printWord(a.value) : '');
}

function printRedirect(r: Redirect): string {
  const target = printWord(r.target);
  const fd = r.fdVar !== null ? `{${r.fdVar}}` : r.fd;
  switch (r.op) {
    case '<<': case '<<-':
      return `${fd ?? ''}${r.op}${r.target.text}`;
    case '<&': case '>&': {
      if (r.target.text === '-') return `${fd ?? (r.op === '<&' ? 0 : 1)}>&-`;
      if (/^[0-9]+-?$/.test(r.target.text)) return `${fd ?? (r.op === '<&' ? 0 : 1)}${r.op}${r.target.text}`;
      return `${fd ?? ''}${r.op} ${target}`;
    }
    case '&>': case '&>>':
      return `${r.op} ${target}`;
    default: {
      const implicit = r.op === '<' || r.op === '<>' || r.op === '<<<' ? 0 : 1;
      return `${fd === null || fd === implicit ? '' : fd}${r.op} ${target}`;
    }
  }
}

function printCond(e: CondExpr): string {
  let s: string;
  switch (e.type) {
    case 'CondAnd': s = `${printCond(e.left)} && ${printCond(e.right)}`; break;
    case 'CondOr': s = `${printCond(e.left)} || ${printCond(e.right)}`; break;
    case 'CondNot': s = `! ${printCond(e.expr)}`; break;
    case 'CondUnary': s = `${e.op} ${printWord(e.arg)}`; break;
    case 'CondBinary': s = `${printWord(e.left)} ${e.op} ${printWord(e.right)}`; break;
    case 'CondWord': s = `-n ${printWord(e.word)}`; break;
  }
  for (let i = 0; i < (e.parens ?? 0); i++) s = `( ${s} )`;
  return s;
}

/** The `[[ ... ]]` expression text, for tracing with expanded operands. */
export { printCond };

class Printer {
  out = '';
  private indent = 0;
  /** Here-documents of the command just printed, written out at the next separator. */
  private pending: Redirect[] = [];
  /** Here-documents were written since the last list separator (bash then leaves out the `;`). */
  private docsWritten = false;

  /**
   * `inFunction`: lists break lines after each `;` (bash's layout of function bodies). `step`: the spaces
   * each level indents by; with 0 every line of the body starts with one space (the environment's form).
   */
  constructor(private inFunction: boolean, private readonly step = 4) {
    if (step === 0) this.indent = 1;
  }

  private newline(): void {
    this.out += `\n${' '.repeat(this.indent)}`;
  }

  flushHeredocs(): boolean {
    if (!this.pending.length) return false;
    this.out += '\n';
    for (const r of this.pending) this.out += `${r.heredoc!.raw}${r.heredoc!.delimiter}\n`;
    this.pending = [];
    this.docsWritten = true;
    return true;
  }

  list(l: List, trailing = false): void {
    l.items.forEach((item, i) => {
      this.andOr(item.command);
      const last = i === l.items.length - 1;
      if (item.background) {
        this.out += ' &';
        if (!last) this.out += ' ';
        return;
      }
      if (last && !trailing) {
        return;
      }
      if (last) {
        // A body's closing `;` is left out only when its here-documents come right here.
        if (!this.flushHeredocs()) this.out += ';';
        return;
      }
      const hadDocs = this.flushHeredocs() || this.docsWritten;
      this.docsWritten = false;
      if (this.inFunction) {
        if (!hadDocs) this.out += ';';
        this.newline();
      } else if (item.newline || hadDocs) this.out += '\n';
      else this.out += '; ';
    });
  }

  /** A compound command's body on its own lines, indented one level further, ending in `;`. */
  private body(l: List): void {
    this.indent += this.step;
    this.newline();
    this.list(l, true);
    this.indent -= this.step;
    this.newline();
  }

  andOr(a: AndOr): void {
    this.pipeline(a.first);
    for (const r of a.rest) {
      this.out += ` ${r.op} `;
      if (this.flushHeredocs()) this.out += ' ';
      this.pipeline(r.pipeline);
    }
  }

  pipeline(p: Pipeline): void {
    if (p.time) this.out += p.time.posix ? 'time -p ' : 'time ';
    if (p.negated) this.out += '! ';
    p.commands.forEach((c, i) => {
      this.command(c);
      if (i === p.commands.length - 1) return;
      if (p.pipeStderr[i]) this.out += ' 2>&1';
      this.out += ' |';
      const docs = this.flushHeredocs();
      this.out += docs ? '  ' : ' ';
    });
  }

  private redirects(rs: Redirect[]): void {
    for (const r of rs) {
      this.out += ` ${printRedirect(r)}`;
      if (r.heredoc) this.pending.push(r);
    }
  }

  private words(ws: Word[] | null): string {
    return ws === null ? '"$@"' : ws.map(printWord).join(' ');
  }

  functionDef(f: FunctionDef, nested: boolean): void {
    const saved = this.inFunction;
    this.inFunction = true;
    this.out += `${nested ? 'function ' : ''}${f.name} () `;
    this.newline();
    const body = f.body;
    if (body.type === 'Group') this.command(body);
    else {
      this.out += '{ ';
      this.indent += this.step;
      this.newline();
      this.command(body);
      this.indent -= this.step;
      this.newline();
      this.out += '}';
    }
    this.inFunction = saved;
  }

  command(c: Command): void {
    switch (c.type) {
      case 'SimpleCommand': {
        const parts = [...c.assignments.map(printAssignment), ...c.words.map(printWord)];
        this.out += parts.join(' ');
        if (parts.length === 0 && c.redirects.length) {
          this.out += printRedirect(c.redirects[0]!);
          if (c.redirects[0]!.heredoc) this.pending.push(c.redirects[0]!);
          this.redirects(c.redirects.slice(1));
        } else this.redirects(c.redirects);
        return;
      }
      case 'Group':
        if (this.inFunction) {
          this.out += '{ ';
          this.indent += this.step;
          this.newline();
          this.list(c.body);
          this.indent -= this.step;
          this.flushHeredocs();
          this.newline();
          this.out += '}';
        } else {
          this.out += '{ ';
          this.list(c.body, true);
          this.out += ' }';
        }
        break;
      case 'Subshell':
        this.out += '( ';
        this.list(c.body);
        this.flushHeredocs();
        this.out += ' )';
        break;
      case 'If':
        c.clauses.forEach((clause, i) => {
          if (i > 0) {
            this.out += 'else';
            this.indent += this.step;
            this.newline();
          }
          this.out += 'if ';
          this.list(clause.condition);
          this.flushHeredocs();
          this.out += '; then';
          this.body(clause.body);
        });
        if (c.elseBody) {
          this.out += 'else';
          this.body(c.elseBody);
        }
        for (let i = c.clauses.length - 1; i >= 0; i--) {
          this.out += 'fi';
          if (i > 0) {
            this.out += ';';
            this.indent -= this.step;
            this.newline();
          }
        }
        break;
      case 'While':
        this.out += c.until ? 'until ' : 'while ';
        this.list(c.condition);
        this.flushHeredocs();
        this.out += '; do';
        this.body(c.body);
        this.out += 'done';
        break;
      case 'For':
      case 'Select':
        this.out += `${c.type === 'For' ? 'for' : 'select'} ${c.name} in ${this.words(c.words)};`;
        this.newline();
        this.out += 'do';
        this.body(c.body);
        this.out += 'done';
        break;
      case 'ArithFor': {
        const part = (t: { source: string }): string => t.source.trim() || '1';
        this.out += `for ((${part(c.init)}; ${part(c.test)}; ${part(c.update)}))`;
        this.newline();
        this.out += 'do';
        this.body(c.body);
        this.out += 'done';
        break;
      }
      case 'Case':
        this.out += `case ${printWord(c.word)} in `;
        this.indent += this.step;
        for (const item of c.items) {
          this.newline();
          this.out += `${item.patterns.map(printWord).join(' | ')})`;
          if (item.body.items.length) {
            this.indent += this.step;
            this.newline();
            this.list(item.body);
            this.flushHeredocs();
            this.indent -= this.step;
          } else this.out += '\n';
          this.newline();
          this.out += item.terminator;
        }
        this.indent -= this.step;
        this.newline();
        this.out += 'esac';
        break;
      case 'ArithCommand':
        this.out += `((${c.expr.source}))`;
        break;
      case 'CondCommand':
        this.out += `[[ ${printCond(c.expr)} ]]`;
        break;
      case 'FunctionDef':
        this.functionDef(c, true);
        return;
      case 'Coproc':
        this.out += `coproc ${c.name !== 'COPROC' || c.body.type !== 'SimpleCommand' ? `${c.name} ` : ''}`;
        this.command(c.body);
        return;
    }
    this.redirects(c.redirects);
  }
}
