// Golden cases for pgrep, pkill (procps-ng 4.0.2) and killall (psmisc 23.6). Each case starts its own
// processes: copies of sleep under names no other process on the recording host carries (nlzz, nlzz2),
// each under its own `sh -c '... & wait'` (so bash prints no job notice when one is killed and nothing is
// left as an orphan), their pids kept in files p1..p3, killed and waited for at the end. The script never
// spells "nlzz 100N" so -f patterns match only the sleeps. Pids differ between host and guest: masked.
import type { GoldenCase } from './cases.ts';
import { k, sh } from './more-common.ts';

const START = 'cp /bin/sleep nlzz; cp /bin/sleep nlzz2; for a in "1000 nlzz p1" "1001 nlzz p2" "1002 nlzz2 p3"; do ' +
  'sh -c \'./$1 $0 & echo $! >$2; wait\' $a 2>/dev/null & sleep 0.1; done; sleep 0.3; N=nlzz; ';
const END = '; s=$?; kill $(cat p1 p2 p3) 2>/dev/null; wait; exit $s';
const PIDS = ['[0-9]+'];
const KILLED = ['(?<=\\(|pid )[0-9]+(?=\\))'];

/** A case run while nlzz 1000, nlzz 1001 and nlzz2 1002 are alive. */
const live = (name: string, script: string, mask: string[] = []): GoldenCase => sh(name, START + script + END, mask.length ? { mask } : {});

