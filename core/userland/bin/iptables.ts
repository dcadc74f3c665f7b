// iptables 1.8.9 as Debian 12 installs it: xtables-nft-multi and xtables-legacy-multi, each answering to
// the name it is called by (iptables, iptables-nft, iptables-save, iptables-nft-restore ...), as the real
// multi-call binaries do. The guest kernel's IPv4 filter table is read and replaced through
// sys.iptGet/iptReplace.
import type { Program, Sys } from '../../kernel/abi.ts';
import { Proc } from '../lib/program.ts';
import { IptError } from '../lib/iptables/errors.ts';
import { IptNames } from '../lib/iptables/names.ts';
import { parseCommandLine } from '../lib/iptables/parse.ts';
import { errorText, readTable, runCommand, writeTable } from '../lib/iptables/run.ts';
import { restoreMain } from '../lib/iptables/restore.ts';
import { saveMain } from '../lib/iptables/save-tool.ts';
import { banner, HELP_BODY, type IptVariant } from '../lib/iptables/texts.ts';
import { EXT_HELP } from '../lib/iptables/ext-help.ts';

async function iptablesMain(sys: Sys, argv: string[], envp: readonly string[], variant: IptVariant): Promise<number> {
  const p = new Proc(sys, argv, envp);
  const names = await IptNames.load(sys);
  try {
    const cmd = parseCommandLine(argv, names);
    if ('help' in cmd) {
      await p.out.write(`${banner('iptables', variant)}\n${HELP_BODY}${cmd.help.map((x) => EXT_HELP[x] ?? '').join('')}`);
      return await p.finish(0);
    }
    if ('version' in cmd) {
      await p.out.write(`${banner('iptables', variant)}\n`);
      return await p.finish(0);
    }
    const table = readTable(sys, cmd.table, variant);
    const r = runCommand(table, cmd, names, variant);
    await p.out.write(r.out);
    if (r.changed) writeTable(sys, table, variant, cmd);
    return await p.finish(0);
  } catch (e) {
    if (!(e instanceof IptError)) throw e;
    // "Bad argument" is written and flushed before the hint; -v's notes sit in stdout's buffer until exit.
    const t = errorText(e, 'iptables', variant);
    await p.out.write(t.stdout);
    await p.out.flush();
    await p.err.write(t.stderr);
    await p.err.flush();
    await p.out.write(e.before);
    return await p.finish(e.status);
  }
}

/** The multi-call binary of one variant: dispatch on the name it was started by. */
function multi(variant: IptVariant): Program {
  return async (sys, argv, envp) => {
    let args = [...argv];
    let name = (args[0] ?? '').split('/').pop() ?? '';
    if (name.startsWith('xtables-') && args.length > 1) {
      args = args.slice(1);
      name = args[0]!.split('/').pop()!;
    }
    if (name.endsWith('-save')) return saveMain(sys, args, envp, variant);
    if (name.endsWith('-restore')) return restoreMain(sys, args, envp, variant);
    return iptablesMain(sys, args, envp, variant);
  };
}

export const nftMain: Program = multi('nf_tables');
export const legacyMain: Program = multi('legacy');
