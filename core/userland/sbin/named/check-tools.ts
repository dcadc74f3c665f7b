// named-checkconf and named-checkzone (bind9-utils 9.18): the configuration and zone checks named does at
// start, with its messages on stdout. `named-checkzone ZONE FILE` ends with `OK` (exit 0);
// `named-checkconf [-z] [FILE]` is silent when the file is good, and with -z loads its master zones.
import { type Program } from '../../../kernel/abi.ts';
import { utf8Encode } from '../../../fs/utf8.ts';
import { writeAll } from '../../lib/io.ts';
import { absoluteName, nameToLabels } from '../../lib/dns/message.ts';
import { loadConfig, loadZoneFile } from './named.ts';

export const checkzoneMain: Program = async (sys, argv) => {
  const say = async (m: string) => void (await writeAll(sys, 1, utf8Encode(`${m}\n`)));
  const args: string[] = [];
  let quiet = false;
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '-q') quiet = true;
    else if (/^-[cfFiIjkKlLmMnoOrsStTwWDJ]$/.test(a)) {
      if (!/^-[jDqv]$/.test(a)) i++;
    } else if (!a.startsWith('-')) args.push(a);
  }
  const [zone, file] = args;
  if (zone === undefined || file === undefined) {
    await writeAll(sys, 2, utf8Encode('usage: named-checkzone [-djqvD] [-c class] [-f inputformat] [-F outputformat] [-J filename] [-s (full|relative)] [-t directory] [-w directory] [-k (ignore|warn|fail)] [-m (ignore|warn|fail)] [-n (ignore|warn|fail)] [-r (ignore|warn|fail)] [-i (full|full-sibling|local|local-sibling|none)] [-M (ignore|warn|fail)] [-S (ignore|warn|fail)] [-W (ignore|warn)] [-o filename] zonename filename\n'));
    return 1;
  }
  const name = absoluteName(zone === '.' ? '.' : zone.replace(/\.$/, ''), '.');
  if (!nameToLabels(name)) {
    await say(`named-checkzone: ${zone}: bad label type`);
    return 1;
  }
  const records = await loadZoneFile(sys, name, file, file, quiet ? async () => undefined : say);
  if (records === null) return 1;
  if (!quiet) await say('OK');
  return 0;
};

export const checkconfMain: Program = async (sys, argv) => {
  const say = async (m: string) => void (await writeAll(sys, 1, utf8Encode(`${m}\n`)));
  let zones = false;
  let file = '/etc/bind/named.conf';
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '-z') zones = true;
    else if (a === '-t' || a === '-c') i++;
    else if (!a.startsWith('-')) file = a;
  }
  const errors: string[] = [];
  const conf = await loadConfig(sys, file, {
    say: async (m) => {
      if (!/^loading configuration/.test(m)) errors.push(m);
    },
  });
  if (!conf) {
    for (const e of errors) await say(e);
    return 1;
  }
  if (!zones) return 0;
  let status = 0;
  const resolvePath = (f: string) => (f.startsWith('/') ? f : `${conf.directory.replace(/\/$/, '')}/${f}`);
  for (const z of conf.zones) {
    if (z.type !== 'master' || z.file === null) continue;
    const label = z.name === '.' ? '.' : z.name.replace(/\.$/, '');
    let reason = '';
    const records = await loadZoneFile(sys, z.name, resolvePath(z.file), z.file, async (m) => {
      const f = /failed: (.*)$/.exec(m);
      if (f) reason = f[1]!;
      await say(m);
    });
    if (records === null) {
      await writeAll(sys, 2, utf8Encode(`_default/${label}/IN: ${reason || 'bad zone'}\n`));
      status = 1;
    }
  }
  return status;
};
