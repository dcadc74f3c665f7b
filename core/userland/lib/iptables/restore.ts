// iptables-restore: reads iptables-save's format ("*table", ":CHAIN POLICY [p:b]", command lines,
// "COMMIT") from a file or stdin and replaces each table whole at its COMMIT (flushed first unless
// --noflush), with the messages and statuses of iptables-nft-restore 1.8.9.
import { utf8Decode, type IptTable, type Sys } from '../../../kernel/abi.ts';
import { getopt } from '../getopt.ts';
import { readAll } from '../io.ts';
import { strerror } from '../errno.ts';
import { Proc } from '../program.ts';
import { BUILTIN } from './commands.ts';
import { IptError, NO_CHAIN, paramError } from './errors.ts';
import { IptNames } from './names.ts';
import { parseCommandLine } from './parse.ts';
import { readTable, runCommand } from './run.ts';
import { banner, RESTORE_USAGE, type IptVariant } from './texts.ts';

const TABLES = ['filter', 'nat', 'mangle', 'raw', 'security'];

/** Splits a command line as iptables-restore does: blanks separate, double quotes group (\\" \\\\ \\' inside). */
export function splitLine(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  let have = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quoted && c === '\\' && (line[i + 1] === '"' || line[i + 1] === '\\' || line[i + 1] === "'")) {
      cur += line[++i];
    } else if (c === '"') {
      quoted = !quoted;
      have = true;
    } else if (!quoted && (c === ' ' || c === '\t' || c === '\n')) {
      if (have) out.push(cur);
      cur = '';
      have = false;
    } else {
      cur += c;
      have = true;
    }
  }
  if (have) out.push(cur);
  return out;
}

class Failed {
  constructor(readonly text: string, readonly status: number) {}
}

export async function restoreMain(sys: Sys, argv: string[], envp: readonly string[], variant: IptVariant): Promise<number> {
  const PROG = variant === 'legacy' ? 'iptables-restore' : (argv[0] ?? '').split('/').pop() || 'iptables-restore';
  const p = new Proc(sys, argv, envp, PROG);
  const g = getopt(argv, 'bcvVthnwWM:T:46', [
    { name: 'binary', key: 'b' }, { name: 'counters', key: 'c' }, { name: 'verbose', key: 'v' }, { name: 'version', key: 'V' },
    { name: 'test', key: 't' }, { name: 'help', key: 'h' }, { name: 'noflush', key: 'n' }, { name: 'modprobe', arg: 'required', key: 'M' },
    { name: 'table', arg: 'required', key: 'T' }, { name: 'wait', arg: 'optional', key: 'w' }, { name: 'wait-interval', arg: 'optional', key: 'W' },
    { name: 'ipv4', key: '4' }, { name: 'ipv6', key: '6' },
  ]);
  if (g.error) {
    await p.err.write(`${PROG}: ${g.error}\nTry \`${PROG} -h' for more information.\n`);
    return p.finish(1);
  }
  let counters = false, test = false, noflush = false;
  for (const o of g.opts) {
    if (o.key === 'V') {
      await p.out.write(`${banner(PROG, variant)}\n`);
      return p.finish(0);
    }
    if (o.key === 'h') {
      await p.out.write(RESTORE_USAGE(PROG));
      return p.finish(0);
    }
    if (o.key === 'c') counters = true;
    if (o.key === 't') test = true;
    if (o.key === 'n') noflush = true;
  }
  let fd = 0;
  if (g.operands.length > 0) {
    fd = sys.open(g.operands[0]!, 0, 0);
    if (fd < 0) {
      await p.err.write(`Can't open ${g.operands[0]}: ${strerror(fd)}\n`);
      return p.finish(1);
    }
  }
  const data = await readAll(sys, fd);
  if (typeof data === 'number') return p.finish(1);
  const names = await IptNames.load(sys);
  try {
    restoreText(sys, utf8Decode(data), names, variant, { prog: PROG, counters, test, noflush });
  } catch (e) {
    if (e instanceof Failed) {
      await p.err.write(e.text);
      return p.finish(e.status);
    }
    throw e;
  }
  return p.finish(0);
}

