// Signal names and numbers as kill(1) and bash accept them: "TERM", "SIGTERM", "15", case-insensitive.
import { NSIG, SIGNAL_NAMES } from '../../kernel/abi.ts';

export function parseSignal(text: string): number | null {
  if (/^\d+$/.test(text)) {
    const n = Number(text);
    return n >= 0 && n < NSIG ? n : null;
  }
  let name = text.toUpperCase();
  if (name.startsWith('SIG')) name = name.slice(3);
  const i = SIGNAL_NAMES.indexOf(name);
  return i > 0 ? i : null;
}

/** What bash prints when a job dies of a signal (strsignal(3) in glibc). */
export const SIGNAL_DESCRIPTIONS: readonly string[] = [
  '', 'Hangup', 'Interrupt', 'Quit', 'Illegal instruction', 'Trace/breakpoint trap', 'Aborted',
  'Bus error', 'Floating point exception', 'Killed', 'User defined signal 1', 'Segmentation fault',
  'User defined signal 2', 'Broken pipe', 'Alarm clock', 'Terminated', 'Stack fault', 'Child exited',
  'Continued', 'Stopped (signal)', 'Stopped', 'Stopped (tty input)', 'Stopped (tty output)',
  'Urgent I/O condition', 'CPU time limit exceeded', 'File size limit exceeded', 'Virtual timer expired',
  'Profiling timer expired', 'Window changed', 'I/O possible', 'Power failure', 'Bad system call',
];
