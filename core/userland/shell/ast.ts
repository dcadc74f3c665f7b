// The typed syntax tree of the guest's bash 5.2, shared by the parser (which builds it) and the
// interpreter (which executes it). Nodes are plain records tagged by `type`; nothing here has behaviour.
//
// Conventions the interpreter can rely on:
// - Quoting is kept structured. In a Word, only `Literal` parts that are NOT inside a `DoubleQuoted`
//   part are "unquoted": glob characters (`* ? [`, and extglob `@( !( +( *( ?(`), brace expansion
//   (`{a,b}`, `{1..3}`) and field splitting apply only there. Every other part is quoted text.
//   Quote removal has already been done: a part's `value` is the text the word contributes.
// - Brace expansion is not performed by the parser; a Word whose unquoted literal text contains a `{`
//   has `braces: true` and keeps the braces verbatim in its Literal parts.
// - Line continuations (backslash-newline) are removed by the parser everywhere except inside single
//   quotes and quoted here-documents, as bash does.
// - `line` fields are 1-based source lines (for $LINENO, `set -x` and error messages).
// - The shapes are stable: fields may be added, never renamed or removed.

// ------------------------------------------------------------------------------------------- words

/** One shell word (a command argument, an assignment value, a pattern, a redirection target ...). */
export interface Word {
  type: 'Word';
  parts: WordPart[];
  /** The word's source text exactly as written (quotes included, line continuations removed). */
  text: string;
  /** True when an unquoted Literal part contains `{`: the interpreter should try brace expansion. */
  braces: boolean;
  /**
   * Set on arguments of declaration builtins (declare, typeset, local, export, readonly) that have the
   * form of an assignment (`name=value`, `name+=value`, `name[i]=v`, `name=(a b)`): the parsed assignment,
   * which the builtin uses (tilde expansion after `=`, no field splitting, compound arrays).
   */
  assignment?: Assignment;
}

export type WordPart =
  | Literal
  | SingleQuoted
  | AnsiCQuoted
  | DoubleQuoted
  | Escaped
  | Tilde
  | ParamExp
  | CommandSub
  | ArithSub
  | ProcessSub;

/** Plain text. Unquoted (globbing, braces, splitting apply) unless it sits inside a DoubleQuoted. */
export interface Literal {
  type: 'Literal';
  value: string;
}

/** `'...'`: the text between the quotes, verbatim. */
export interface SingleQuoted {
  type: 'SingleQuoted';
  value: string;
}

/** `$'...'`: ANSI-C quoting, escapes already decoded (`\n`, `\t`, `\x41`, `\u00e9`, `\cX` ...). */
export interface AnsiCQuoted {
  type: 'AnsiCQuoted';
  value: string;
  /** The text between the quotes, undecoded (\u escapes decode differently in the C locale). */
  body?: string;
}

/** `"..."` (or `$"..."`, locale translation, treated as plain double quotes with `locale: true`). */
export interface DoubleQuoted {
  type: 'DoubleQuoted';
  /** Literal, ParamExp, CommandSub, ArithSub parts; Literal text here is quoted. */
  parts: WordPart[];
  locale: boolean;
}

/** A backslash-escaped character outside quotes (`\*` is a literal star). `value` is the character. */
export interface Escaped {
  type: 'Escaped';
  value: string;
}

/**
 * A tilde prefix: at the start of a word, or (in assignment values) after `=` or an unquoted `:`.
 * `user` is '' for `~`, the login name for `~name`, '+' for `~+`, '-' for `~-`, or `+N`/`-N`/`N`.
 */
export interface Tilde {
  type: 'Tilde';
  user: string;
}

/** An array subscript as written between `[` and `]`. */
export interface Subscript {
  /** Source text; exactly '@' or '*' for the whole-array forms. */
  text: string;
  /**
   * The subscript parsed as a word (expansions inside, no splitting). For indexed arrays the
   * interpreter expands it and evaluates the result with parseArith; for associative arrays the
   * expansion is the key.
   */
  word: Word;
}

