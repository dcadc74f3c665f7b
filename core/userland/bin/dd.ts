// dd(1) from GNU coreutils 9.1: copies if= (stdin) to of= (stdout) in ibs/obs-sized blocks, with count=,
// skip=, seek= (blocks, or bytes with a B suffix or iflag/oflag *_bytes), conv= (ascii ebcdic ibm block
// unblock lcase ucase sparse swab sync excl nocreat notrunc noerror fdatasync fsync), iflag=/oflag=,
// status=none|noxfer|progress, and the records-in/out and transfer statistics on stderr (also on
// SIGUSR1, and before dying of SIGINT). Times come from the guest's monotonic clock.
// Follows GNU coreutils 9.1 src/dd.c (main); the parts of the copy are in ../lib/dd/.
import { type Program } from '../../kernel/abi.ts';
import { answerInfo } from '../lib/coreutils-info.ts';
import { copy } from '../lib/dd/copy.ts';
import { Exit, MemoryExhausted } from '../lib/dd/exit.ts';
import { openFiles, synchronize } from '../lib/dd/files.ts';
import { C_NOTRUNC, parseOperands } from '../lib/dd/operands.ts';
import { Signals } from '../lib/dd/signals.ts';
import { DdState } from '../lib/dd/state.ts';
import { getopt } from '../lib/getopt.ts';
import { Proc } from '../lib/program.ts';

export const main: Program = async (sys, argv, envp) => {
  const p = new Proc(sys, argv, envp);
  const r = getopt(argv, '', [{ name: 'help' }, { name: 'version' }]);
  for (const o of r.opts) if (await answerInfo(p, 'dd', [o])) return p.finish(0);
  if (r.error) return p.finish(await p.tryHelp(r.error));
  const signals = new Signals(sys);
  let dd: DdState | null = null;
  try {
    signals.install();
    const settings = await parseOperands(p, r.operands);
    dd = new DdState(sys, p, settings, signals);
    if (settings.oflags.has('append') && !(settings.conv & C_NOTRUNC)) await p.error('you probably want conv=notrunc with oflag=append');
    await openFiles(dd);
    dd.stats.start();
    let status: number;
    try {
      status = await copy(dd);
    } catch (e) {
      if (!(e instanceof Exit) || !e.stats) throw e;
      if (await synchronize(dd)) return p.finish(1);
      dd.closeFiles();
      await dd.stats.print();
      return p.finish(e.status);
    }
    const sync = await synchronize(dd);
    if (sync) status = sync;
    dd.closeFiles();
    await dd.stats.print();
    return p.finish(status);
  } catch (e) {
    if (e instanceof MemoryExhausted) {
      await p.error(e.message);
      return p.finish(1);
    }
    if (!(e instanceof Exit)) throw e;
    if (e.stats) await dd?.stats.print();
    return p.finish(e.status);
  }
};