function restoreText(sys: Sys, text: string, names: IptNames, variant: IptVariant, o: { prog: string; counters: boolean; test: boolean; noflush: boolean }): void {
  const PROG = o.prog;
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  let table: IptTable | null = null;
  /** Chains jumped to: nf_tables checks them when the batch is committed. */
  let jumps: string[] = [];
  let lastRule: { line: number; chain: string } | null = null;
  let n = 0;
  const fail = (msg: string): never => {
    throw new Failed(`${PROG}: line ${n} failed${msg ? `: ${msg}` : ''}\n`, 1);
  };
  for (const raw of lines) {
    n++;
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    try {
      if (line.startsWith('*')) {
        const name = line.slice(1);
        if (!TABLES.includes(name)) throw paramError(`${PROG}: line ${n} table name '${name}' invalid`);
        let t: IptTable;
        try {
          t = readTable(sys, name, variant);
        } catch {
          fail(NO_CHAIN);
        }
        table = t!;
        if (!o.noflush) {
          table.chains = table.chains.filter((c) => c.policy);
          for (const c of table.chains) c.rules = [];
        }
        continue;
      }
      if (!table) fail('');
      const t = table!;
      if (line === 'COMMIT') {
        const missing = jumps.find((j) => !t.chains.some((c) => c.name === j && !c.policy));
        if (missing !== undefined) throw paramError(`Chain '${missing}' does not exist`);
        jumps = [];
        const r = o.test ? 0 : sys.iptReplace(t);
        if (r !== 0) {
          // nf_tables names the rule's line (here: the last rule added, as the kernel does not say which);
          // legacy names the COMMIT.
          if (variant === 'legacy' || !lastRule) fail('');
          throw new Failed(`${banner(PROG, variant)}: \nline ${lastRule!.line}: RULE_APPEND failed (${strerror(r.errno)}): rule in chain ${lastRule!.chain}\n`, 4);
        }
        table = null;
        continue;
      }
      if (line.startsWith(':')) {
        const m = /^:(\S+)\s+(\S+)(?:\s+\[(\d+):(\d+)\])?/.exec(line);
        if (!m) fail('');
        const [, chain, policy, pk, by] = m!;
        const builtin = (BUILTIN[t.name] ?? []).includes(chain!);
        let c = t.chains.find((x) => x.name === chain);
        if (builtin) {
          if (policy !== 'ACCEPT' && policy !== 'DROP') fail('Bad policy name.');
          c!.policy = policy as 'ACCEPT' | 'DROP';
        } else if (!c) {
          c = { name: chain!, policy: null, packets: 0, bytes: 0, rules: [] };
          t.chains.push(c);
        } else c.rules = [];
        if (o.counters && pk !== undefined) {
          c!.packets = Number(pk);
          c!.bytes = Number(by);
          if (builtin) c!.counted = true;
        }
        continue;
      }
      let words = splitLine(line);
      let pk: number | null = null, by = 0;
      const cm = /^\[(\d+):(\d+)\]$/.exec(words[0] ?? '');
      if (cm) {
        words = words.slice(1);
        if (o.counters) {
          pk = Number(cm[1]);
          by = Number(cm[2]);
        }
      }
      const cmd = parseCommandLine([PROG, ...words], names, t.name);
      if ('help' in cmd || 'version' in cmd) continue;
      if (pk !== null) for (const r of cmd.rules) {
        r.packets = pk;
        r.bytes = by;
      }
      if (!o.counters) for (const r of cmd.rules) if (!cmd.counters) (r.packets = 0), (r.bytes = 0);
      if (cmd.jumpChain !== null) jumps.push(cmd.jumpChain);
      cmd.jumpChain = null;
      runCommand(t, cmd, names, variant);
      if (cmd.rules.length > 0 && cmd.cmds.some((x) => x === 'A' || x === 'I')) lastRule = { line: n, chain: cmd.chain ?? '' };
    } catch (e) {
      if (e instanceof Failed || !(e instanceof IptError)) throw e;
      if (e.kind === 'param') {
        throw new Failed(`${banner(PROG, variant)}: ${e.message}\nError occurred at line: ${n}\nTry \`${PROG} -h' or '${PROG} --help' for more information.\n`, 2);
      }
      fail(e.message);
    }
  }
  if (table) throw new Failed(`${PROG}: COMMIT expected at line ${n + 1}\n`, 1);
}
