// pgrep and pkill from procps-ng 4.0.2: select processes by name or command line (an extended regex) and
// by ids, terminal and state, then list them (pgrep) or signal them (pkill), with procps's messages and
// exit statuses (0 found, 1 none, 2 usage, 3 fatal). Neither ever selects itself.
import { SIGTERM, type Sys } from '../../kernel/abi.ts';
import { strerror } from './errno.ts';
import { getopt, type LongOpt } from './getopt.ts';
import { Proc } from './program.ts';
import { readProcFile, readProcTable, ttyName, type ProcEntry } from './proc-table.ts';
import { translateRegex } from './regex.ts';
import { parseSignal } from './signals.ts';

export type PgrepMode = 'pgrep' | 'pkill';

const COMMON_HELP = ` -c, --count               count of matching processes
 -f, --full                use full process name to match
 -g, --pgroup <PGID,...>   match listed process group IDs
 -G, --group <GID,...>     match real group IDs
 -i, --ignore-case         match case insensitively
 -n, --newest              select most recently started
 -o, --oldest              select least recently started
 -O, --older <seconds>     select where older than seconds
 -P, --parent <PPID,...>   match only child processes of the given parent
 -s, --session <SID,...>   match session IDs
 -t, --terminal <tty,...>  match by controlling terminal
 -u, --euid <ID,...>       match by effective IDs
 -U, --uid <ID,...>        match by real IDs
 -x, --exact               match exactly with the command name
 -F, --pidfile <file>      read PIDs from file
 -L, --logpidfile          fail if PID file is not locked
 -r, --runstates <state>   match runstates [D,S,Z,...]
 -A, --ignore-ancestors    exclude our ancestors from results
 --cgroup <grp,...>        match by cgroup v2 names
 --ns <PID>                match the processes that belong to the same
                           namespace as <pid>
 --nslist <ns,...>         list which namespaces will be considered for
                           the --ns option.
                           Available namespaces: ipc, mnt, net, pid, user, uts

 -h, --help     display this help and exit
 -V, --version  output version information and exit

For more details see pgrep(1).
`;

const PGREP_HELP = ` -d, --delimiter <string>  specify output delimiter
 -l, --list-name           list PID and process name
 -a, --list-full           list PID and full command line
 -v, --inverse             negates the matching
 -w, --lightweight         list all TID
`;

const PKILL_HELP = ` -<sig>, --signal <sig>    signal to send (either number or name)
 -q, --queue <value>       integer value to be sent with the signal
 -e, --echo                display what is killed
`;

const usageText = (mode: PgrepMode): string =>
  `\nUsage:\n ${mode} [options] <pattern>\n\nOptions:\n${mode === 'pgrep' ? PGREP_HELP : PKILL_HELP}${COMMON_HELP}`;

const LONGS: LongOpt[] = [
  { name: 'delimiter', arg: 'required', key: 'd' }, { name: 'list-name', key: 'l' }, { name: 'list-full', key: 'a' },
  { name: 'inverse', key: 'v' }, { name: 'lightweight', key: 'w' }, { name: 'signal', arg: 'required', key: 'signal' },
  { name: 'queue', arg: 'required', key: 'q' }, { name: 'echo', key: 'e' }, { name: 'count', key: 'c' },
  { name: 'full', key: 'f' }, { name: 'pgroup', arg: 'required', key: 'g' }, { name: 'group', arg: 'required', key: 'G' },
  { name: 'ignore-case', key: 'i' }, { name: 'newest', key: 'n' }, { name: 'oldest', key: 'o' },
  { name: 'older', arg: 'required', key: 'O' }, { name: 'parent', arg: 'required', key: 'P' },
  { name: 'session', arg: 'required', key: 's' }, { name: 'terminal', arg: 'required', key: 't' },
  { name: 'euid', arg: 'required', key: 'u' }, { name: 'uid', arg: 'required', key: 'U' }, { name: 'exact', key: 'x' },
  { name: 'pidfile', arg: 'required', key: 'F' }, { name: 'logpidfile', key: 'L' }, { name: 'runstates', arg: 'required', key: 'r' },
  { name: 'ignore-ancestors', key: 'A' }, { name: 'cgroup', arg: 'required', key: 'cgroup' }, { name: 'ns', arg: 'required', key: 'ns' },
  { name: 'nslist', arg: 'required', key: 'nslist' }, { name: 'help', key: 'h' }, { name: 'version', key: 'V' },
];

interface Criteria {
  euids?: number[];
  uids?: number[];
  gids?: number[];
  ppids?: number[];
  pgids?: number[];
  sids?: number[];
  ttys?: string[];
  states?: string;
  older?: number;
  pids?: number[];
}

