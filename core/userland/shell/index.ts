// The guest bash's parsing half: the AST types, the incremental command-line parser and the
// arithmetic expression parser, as used by the shell interpreter.

export type * from './ast.ts';
export { ShellParser, parseScript, type ParseResult, type ShellParserOptions, type ParserOptions } from './parse.ts';
export { parseArith, parseArithNumber, ArithError } from './arith.ts';
export { formatSyntaxError } from './errors.ts';
export { decodeAnsiC } from './ansi.ts';
