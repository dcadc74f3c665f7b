// Running shell source: the top-level read-parse-execute loop over a buffer (scripts, -c strings,
// `source` and `eval`), with bash's handling of syntax errors and expansion errors per command line.
// Parses of whole texts are shared with the other guests of the image (source-reader.ts).

import { O_RDONLY, S_IFMT, S_IFREG, utf8Decode } from '../../kernel/abi.ts';
import { ExpansionError, ShellExit } from './control.ts';
import { runList } from './exec.ts';
import { formatSyntaxError } from './errors.ts';
import { PARSE_CACHE, PARSE_CACHE_MAX_TEXT, SourceReader } from './source-reader.ts';
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
  // The alias lookup is made when expand_aliases is first seen on (most texts never see it).
  let aliasLookup: ((n: string) => string | undefined) | undefined;
  let parserOptions = null as ParserOptions | null;
  for (;;) {
    const extglob = sh.shopts['extglob'];
    const aliases = sh.shopts['expand_aliases'] ? (aliasLookup ??= (n) => sh.aliases.get(n)) : undefined;
    if (parserOptions === null || parserOptions.extglob !== extglob || parserOptions.aliases !== aliases) parserOptions = { extglob, aliases };
    const r = reader.next(parserOptions);
    if (r.kind === 'eof') break;
    if (r.kind === 'incomplete') continue;
    const warnings = r.warnings;
    for (let i = 0; i < warnings.length; i++) await sh.write(2, `${options.prefix}: line ${warnings[i]!.line}: ${warnings[i]!.message}\n`);
    if (r.kind === 'error') {
      for (const l of formatSyntaxError(r.error, options.syntaxPrefix ?? options.prefix)) await sh.write(2, l + '\n');
      sh.status = r.error.status;
      return sh.status;
    }
    if (sh.options.verbose) {
      const text = reader.lastText();
      await sh.write(2, text.endsWith('\n') ? text : text + '\n');
    }
    if (sh.options.noexec) continue;
    try {
      await runList(sh, r.list, options.lastInPlace === true && reader.atEnd());
    } catch (e) {
      if (e instanceof ExpansionError) {
        sh.status = e.status;
        if ((e.fatal || (e.discards && sh.mode === 'command')) && !sh.options.interactive) throw new ShellExit(e.status);
        continue;
      }
      throw e;
    }
  }
  return sh.status;
}

/** The shared cache space of decoded file texts (see readAtSize). */
const TEXT_CACHE = 'bash-text';

/** A file's bytes and their text, as one guest decoded them. */
interface DecodedText {
  readonly bytes: Uint8Array;
  readonly text: string;
}

/**
 * Reads a whole file as text; -errno on failure. A regular file is read at once at its size as fstat gives
 * it, as bash's _evalfile reads it, with pread: it never waits, so the answer is given at once rather than
 * as a promise, and the descriptor is ours alone and closed at once, so its offset is never seen. Other
 * files (/proc files say 0, pipes, devices) are read in chunks to their end: a promise of the answer.
 */
export function readText(sh: Shell, path: string): string | number | Promise<string | number> {
  const sys = sh.sys;
  const fd = sys.open(path, O_RDONLY);
  if (fd < 0) return fd;
  const st = sys.fstat(fd);
  if (typeof st !== 'number' && (st.mode & S_IFMT) === S_IFREG && st.size > 0) {
    const text = readAtSize(sh, fd, path, st.size);
    sys.close(fd);
    return text;
  }
  return readChunks(sh, fd);
}

/**
 * The text of `size` bytes of a regular file. The text decoded last for the same path is shared by the
 * guests of the image and taken when the file holds the same bytes (a start-up file is the same on every
 * guest, and the shared parse of it is then found by the same string). The file is read the same way
 * whether the text is known or not: the sharing must not show in the CPU time a guest is charged.
 */
function readAtSize(sh: Shell, fd: number, path: string, size: number): string | number {
  const sys = sh.sys;
  const cache = size <= PARSE_CACHE_MAX_TEXT ? sys.sharedCache(TEXT_CACHE) : null;
  // A file that may be shared is read into a scratch buffer (pread answers at once, so no other read can
  // come between): a new typed array of this size has a buffer outside the heap, which costs more to
  // make and to collect than the read itself. Its bytes are kept only when its text is new.
  const buf = cache ? scratchOf(size) : new Uint8Array(size);
  const n = sys.pread(fd, buf, 0);
  if (n < 0) return n;
  const known = cache?.get(path) as DecodedText | undefined;
  if (known !== undefined && sameBytes(known.bytes, buf, n)) return known.text;
  const text = utf8Decode(buf, 0, n);
  if (cache && n === size) cache.set(path, { bytes: buf.slice(0, n), text });
  return text;
}

let scratch = new Uint8Array(0);

/** A scratch buffer of `size` bytes, to be used before anything else can ask for it. */
function scratchOf(size: number): Uint8Array {
  if (scratch.length < size) scratch = new Uint8Array(Math.max(size, 2 * scratch.length));
  return scratch.subarray(0, size);
}

/** Whether `bytes` is exactly the first `n` bytes of `buf`. */
function sameBytes(bytes: Uint8Array, buf: Uint8Array, n: number): boolean {
  if (bytes.length !== n) return false;
  for (let i = 0; i < n; i++) if (bytes[i] !== buf[i]) return false;
  return true;
}

/** Reads an open descriptor to its end in chunks and closes it; -errno on failure. */
async function readChunks(sh: Shell, fd: number): Promise<string | number> {
  const parts: Uint8Array[] = [];
  let buf = new Uint8Array(4096);
  let used = 0;
  let total = 0;
  for (;;) {
    const n = await sh.sys.read(fd, used > 0 ? buf.subarray(used) : buf);
    if (n < 0) {
      sh.sys.close(fd);
      return n;
    }
    if (n === 0) break;
    used += n;
    total += n;
    if (used === buf.length) {
      parts.push(buf);
      buf = new Uint8Array(65536);
      used = 0;
    }
  }
  sh.sys.close(fd);
  if (parts.length === 0) return utf8Decode(buf, 0, used);
  parts.push(buf.subarray(0, used));
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
  sh.forgetFunctions();
  try {
    return await runSource(sh, text, { prefix: path });
  } catch (e) {
    if (e instanceof ShellExit) return e.status;
    throw e;
  }
}
