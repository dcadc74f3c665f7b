// Signal dispositions and default actions, as signal(7) lists them for Linux.

import {
  SIGABRT, SIGBUS, SIGCHLD, SIGCONT, SIGFPE, SIGILL, SIGKILL, SIGQUIT, SIGSEGV, SIGSTOP, SIGSYS,
  SIGTRAP, SIGTSTP, NSIG, SIGTTIN, SIGTTOU, SIGURG, SIGWINCH, SIGXCPU, SIGXFSZ, type SignalAction,
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

export const DEFAULT_ACTION: SignalAction = Object.freeze({ handler: 'default' });

// The dispositions without a handler function, as sigaction stores them: one frozen value each, shared by
// every process (most programs set only these, and a stored action is never changed in place).
const STORED_DEFAULT: SignalAction = Object.freeze({ handler: 'default', restart: false });
const STORED_DEFAULT_RESTART: SignalAction = Object.freeze({ handler: 'default', restart: true });
const STORED_IGNORE: SignalAction = Object.freeze({ handler: 'ignore', restart: false });
const STORED_IGNORE_RESTART: SignalAction = Object.freeze({ handler: 'ignore', restart: true });

/** The action sigaction keeps for `action`: a copy the caller cannot change, with `restart` explicit. */
export function storedAction(action: SignalAction): SignalAction {
  const restart = action.restart ?? false;
  if (action.handler === 'ignore') return restart ? STORED_IGNORE_RESTART : STORED_IGNORE;
  if (action.handler === 'default') return restart ? STORED_DEFAULT_RESTART : STORED_DEFAULT;
  return { handler: action.handler, restart };
}

/** Slots for signals 0-31, the standard ones. */
const STANDARD_SLOTS = 32;

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
      // Made with a slot for every standard signal (programs set several: bash seven, from 2 to 22), and for
      // every signal once a real-time one is set: growing to each one's length made a new array per call
      // (an assignment past the end would reserve 16 or more extra slots as well).
      const next = new Array<SignalAction>(signo < STANDARD_SLOTS ? STANDARD_SLOTS : NSIG);
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
