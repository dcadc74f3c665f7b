// What tcpdump looks up when it resolves names (without -n): hosts (/etc/hosts), services
// (/etc/services), IP protocols (/etc/protocols) and MAC addresses (its OUI table). The formatters print
// numbers where these give null, and numbers throughout when no FormatNames is given (-n).

import type { Ipv4Address } from './ipv4-address.ts';

export interface FormatNames {
  host(addr: Ipv4Address): string | null;
  port(port: number, proto: 'tcp' | 'udp'): string | null;
  /** An IP protocol's name, for those tcpdump does not decode. */
  protocol(n: number): string | null;
  /** A MAC address as tcpdump names it ("02:00:00:00:00:01 (oui Unknown)", "Broadcast"). */
  mac(mac: number): string | null;
}