/**
 * A parameter expansion: `$x`, `$1`, `$?`, `${x}`, `${x:-w}`, `${#x}`, `${!x}`, `${a[i]}` ...
 * `name` is the variable name, a positional number ('1', '10'), or a special parameter
 * ('?', '!', '$', '#', '@', '*', '-', '0', '_').
 */
export interface ParamExp {
  type: 'ParamExp';
  name: string;
  /** `${a[i]}` / `${a[@]}` / `${a[*]}`; null when there is no subscript. */
  subscript: Subscript | null;
  /** Written with braces. */
  braced: boolean;
  /** `${!x...}`: indirection (only for op kinds other than 'prefixNames' and 'keys'). */
  indirect: boolean;
  op: ParamOp;
}

export type ParamOp =
  /** `$x`, `${x}` */
  | { kind: 'none' }
  /** `${#x}`, `${#a[@]}`, `${#a[i]}` */
  | { kind: 'length' }
  /**
   * `${x-w}` `${x:-w}` (use default), `${x=w}` `${x:=w}` (assign default), `${x?w}` `${x:?w}` (error),
   * `${x+w}` `${x:+w}` (alternative). `colon` is true when the `:` form was used (null counts as unset).
   */
  | { kind: 'default'; test: '-' | '=' | '?' | '+'; colon: boolean; word: Word }
  /** `${x:off}` `${x:off:len}`: both operands are arithmetic, expanded first (kept as words). */
  | { kind: 'substring'; offset: Word; length: Word | null }
  /** `${x#p}` (shortest) `${x##p}` (longest, `longest: true`). */
  | { kind: 'removePrefix'; longest: boolean; pattern: Word }
  /** `${x%p}` `${x%%p}` */
  | { kind: 'removeSuffix'; longest: boolean; pattern: Word }
  /**
   * `${x/p/r}` (first), `${x//p/r}` (all), `${x/#p/r}` (anchored at start), `${x/%p/r}` (at end).
   * `replacement` is null when there was no second `/`.
   */
  | { kind: 'replace'; mode: 'first' | 'all' | 'prefix' | 'suffix'; pattern: Word; replacement: Word | null }
  /** `${x^p}` `${x^^p}` `${x,p}` `${x,,p}`; pattern null means "any character". */
  | { kind: 'case'; op: '^' | '^^' | ',' | ',,' | '~' | '~~'; pattern: Word | null }
  /** `${x@Q}` and the other `@` transformations; `op` is the letter (Q E P A K a u U L k). */
  | { kind: 'transform'; op: string }
  /** `${!prefix*}` / `${!prefix@}`: names of variables starting with `name`. */
  | { kind: 'prefixNames'; star: boolean }
  /** `${!a[@]}` / `${!a[*]}`: the keys of array `name`. */
  | { kind: 'keys'; star: boolean }
  /**
   * Not a valid expansion (`${x!}`, `${}`): bash reports "`text`: bad substitution" when it is
   * expanded, not when it is parsed. `text` is the whole `${...}`.
   */
  | { kind: 'bad'; text: string };

/** `$(...)` or backquotes: the body parsed recursively. */
export interface CommandSub {
  type: 'CommandSub';
  body: List;
  /** Text between the delimiters (for backquotes: after backslash processing). */
  source: string;
  backquote: boolean;
}

/**
 * `$((...))` (and the old `$[...]`). Bash first expands `expr` like a double-quoted string (parameters,
 * command substitutions) and then evaluates the result with the arithmetic grammar (see parseArith).
 */
export interface ArithSub {
  type: 'ArithSub';
  /** The text between `$((` and `))`. */
  source: string;
  /** The same text parsed as a word, for the expansion step. */
  expr: Word;
}

/** `<(list)` or `>(list)`: replaced by a /dev/fd path connected to the list. */
export interface ProcessSub {
  type: 'ProcessSub';
  op: '<' | '>';
  body: List;
  source: string;
}

// ------------------------------------------------------------------------------------- assignments

