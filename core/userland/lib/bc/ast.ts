// The syntax tree of a bc program. `adr` is where GNU bc's byte code would stand after the node's own
// instruction (layout.ts computes it) so runtime messages name the same address bc prints.

export type Target =
  | { k: 'var'; name: string }
  | { k: 'elem'; name: string; index: Expr }
  | { k: 'special'; name: 'scale' | 'ibase' | 'obase' | 'last' };

export type Expr = (
  | { k: 'num'; text: string }
  | Target
  | { k: 'bin'; op: '+' | '-' | '*' | '/' | '%' | '^'; l: Expr; r: Expr }
  | { k: 'rel'; op: string; l: Expr; r: Expr }
  | { k: 'and' | 'or'; l: Expr; r: Expr }
  | { k: 'not' | 'neg'; e: Expr }
  | { k: 'assign'; op: string; target: Target; value: Expr }
  | { k: 'incdec'; op: '++' | '--'; pre: boolean; target: Target }
  | { k: 'builtin'; fn: 'length' | 'sqrt' | 'scale'; e: Expr }
  | { k: 'call'; name: string; args: Arg[] }
  | { k: 'read' }
) & { adr?: number; paren?: boolean };

export type Arg = { array: false; e: Expr } | { array: true; name: string };

export type Stmt =
  | { k: 'expr'; e: Expr }
  | { k: 'str'; text: string }
  | { k: 'print'; items: ({ str: string } | { e: Expr })[] }
  | { k: 'block'; body: Stmt[] }
  | { k: 'if'; cond: Expr; then: Stmt; else?: Stmt }
  | { k: 'while'; cond: Expr; body: Stmt }
  | { k: 'for'; init?: Expr; cond?: Expr; incr?: Expr; body: Stmt }
  | { k: 'break' | 'continue' | 'limits' | 'warranty' | 'empty' }
  | { k: 'halt'; adr?: number }
  | { k: 'return'; e?: Expr };

export interface Param {
  name: string;
  array: boolean;
  /** GNU's `*name[]`: the array is passed by reference. */
  ref: boolean;
}

export interface FuncDef {
  name: string;
  params: Param[];
  autos: Param[];
  body: Stmt[];
}
