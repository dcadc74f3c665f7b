// Signal dispositions and default actions, as signal(7) lists them for Linux.

import {
  SIGABRT, SIGBUS, SIGCHLD, SIGCONT, SIGFPE, SIGILL, SIGKILL, SIGQUIT, SIGSEGV, SIGSTOP, SIGSYS,
  SIGTRAP, SIGTSTP, SIGTTIN, SIGTTOU, SIGURG, SIGWINCH, SIGXCPU, SIGXFSZ, type SignalAction,
} from './abi.ts';

export type DefaultAction = 'term' | 'core' | 'ign' | 'stop' | 'cont';

export function defaultAction(signo: number): DefaultAction {
  switch (signo) {
    case SIGCHLD:
    case SIGURG:
    case SIGWINCH:
      return 'ign';
    case SIGCONT:
      return 'cont';
    case SIGSTOP:
    case SIGTSTP:
    case SIGTTIN:
    case SIGTTOU:
      return 'stop';
    case SIGQUIT:
    case SIGILL:
    case SIGTRAP:
    case SIGABRT:
    case SIGBUS:
    case SIGFPE:
    case SIGSEGV:
    case SIGXCPU:
    case SIGXFSZ:
    case SIGSYS:
      return 'core';
    default:
      return 'term';
  }
}

/** SIGKILL and SIGSTOP can be neither caught, ignored nor blocked. */
export const isUncatchable = (signo: number): boolean => signo === SIGKILL || signo === SIGSTOP;

export const DEFAULT_ACTION: SignalAction = { handler: 'default' };

/** The per-process table of dispositions (shared by value on fork, reset to default on exec). */
export class SignalTable {
  actions: SignalAction[] = [];
  blocked = 0;
  pending = 0;

  get(signo: number): SignalAction {
    return this.actions[signo] ?? DEFAULT_ACTION;
  }

  set(signo: number, action: SignalAction): void {
    if (signo >= this.actions.length) {
      // Grown to the length needed: an assignment past the end would reserve 16 or more extra slots.
      const next = new Array<SignalAction>(signo + 1);
      for (let i = 0; i < this.actions.length; i++) if (i in this.actions) next[i] = this.actions[i]!;
      this.actions = next;
    }
    this.actions[signo] = action;
  }

  clone(): SignalTable {
    const t = new SignalTable();
    t.actions = this.actions.slice();
    t.blocked = this.blocked;
    return t;
  }

  /** execve: handled signals return to their default; ignored ones stay ignored. */
  resetForExec(): void {
    this.actions = this.actions.map((a) => (a && a.handler === 'ignore' ? a : DEFAULT_ACTION));
  }

  /** True when delivering `signo` would do nothing at all. */
  isIgnored(signo: number): boolean {
    const h = this.get(signo).handler;
    return h === 'ignore' || (h === 'default' && defaultAction(signo) === 'ign');
  }
}

export const bit = (signo: number): number => 1 << (signo - 1);
