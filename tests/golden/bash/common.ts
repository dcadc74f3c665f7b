// The shape of a bash golden case and the helpers the case files use to write them.

export interface BashCase {
  name: string;
  script: string;
  stdin?: string;
  /** Paths relative to WORKDIR; a key ending in '/' is a directory. */
  files?: Record<string, string>;
  /** Run as `bash t.sh ARGS` (the script written to WORKDIR/t.sh) instead of `bash -c SCRIPT bash ARGS`. */
  asFile?: boolean;
  args?: string[];
}

export interface BashRecord extends BashCase {
  output: string;
  status: number;
}

/** Raw template tag for scripts: backslashes stay; only \\${ and \\` lose their escaping backslash. */
export const r = (s: TemplateStringsArray): string => s.raw.join('').replace(/\\(\$\{|`)/g, '$1');

/** A case; `extra` adds stdin, files, args or asFile. */
export function t(name: string, script: string, extra: Omit<BashCase, 'name' | 'script'> = {}): BashCase {
  return { name, script, ...extra };
}