/** `name=value`, `name+=value`, `name[i]=value`, `name=(a b [k]=v)`. */
export interface Assignment {
  type: 'Assignment';
  name: string;
  subscript: Subscript | null;
  /** `+=` */
  append: boolean;
  /** Scalar value (possibly an empty word); null when `array` is set. */
  value: Word | null;
  /** Compound array value `( ... )`; null for scalar assignments. */
  array: ArrayElement[] | null;
  line: number;
}

/** One element of a compound array assignment: `word`, `[k]=word`, or `[k]+=word`. */
export interface ArrayElement {
  subscript: Subscript | null;
  append: boolean;
  value: Word;
}

// ------------------------------------------------------------------------------------ redirections

export type RedirectOp =
  | '<' | '>' | '>>' | '>|' | '<>'
  /** `<&word` `>&word`: dup (word is a number), close (word is `-`), or move (`3>&4-`: text ends in `-`).
   * `>&word` with a non-numeric word means `&>word`, as in bash. */
  | '<&' | '>&'
  /** `&>word` `&>>word`: stdout and stderr. */
  | '&>' | '&>>'
  | '<<' | '<<-' | '<<<';

export interface Redirect {
  type: 'Redirect';
  op: RedirectOp;
  /** Explicit descriptor before the operator (`2>`), null for the default. */
  fd: number | null;
  /** `{var}>file`: the variable that receives the allocated descriptor, else null. */
  fdVar: string | null;
  /** File name, descriptor word, here-string, or (for here-documents) the delimiter word. */
  target: Word;
  /** For `<<` and `<<-` only. */
  heredoc: HereDoc | null;
  line: number;
}

export interface HereDoc {
  /** The delimiter after quote removal. */
  delimiter: string;
  /** Any part of the delimiter was quoted: the body is not expanded. */
  quoted: boolean;
  /** `<<-`: leading tabs were stripped from body lines and the delimiter line. */
  stripTabs: boolean;
  /**
   * The body, every line ending with a newline. Quoted: a single Literal. Unquoted: Literal text
   * (with `\$ \` \\ \newline` already processed) mixed with ParamExp, CommandSub and ArithSub parts,
   * all behaving as if double-quoted (no splitting, no globbing).
   */
  body: WordPart[];
  /** The raw body text (after tab stripping). */
  raw: string;
}

// ---------------------------------------------------------------------------------------- commands

/** A sequence of and-or lists separated by `;`, `&` or newlines. */
export interface List {
  type: 'List';
  items: ListItem[];
}

export interface ListItem {
  command: AndOr;
  /** Terminated by `&`. */
  background: boolean;
  /** Followed by a newline rather than `;` or `&` (bash prints the two differently outside functions). */
  newline?: boolean;
}

/** `p1 && p2 || p3`: evaluated left to right with equal precedence. */
export interface AndOr {
  type: 'AndOr';
  first: Pipeline;
  rest: { op: '&&' | '||'; pipeline: Pipeline }[];
  line: number;
}

export interface Pipeline {
  type: 'Pipeline';
  commands: Command[];
  /** `pipeStderr[i]` is true when commands[i] and commands[i+1] are joined by `|&`. */
  pipeStderr: boolean[];
  /** Leading `!`. */
  negated: boolean;
  /** `time` (posix true for `time -p`); null when not timed. */
  time: { posix: boolean } | null;
  line: number;
}

export type Command =
  | SimpleCommand
  | Group
  | Subshell
  | If
  | While
  | For
  | ArithFor
  | Select
  | Case
  | ArithCommand
  | CondCommand
  | FunctionDef
  | Coproc;

/** Assignments, words and redirections in source order within each kind. */
export interface SimpleCommand {
  type: 'SimpleCommand';
  assignments: Assignment[];
  /** Command name and arguments (empty for assignment- or redirection-only commands). */
  words: Word[];
  redirects: Redirect[];
  line: number;
}

/** `{ list; }` */
export interface Group {
  type: 'Group';
  body: List;
  redirects: Redirect[];
  line: number;
}

/** `( list )` */
export interface Subshell {
  type: 'Subshell';
  body: List;
  redirects: Redirect[];
  line: number;
}

/** `if c1; then b1; elif c2; then b2; else b3; fi` */
export interface If {
  type: 'If';
  clauses: { condition: List; body: List }[];
  elseBody: List | null;
  redirects: Redirect[];
  line: number;
}

