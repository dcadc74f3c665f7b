// chmod(1)'s MODE argument: octal numbers and symbolic clauses ([ugoa]*[-+=][rwxXst]*|[ugo], comma
// separated), applied to a file's current mode as GNU's mode_adjust does (umask when no 'who' is given).

export interface ModeChange {
  /** Applies the change to `mode` (permission bits 07777) of a file; `dir` decides X and setuid keeping. */
  apply(mode: number, dir: boolean, umask: number): number;
  /** True when no clause names who it is for (then the umask masks it). */
  readonly usesUmask: boolean;
}

interface Clause {
  who: number;
  op: string;
  perm: number;
  copy: string;
  cond: boolean;
  explicitWho: boolean;
}

const ALL = 0o7777;

/** Parses a mode; null when it is invalid ("invalid mode: 'x'"). */
export function parseMode(text: string): ModeChange | null {
  if (/^[0-7]+$/.test(text)) {
    if (text.length > 4 && parseInt(text, 8) > ALL) return null;
    const n = parseInt(text, 8);
    const keepDirIds = text.replace(/^0+/, '').length < 5 && text.length < 5;
    return {
      usesUmask: false,
      apply: (mode, dir) => (dir && keepDirIds ? (n & 0o1777) | (mode & 0o6000) | (n & 0o6000) : n),
    };
  }
  const clauses: Clause[] = [];
  for (const part of text.split(',')) {
    let i = 0;
    let who = 0;
    while (i < part.length && 'ugoa'.includes(part[i]!)) {
      who |= { u: 0o4700, g: 0o2070, o: 0o1007, a: ALL }[part[i] as 'u' | 'g' | 'o' | 'a'];
      i++;
    }
    if (i >= part.length) return null;
    while (i < part.length) {
      const op = part[i]!;
      if (!'+-='.includes(op)) return null;
      i++;
      let perm = 0;
      let copy = '';
      let cond = false;
      if (i < part.length && 'ugo'.includes(part[i]!)) copy = part[i++]!;
      else {
        while (i < part.length && 'rwxXst'.includes(part[i]!)) {
          const c = part[i++]!;
          if (c === 'r') perm |= 0o444;
          else if (c === 'w') perm |= 0o222;
          else if (c === 'x') perm |= 0o111;
          else if (c === 'X') cond = true;
          else if (c === 's') perm |= 0o6000;
          else perm |= 0o1000;
        }
      }
      clauses.push({ who: who || ALL, op, perm, copy, cond, explicitWho: who !== 0 });
    }
  }
  return {
    usesUmask: clauses.some((c) => !c.explicitWho),
    apply(mode, dir, umask) {
      let m = mode & ALL;
      for (const c of clauses) {
        const affected = c.explicitWho ? c.who : 0;
        let value = c.perm;
        if (c.copy) {
          const shift = { u: 6, g: 3, o: 0 }[c.copy as 'u' | 'g' | 'o'];
          value = ((m >> shift) & 7) * 0o111;
        }
        if (c.cond && (dir || (m & 0o111) !== 0)) value |= 0o111;
        const mentioned = affected ? affected & value : value;
        const omit = dir ? 0o6000 & ~mentioned : 0;
        value &= (affected || ~umask & ALL) & ~omit;
        if (c.op === '+') m |= value;
        else if (c.op === '-') m &= ~value;
        else m = (m & ((affected ? ~affected & ALL : 0) | omit)) | value;
      }
      return m;
    },
  };
}

/** "0755" as GNU chmod -v prints it. */
export const octalMode = (m: number): string => (m & ALL).toString(8).padStart(4, '0');
