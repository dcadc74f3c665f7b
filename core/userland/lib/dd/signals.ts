// dd's signals: SIGUSR1 asks for the statistics; SIGINT (unless ignored) closes the files, prints the
// statistics and kills dd with the signal. The handlers only count; the copy acts on them between reads
// and writes. Follows GNU coreutils 9.1 src/dd.c (install_signal_handlers, process_signals).
import { SIGINT, SIGUSR1, type Sys } from '../../../kernel/abi.ts';
import { Exit } from './exit.ts';
import { type DdState } from './state.ts';

export class Signals {
  /** The interrupting signal received, 0 for none. */
  interrupt = 0;
  /** SIGUSR1s not answered yet. */
  infos = 0;

  constructor(readonly sys: Sys) {}

  install(): void {
    this.sys.sigaction(SIGUSR1, { handler: () => this.infos++ });
    const old = this.sys.sigaction(SIGINT, null);
    if (typeof old === 'number' || old.handler !== 'ignore') this.sys.sigaction(SIGINT, { handler: (s) => (this.interrupt = s) });
  }
}

/** process_signals(): statistics for each SIGUSR1; for SIGINT, close, report and die of it. */
export async function processSignals(dd: DdState): Promise<void> {
  const signals = dd.signals;
  while (signals.interrupt || signals.infos) {
    if (signals.infos) signals.infos--;
    if (signals.interrupt) dd.closeFiles();
    await dd.stats.print();
    if (signals.interrupt) {
      const sig = signals.interrupt;
      dd.sys.sigaction(sig, { handler: 'default' });
      dd.sys.kill(dd.sys.getpid(), sig);
      await dd.sys.yield();
      throw new Exit(128 + sig, false);
    }
  }
}