export const PROC_TOOL_CASES: GoldenCase[] = [
  // pgrep: selection and output formats
  live('pgrep-name', 'pgrep nlzz', PIDS),
  live('pgrep-l', 'pgrep -l nlzz', PIDS),
  live('pgrep-x', 'pgrep -x -l nlzz', PIDS),
  live('pgrep-a', 'pgrep -a nlzz', PIDS),
  live('pgrep-c', 'pgrep -c nlzz'),
  live('pgrep-d', 'pgrep -d, nlzz', PIDS),
  live('pgrep-d-l', "pgrep -l -d ' ; ' nlzz", PIDS),
  live('pgrep-newest', '[ "$(pgrep -n nlzz)" = "$(cat p3)" ] && echo newest'),
  live('pgrep-oldest', '[ "$(pgrep -o nlzz)" = "$(cat p1)" ] && echo oldest'),
  live('pgrep-f', '[ "$(pgrep -f "$N 1001")" = "$(cat p2)" ] && echo full'),
  live('pgrep-f-a', 'pgrep -a -f "$N 100[12]"', PIDS),
  live('pgrep-f-x', 'pgrep -f -x "./$N 1000" -l', PIDS),
  live('pgrep-i', 'pgrep -i -l NLZZ2', PIDS),
  live('pgrep-x-i', 'pgrep -x -i -c NLZZ'),
  live('pgrep-v', 'a=$(pgrep -c .); b=$(pgrep -v -c nlzz2); echo $((a - b))'),
  live('pgrep-u', 'pgrep -u root -l -x nlzz2', PIDS),
  live('pgrep-U', 'pgrep -U 0,1 -x -c nlzz2'),
  live('pgrep-u-other', 'pgrep -u daemon nlzz'),
  live('pgrep-g0', 'pgrep -g 0 -c nlzz'),
  live('pgrep-s0', 'pgrep -s 0 -l -x nlzz2', PIDS),
  live('pgrep-r', 'pgrep -r S -c -x nlzz2; pgrep -r Z -c nlzz'),
  live('pgrep-t', 'pgrep -t pts/77 -c nlzz'),
  live('pgrep-F', 'pgrep -F p2 -l', PIDS),
  live('pgrep-F-pattern', 'pgrep -F p2 -c nlzz2'),
  live('pgrep-none', 'pgrep nosuchprocxyz'),
  live('pgrep-count-none', 'pgrep -c nosuchprocxyz'),
  live('pgrep-self', 'pgrep -x pgrep; pgrep -c -f pgrep.-c'),
  live('pgrep-empty-pattern-P', 'pgrep -P $(cat p1)'),
  k('pgrep-no-criteria', ['pgrep']),
  k('pgrep-two-patterns', ['pgrep', 'a', 'b']),
  k('pgrep-bad-option', ['pgrep', '-Z', 'x']),
  k('pgrep-bad-long', ['pgrep', '--nosuch', 'x']),
  k('pgrep-missing-arg', ['pgrep', '-d']),
  k('pgrep-regex-error', ['pgrep', 'a[']),
  k('pgrep-bad-user', ['pgrep', '-u', 'nosuchuser', 'x']),
  k('pgrep-bad-uid-U', ['pgrep', '-U', 'nosuchuser', 'x']),
  k('pgrep-bad-group', ['pgrep', '-G', 'nogrp', 'x']),
  k('pgrep-bad-parent', ['pgrep', '-P', 'abc', 'x']),
  k('pgrep-bad-session', ['pgrep', '-s', 'abc', 'x']),
  k('pgrep-bad-pgroup', ['pgrep', '-g', 'abc', 'x']),
  k('pgrep-L-without-F', ['pgrep', '-L', 'x']),
  k('pgrep-F-missing', ['pgrep', '-F', 'nosuchfile']),
  k('pgrep-n-o', ['pgrep', '-n', '-o', 'x']),
  k('pgrep-v-n', ['pgrep', '-v', '-n', 'x']),
  k('pgrep-V', ['pgrep', '-V']),
  k('pgrep-help', ['pgrep', '--help']),
  // pkill
  live('pkill-basic', 'pkill nlzz2; echo rc=$?; sleep 0.3; pgrep -c -x nlzz2'),
  live('pkill-e', 'pkill -e -x nlzz', KILLED),
  live('pkill-KILL', 'pkill -KILL -e nlzz2; sleep 0.3; pgrep -x nlzz2', KILLED),
  live('pkill-signal-long', 'pkill --signal USR1 -e nlzz2; sleep 0.3; pgrep -c nlzz2', KILLED),
  live('pkill-sig-after', 'pkill -e nlzz2 -9', KILLED),
  live('pkill-0', 'pkill -0 -e nlzz2; pgrep -c -x nlzz2', KILLED),
  live('pkill-c', 'pkill -c nlzz'),
  live('pkill-f', 'pkill -f -e "$N 1001"; sleep 0.3; pgrep -c -x nlzz', KILLED),
  live('pkill-none', 'pkill nosuchprocxyz'),
  k('pkill-bad-option', ['pkill', '-l', 'x']),
  k('pkill-no-criteria', ['pkill']),
  k('pkill-V', ['pkill', '-V']),
  k('pkill-help', ['pkill', '--help']),
  // killall
  live('killall-v', 'killall -v nlzz2; echo rc=$?', KILLED),
  live('killall-s', 'killall -v -s KILL nlzz2', KILLED),
  live('killall-9', 'killall -9 -v nlzz2', KILLED),
  live('killall-signame', 'killall -USR1 -v nlzz2', KILLED),
  live('killall-both', 'killall -v nlzz nlzz2', KILLED),
  live('killall-partial', 'killall -v nlzz2 nosuchprocxyz; echo rc=$?', KILLED),
  live('killall-I', 'killall -I -v NLZZ2', KILLED),
  live('killall-w', 'killall -w -v nlzz2; pgrep -c -x nlzz2', KILLED),
  live('killall-y', 'killall -y 1h -v nlzz2', KILLED),
  live('killall-o', 'killall -o 1h nlzz2; echo rc=$?'),
  live('killall-u', 'killall -u root -v nlzz2', KILLED),
  live('killall-r', 'killall -r -v "^nlzz.$"', KILLED),
  live('killall-prefix', 'killall nlz; echo rc=$?'),
  sh('killall-long-name', 'cp /bin/sleep nlzzverylongname123; sh -c \'./$1 $0 & echo $! >p1; wait\' 1000 nlzzverylongname123 2>/dev/null & ' +
    'sleep 0.3; killall -v nlzzverylongnameXY; s=$?; kill $(cat p1) 2>/dev/null; wait; exit $s', { mask: KILLED }),
  k('killall-none', ['killall', 'nosuchprocxyz']),
  k('killall-q-none', ['killall', '-q', 'nosuchprocxyz']),
  k('killall-usage', ['killall']),
  k('killall-l', ['killall', '-l']),
  k('killall-V', ['killall', '-V']),
  k('killall-bad-signal', ['killall', '-s', 'FOO', 'x']),
  k('killall-bad-dash-signal', ['killall', '-SIGFOO', 'x']),
  k('killall-bad-user', ['killall', '-u', 'nosuchuser', 'x']),
  k('killall-bad-regex', ['killall', '-r', 'a[']),
  k('killall-bad-long', ['killall', '--bogus', 'x']),
  k('killall-bad-time', ['killall', '-o', '1x', 'x']),
];
