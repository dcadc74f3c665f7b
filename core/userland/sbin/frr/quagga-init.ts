// /etc/init.d/quagga of the kathara/quagga image. Netloom runs FRR 8.4's daemons in place of Quagga's
// (the same commands and configuration files for what labs use), started as Quagga's init script does:
// the daemons /etc/quagga/daemons enables (`ripd=yes`, or a priority 1-10; zebra first), each with its
// own /etc/quagga/DAEMON.conf, one line of progress (`Starting Quagga daemons (prio:10): zebra ripd.`).
// Quagga's zebra also kept the static routes (`ip route` in zebra.conf): FRR's staticd reads zebra.conf
// for them, started with zebra. /etc/init.d/zebra is the same script (with /etc/zebra in place of
// /etc/quagga when that holds a daemons file, Netkit's older layout).
import { F_OK, SIGTERM, X_OK, type Program, type Sys } from '../../../kernel/abi.ts';
import { utf8Encode } from '../../../fs/utf8.ts';
import { readFileText, writeAll } from '../../lib/io.ts';
import { spawnCommand, strerror, waitChild } from '../../lib/run-child.ts';
import { parseDaemons } from '../../lib/frr/daemons-file.ts';
import { RUN_DIR } from '../../lib/frr/paths.ts';

const D_PATH = '/usr/lib/frr';
/** Quagga's daemons, in the order its init script takes them. */
const DAEMONS = ['zebra', 'bgpd', 'ripd', 'ripngd', 'ospfd', 'ospf6d', 'isisd', 'babeld'];

/** A daemons-file value as a priority: `no` 0, `yes` 10, a number itself. */
function priority(value: string | undefined): number {
  if (value === 'yes') return 10;
  const n = Number(value);
  return Number.isInteger(n) && n >= 0 && n <= 10 ? n : 0;
}

/** What tells the two scripts apart: their configuration folder and the suite's name in messages. */
interface Flavour {
  confDir: string;
  suite: string;
}

class QuaggaInit {
  constructor(readonly sys: Sys, readonly envp: readonly string[], readonly flavour: Flavour) {}

  say(text: string): Promise<number> {
    return writeAll(this.sys, 1, utf8Encode(text));
  }

  async priorities(): Promise<Map<string, number>> {
    const text = await readFileText(this.sys, `${this.flavour.confDir}/daemons`);
    const vars = parseDaemons(typeof text === 'string' ? text : '');
    return new Map(DAEMONS.map((d) => [d, priority(vars.get(d))]));
  }

  /** Runs `/usr/lib/frr/NAME -d -f CONF` and waits for it to be ready; false when it failed. */
  async launch(name: string, conf: string): Promise<boolean> {
    const path = `${D_PATH}/${name}`;
    const pid = spawnCommand(this.sys, [path, '-d', '-f', conf], this.envp, (e) => `${path}: ${strerror(e)}`);
    return pid >= 0 && (await waitChild(this.sys, pid)) === 0;
  }

  async startOne(name: string): Promise<void> {
    await this.say(` ${name}`);
    if (this.sys.access(`${D_PATH}/${name}`, X_OK) < 0) return;
    const conf = `${this.flavour.confDir}/${name}.conf`;
    if (typeof (await readFileText(this.sys, conf)) !== 'string') {
      await this.say(' (not started without config file)');
      return;
    }
    if (typeof (await this.pidOf(name)) === 'number') return;
    if ((await this.launch(name, conf)) && name === 'zebra') await this.launch('staticd', conf);
  }

  async start(only?: string): Promise<number> {
    const prios = await this.priorities();
    await this.say(`Starting ${this.flavour.suite} daemons (prio:10):`);
    for (let prio = 10; prio >= 1; prio--) {
      for (const d of DAEMONS) if (prios.get(d) === prio && (only === undefined || only === d)) await this.startOne(d);
    }
    await this.say('.\n');
    return 0;
  }

  async pidOf(daemon: string): Promise<number | null> {
    const text = await readFileText(this.sys, `${RUN_DIR}/${daemon}.pid`);
    const pid = typeof text === 'string' ? Number(text.trim()) : NaN;
    return Number.isInteger(pid) && pid > 0 && this.sys.kill(pid, 0) === 0 ? pid : null;
  }

  /** SIGTERM, then waits (up to 30 s) for the daemon to go. */
  async stopOne(daemon: string): Promise<void> {
    const pid = await this.pidOf(daemon);
    if (pid === null) return;
    this.sys.kill(pid, SIGTERM);
    for (let i = 0; i < 300 && this.sys.kill(pid, 0) === 0; i++) await this.sys.nanosleep(100e6);
    this.sys.unlink(`${RUN_DIR}/${daemon}.pid`);
  }

  async stop(only?: string): Promise<number> {
    const prios = await this.priorities();
    await this.say(`Stopping ${this.flavour.suite} daemons (prio:0):`);
    for (const d of [...DAEMONS].reverse()) {
      if ((prios.get(d) ?? 0) === 0 || (only !== undefined && only !== d)) continue;
      await this.say(` ${d}`);
      if (d === 'zebra') await this.stopOne('staticd');
      await this.stopOne(d);
    }
    await this.say('.\n');
    if (only === undefined || only === 'zebra') await this.say('Removing all routes made by zebra.\n');
    return 0;
  }
}

function initScript(flavourOf: (sys: Sys) => Flavour): Program {
  return async (sys, argv, envp) => {
    const init = new QuaggaInit(sys, envp, flavourOf(sys));
    const only = argv[2];
    switch (argv[1]) {
      case 'start':
        return init.start(only);
      case 'stop':
        return init.stop(only);
      case 'restart':
      case 'force-reload':
        await init.stop(only);
        return init.start(only);
      default:
        await init.say(`Usage: ${argv[0]} {start|stop|restart|force-reload} [daemon]\n`);
        return 1;
    }
  };
}

/** /etc/init.d/quagga. */
const QUAGGA: Flavour = { confDir: '/etc/quagga', suite: 'Quagga' };
const ZEBRA: Flavour = { confDir: '/etc/zebra', suite: 'Zebra' };

export const main = initScript(() => QUAGGA);
/**
 * /etc/init.d/zebra: Quagga's files in /etc/quagga, as the collection's kathara/quagga labs start them,
 * or Netkit's in /etc/zebra when that folder has a daemons file.
 */
export const zebraMain = initScript((sys) => (sys.access(`${ZEBRA.confDir}/daemons`, F_OK) === 0 ? ZEBRA : QUAGGA));
