// The command line of iptables (xshared.c's do_parse in iptables 1.8.9): commands, rule specification,
// extensions loaded on the way, and the checks made once everything is read. The result is a command and
// the rules it names (one per source × destination address).
import type { IptMatch, IptRule, IptTarget } from '../../../kernel/abi.ts';
import { paramError } from './errors.ts';
import { extOpts, MATCHES, type ExtCtx } from './ext-match.ts';
import { FOREIGN_TARGETS, TARGETS } from './ext-target.ts';
import { IptGetopt, type IptLongOpt } from './getopt.ts';
import { parseAddresses } from './addr.ts';
import type { IptNames } from './names.ts';

const SHORTS = '-:A:C:D:R:I:L::S::M:F::Z::N:X::E:P:Vh::o:p:s:d:j:i:fbvw::W::nt:m:xc:g:46';

const LONGS: IptLongOpt[] = [
  ['append', 1, 'A'], ['delete', 1, 'D'], ['check', 1, 'C'], ['insert', 1, 'I'], ['replace', 1, 'R'], ['list', 2, 'L'],
  ['list-rules', 2, 'S'], ['flush', 2, 'F'], ['zero', 2, 'Z'], ['new-chain', 1, 'N'], ['delete-chain', 2, 'X'],
  ['rename-chain', 1, 'E'], ['policy', 1, 'P'], ['source', 1, 's'], ['destination', 1, 'd'], ['src', 1, 's'], ['dst', 1, 'd'],
  ['protocol', 1, 'p'], ['in-interface', 1, 'i'], ['jump', 1, 'j'], ['table', 1, 't'], ['match', 1, 'm'], ['numeric', 0, 'n'],
  ['out-interface', 1, 'o'], ['verbose', 0, 'v'], ['wait', 2, 'w'], ['wait-interval', 2, 'W'], ['exact', 0, 'x'],
  ['fragment', 0, 'f'], ['version', 0, 'V'], ['help', 2, 'h'], ['line-numbers', 0, '0'], ['modprobe', 1, 'M'],
  ['set-counters', 1, 'c'], ['goto', 1, 'g'], ['ipv4', 0, '4'], ['ipv6', 0, '6'],
].map(([name, hasArg, val]) => ({ name: name as string, hasArg: hasArg as 0 | 1 | 2, val: val as string }));

/** Command letters; -D with a number is 'd', -Z with a number 'z'. */
export type IptCmd = 'A' | 'C' | 'D' | 'd' | 'R' | 'I' | 'L' | 'S' | 'F' | 'Z' | 'z' | 'N' | 'X' | 'P' | 'E';

export interface ParsedCommand {
  cmds: IptCmd[];
  chain: string | null;
  rulenum: number;
  newName: string;
  policy: string;
  table: string;
  numeric: boolean;
  verbose: boolean;
  exact: boolean;
  lineNumbers: boolean;
  /** The rules of the specification, one per source × destination. */
  rules: IptRule[];
  /** -j/-g to a chain: it must exist. */
  jumpChain: string | null;
  /** -j to a target the guest kernel refuses in this table (MASQUERADE, DNAT ...). */
  foreignTarget: string | null;
  counters: boolean;
}

/** -h names the extensions loaded so far, whose help follows iptables' own. */
export type ParseOutcome = ParsedCommand | { help: string[] } | { version: true };

/** Options and whether '!' may precede them (iptables' optflags / inverse_for_options). */
const OPTS = 'nsdpjvxio0cf';
const INVERTIBLE = 'sdpiof';
const CMD_OF: Record<IptCmd, string> = { A: 'A', C: 'C', D: 'D', d: 'D', R: 'R', I: 'I', L: 'L', S: 'S', F: 'F', Z: 'Z', z: 'Z', N: 'N', X: 'X', P: 'P', E: 'E' };

/** commands_v_options: per command, the options that are illegal ('x'), in OPTS order. */
const LEGAL: Record<IptCmd, string> = {
  I: 'x     x  x  ', D: 'x     x  xx ', d: 'xxxxx xxxxxx', R: 'x     x  x  ', A: 'x     x  x  ', L: ' xxxx  xx xx',
  F: 'xxxxx xxxxxx', Z: 'xxxxx xxxxxx', N: 'xxxxx xxxxxx', X: 'xxxxx xxxxxx', P: 'xxxxx xxxx x', E: 'xxxxx xxxxxx',
  S: 'xxxxx xxxxxx', z: 'xxxxx xxxxxx', C: 'x     x  xx ',
};

