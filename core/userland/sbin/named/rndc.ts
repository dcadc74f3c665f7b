// rndc for the guests' named: reload, reconfig, flush, stop, halt and status. Netloom's named has no
// control channel on port 953; rndc finds it through /run/named/named.pid and signals it (SIGHUP
// reloads, SIGUSR1 empties the cache, SIGTERM stops). Messages are rndc 9.18's for the same outcomes.
import { SIGHUP, SIGTERM, SIGUSR1, type Program } from '../../../kernel/abi.ts';
import { utf8Encode } from '../../../fs/utf8.ts';
import { readFileText, writeAll } from '../../lib/io.ts';
import { PID_FILE, BIND_VERSION } from './named.ts';

const USAGE = `Usage: rndc [-b address] [-c config] [-s server] [-p port]
	[-k key-file ] [-y key] [-r] [-V] [-4 | -6] command

command is one of the following:

  flush         Flushes all of the server's caches.
  halt          Stop the server without saving pending updates.
  reconfig      Reload configuration file and new zones only.
  reload        Reload configuration file and zones.
  status        Display status of the server.
  stop          Save pending updates to master files and stop the server.

Version: ${BIND_VERSION}
`;

export const main: Program = async (sys, argv) => {
  const args: string[] = [];
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i]!;
    if (/^-[bcskpy]$/.test(a)) i++;
    else if (!a.startsWith('-')) args.push(a);
  }
  const [command] = args;
  if (command === undefined) {
    await writeAll(sys, 2, utf8Encode(USAGE));
    return 1;
  }
  const text = await readFileText(sys, PID_FILE);
  const pid = typeof text === 'string' ? Number(text.trim()) : NaN;
  if (!Number.isInteger(pid) || pid <= 0 || sys.kill(pid, 0) !== 0) {
    await writeAll(sys, 2, utf8Encode('rndc: connect failed: 127.0.0.1#953: connection refused\n'));
    return 1;
  }
  const out = (t: string) => writeAll(sys, 1, utf8Encode(t));
  switch (command) {
    case 'reload':
      sys.kill(pid, SIGHUP);
      await out('server reload successful\n');
      return 0;
    case 'reconfig':
      sys.kill(pid, SIGHUP);
      return 0;
    case 'flush':
      sys.kill(pid, SIGUSR1);
      return 0;
    case 'stop':
    case 'halt':
      sys.kill(pid, SIGTERM);
      return 0;
    case 'status':
      await out(`version: BIND ${BIND_VERSION} (Extended Support Version) <id:>\nserver is up and running\n`);
      return 0;
    default:
      await writeAll(sys, 2, utf8Encode(`rndc: '${command}' failed: unknown command\n`));
      return 1;
  }
};
