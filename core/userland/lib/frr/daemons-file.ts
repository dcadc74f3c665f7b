// /etc/frr/daemons, the shell fragment frrcommon.sh sources: which daemons run (`bgpd=yes`; zebra and
// staticd always) and each one's options (`zebra_options="  -A 127.0.0.1 -s 90000000"`).
import { DAEMON_ORDER } from './paths.ts';

/** The assignments of the file, with one level of quotes removed. */
export function parseDaemons(text: string): Map<string, string> {
  const vars = new Map<string, string>();
  for (const raw of text.split('\n')) {
    const m = /^\s*([A-Za-z_][A-Za-z0-9_]*)=(.*)$/.exec(raw);
    if (!m) continue;
    let v = m[2]!.trim();
    const q = v[0];
    if ((q === '"' || q === "'") && v.lastIndexOf(q) > 0) v = v.slice(1, v.lastIndexOf(q));
    else v = v.replace(/\s+#.*$/, '');
    vars.set(m[1]!, v);
  }
  return vars;
}

/** The daemons frrcommon.sh's daemon_list enables, in its order. */
export function enabledDaemons(vars: Map<string, string>): string[] {
  return DAEMON_ORDER.filter((d) => {
    if (d === 'zebra' || d === 'staticd') return true;
    const v = vars.get(d) ?? '';
    return v !== '' && v !== 'no' && v !== '0';
  });
}
