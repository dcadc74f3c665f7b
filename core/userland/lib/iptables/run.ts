// One iptables command against the kernel: read the table (sys.iptGet), apply the command to the copy,
// list it or hand it back whole (sys.iptReplace). Shared by iptables and by iptables-restore's lines.
import { EINVAL, ELOOP, EMLINK, type IptChain, type IptTable, type Sys } from '../../../kernel/abi.ts';
import { strerror } from '../errno.ts';
import { applyCommand, emptyTable } from './commands.ts';
import { bannerError, IptError, NO_CHAIN, plainError } from './errors.ts';
import { listTable, ruleLine, ruleRow } from './list.ts';
import type { IptNames } from './names.ts';
import type { IptCmd, ParsedCommand } from './parse.ts';
import { listRules, ruleSpec } from './save.ts';
import { banner, TRY_HELP, type IptVariant } from './texts.ts';

/** The kernel's table, or the empty one it shows before anything was written; throws for a missing table. */
export function readTable(sys: Sys, name: string, variant: IptVariant): IptTable {
  const t = sys.iptGet(name);
  if (typeof t === 'number') {
    throw bannerError(variant === 'legacy'
      ? `can't initialize iptables table \`${name}': Table does not exist (do you need to insmod?)\nPerhaps iptables or your kernel needs to be upgraded.`
      : `table '${name}' does not exist\nPerhaps iptables or your kernel needs to be upgraded.`, 3);
  }
  return t ? asSeen(t, variant) : emptyTable(name);
}

/** iptables-nft makes its base chains without counters: their policies count nothing until given some. */
export function asSeen(t: IptTable, variant: IptVariant): IptTable {
  if (variant === 'nf_tables') for (const c of t.chains) if (c.policy && !c.counted) (c.packets = 0), (c.bytes = 0);
  return t;
}

/** The nf_tables batch object a command sends, named as iptables-nft reports a failed one. */
const NFT_OPS: Partial<Record<IptCmd, [string, 'rule' | 'chain']>> = {
  A: ['RULE_APPEND', 'rule'], I: ['RULE_INSERT', 'rule'], R: ['RULE_REPLACE', 'rule'], D: ['RULE_DELETE', 'rule'], d: ['RULE_DELETE', 'rule'],
  F: ['RULE_FLUSH', 'rule'], Z: ['CHAIN_ZERO', 'chain'], z: ['RULE_REPLACE', 'rule'], N: ['CHAIN_ADD', 'chain'], X: ['CHAIN_DEL', 'chain'],
  P: ['CHAIN_UPDATE', 'chain'], E: ['CHAIN_RENAME', 'chain'],
};

/**
 * Hands a table back. A refusal reads as iptables-nft's failed batch object (" RULE_APPEND failed
 * (Invalid argument): rule in chain OUTPUT", status 4) or libiptc's "iptables: Invalid argument. Run
 * `dmesg' for more information." (legacy, status 1); `cmd` is the command that changed the table.
 */
export function writeTable(sys: Sys, t: IptTable, variant: IptVariant, cmd: ParsedCommand | null): void {
  const r = sys.iptReplace(t);
  if (r === 0) return;
  // nf_tables refuses a loop with EMLINK where x_tables says ELOOP.
  const text = strerror(variant === 'nf_tables' && r.errno === -ELOOP ? -EMLINK : r.errno);
  const op = cmd ? NFT_OPS[cmd.cmds[cmd.cmds.length - 1]!] : undefined;
  if (variant === 'nf_tables' && op) throw bannerError(` ${op[0]} failed (${text}): ${op[1]} in chain ${cmd!.chain ?? ''}`, 4);
  throw plainError(r.errno === -EINVAL ? `${text}. Run \`dmesg' for more information.` : `${text}.`);
}

/** Runs a parsed command on `t` (changed in place); returns what it prints. */
export function runCommand(t: IptTable, p: ParsedCommand, names: IptNames, variant: IptVariant): { out: string; changed: boolean } {
  let out = '';
  const list = p.cmds.find((c) => c === 'L' || c === 'S');
  if (list) {
    let chains = t.chains;
    if (p.chain !== null) {
      const c = t.chains.find((x) => x.name === p.chain);
      if (!c) {
        if (variant === 'legacy') throw plainError(NO_CHAIN);
        throw bannerError(`chain \`${p.chain}' in table \`${t.name}' is incompatible, use 'nft' tool.`, 1);
      }
      chains = [c];
    }
    const f = { numeric: p.numeric, verbose: p.verbose, exact: p.exact, lineNumbers: p.lineNumbers };
    if (p.rulenum > 0) {
      const r = chains[0]!.rules[p.rulenum - 1];
      if (r) out = list === 'L' ? ruleRow(r, p.rulenum, names, f) : ruleSpec(chains[0]!.name, r, names, p.verbose);
    } else if (list === 'L') out = listTable(t, chains, names, f);
    else out = listRules(chains, names, p.verbose);
  }
  if (p.verbose) out += chainNotes(t, p);
  let changed: boolean;
  try {
    changed = applyCommand(t, p, variant, p.verbose ? (r) => (out += ruleLine(r, names)) : undefined);
  } catch (e) {
    if (e instanceof IptError) e.before = out;
    throw e;
  }
  // -Z -v names the chains it zeroes. iptables-nft creates a base chain in the kernel only when a command
  // needs it (-L does), so a bare -Z names only those in use: with rules, a DROP policy, or user-made.
  const zero = p.cmds.find((c) => c === 'Z');
  if (zero && p.verbose) {
    const inUse = (c: IptChain): boolean => variant === 'legacy' || !!list || c.rules.length > 0 || c.policy !== 'ACCEPT';
    for (const c of p.chain === null ? t.chains.filter(inUse) : t.chains.filter((x) => x.name === p.chain)) out += `Zeroing chain \`${c.name}'\n`;
  }
  return { out, changed };
}

/** What -v says of the chains a command flushes or deletes. */
function chainNotes(t: IptTable, p: ParsedCommand): string {
  let out = '';
  const cmd = p.cmds[0]!;
  const named = (c: { name: string }): boolean => p.chain === null || c.name === p.chain;
  if (cmd === 'F') for (const c of t.chains.filter(named)) out += `Flushing chain \`${c.name}'\n`;
  if (cmd === 'X') for (const c of t.chains.filter((x) => !x.policy && named(x))) out += `Deleting chain \`${c.name}'\n`;
  return out;
}

/** What iptables prints for an error, by kind; `prog` names the tool ("iptables", "iptables-restore"). */
export function errorText(e: IptError, prog: string, variant: IptVariant): { stdout: string; stderr: string } {
  if (e.kind === 'plain') return { stdout: '', stderr: `${prog}: ${e.message}\n` };
  if (e.kind === 'banner') return { stdout: '', stderr: `${banner(prog, variant)}: ${e.message}\n` };
  if (e.message === '') return { stdout: '', stderr: TRY_HELP(prog) };
  if (e.message.startsWith('\u0000')) return { stdout: `${e.message.slice(1)}\n`, stderr: TRY_HELP(prog) };
  return { stdout: '', stderr: `${banner(prog, variant)}: ${e.message}\n${TRY_HELP(prog)}` };
}
