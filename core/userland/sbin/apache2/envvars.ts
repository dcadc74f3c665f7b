// Reading /etc/apache2/envvars as apache2ctl and the init script source it: its `export NAME=value`
// and `NAME=value` lines in order, ${NAME} / $NAME expanded from what came before, the SUFFIX of a
// /etc/apache2-NAME instance ('' for /etc/apache2). Shell beyond that (conditionals) is not run.
import type { Sys } from '../../../kernel/abi.ts';
import { readFileText } from '../../lib/io.ts';

export async function readEnvvars(sys: Sys, file: string, confdir: string, base: ReadonlyMap<string, string>): Promise<Map<string, string>> {
  const vars = new Map(base);
  vars.set('SUFFIX', confdir.startsWith('/etc/apache2-') ? `-${confdir.slice('/etc/apache2-'.length)}` : '');
  const text = await readFileText(sys, file);
  if (typeof text !== 'string') return vars;
  for (const raw of text.split('\n')) {
    const m = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)=(.*)$/.exec(raw);
    if (!m) {
      const u = /^\s*unset\s+([A-Za-z_][A-Za-z0-9_]*)\s*$/.exec(raw);
      if (u) vars.delete(u[1]!);
      continue;
    }
    let v = m[2]!.trim();
    if (/^".*"$/.test(v) || /^'.*'$/.test(v)) v = v.slice(1, -1);
    v = v.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?\}|\$([A-Za-z_][A-Za-z0-9_]*)/g, (_a, n1: string | undefined, def: string | undefined, n2: string | undefined) => {
      const got = vars.get((n1 ?? n2)!);
      return got !== undefined && got !== '' ? got : def ?? '';
    });
    vars.set(m[1]!, v);
  }
  return vars;
}
