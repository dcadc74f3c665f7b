// Reading the command lines of a whole source text (a script, a -c string, a start-up file) with the
// parses shared between shells: the image's shared cache keeps, per text read more than once, the command
// lines already parsed and what each parse depended on (extglob, whether aliases were on and which names
// were looked up as aliases). A shell reuses a command line when its own state gives the same answers; otherwise it
// parses from there itself. A command line where an alias applied ends the shared part (the alias text
// was spliced into the source).

import type { SharedCache } from '../../kernel/abi.ts';
import { ShellParser, type ParseResult } from './parse.ts';
import type { ParserOptions } from './parser.ts';

/** The shared cache space of parsed texts. */
export const PARSE_CACHE = 'bash-parse';
/** Longer texts are parsed by each shell on its own (their trees would crowd the cache). */
export const PARSE_CACHE_MAX_TEXT = 16384;

/** One command line and what its parse depended on. */
interface Step {
  readonly result: ParseResult;
  readonly extglob: boolean;
  readonly aliases: boolean;
  /** Names looked up as aliases, none of which was one. */
  readonly lookups: readonly string[];
  /** Where the next command line starts. */
  readonly pos: number;
  readonly line: number;
}

/**
 * What the cache holds for a text read once so far: its parse is kept from the second reading on (most
 * texts read once, a lab's per-device startup scripts, would only fill the cache).
 */
const SEEN = 'seen';

/** The shared parse of one text, command line by command line from its start. */
export class ParsedText {
  readonly steps: Step[] = [];
}

export class SourceReader {
  private parser: ShellParser | null = null;
  /** Steps of `shared` used so far. */
  private index = 0;
  /** The entry this reader fills (it made it), or null. */
  private recording: ParsedText | null = null;
  private readonly shared: ParsedText | undefined;

  constructor(private readonly text: string, private readonly line: number, cache: SharedCache | null) {
    if (!cache || line !== 1 || text.length > PARSE_CACHE_MAX_TEXT) return;
    const found = cache.get(text);
    if (found instanceof ParsedText) this.shared = found;
    else if (found === SEEN) {
      this.shared = this.recording = new ParsedText();
      cache.set(text, this.recording);
    } else cache.set(text, SEEN);
  }

  /** Nothing follows the command lines read so far (not even a newline or a comment). */
  atEnd(): boolean {
    return this.position() >= this.text.length;
  }

  /** Where the command line read last starts and ends in the text. */
  private from = 0;
  private to = 0;

  /** The text of the command line read last, as `set -v` shows it. */
  lastText(): string {
    return this.text.slice(this.from, this.to);
  }

  private position(): number {
    return this.parser ? this.parser.pos : this.index > 0 ? this.shared!.steps[this.index - 1]!.pos : 0;
  }

  next(options: ParserOptions): ParseResult {
    this.from = this.position();
    const result = this.read(options);
    this.to = this.position();
    return result;
  }

  private read(options: ParserOptions): ParseResult {
    const shared = this.shared;
    if (!this.parser && shared && this.index < shared.steps.length) {
      const step = shared.steps[this.index]!;
      if (sameDependencies(step, options)) {
        this.index++;
        return step.result;
      }
    }
    if (!this.parser) {
      this.parser = new ShellParser(this.text, { line: this.line, ...options });
      if (this.index > 0) {
        const at = shared!.steps[this.index - 1]!;
        this.parser.seek(at.pos, at.line);
      }
    }
    const parser = this.parser;
    const recording = this.recording;
    if (!recording || this.index !== recording.steps.length) {
      parser.options = options;
      return parser.next();
    }
    // Record this command line with what it depended on.
    const lookups: string[] = [];
    let aliased = false;
    const aliases = options.aliases;
    parser.options = {
      extglob: options.extglob,
      aliases: aliases && ((name) => {
        const value = aliases(name);
        if (value === undefined) lookups.push(name);
        else aliased = true;
        return value;
      }),
    };
    const result = parser.next();
    if (aliased || result.kind === 'incomplete') this.recording = null;
    else {
      recording.steps.push({
        result, extglob: options.extglob === true, aliases: aliases !== undefined, lookups, pos: parser.pos, line: parser.line,
      });
      this.index++;
    }
    return result;
  }
}

function sameDependencies(step: Step, options: ParserOptions): boolean {
  if (step.extglob !== (options.extglob === true) || step.aliases !== (options.aliases !== undefined)) return false;
  const aliases = options.aliases;
  if (aliases) for (const name of step.lookups) if (aliases(name) !== undefined) return false;
  return true;
}