/** An id from a user or group name or a number, or null. */
function lookupId(sys: Sys, file: string, text: string): number | null {
  if (/^\d+$/.test(text)) return Number(text);
  for (const line of (readProcFile(sys, file) ?? '').split('\n')) {
    const f = line.split(':');
    if (f.length >= 3 && f[0] === text) return Number(f[2]);
  }
  return null;
}

/** pkill's -SIGNAL: the first argument (before "--") naming a signal, removed from argv. */
function takeSignalOption(argv: string[]): number | null {
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') break;
    if (a[0] !== '-' || a.length < 2) continue;
    const s = parseSignal(a.slice(1));
    if (s !== null) {
      argv.splice(i, 1);
      return s;
    }
  }
  return null;
}

export async function runPgrep(sys: Sys, argv0: readonly string[], envp: readonly string[], mode: PgrepMode): Promise<number> {
  const p = new Proc(sys, argv0, envp, mode);
  const argv = argv0.slice();
  let signo = SIGTERM;
  if (mode === 'pkill') signo = takeSignalOption(argv) ?? SIGTERM;
  const shorts = (mode === 'pkill' ? 'eq:' : 'lad:vw') + 'LF:cfinoxP:O:g:s:u:U:G:t:r:AVh';
  const g = getopt(argv, shorts, LONGS.filter((l) => (mode === 'pkill' ? !'dlavw'.includes(l.key ?? '') : !'qe'.includes(l.key ?? ''))));
  const usage = async (): Promise<number> => {
    await p.err.write(usageText(mode));
    return p.finish(2);
  };
  const fatal = async (msg: string, hint: boolean, status = 2): Promise<number> => {
    await p.error(msg);
    if (hint) await p.err.write(`Try \`${mode} --help' for more information.\n`);
    return p.finish(status);
  };
  if (g.error) {
    await p.error(g.error);
    return usage();
  }
  let delim = '\n', list = false, full = false, negate = false, count = false, matchFull = false, icase = false;
  let newest = false, oldest = false, exact = false, echo = false, lock = false, noAncestors = false;
  let pidfile: string | null = null;
  let criteria = 0;
  const c: Criteria = {};
  for (const o of g.opts) {
    const v = o.value ?? '';
    const items = v.split(',').filter((x) => x !== '');
    switch (o.key) {
      case 'd': delim = v; break;
      case 'l': list = true; break;
      case 'a': full = true; break;
      case 'v':
        if (newest || oldest) return usage();
        negate = true;
        break;
      case 'w': break;
      case 'c': count = true; break;
      case 'f': matchFull = true; break;
      case 'i': icase = true; break;
      case 'n':
      case 'o':
        if (newest || oldest || negate) return usage();
        if (o.key === 'n') newest = true;
        else oldest = true;
        break;
      case 'x': exact = true; break;
      case 'e': echo = true; break;
      case 'q': break;
      case 'L': lock = true; break;
      case 'A': noAncestors = true; break;
      case 'F': pidfile = v; criteria++; break;
      case 'signal': {
        const s = parseSignal(v);
        if (s !== null) signo = s;
        break;
      }
      case 'P':
      case 'g':
      case 's': {
        const nums: number[] = [];
        for (const it of items) {
          if (!/^\d+$/.test(it)) {
            const what = o.key === 'P' ? 'not a number' : o.key === 'g' ? 'invalid process group' : 'invalid session id';
            return fatal(`${what}: ${it}`, false);
          }
          let n = Number(it);
          if (n === 0 && o.key === 'g') n = sys.getpgid(0);
          if (n === 0 && o.key === 's') n = sys.getsid(0);
          nums.push(n);
        }
        if (nums.length === 0) return usage();
        if (o.key === 'P') c.ppids = nums;
        else if (o.key === 'g') c.pgids = nums;
        else c.sids = nums;
        criteria++;
        break;
      }
      case 'u':
      case 'U':
      case 'G': {
        const ids: number[] = [];
        for (const it of items) {
          const id = lookupId(sys, o.key === 'G' ? '/etc/group' : '/etc/passwd', it);
          if (id === null) return fatal(`invalid ${o.key === 'G' ? 'group' : 'user'} name: ${it}`, false);
          ids.push(id);
        }
        if (ids.length === 0) return usage();
        if (o.key === 'u') c.euids = ids;
        else if (o.key === 'U') c.uids = ids;
        else c.gids = ids;
        criteria++;
        break;
      }
      case 't':
        if (items.length === 0) return usage();
        c.ttys = items.map((t) => t.replace(/^\/dev\//, ''));
        criteria++;
        break;
      case 'r': c.states = v; criteria++; break;
      case 'O': c.older = parseInt(v, 10) || 0; criteria++; break;
      case 'cgroup': case 'ns': case 'nslist': criteria++; break;
      case 'h':
        await p.out.write(usageText(mode));
        return p.finish(0);
      case 'V':
        await p.out.write(`${mode} from procps-ng 4.0.2\n`);
        return p.finish(0);
    }
  }
  if (lock && pidfile === null) return fatal('-L without -F makes no sense', true);
  if (pidfile !== null) {
    const text = readProcFile(sys, pidfile);
    const m = text === null ? null : /^\s*(\d+)/.exec(text);
    if (!m || Number(m[1]) === 0) return fatal('pidfile not valid', true, 1);
    c.pids = [Number(m[1])];
  }
  let pattern: RegExp | null = null;
  if (g.operands.length > 1) return fatal('only one pattern can be provided', true);
  if (g.operands.length === 1) {
    const src = exact ? `^(${g.operands[0]!})$` : g.operands[0]!;
    const t = translateRegex(src, true, icase);
    // glibc reports a pattern that ends inside an opening bracket as a bad pattern.
    if ('error' in t) return fatal(`regex error: ${/\[\^?$/.test(src) ? 'Invalid regular expression' : t.error}`, false);
    pattern = new RegExp(t.source, icase ? 'is' : 's');
  } else if (criteria === 0) return fatal('no matching criteria specified', true);

  const table = readProcTable(sys);
  const self = sys.getpid();
  const ancestors = new Set<number>();
  if (noAncestors) {
    const byPid = new Map(table.map((e) => [e.pid, e]));
    for (let e = byPid.get(self); e && !ancestors.has(e.ppid) && e.ppid > 0; e = byPid.get(e.ppid)) ancestors.add(e.ppid);
  }
  const statText = readProcFile(sys, '/proc/uptime') ?? '0';
  const uptimeTicks = Math.floor(parseFloat(statText) * 100);
  let picked: ProcEntry[] = [];
  for (const e of table) {
    if (e.pid === self || ancestors.has(e.pid)) continue;
    let match = selects(e, c, uptimeTicks);
    if (match && pattern) {
      const subject = matchFull && e.args.length ? e.args.join(' ') : e.comm;
      match = pattern.test(subject);
    }
    if (match !== negate) picked.push(e);
  }
  if (newest && picked.length) picked = [picked.reduce((a, b) => (b.start >= a.start ? b : a))];
  if (oldest && picked.length) picked = [picked.reduce((a, b) => (b.start < a.start ? b : a))];

  if (mode === 'pkill') {
    let killed = 0;
    for (const e of picked) {
      const r = sys.kill(e.pid, signo);
      if (r >= 0) {
        if (echo) await p.out.write(`${e.comm} killed (pid ${e.pid})\n`);
        killed++;
      } else if (r !== -3) await p.error(`killing pid ${e.pid} failed: ${strerror(r)}`);
    }
    if (count) await p.out.write(`${picked.length}\n`);
    return p.finish(killed ? 0 : 1);
  }
  if (count) await p.out.write(`${picked.length}\n`);
  else {
    let text = '';
    picked.forEach((e, i) => {
      const sep = i + 1 === picked.length ? '\n' : delim;
      if (full) text += `${e.pid} ${e.args.length ? e.args.join(' ') : `[${e.comm}]`}${sep}`;
      else if (list) text += `${e.pid} ${e.comm}${sep}`;
      else text += `${e.pid}${sep}`;
    });
    await p.out.write(text);
  }
  return p.finish(picked.length ? 0 : 1);
}

/** Whether a process passes every id, terminal, state and age criterion. */
function selects(e: ProcEntry, c: Criteria, uptimeTicks: number): boolean {
  if (c.pids && !c.pids.includes(e.pid)) return false;
  if (c.euids && !c.euids.includes(e.euid)) return false;
  if (c.uids && !c.uids.includes(e.uid)) return false;
  if (c.gids && !c.gids.includes(e.gid)) return false;
  if (c.ppids && !c.ppids.includes(e.ppid)) return false;
  if (c.pgids && !c.pgids.includes(e.pgid)) return false;
  if (c.sids && !c.sids.includes(e.sid)) return false;
  if (c.ttys && !c.ttys.includes(ttyName(e.ttyNr))) return false;
  if (c.states !== undefined && !c.states.includes(e.state)) return false;
  if (c.older !== undefined && (uptimeTicks - e.start) / 100 < c.older) return false;
  return true;
}
