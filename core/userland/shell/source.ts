// Running shell source: the top-level read-parse-execute loop over a buffer (scripts, -c strings,
// `source` and `eval`), with bash's handling of syntax errors and expansion errors per command line.
// Parses of whole texts are shared with the other guests of the image (source-reader.ts).

import { utf8Decode } from '../../kernel/abi.ts';
import { ExpansionError, ShellExit } from './control.ts';
import { runList } from './exec.ts';
import { formatSyntaxError } from './errors.ts';
import { PARSE_CACHE, SourceReader } from './source-reader.ts';
import type { ParserOptions } from './parser.ts';
import type { Shell } from './shell.ts';
import { strerror } from '../lib/errno.ts';

/**
 * Parses and runs `text` command line by command line. An expansion error abandons the rest of the
 * current command line (and the whole run when fatal in a non-interactive shell); a syntax error ends
 * the run with status 2 (bash: "syntax error" in scripts and -c strings). `lastInPlace`: a `bash -c`
 * string, whose last command may replace the shell (runList).
 */
export async function runSource(
  sh: Shell, text: string,
  options: { prefix: string; syntaxPrefix?: string; line?: number; lastInPlace?: boolean } = { prefix: 'bash' },
): Promise<number> {
  const line = options.line ?? 1;
  const reader = new SourceReader(text, line, line === 1 ? sh.sys.sharedCache(PARSE_CACHE) : null);
  // The parser follows extglob and expand_aliases line by line: its options are made again when they change.
  const aliasLookup = (n: string): string | undefined => sh.aliases.get(n);
  let parserOptions = null as ParserOptions | null;
  for (;;) {
    const extglob = sh.shopts['extglob'];
    const aliases = sh.shopts['expand_aliases'] ? aliasLookup : undefined;
    if (parserOptions === null || parserOptions.extglob !== extglob || parserOptions.aliases !== aliases) parserOptions = { extglob, aliases };
    const r = reader.next(parserOptions);
    if (r.kind === 'eof') break;
    if (r.kind === 'incomplete') continue;
    for (const w of r.warnings) await sh.write(2, `${options.prefix}: line ${w.line}: ${w.message}\n`);
    if (r.kind === 'error') {
      for (const l of formatSyntaxError(r.error, options.syntaxPrefix ?? options.prefix)) await sh.write(2, l + '\n');
      sh.status = r.error.status;
      return sh.status;
    }
    if (sh.options.verbose) await sh.write(2, '');
    if (sh.options.noexec) continue;
    try {
      await runList(sh, r.list, options.lastInPlace === true && reader.atEnd());
    } catch (e) {
      if (e instanceof ExpansionError) {
        sh.status = e.status;
        if (e.fatal && !sh.options.interactive) throw new ShellExit(e.status);
        continue;
      }
      throw e;
    }
  }
  return sh.status;
}

/** Reads a whole file as text; -errno on failure. */
export async function readText(sh: Shell, path: string): Promise<string | number> {
  const fd = sh.sys.open(path, 0);
  if (fd < 0) return fd;
  // Size the buffer from fstat (files in /proc say 0: read those in small chunks).
  const st = sh.sys.fstat(fd);
  const size = typeof st === 'number' ? 0 : st.size;
  const parts: Uint8Array[] = [];
  let buf = new Uint8Array(size > 0 ? size + 1 : 4096);
  let total = 0;
  for (;;) {
    const n = await sh.sys.read(fd, total > 0 && total < buf.length && parts.length === 0 ? buf.subarray(total) : buf);
    if (n < 0) {
      sh.sys.close(fd);
      return n;
    }
    if (n === 0) break;
    if (parts.length === 0 && total + n < buf.length) {
      total += n;
      continue;
    }
    // The file grew past the guess: collect chunks.
    if (parts.length === 0) parts.push(buf.slice(0, total + n));
    else parts.push(buf.slice(0, n));
    total += n;
    buf = new Uint8Array(65536);
  }
  sh.sys.close(fd);
  if (parts.length === 0) return utf8Decode(buf, 0, total);
  const all = new Uint8Array(total);
  let o = 0;
  for (const p of parts) {
    all.set(p, o);
    o += p.length;
  }
  return utf8Decode(all);
}

/** Runs a file as a script in this (already forked) shell: `bash file args` semantics. */
export async function runScriptFile(sh: Shell, path: string, args: string[]): Promise<number> {
  const text = await readText(sh, path);
  if (typeof text === 'number') {
    await sh.write(2, `${sh.name}: ${path}: ${strerror(text)}\n`);
    return 127;
  }
  sh.name = path;
  sh.source = path;
  sh.mode = 'script';
  sh.positional = args;
  sh.functions = new Map();
  try {
    return await runSource(sh, text, { prefix: path });
  } catch (e) {
    if (e instanceof ShellExit) return e.status;
    throw e;
  }
}
