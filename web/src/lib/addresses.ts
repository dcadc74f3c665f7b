// Interface addresses as a startup script sets them (`ip addr add`, `ifconfig`), for the canvas labels.
// A plain reading of the common forms; anything else is simply not shown.

/** Addresses by interface name (`eth0` -> ['10.0.0.1/24']) found in a startup script. */
export function addressesIn(script: string): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  const add = (iface: string, addr: string): void => {
    const list = (out[iface] ??= []);
    if (!list.includes(addr)) list.push(addr);
  };
  for (const raw of script.split('\n')) {
    const line = raw.replace(/#.*$/, '').trim();
    // ip [-4|-6] a[ddr[ess]] add ADDR[/LEN] ... dev IFACE ...
    const ip = /^ip\s+(?:-[46]\s+)?a(?:d(?:d(?:r(?:e(?:s(?:s)?)?)?)?)?)?\s+add\s+(\S+)(?:\s+\S+)*?\s+dev\s+(\S+)/.exec(line);
    if (ip) {
      add(ip[2]!, ip[1]!);
      continue;
    }
    const ipDevFirst = /^ip\s+(?:-[46]\s+)?a\S*\s+add\s+dev\s+(\S+)\s+(\S+)/.exec(line);
    if (ipDevFirst) {
      add(ipDevFirst[1]!, ipDevFirst[2]!);
      continue;
    }
    // ifconfig IFACE ADDR [netmask MASK] [up]
    const ifc = /^ifconfig\s+(\S+)\s+(\d+\.\d+\.\d+\.\d+(?:\/\d+)?)(?:\s+netmask\s+(\d+\.\d+\.\d+\.\d+))?/.exec(line);
    if (ifc) {
      const len = ifc[3] ? maskLength(ifc[3]) : undefined;
      add(ifc[1]!, ifc[2]!.includes('/') || len === undefined ? ifc[2]! : `${ifc[2]}/${len}`);
    }
  }
  return out;
}

function maskLength(mask: string): number | undefined {
  const bits = mask.split('.').map(Number).reduce((acc, o) => acc * 256 + o, 0);
  const s = bits.toString(2).padStart(32, '0');
  return /^1*0*$/.test(s) ? s.indexOf('0') < 0 ? 32 : s.indexOf('0') : undefined;
}
