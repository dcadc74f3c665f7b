// The syntax tree of an awk program. Expressions that may block (getline, user function calls, system,
// close) are marked `async` so the interpreter can evaluate everything else synchronously.

export type LValue =
  | { k: 'var'; name: string; local?: number; async?: boolean }
  | { k: 'field'; e: Expr; async?: boolean }
  | { k: 'index'; name: string; local?: number; subs: Expr[]; async?: boolean };

export type Expr = (
  | { k: 'num'; v: number }
  | { k: 'str'; v: string }
  | { k: 're'; src: string }
  | LValue
  | { k: 'group'; e: Expr }
  | { k: 'assign'; op: string; target: LValue; e: Expr }
  | { k: 'cond'; c: Expr; a: Expr; b: Expr }
  | { k: 'and' | 'or'; a: Expr; b: Expr }
  | { k: 'not' | 'neg' | 'plus'; e: Expr }
  | { k: 'bin'; op: string; a: Expr; b: Expr }
  | { k: 'cmp'; op: string; a: Expr; b: Expr }
  | { k: 'match'; neg: boolean; a: Expr; re: Expr }
  | { k: 'concat'; a: Expr; b: Expr }
  | { k: 'in'; subs: Expr[]; name: string; local?: number }
  | { k: 'incdec'; op: '++' | '--'; prefix: boolean; target: LValue }
  | { k: 'call'; name: string; args: Expr[]; line: number }
  | { k: 'builtin'; name: string; args: Expr[] }
  | { k: 'getline'; mode: 'simple' | 'file' | 'cmd'; target?: LValue; src?: Expr }
) & { async?: boolean };

export interface Redirect {
  op: '>' | '>>' | '|';
  e: Expr;
}

export type Stmt =
  | { k: 'expr'; e: Expr }
  | { k: 'print' | 'printf'; args: Expr[]; redir?: Redirect }
  | { k: 'if'; c: Expr; then: Stmt; else?: Stmt }
  | { k: 'while'; c: Expr; body: Stmt }
  | { k: 'do'; body: Stmt; c: Expr }
  | { k: 'for'; init?: Stmt; c?: Expr; step?: Stmt; body: Stmt }
  | { k: 'forin'; v: LValue; name: string; local?: number; body: Stmt }
  | { k: 'block'; body: Stmt[] }
  | { k: 'next' | 'nextfile' | 'break' | 'continue' }
  | { k: 'exit' | 'return'; e?: Expr }
  | { k: 'delete'; name: string; local?: number; subs?: Expr[] };

export type Pattern =
  | { k: 'begin' }
  | { k: 'end' }
  | { k: 'all' }
  | { k: 'expr'; e: Expr }
  | { k: 'range'; from: Expr; to: Expr; active: boolean };

export interface Item {
  pattern: Pattern;
  /** null: print $0. */
  action: Stmt[] | null;
}

export interface FuncDef {
  name: string;
  params: string[];
  body: Stmt[];
}

export interface AwkProgram {
  items: Item[];
  funcs: Map<string, FuncDef>;
}
