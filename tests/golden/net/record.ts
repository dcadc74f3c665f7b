// Records what the real Debian 12 network tools print for every case in cases*.ts into expected.json.
// Each topology host is a fresh network + UTS namespace held by a `sleep` process (unnamed, so iproute2
// prints `link-netnsid 0` as inside a Kathará container); every collision domain is one veth pair between
// its two hosts. Nothing touches the host's own interfaces.
// Run explicitly, as root, never in CI:  UPDATE_GOLDEN=1 npx tsx tests/golden/net/record.ts [name-filter]
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { dirname, join } from 'node:path';
import { recordCases, requireUpdateGolden } from '../../helpers/golden-record.ts';
import { TOPOLOGIES } from './topologies.ts';
import { ALL_CASES } from './cases.ts';
import type { NetCase, NetRecord } from './common.ts';

const HERE = dirname(new URL(import.meta.url).pathname);
const OUT = join(HERE, 'expected.json');
const ENV = { PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', HOME: '/root', LC_ALL: 'C', TZ: 'UTC' };

function sh(pid: number, cmd: string, privateEtc = false): { output: string; status: number } {
  const bash = ['/bin/bash', '-c', `exec 2>&1; ${cmd}`];
  // A private mount namespace where /etc and /usr/lib/sysctl.d are empty tmpfs (never the host's files).
  const argv = privateEtc
    ? ['unshare', '-m', '--propagation', 'private', '/bin/bash', '-c', 'mount -t tmpfs none /etc && mount -t tmpfs none /usr/lib/sysctl.d && exec "$@"', 'x', ...bash]
    : bash;
  const r = spawnSync('nsenter', ['-t', String(pid), '-n', '-u', ...argv], { env: ENV, cwd: '/root', stdio: ['ignore', 'pipe', 'pipe'] });
  return { output: r.stdout.toString('latin1'), status: r.status ?? 128 + 9 };
}

function must(argv: string[]): void {
  const r = spawnSync(argv[0]!, argv.slice(1), { stdio: ['ignore', 'pipe', 'pipe'] });
  if (r.status !== 0) throw new Error(`${argv.join(' ')}: ${r.stderr.toString()}`);
}

async function record(c: NetCase): Promise<NetRecord> {
  const topo = TOPOLOGIES[c.topo];
  if (!topo) throw new Error(`unknown topology ${c.topo}`);
  const holders: ChildProcess[] = [];
  const pids = new Map<string, number>();
  try {
    for (const host of Object.keys(topo)) {
      const p = spawn('unshare', ['-n', '-u', 'sleep', 'infinity'], { stdio: 'ignore' });
      holders.push(p);
      await new Promise((r) => setTimeout(r, 30));
      // The sleep is unshare's exec'd self: same pid.
      pids.set(host, p.pid!);
    }
    for (const [host, pid] of pids) {
      // Kathará's defaults for IPv6 (disabled), the hostname, and lo up as in any container.
      sh(pid, `hostname ${host}; sysctl -qw net.ipv6.conf.all.disable_ipv6=1 net.ipv6.conf.default.disable_ipv6=1; ip link set lo up`);
    }
    // Interfaces in topology order, so ifindexes match the guests' (lo=1, then 2, 3 ...).
    const ends = new Map<string, Array<{ host: string; name: string; mac: string }>>();
    for (const [host, ifs] of Object.entries(topo)) for (const i of ifs) ends.set(i.domain, [...(ends.get(i.domain) ?? []), { host, ...i }]);
    const made = new Set<string>();
    for (const [host, ifs] of Object.entries(topo)) {
      for (const i of ifs) {
        if (made.has(i.domain)) continue;
        made.add(i.domain);
        const pair = ends.get(i.domain)!;
        if (pair.length > 2) {
          // A LAN of three or more: a bridge in a namespace of its own, one veth from each host to it.
          const sw = spawn('unshare', ['-n', 'sleep', 'infinity'], { stdio: 'ignore' });
          holders.push(sw);
          await new Promise((r) => setTimeout(r, 30));
          const swPid = String(sw.pid!);
          must(['nsenter', '-t', swPid, '-n', 'ip', 'link', 'add', 'br0', 'type', 'bridge']);
          must(['nsenter', '-t', swPid, '-n', 'ip', 'link', 'set', 'br0', 'up']);
          pair.forEach((e, n) => {
            must(['ip', 'link', 'add', e.name, 'netns', String(pids.get(e.host)), 'address', e.mac, 'type', 'veth', 'peer', 'name', `p${n}`, 'netns', swPid]);
            must(['nsenter', '-t', swPid, '-n', 'ip', 'link', 'set', `p${n}`, 'master', 'br0', 'up']);
          });
          continue;
        }
        if (pair.length !== 2) throw new Error(`domain ${i.domain} needs at least two ends`);
        const [a, b] = pair as [typeof pair[0], typeof pair[0]];
        must(['ip', 'link', 'add', a.name, 'netns', String(pids.get(a.host)), 'address', a.mac, 'type', 'veth',
          'peer', 'name', b.name, 'netns', String(pids.get(b.host)), 'address', b.mac]);
        void host;
      }
    }
    for (const line of c.setup ?? []) {
      const at = line.indexOf(':');
      sh(pids.get(line.slice(0, at))!, line.slice(at + 1).trim());
    }
    const r = sh(pids.get(c.host)!, c.cmd, c.privateEtc);
    return { ...c, ...r };
  } finally {
    for (const p of holders) p.kill('SIGKILL');
    await new Promise((r) => setTimeout(r, 50));
  }
}

requireUpdateGolden();
await recordCases(ALL_CASES, OUT, record);
