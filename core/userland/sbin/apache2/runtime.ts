// What a running apache2 process holds: its configuration, the name it calls itself when a request
// gives none (ServerName, or what AH00558 announced), its open log files, and the stop flag its signal
// handlers set.
import { O_APPEND, O_CREAT, O_WRONLY, CLOCK_REALTIME, type Sys } from '../../../kernel/abi.ts';
import { writeAll } from '../../lib/io.ts';
import { errorLogDate } from '../../lib/http/date.ts';
import type { ServerConfig } from './config.ts';

/** The version Debian 12's apache2 reports (recorded: `apache2 -v`). */
export const VERSION = '2.4.71';
export const BUILT = '2026-11-12T08:58:41';

export class Runtime {
  stopping = false;
  /** Open log files by path. */
  readonly logFds = new Map<string, number>();

  constructor(readonly sys: Sys, public config: ServerConfig, public serverName: string) {}

  /** The Server header / signature product per ServerTokens. */
  banner(): string {
    switch (this.config.serverTokens) {
      case 'prod': case 'productonly': return 'Apache';
      case 'major': return 'Apache/2';
      case 'minor': return 'Apache/2.4';
      case 'min': case 'minimal': return `Apache/${VERSION}`;
      default: return `Apache/${VERSION} (Debian)`;
    }
  }

  /** Opens (appending, creating 0644) a log file once; -errno on failure. */
  openLog(path: string): number {
    const have = this.logFds.get(path);
    if (have !== undefined) return have;
    const fd = this.sys.open(path, O_WRONLY | O_APPEND | O_CREAT, 0o644);
    if (fd >= 0) this.logFds.set(path, fd);
    return fd;
  }

  async writeLog(path: string, text: string): Promise<void> {
    const fd = this.openLog(path);
    if (fd >= 0) await writeAll(this.sys, fd, text);
  }

  /** An error log line: `[time] [module:level] [pid N:tid N] [client A:P] text`. */
  async errorLog(module: string, level: string, text: string, client?: string, path?: string): Promise<void> {
    const pid = this.sys.getpid();
    const t = this.sys.clockGettime(CLOCK_REALTIME);
    const line = `${errorLogDate(t)} [${module}:${level}] [pid ${pid}:tid ${pid}] ${client ? `[client ${client}] ` : ''}${text}\n`;
    await this.writeLog(path ?? this.config.errorLog, line);
  }

  closeLogs(): void {
    for (const fd of this.logFds.values()) this.sys.close(fd);
    this.logFds.clear();
  }
}
