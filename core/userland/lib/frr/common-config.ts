// The configuration every FRR daemon has from its library: logging (`log file PATH`), debugging switches,
// the vty passwords, and the `line vty` node. Netloom's daemons log nowhere; the lines are kept so that
// `show running-config` shows them where FRR does.
import type { CommandTable, VtyReply } from './daemon.ts';

const ok = (): VtyReply => ({ status: 'ok', out: '' });

export class CommonConfig {
  log: string[] = [];
  debug: string[] = [];
  password: string | null = null;
  enablePassword: string | null = null;

  private static keep(list: string[], line: string, remove: boolean): string[] {
    return remove ? list.filter((l) => l !== line) : list.includes(line) ? list : [...list, line];
  }

  commands(): CommandTable {
    const text = (words: { value: string }[]) => words.map((w) => w.value).join(' ');
    const silent = (syntax: string) => ({ syntax, action: () => ok() });
    return {
      config: [
        { syntax: 'password LINE...', action: (m) => ((this.password = text(m.words.slice(1))), ok()) },
        { syntax: 'enable password LINE...', action: (m) => ((this.enablePassword = text(m.words.slice(2))), ok()) },
        { syntax: 'no enable password', action: () => ((this.enablePassword = null), ok()) },
        { syntax: 'log LINE...', action: (m) => ((this.log = CommonConfig.keep(this.log, text(m.words), false)), ok()) },
        // `no log file` (with or without the file) ends logging to any file.
        { syntax: 'no log LINE...', action: (m) => {
          const what = m.words[2]?.value;
          this.log = this.log.filter((l) => l.split(' ')[1] !== what);
          return ok();
        } },
        { syntax: 'debug LINE...', action: (m) => ((this.debug = CommonConfig.keep(this.debug, text(m.words), false)), ok()) },
        { syntax: 'no debug LINE...', action: (m) => ((this.debug = CommonConfig.keep(this.debug, text(m.words.slice(1)), true)), ok()) },
        ...['service LINE...', 'no service LINE...', 'frr LINE...', 'banner LINE...', 'agentx', 'no agentx'].map(silent),
        { syntax: 'line vty', action: () => ({ status: 'ok', out: '', enter: 'line vty' }) },
      ],
      'line vty': ['exec-timeout (0-35791) [(0-2147483)]', 'no exec-timeout', 'login', 'no login', 'access-class WORD'].map(silent),
    };
  }

  /** The lines for `show running-config`, by where vtysh puts them. */
  sections(): { kind: 'log' | 'debug' | 'password'; lines: string[] }[] {
    return [
      { kind: 'log', lines: this.log },
      { kind: 'debug', lines: this.debug },
      { kind: 'password', lines: [...(this.password ? [`password ${this.password}`] : []), ...(this.enablePassword ? [`enable password ${this.enablePassword}`] : [])] },
    ];
  }
}
