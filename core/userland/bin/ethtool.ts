// ethtool 6.1 for Netloom's NICs: `ethtool DEV` prints what Debian's ethtool shows for a veth (speed,
// duplex, port; link detected from the carrier), `ethtool -i DEV` the veth driver information.
import type { Program, RtLink } from '../../kernel/abi.ts';
import { ETHTOOL_USAGE, ETHTOOL_VERSION, printToolText } from '../lib/net/tool-texts.ts';
import { Proc } from '../lib/program.ts';

const SETTINGS = [
  'Supported ports: [  ]', 'Supported link modes:   Not reported', 'Supported pause frame use: No',
  'Supports auto-negotiation: No', 'Supported FEC modes: Not reported', 'Advertised link modes:  Not reported',
  'Advertised pause frame use: No', 'Advertised auto-negotiation: No', 'Advertised FEC modes: Not reported',
  'Speed: 10000Mb/s', 'Duplex: Full', 'Auto-negotiation: off', 'Port: Twisted Pair', 'PHYAD: 0',
  'Transceiver: internal', 'MDI-X: Unknown',
];

const DRIVER = 'driver: veth\nversion: 1.0\nfirmware-version: \nexpansion-rom-version: \nbus-info: \nsupports-statistics: yes\n' +
  'supports-test: no\nsupports-eeprom-access: no\nsupports-register-dump: no\nsupports-priv-flags: no\n';

const linkDetected = (l: RtLink): string => `\tLink detected: ${l.up && (l.carrier || l.kind === 'loopback') ? 'yes' : 'no'}\n`;

export const main: Program = async (sys, argv, envp) => {
  const p = new Proc(sys, argv, envp);
  const args = argv.slice(1);
  if (args[0] === '-h' || args[0] === '--help') return printToolText(p, ETHTOOL_USAGE);
  if (args[0] === '--version') return printToolText(p, ETHTOOL_VERSION);
  let driver = false;
  if (args[0] === '-i' || args[0] === '--driver') {
    driver = true;
    args.shift();
  }
  if (args.length !== 1 || args[0]!.startsWith('-')) {
    await p.err.write('ethtool: bad command line argument(s)\nFor more information run ethtool -h\n');
    return p.finish(1);
  }
  const lr = sys.rtLinks();
  const link = (typeof lr === 'number' ? [] : lr).find((l) => l.name === args[0]);
  if (driver) {
    if (!link || link.kind === 'loopback') {
      await p.out.flush();
      await p.err.write(`Cannot get driver information: ${link ? 'Operation not supported' : 'No such device'}\n`);
      return p.finish(71);
    }
    await p.out.write(DRIVER);
    return p.finish(0);
  }
  if (!link) {
    await p.err.write('netlink error: no device matches name (offset 24)\nnetlink error: No such device\n'.repeat(5) + 'No data available\n');
    return p.finish(75);
  }
  await p.out.write(`Settings for ${link.name}:\n`);
  if (link.kind !== 'loopback') await p.out.write(SETTINGS.map((s) => `\t${s}\n`).join(''));
  await p.out.write(linkDetected(link));
  return p.finish(0);
};
