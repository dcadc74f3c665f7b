// Golden cases for ps (procps-ng 4.0.2): bash scripts run by record.ts with the real ps and by
// ps.test.ts in a guest. Each live case starts its own `sleep 100` and looks at it (and at the shell)
// through ps; pids differ between host and guest, so `digits` cases mask every digit (X) and keep
// the layout, and value checks compare ps's answer with $! or $$ inside the script.

export interface PsCase {
  name: string;
  script: string;
  /** Regular expressions (global) whose matches become 'X' in both outputs. */
  mask?: string[];
}

export interface PsRecord extends PsCase {
  output: string;
  status: number;
}

const START = 'sleep 100 & sleep 0.2; ';
const END = '; s=$?; kill $! 2>/dev/null; wait; exit $s';
const DIGITS = ['[0-9]'];

/** A case run while `sleep 100` is alive as $!. */
const live = (name: string, script: string, mask?: string[]): PsCase => ({ name, script: START + script + END, ...(mask ? { mask } : {}) });
/** A case with ps alone. */
const plain = (name: string, script: string): PsCase => ({ name, script });

export const PS_CASES: PsCase[] = [
  // -o lists with empty and custom headers
  live('ps-o-comm-empty', 'ps -o comm= -p $!'),
  live('ps-o-stat-empty', 'ps -o stat= -p $!'),
  live('ps-o-pid-self', 'ps -o pid= -p $$; [ $(ps -o pid= -p $$) = $$ ] && echo self', DIGITS),
  live('ps-o-pid-child', 'ps -o pid= -p $!; [ $(ps -o pid= -p $!) = $! ] && echo child', DIGITS),
  live('ps-o-ppid', 'ps -o ppid= -p $!; [ $(ps -o ppid= -p $!) = $$ ] && echo parent', DIGITS),
  live('ps-o-pid-comm-empty', 'ps -o pid=,comm= -p $!', DIGITS),
  live('ps-o-comm-pid-empty', 'ps -o comm=,pid= -p $!', DIGITS),
  live('ps-o-one-empty', 'ps -o pid=,comm -p $!', DIGITS),
  live('ps-o-last-empty', 'ps -o pid=X,comm= -p $!', DIGITS),
  live('ps-o-custom', 'ps -o pid=Process,comm=Name -p $!; ps -o comm=Name -o pid=ID -p $!', DIGITS),
  live('ps-o-custom-wide', 'ps -o pid=VERYLONGHEADERTEXT,comm,ppid=P -p $!', DIGITS),
  live('ps-o-accumulate', 'ps -o pid,comm= -o ppid -p $!; ps -o pid= -o comm= -p $!', DIGITS),
  live('ps-o-widths', 'ps -o pid:3,comm:4,ppid -p $!; ps -o args:5,pid -p $!; ps -o args,stat -p $!', DIGITS),
  live('ps-o-space-list', 'ps -o "pid comm= stat" -p $!', DIGITS),
  live('ps-o-trailing-comma', 'ps -o comm, -p $!'),
  live('ps-o-headers-forced', 'ps -o pid=,comm= --headers -p $!', DIGITS),
  live('ps-format-long', 'ps --format=pid=,comm= -p $!; ps --format comm= --pid $!', DIGITS),
  live('ps-o-attached', 'ps -opid=,stat= -p$!', DIGITS),
  live('ps-bsd-o', 'ps o comm= p $!; ps ocomm,stat p$!'),
  // selections
  live('ps-eo', "ps -eo pid,ppid,comm | grep -E 'PID|sleep'", DIGITS),
  live('ps-e-args', "ps -e -o pid=,args= | grep -E '^ *[0-9]+ sleep'", DIGITS),
  live('ps-p-list', 'ps -o comm= -p $$,$!; ps -o comm= -p "$$ $!"; ps -o comm= -p $! -p $$'),
  live('ps-C', 'ps -C sleep -o pid=; [ $(ps -C sleep -o pid=) = $! ] && echo found; ps -C sleep -o comm,stat', DIGITS),
  live('ps-no-headers', 'ps --no-headers -o pid,comm -p $!; ps --no-heading -o comm -p $!', DIGITS),
  live('ps-h', 'ps h -o comm -p $!; ps h -p $!', DIGITS),
  live('ps-f', 'ps -f -p $!', DIGITS),
  live('ps-ppid', 'ps --ppid $$ -o comm= | grep -c sleep'),
  // nothing selected: the header (unless every header is empty) and status 1
  plain('ps-p-missing', 'ps -p 99999; echo rc=$?; ps -o pid= -p 99999; echo rc=$?; ps h -p 99999; echo rc=$?'),
  plain('ps-p-missing-o', 'ps -o pid,comm -p 99999; echo rc=$?; ps -o pid=,comm -p 99999; echo rc=$?'),
  plain('ps-C-missing', 'ps -C nosuchname; echo rc=$?; ps -C nosuchname -o pid=; echo rc=$?'),
  // errors
  plain('ps-err-commas-after-header', 'ps -o pid=X,Y -p 1'),
  plain('ps-err-unknown-spec', 'ps -o pid,nosuch -p 1'),
  plain('ps-err-empty-spec', 'ps -o=pid -p 1'),
  plain('ps-err-improper', 'ps -o , -p 1; echo rc=$?; ps -o pid,,comm -p 1'),
  plain('ps-err-width', 'ps -o pid:0 -p 1; ps -o pid:x -p 1; ps -o pid: -p 1'),
  plain('ps-err-o-missing', 'ps -o; ps --format; ps o'),
  plain('ps-err-p-missing', 'ps -p; ps --pid; ps -q; ps --ppid'),
  plain('ps-err-p-syntax', 'ps -p abc; ps -p 0; ps -p 1,,2'),
  plain('ps-err-C-missing', 'ps -C'),
  plain('ps-err-long', 'ps --bogus'),
];