export function checkChainName(name: string): void {
  if (name.length >= 29) throw paramError(`chain name \`${name}' too long (must be under 29 chars)`);
  if (name.startsWith('-')) throw paramError("chain name not allowed to start with `-'");
  if (TARGETS[name] || ['ACCEPT', 'DROP', 'RETURN', 'QUEUE'].includes(name)) throw paramError('chain name may not clash with target name');
  if (/[\s]/.test(name) || name === '') throw paramError(`Invalid chain name \`${name}'`);
}

function ruleNumber(text: string): number {
  if (!/^\d+$/.test(text) || Number(text) < 1 || Number(text) > 2147483647) throw paramError(`Invalid rule number \`${text}'`);
  return Number(text);
}

function checkIface(name: string): void {
  if (name.length >= 16) throw paramError(`interface name \`${name}' must be shorter than IFNAMSIZ (15)`);
}

export function parseCommandLine(argv: string[], names: IptNames, restoreTable?: string): ParseOutcome {
  const g = new IptGetopt(argv, SHORTS, LONGS);
  const out: ParsedCommand = {
    cmds: [], chain: null, rulenum: 0, newName: '', policy: '', table: restoreTable ?? 'filter', numeric: false, verbose: false,
    exact: false, lineNumbers: false, rules: [], jumpChain: null, foreignTarget: null, counters: false,
  };
  const base: IptRule = {
    proto: 0, protoInvert: false, src: 0, srcMask: 0, srcInvert: false, dst: 0, dstMask: 0, dstInvert: false,
    in: { name: '', invert: false }, out: { name: '', invert: false }, fragment: 'any', matches: [], target: { kind: 'none' },
    packets: 0, bytes: 0,
  };
  const options = new Set<string>();
  const loaded: Array<{ name: string; m: IptMatch; seen: Set<string> }> = [];
  let protoLoaded = false;
  let target: IptTarget | null = null;
  const targetSeen = new Set<string>();
  let invert = false;
  let src: string | null = null;
  let dst: string | null = null;
  const ctx: ExtCtx = { names, proto: 0, protoInvert: false, takeOperand: () => g.takeOperand() };

  const setOption = (o: string): void => {
    if (options.has(o)) throw paramError(`multiple -${o} flags not allowed`);
    if (invert && !INVERTIBLE.includes(o)) throw paramError(`cannot have ! before -${o}`);
    options.add(o);
  };
  const addCommand = (c: IptCmd, others: IptCmd[] = []): void => {
    if (invert) throw paramError("unexpected '!' flag");
    const clash = out.cmds.find((x) => !others.includes(x));
    if (clash) throw paramError(`Cannot use -${CMD_OF[c]} with -${CMD_OF[clash]}`);
    out.cmds.push(c);
  };
  const loadMatch = (name: string): void => {
    const def = MATCHES[name];
    if (!def) throw paramError(`Couldn't load match \`${name}':No such file or directory\n`);
    loaded.push({ name, m: def.init(), seen: new Set() });
    g.longs.push(...extOpts(loaded.length, def.opts));
  };

  for (let o = g.next(); o; o = g.next()) {
    const arg = o.arg ?? '';
    switch (o.c) {
      case 'A': case 'C': addCommand(o.c); out.chain = arg; break;
      case 'D': {
        addCommand('D');
        out.chain = arg;
        const n = g.takeOperand();
        if (n !== null) {
          out.rulenum = ruleNumber(n);
          out.cmds = ['d'];
        }
        break;
      }
      case 'R': {
        addCommand('R');
        out.chain = arg;
        const n = g.takeOperand();
        if (n === null) throw paramError('-R requires a rule number');
        out.rulenum = ruleNumber(n);
        break;
      }
      case 'I': {
        addCommand('I');
        out.chain = arg;
        const n = g.takeOperand();
        out.rulenum = n === null ? 1 : ruleNumber(n);
        break;
      }
      case 'L': case 'S': case 'F': case 'Z': case 'X': {
        addCommand(o.c, o.c === 'L' ? ['Z', 'z'] : o.c === 'Z' ? ['L'] : []);
        out.chain = o.arg ?? g.takeOperand();
        if (o.c === 'L' || o.c === 'S' || o.c === 'Z') {
          const n = out.chain !== null ? g.takeOperand() : null;
          if (n !== null) {
            out.rulenum = ruleNumber(n);
            if (o.c === 'Z') out.cmds[out.cmds.length - 1] = 'z';
          }
        }
        break;
      }
      case 'N': checkChainName(arg); addCommand('N'); out.chain = arg; break;
      case 'E': {
        addCommand('E');
        out.chain = arg;
        const n = g.takeOperand();
        if (n === null) throw paramError('-E requires old-chain-name and new-chain-name');
        checkChainName(n);
        out.newName = n;
        break;
      }
      case 'P': {
        addCommand('P');
        out.chain = arg;
        const n = g.takeOperand();
        if (n === null) throw paramError('-P requires a chain and a policy');
        out.policy = n;
        break;
      }
      case 'h': {
        // The target's help, then the matches' (the protocol's own when no -m was given), as iptables prints them.
        const help: string[] = [];
        if (target) help.push(TARGETS[target.kind] ? target.kind : 'standard');
        const pname = base.proto ? names.protoName(base.proto) : '';
        if (loaded.length === 0 && MATCHES[pname]) help.push(pname);
        help.push(...loaded.map((l) => l.name));
        return { help };
      }
      case 'V': return { version: true };
      case 'p': {
        setOption('p');
        const p = names.protoNumber(arg.toLowerCase());
        if (p === null) throw paramError(`unknown protocol "${arg}" specified`);
        if (p === 0 && invert) throw paramError('rule would never match protocol');
        base.proto = p;
        base.protoInvert = invert;
        ctx.proto = p;
        ctx.protoInvert = invert;
        break;
      }
      case 's': setOption('s'); src = arg; base.srcInvert = invert; break;
      case 'd': setOption('d'); dst = arg; base.dstInvert = invert; break;
      case 'i': setOption('i'); checkIface(arg); base.in = { name: arg, invert }; break;
      case 'o': setOption('o'); checkIface(arg); base.out = { name: arg, invert }; break;
      case 'f': setOption('f'); base.fragment = invert ? 'not' : 'only'; break;
      case 'j': case 'g': {
        setOption('j');
        const def = o.c === 'j' ? TARGETS[arg] : undefined;
        if (def) {
          target = def.init();
          g.longs.push(...extOpts(0, def.opts));
        } else if (o.c === 'j' && (arg === 'ACCEPT' || arg === 'DROP' || arg === 'RETURN')) {
          target = { kind: arg };
        } else if (o.c === 'j' && FOREIGN_TARGETS.has(arg)) {
          target = { kind: 'DROP' };
          out.foreignTarget = arg;
        } else {
          target = { kind: 'jump', chain: arg, goto: o.c === 'g' };
          out.jumpChain = arg;
        }
        break;
      }
      case 'm': {
        if (invert) throw paramError("unexpected ! flag before --match");
        loadMatch(arg);
        break;
      }
      case 'n': setOption('n'); out.numeric = true; break;
      case 'v': if (!out.verbose) setOption('v'); out.verbose = true; break;
      case 'x': setOption('x'); out.exact = true; break;
      case '0': setOption('0'); out.lineNumbers = true; break;
      case 't':
        if (invert) throw paramError('unexpected ! flag before --table');
        out.table = arg;
        break;
      case 'c': {
        setOption('c');
        const bytes = g.takeOperand();
        if (bytes === null) throw paramError('-c requires packet and byte counter');
        if (!/^\d+$/.test(arg)) throw paramError('-c packet counter not numeric');
        if (!/^\d+$/.test(bytes)) throw paramError('-c byte counter not numeric');
        base.packets = Number(arg);
        base.bytes = Number(bytes);
        out.counters = true;
        break;
      }
      case 'w': case 'W': {
        // The lock wait (nothing to wait for here): its seconds may be the next word.
        const v = o.arg ?? g.takeOperand();
        if (v !== null && !/^\d+$/.test(v)) throw paramError(o.c === 'w' ? 'wait seconds not numeric' : 'wait interval not numeric');
        break;
      }
      case 'M': case '4': case 'b': break;
      // -6 in iptables: only the hint (the message is ip6tables-restore's business).
      case '6': throw paramError('');
      case '\u0001':
        if (arg === '!') {
          if (invert) throw paramError('multiple consecutive ! not allowed');
          invert = true;
          continue;
        }
        throw paramError(`\u0000Bad argument \`${arg}'`);
      case ':': throw paramError(`option "${o.word}" requires an argument`);
      case '?': {
        // An option of the protocol's own match loads it (`-p tcp --dport 22`), as command_default does.
        const pname = base.proto ? names.protoName(base.proto) : '';
        if (!protoLoaded && MATCHES[pname] && !loaded.some((l) => l.name === pname) && o.word.startsWith('--')) {
          protoLoaded = true;
          loadMatch(pname);
          g.optind--;
          continue;
        }
        throw paramError(`unknown option "${o.word}"`);
      }
      default: {
        const colon = o.c.indexOf(':');
        const slot = Number(o.c.slice(0, colon));
        const opt = o.c.slice(colon + 1);
        const ext = slot === 0 ? (target as { kind: string }).kind : loaded[slot - 1]!.name;
        // libxtables' option check: most options may appear once (tcp and multiport say it their own way).
        const canonical = ({ sport: 'source-port', dport: 'destination-port' } as Record<string, string>)[opt] ?? opt;
        const once = slot === 0 ? targetSeen : loaded[slot - 1]!.seen;
        if (ext !== 'tcp' && ext !== 'multiport') {
          if (once.has(`once:${canonical}`)) throw paramError(`${ext}: option "--${canonical}" can only be used once.\n`);
          once.add(`once:${canonical}`);
        }
        if (slot === 0) {
          const pname = names.protoName(base.proto);
          TARGETS[ext]!.parse(opt, arg, target!, { proto: base.proto, protoInvert: base.protoInvert, port: (t) => names.port(t, pname) });
        }
        else {
          const l = loaded[slot - 1]!;
          MATCHES[l.name]!.parse(opt, arg, invert, l.m, ctx, l.seen);
        }
      }
    }
    invert = false;
  }

  for (const l of loaded) MATCHES[l.name]!.final?.(l.m, ctx, l.seen);
  const tdef = target ? TARGETS[(target as IptTarget).kind] : undefined;
  if (tdef) tdef.final?.(target!, targetSeen);
  if (out.cmds.length === 0) throw paramError('no command specified');
  if (out.table === 'nat' && ((out.cmds.includes('P') && out.policy === 'DROP') || (target as IptTarget | null)?.kind === 'DROP' && !out.foreignTarget)) {
    throw paramError('\nThe "nat" table is not intended for filtering, the use of DROP is therefore inhibited.\n\n');
  }
  if (invert) throw paramError('nothing appropriate following !');
  // generic_opt_check: with -L -Z, an option is legal when either command allows it.
  for (let i = 0; i < OPTS.length; i++) {
    if (options.has(OPTS[i]!) && out.cmds.every((cc) => LEGAL[cc][i] === 'x')) {
      throw paramError(`Illegal option \`-${OPTS[i]}' with this command`);
    }
  }
  if (out.chain !== null && out.chain.length >= 29) throw paramError(`chain name \`${out.chain}' too long (must be under 29 chars)`);
  const ruleCmd = out.cmds.some((c) => 'ACDRI'.includes(c) && c !== 'd');
  if (!ruleCmd) return out;
  const srcs = parseAddresses(src ?? '0.0.0.0/0', names);
  const dsts = parseAddresses(dst ?? '0.0.0.0/0', names);
  if ((srcs.length > 1 || dsts.length > 1) && (base.srcInvert || base.dstInvert)) {
    throw paramError('! not allowed with multiple source or destination IP addresses');
  }
  if (out.cmds.includes('R') && (srcs.length !== 1 || dsts.length !== 1)) throw paramError('Replacement rule does not specify a unique address');
  const chain = out.chain!;
  if ((chain === 'PREROUTING' || chain === 'INPUT') && options.has('o')) throw paramError(`Can't use -o with ${chain}\n`);
  if ((chain === 'POSTROUTING' || chain === 'OUTPUT') && options.has('i')) throw paramError(`Can't use -i with ${chain}\n`);
  base.matches = mergePortMatches(loaded.map((l) => l.m));
  base.target = target ?? { kind: 'none' };
  for (const s of srcs) {
    for (const d of dsts) {
      out.rules.push({ ...(JSON.parse(JSON.stringify(base)) as IptRule), src: s.addr, srcMask: s.mask, dst: d.addr, dstMask: d.mask });
    }
  }
  return out;
}

/** nf_tables keeps one transport header match: a second `-m tcp` (or udp) folds into the first. */
function mergePortMatches(ms: IptMatch[]): IptMatch[] {
  const out: IptMatch[] = [];
  for (const m of ms) {
    const prev = m.kind === 'tcp' || m.kind === 'udp' ? out.find((x) => x.kind === m.kind) : undefined;
    if (!prev) {
      out.push(m);
      continue;
    }
    const into = prev as Extract<IptMatch, { kind: 'tcp' | 'udp' }>;
    const from = m as Extract<IptMatch, { kind: 'tcp' | 'udp' }>;
    into.sport = from.sport ?? into.sport;
    into.dport = from.dport ?? into.dport;
    if (into.kind === 'tcp' && from.kind === 'tcp') into.flags = from.flags ?? into.flags;
  }
  return out;
}
