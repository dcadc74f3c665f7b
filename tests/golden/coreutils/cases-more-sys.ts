// Golden cases for free, uptime, df, top, watch, less and more: errors, usage texts and the pagers'
// copy-through mode exactly; the layout of host-dependent reports with their numbers masked (the host's
// memory, uptime, load and disks differ from a guest's by nature; sysinfo-format.test.ts checks the
// guest's exact column widths against the layouts recorded here).
import { k, sh } from './more-common.ts';

const F = { 'm1': 'a\nb\n', 'm2': 'c\n', 'long.txt': Array.from({ length: 60 }, (_, i) => `line ${i + 1}\n`).join(''), 'tab.txt': 'x\ty\x01z\n' };
const x = (name: string, argv: string[], mask?: string[]) => k(name, argv, { files: F, ...(mask ? { mask } : {}) });
const s = (name: string, script: string, mask?: string[]) => sh(name, script, { files: F, ...(mask ? { mask } : {}) });

/** Every number (with a unit suffix such as Gi, M, K or B) and the spaces before it. */
const NUMBERS = [' +[0-9][0-9.]*[A-Za-z%]*'];
const UPTIME = ['\\d\\d:\\d\\d:\\d\\d', 'up .*?,  (?=\\d+ user)', '\\d+\\.\\d\\d'];

export const SYS_TOOL_CASES = [
  // free
  x('free-layout', ['free'], NUMBERS),
  x('free-h-layout', ['free', '-h'], NUMBERS),
  x('free-w-t-layout', ['free', '-w', '-t'], NUMBERS),
  x('free-m-layout', ['free', '-m'], NUMBERS),
  x('free-c2-layout', ['free', '-c', '2', '-s', '0.1'], NUMBERS),
  x('free-bad-option', ['free', '-x']),
  x('free-operand', ['free', 'extra']),
  x('free-bad-seconds', ['free', '-s', '0']),
  x('free-bad-count', ['free', '-c', 'x']),
  x('free-version', ['free', '-V']),
  // uptime
  x('uptime-layout', ['uptime'], UPTIME),
  x('uptime-s-layout', ['uptime', '-s'], ['\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d']),
  x('uptime-bad-option', ['uptime', '-x']),
  x('uptime-operand', ['uptime', 'foo']),
  x('uptime-help', ['uptime', '--help']),
  x('uptime-version', ['uptime', '-V']),
  // df
  x('df-missing', ['df', 'nosuch']),
  x('df-x-needs-arg', ['df', '-x']),
  x('df-bad-option', ['df', '--bogus']),
  // top
  x('top-bad-iterations', ['top', '-b', '-n', 'x']),
  x('top-bad-delay', ['top', '-b', '-n', '1', '-d', 'x']),
  x('top-bad-user', ['top', '-b', '-n', '1', '-u', 'nosuchuser']),
  s('top-header-layout', 'top -b -n 1 | head -7', [...UPTIME, ' *[0-9][0-9.]*(?= (total|running|sleeping|stopped|zombie|us|sy|ni|id|wa|hi|si|st|free|used|buff|avail))']),
  s('top-p1-columns', 'top -b -n 1 -p 1 | sed -n 7p'),
  // watch
  x('watch-no-command', ['watch']),
  x('watch-bad-interval', ['watch', '-n', 'x', 'ls']),
  // less (stdout not a terminal: copies like cat)
  x('less-copy', ['less', 'm1', 'm2']),
  { ...x('less-stdin', ['less']), stdin: 'from a pipe\n' },
  x('less-missing', ['less', 'nosuch']),
  x('less-missing-and-file', ['less', 'nosuch', 'm1']),
  x('less-dir', ['less', 'd']),
  x('less-options', ['less', '-N', '-M', '-S', 'tab.txt']),
  // more
  x('more-copy-one', ['more', 'm1']),
  x('more-copy-headers', ['more', 'm1', 'm2']),
  { ...x('more-stdin', ['more']), stdin: 'from a pipe\n' },
  x('more-missing', ['more', 'm1', 'nosuch', 'm2']),
  x('more-dir', ['more', 'd']),
  x('more-long', ['more', 'long.txt']),
];