/** `while c; do b; done` and `until c; do b; done` (`until: true`). */
export interface While {
  type: 'While';
  until: boolean;
  condition: List;
  body: List;
  redirects: Redirect[];
  line: number;
}

/** `for name in words; do body; done`; `words` null when `in` is absent (iterate "$@"). */
export interface For {
  type: 'For';
  name: string;
  words: Word[] | null;
  body: List;
  redirects: Redirect[];
  line: number;
}

/** `for ((init; test; update)); do body; done`; each part is arithmetic source text ('' if empty). */
export interface ArithFor {
  type: 'ArithFor';
  init: ArithText;
  test: ArithText;
  update: ArithText;
  body: List;
  redirects: Redirect[];
  line: number;
}

/** Arithmetic source kept as text and as a word (expanded first, then evaluated with parseArith). */
export interface ArithText {
  source: string;
  expr: Word;
}

/** `select name in words; do body; done` */
export interface Select {
  type: 'Select';
  name: string;
  words: Word[] | null;
  body: List;
  redirects: Redirect[];
  line: number;
}

/** `case word in pattern|pattern) body ;; ... esac` */
export interface Case {
  type: 'Case';
  word: Word;
  items: CaseItem[];
  redirects: Redirect[];
  line: number;
}

export interface CaseItem {
  patterns: Word[];
  body: List;
  /** `;;` stop, `;&` fall through into the next body, `;;&` test the next patterns. */
  terminator: ';;' | ';&' | ';;&';
  line: number;
}

/** `(( expression ))` */
export interface ArithCommand {
  type: 'ArithCommand';
  expr: ArithText;
  redirects: Redirect[];
  line: number;
}

/** `[[ expression ]]` */
export interface CondCommand {
  type: 'CondCommand';
  expr: CondExpr;
  redirects: Redirect[];
  line: number;
}

/**
 * `name() compound`, `function name compound`, `function name() compound`. Redirections written after
 * the body belong to the body (`body.redirects`) and apply at each call, as in bash.
 */
export interface FunctionDef {
  type: 'FunctionDef';
  name: string;
  body: Command;
  /** Written with the `function` keyword. */
  keyword: boolean;
  /** Source text of the whole definition (for `declare -f`/`type`). */
  source: string;
  line: number;
}

/** `coproc [NAME] command`: NAME is 'COPROC' when omitted (always omitted for simple commands). */
export interface Coproc {
  type: 'Coproc';
  name: string;
  body: Command;
  line: number;
}

// -------------------------------------------------------------------------------- [[ expressions

export type CondExpr = CondAnd | CondOr | CondNot | CondUnary | CondBinary | CondWord;

export interface CondAnd {
  type: 'CondAnd';
  /** Pairs of parentheses written around this expression (kept for printing). */
  parens?: number;
  left: CondExpr;
  right: CondExpr;
}

export interface CondOr {
  type: 'CondOr';
  /** Pairs of parentheses written around this expression (kept for printing). */
  parens?: number;
  left: CondExpr;
  right: CondExpr;
}

/** `! expr`; parentheses only group and leave no node. */
export interface CondNot {
  type: 'CondNot';
  /** Pairs of parentheses written around this expression (kept for printing). */
  parens?: number;
  expr: CondExpr;
}

/** `-f file`, `-z str`, `-v name`, `-o opt` ... `op` includes the dash. */
export interface CondUnary {
  type: 'CondUnary';
  /** Pairs of parentheses written around this expression (kept for printing). */
  parens?: number;
  op: string;
  arg: Word;
}

/**
 * `l op r`. For `==`, `=` and `!=`, `right` is a pattern (unquoted parts are pattern characters).
 * For `=~`, `right` is an extended regular expression (quoted parts match literally); unquoted
 * parentheses, `|` and spaces inside parentheses are kept in Literal parts.
 */
