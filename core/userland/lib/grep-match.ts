// The matcher behind grep: compiles -G/-E/-F/-P patterns (one RegExp per pattern, so back-references
// keep their numbers) with -i -w -x, and finds POSIX leftmost-longest matches for -o.

import { argBytes } from './cmd.ts';
import { escapeLiteral, translateRegex } from './regex.ts';

export interface MatchOptions {
  mode: 'G' | 'E' | 'F' | 'P';
  icase: boolean;
  word: boolean;
  line: boolean;
}

export class Matcher {
  private constructor(private readonly res: RegExp[], private readonly longest: boolean) {}

  /** Compiles the patterns (already split on newlines); returns a glibc error text on failure. */
  static compile(patterns: readonly string[], o: MatchOptions): Matcher | string {
    const res: RegExp[] = [];
    let alternation = patterns.length > 1;
    for (const raw of patterns) {
      const pat = argBytes(raw);
      let src: string;
      if (o.mode === 'F') src = escapeLiteral(pat);
      else if (o.mode === 'P') src = pat;
      else {
        const r = translateRegex(pat, o.mode === 'E', o.icase);
        if ('error' in r) return r.error;
        src = r.source;
        if (src.includes('|')) alternation = true;
      }
      if (o.line) src = `^(?:${src})$`;
      else if (o.word) src = `(?<![A-Za-z0-9_])(?:${src})(?![A-Za-z0-9_])`;
      try {
        res.push(new RegExp(src, o.icase ? 'gsi' : 'gs'));
      } catch {
        return 'Invalid regular expression';
      }
    }
    return new Matcher(res, alternation);
  }

  /** Whether the line matches any pattern. */
  test(line: string): boolean {
    for (const re of this.res) {
      re.lastIndex = 0;
      if (re.test(line)) return true;
    }
    return false;
  }

  /** The leftmost-longest match at or after `from`: [start, end] or null. */
  find(line: string, from: number): [number, number] | null {
    let best: [number, number] | null = null;
    for (const re of this.res) {
      re.lastIndex = from;
      const m = re.exec(line);
      if (!m) continue;
      let end = m.index + m[0].length;
      if (this.longest) end = this.extend(re, line, m.index, end);
      if (!best || m.index < best[0] || (m.index === best[0] && end > best[1])) best = [m.index, end];
    }
    return best;
  }

  /** With alternation JS stops at the first alternative; POSIX wants the longest match at that start. */
  private extend(re: RegExp, line: string, start: number, end: number): number {
    for (let j = line.length; j > end; j--) {
      const probe = new RegExp(`(?:${re.source})(?<=^[\\s\\S]{${j}})`, re.flags.replace('g', '') + 'y');
      probe.lastIndex = start;
      if (probe.test(line)) return j;
    }
    return end;
  }
}
