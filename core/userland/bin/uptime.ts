// uptime(1) from procps-ng 4.0.2: the time, how long the system has been up, users and load averages;
// -p (pretty: "up 1 hour, 5 minutes") and -s (boot time "yyyy-mm-dd HH:MM:SS"). Reads /proc and the clock.
import { CLOCK_REALTIME, type Program } from '../../kernel/abi.ts';
import { Cmd } from '../lib/cmd.ts';
import { getopt } from '../lib/getopt.ts';
import { uptimeLine, uptimeSeconds } from '../lib/sysinfo.ts';
import { strftime } from '../lib/time.ts';

const USAGE = `
Usage:
 uptime [options]

Options:
 -p, --pretty   show uptime in pretty format
 -h, --help     display this help and exit
 -s, --since    system up since
 -V, --version  output version information and exit

For more details see uptime(1).
`;

/** procps's pretty form: the non-zero units from years down to minutes, "up 0 minutes" at boot. */
function pretty(secs: number): string {
  const units: Array<[number, string]> = [[31536000, 'year'], [604800, 'week'], [86400, 'day'], [3600, 'hour'], [60, 'minute']];
  let rest = Math.floor(secs);
  const parts: string[] = [];
  for (const [size, name] of units) {
    const n = Math.floor(rest / size);
    rest -= n * size;
    if (n || (name === 'minute' && parts.length === 0)) parts.push(`${n} ${name}${n === 1 ? '' : 's'}`);
  }
  return 'up ' + parts.join(', ');
}

export const main: Program = async (sys, argv, envp) => {
  const p = new Cmd(sys, argv, envp);
  const r = getopt(argv, 'phsV', [{ name: 'pretty', key: 'p' }, { name: 'help', key: 'h' }, { name: 'since', key: 's' }, { name: 'version', key: 'V' }]);
  if (r.error) {
    await p.error(r.error);
    await p.err.write(USAGE);
    return p.finish(1);
  }
  const keys = new Set(r.opts.map((o) => o.key));
  if (keys.has('h')) {
    await p.put(USAGE);
    return p.finish(0);
  }
  if (keys.has('V')) {
    await p.put('uptime from procps-ng 4.0.2\n');
    return p.finish(0);
  }
  if (r.operands.length) {
    await p.err.write(USAGE);
    return p.finish(1);
  }
  const up = uptimeSeconds(sys);
  if (keys.has('s')) await p.put(strftime('%Y-%m-%d %H:%M:%S', sys.clockGettime(CLOCK_REALTIME) - up * 1e9) + '\n');
  else if (keys.has('p')) await p.put(pretty(up) + '\n');
  else await p.put(' ' + uptimeLine(sys) + '\n');
  return p.finish(0);
};
