// The frame of the shadow-utils tools (useradd, usermod, groupadd ...): getopt_long with their option
// tables, "tool: message" errors, the usage text after a bad option (exit 2), and their exit codes.
import type { Sys } from '../../kernel/abi.ts';
import { getopt, type GetoptResult, type LongOpt } from './getopt.ts';
import { Proc } from './program.ts';
import { SHADOW_USAGE } from './shadow-usage.ts';
import { UserDb } from './user-db.ts';

/** Exit codes shared by useradd, usermod, userdel, groupadd, groupdel (see their man pages). */
export const E_SUCCESS = 0, E_PW_UPDATE = 1, E_USAGE = 2, E_BAD_ARG = 3, E_UID_IN_USE = 4;
export const E_NOTFOUND = 6, E_NAME_IN_USE = 9, E_GRP_UPDATE = 10, E_HOMEDIR = 12;

export class ShadowTool extends Proc {
  constructor(sys: Sys, argv: readonly string[], envp: readonly string[], readonly tool: string) {
    super(sys, argv, envp, tool);
  }

  /**
   * Parses options; on a bad one prints glibc's message (prefixed with argv[0] as given, as getopt does)
   * and the usage, and returns `badStatus` (passwd uses its own E_BAD_ARG, 6).
   */
  async options(shorts: string, longs: LongOpt[], badStatus = E_USAGE): Promise<GetoptResult | number> {
    const r = getopt(this.argv, shorts.includes('h') ? shorts : shorts + 'h', [...longs, { name: 'help', key: 'h' }]);
    if (r.error) {
      await this.out.flush();
      await this.err.write(`${this.argv[0] ?? this.tool}: ${r.error}\n`);
      await this.err.write(SHADOW_USAGE[this.tool] ?? '');
      return badStatus;
    }
    if (r.opts.some((o) => o.key === 'h')) {
      await this.out.write(SHADOW_USAGE[this.tool] ?? '');
      return E_SUCCESS;
    }
    return r;
  }

  async usage(): Promise<number> {
    await this.err.write(SHADOW_USAGE[this.tool] ?? '');
    return E_USAGE;
  }

  /** Only root may change the account files. */
  async requireRoot(): Promise<boolean> {
    if (this.sys.getids().euid === 0) return true;
    await this.error('Permission denied.');
    return false;
  }

  async fail(message: string, status: number): Promise<number> {
    await this.error(message);
    return this.finish(status);
  }

  /** Saves the database, reporting a failure the way the tools do. */
  async save(db: UserDb): Promise<number> {
    const r = await db.save();
    if (r < 0) {
      await this.error('cannot lock /etc/passwd; try again later.');
      return E_PW_UPDATE;
    }
    return E_SUCCESS;
  }
}