export interface CondBinary {
  type: 'CondBinary';
  /** Pairs of parentheses written around this expression (kept for printing). */
  parens?: number;
  op: '==' | '=' | '!=' | '=~' | '<' | '>' | '-eq' | '-ne' | '-lt' | '-le' | '-gt' | '-ge' | '-nt' | '-ot' | '-ef';
  left: Word;
  right: Word;
}

/** A lone word: true when it expands to a non-empty string. */
export interface CondWord {
  type: 'CondWord';
  /** Pairs of parentheses written around this expression (kept for printing). */
  parens?: number;
  word: Word;
}

// ------------------------------------------------------------------------------------ arithmetic

/** The result of parseArith: bash integer arithmetic (64-bit signed, wrapping). */
export type ArithExpr =
  | ArithNumber
  | ArithVar
  | ArithUnary
  | ArithUpdate
  | ArithBinary
  | ArithAssign
  | ArithTernary;

export interface ArithNumber {
  type: 'ArithNumber';
  value: bigint;
  /** As written (`0x1F`, `2#101`, `010`). */
  text: string;
}

/** A variable, `$x`/`${x}` accepted too; its value is itself evaluated as an expression. */
export interface ArithVar {
  type: 'ArithVar';
  name: string;
  /** Subscript source text for `a[expr]` (an expression for indexed arrays, a key for associative). */
  subscript: string | null;
}

export interface ArithUnary {
  type: 'ArithUnary';
  op: '-' | '+' | '!' | '~';
  arg: ArithExpr;
}

/** `++x`, `--x` (prefix) and `x++`, `x--`. */
export interface ArithUpdate {
  type: 'ArithUpdate';
  op: '++' | '--';
  prefix: boolean;
  target: ArithVar;
}

export type ArithBinaryOp =
  | ',' | '||' | '&&' | '|' | '^' | '&' | '==' | '!=' | '<' | '>' | '<=' | '>='
  | '<<' | '>>' | '+' | '-' | '*' | '/' | '%' | '**';

/** `&&` and `||` short-circuit; `,` evaluates both and yields the right. */
export interface ArithBinary {
  type: 'ArithBinary';
  op: ArithBinaryOp;
  left: ArithExpr;
  right: ArithExpr;
  /** `/`, `%` and `**`: the error token bash shows when the right operand is 0 (negative for `**`). */
  errorToken?: string;
}

export interface ArithAssign {
  type: 'ArithAssign';
  op: '=' | '+=' | '-=' | '*=' | '/=' | '%=' | '<<=' | '>>=' | '&=' | '^=' | '|=';
  target: ArithVar;
  value: ArithExpr;
  /** `/=` and `%=`: the error token bash shows when the value is 0. */
  errorToken?: string;
}

export interface ArithTernary {
  type: 'ArithTernary';
  test: ArithExpr;
  then: ArithExpr;
  else: ArithExpr;
}

// -------------------------------------------------------------------------------------- errors

/**
 * A syntax error as bash reports it. The interpreter prints `PREFIX: line N: MESSAGE` where PREFIX is
 * `bash: -c` for -c strings, the script path for scripts, `bash` for interactive input; then, when
 * `sourceLine` is not null, a second line `PREFIX: line N: \`SOURCELINE'`.
 */
export interface ShellSyntaxError {
  message: string;
  line: number;
  /** The offending token (`fi`, `newline`, `)`), or null for end-of-file errors. */
  token: string | null;
  /** The text of the line being parsed, echoed by bash after "near unexpected token" errors. */
  sourceLine: string | null;
  /**
   * The exit status bash reports for this error: 2 for ordinary syntax errors; bash 5.2 exits 0 after
   * a `[[ ... ]]` grammar error (e.g. "unexpected argument `]]' to conditional binary operator").
   */
  status: number;
  /**
   * A second message some errors print on the next output line instead of echoing the source line,
   * e.g. "syntax error: `((i=0; i<3))'" after "syntax error: arithmetic expression required".
   */
  followUp?: string;
  /** The line the follow-up message names when it differs from `line`. */
  followUpLine?: number;
}

/** A non-fatal diagnostic (e.g. a here-document delimited by end-of-file). Printed as `PREFIX: line N: MESSAGE`. */
export interface ShellWarning {
  message: string;
  line: number;
}
