// Parsing of braced parameter expansions `${...}` into ParamExp nodes with their operand words.
// Invalid forms become op kind 'bad' (bash reports "bad substitution" at expansion time, not here).

import type { ParamExp, ParamOp, Subscript } from './ast.ts';
import { unmatched } from './errors.ts';
import { type Lexer, isDigit, isNameChar, isNameStart } from './lexer.ts';
import { makeSubscript, readOperand } from './words.ts';

const SPECIAL = '@*#?-$!';

function readName(lx: Lexer): string {
  const src = lx.src;
  const c = src[lx.pos] ?? '';
  let i = lx.pos;
  if (isNameStart(c)) {
    while (isNameChar(src[i] ?? '')) i++;
  } else if (isDigit(c)) {
    while (isDigit(src[i] ?? '')) i++;
  } else if (c !== '' && SPECIAL.includes(c)) {
    i++;
  }
  const name = src.slice(lx.pos, i);
  lx.pos = i;
  return name;
}

/** Skips to the `}` matching the `${` at `open`, for invalid expansions. */
function skipBad(lx: Lexer, open: number, openLine: number): ParamOp {
  let depth = 1;
  for (;;) {
    const c = lx.advance();
    if (c === '') throw unmatched('}', openLine);
    if (c === '\\') lx.advance();
    else if (c === '{') depth++;
    else if (c === '}' && --depth === 0) return { kind: 'bad', text: lx.src.slice(open, lx.pos) };
  }
}

/** A `${...}` that is not valid: the text up to its closing brace, reported when expanded. */
function bad(node: ParamExp, lx: Lexer, open: number, openLine: number): ParamExp {
  node.op = skipBad(lx, open, openLine);
  return node;
}

/** Reads `${...}`; the lexer is at `$`. */
export function readBraceParam(lx: Lexer, inDq: boolean): ParamExp {
  const open = lx.pos;
  const openLine = lx.line;
  lx.pos += 2;
  const node: ParamExp = { type: 'ParamExp', name: '', subscript: null, braced: true, indirect: false, op: { kind: 'none' } };
  let length = false;
  const c0 = lx.cur();
  const c1 = lx.at(1);
  if (c0 === '#' && c1 !== '}' && c1 !== '' && (isNameChar(c1) || SPECIAL.includes(c1))) {
    length = true;
    lx.pos++;
  } else if (c0 === '!' && c1 !== '}' && c1 !== '' && (isNameChar(c1) || SPECIAL.includes(c1))) {
    node.indirect = true;
    lx.pos++;
  }
  node.name = readName(lx);
  if (node.name === '') return bad(node, lx, open, openLine);
  if (lx.cur() === '[' && !isDigit(node.name[0]!) && !SPECIAL.includes(node.name)) {
    const sub = readSubscript(lx, openLine);
    if (sub === null) return bad(node, lx, open, openLine);
    node.subscript = sub;
  }
  const c = lx.cur();
  if (length) {
    if (c !== '}') return bad(node, lx, open, openLine);
    lx.pos++;
    node.op = { kind: 'length' };
    return node;
  }
  if (node.indirect) {
    if ((c === '*' || c === '@') && lx.at(1) === '}' && node.subscript === null) {
      lx.pos += 2;
      node.indirect = false;
      node.op = { kind: 'prefixNames', star: c === '*' };
      return node;
    }
    const t = node.subscript?.text;
    if (c === '}' && (t === '@' || t === '*')) {
      lx.pos++;
      node.indirect = false;
      node.op = { kind: 'keys', star: t === '*' };
      return node;
    }
  }
  const n = lx.at(1);
  switch (c) {
    case '}':
      lx.pos++;
      return node;
    case ':':
      if (n === '-' || n === '=' || n === '?' || n === '+') {
        lx.pos += 2;
        node.op = { kind: 'default', test: n, colon: true, word: readOperand(lx, '}', inDq, false, openLine) };
      } else {
        lx.pos++;
        const offset = readOperand(lx, ':}', inDq, false, openLine);
        let length = null;
        if (lx.cur() === ':') {
          lx.pos++;
          length = readOperand(lx, '}', inDq, false, openLine);
        }
        node.op = { kind: 'substring', offset, length };
      }
      break;
    case '-':
    case '=':
    case '?':
    case '+':
      lx.pos++;
      node.op = { kind: 'default', test: c, colon: false, word: readOperand(lx, '}', inDq, false, openLine) };
      break;
    case '#':
    case '%': {
      const longest = n === c;
      lx.pos += longest ? 2 : 1;
      const pattern = readOperand(lx, '}', inDq, true, openLine);
      node.op = c === '#' ? { kind: 'removePrefix', longest, pattern } : { kind: 'removeSuffix', longest, pattern };
      break;
    }
    case '/': {
      const mode = n === '/' ? 'all' : n === '#' ? 'prefix' : n === '%' ? 'suffix' : 'first';
      lx.pos += mode === 'first' ? 1 : 2;
      const pattern = readOperand(lx, '/}', inDq, true, openLine);
      let replacement = null;
      if (lx.cur() === '/') {
        lx.pos++;
        replacement = readOperand(lx, '}', inDq, false, openLine);
      }
      node.op = { kind: 'replace', mode, pattern, replacement };
      break;
    }
    case '^':
    case ',':
    case '~': {
      const double = n === c;
      lx.pos += double ? 2 : 1;
      const pattern = readOperand(lx, '}', inDq, true, openLine);
      const op = (double ? c + c : c) as '^' | '^^' | ',' | ',,' | '~' | '~~';
      node.op = { kind: 'case', op, pattern: pattern.text === '' ? null : pattern };
      break;
    }
    case '@':
      if ('QEPAKaULuk'.includes(n) && n !== '' && lx.at(2) === '}') {
        lx.pos += 3;
        node.op = { kind: 'transform', op: n };
        return node;
      }
      return bad(node, lx, open, openLine);
    default:
      return bad(node, lx, open, openLine);
  }
  if (lx.cur() !== '}') throw unmatched('}', openLine);
  lx.pos++;
  // `${x:}`: an empty offset is a bad substitution.
  if (node.op.kind === 'substring' && node.op.offset.text === '' && node.op.length === null) {
    node.op = { kind: 'bad', text: lx.src.slice(open, lx.pos) };
  }
  return node;
}

/** `[...]` after a parameter name; null when unterminated on this line. */
function readSubscript(lx: Lexer, openLine: number): Subscript | null {
  const src = lx.src;
  let depth = 0;
  for (let i = lx.pos; i < src.length; i++) {
    const c = src[i];
    if (c === '\\') i++;
    else if (c === '[') depth++;
    else if (c === ']' && --depth === 0) {
      const text = src.slice(lx.pos + 1, i);
      lx.pos = i + 1;
      return makeSubscript(lx, text, openLine);
    } else if (c === '\n') return null;
  }
  return null;
}
