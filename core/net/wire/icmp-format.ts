// tcpdump's one-line rendering of an ICMP message (print-icmp.c wording, non-verbose), recorded against
// tcpdump 4.99 in fixtures/: `ICMP echo request, id 1234, seq 1, length 64`.

import type { FormatNames } from './format-names.ts';
import { formatIpv4Address } from './ipv4-address.ts';
import { IcmpPacket, IcmpType, UnreachCode, quotedDatagram } from './icmp.ts';

/** tcpdump's unreachable phrases by code; `%s` is the quoted datagram's destination. */
const UNREACH_TEXT: readonly string[] = [
  'net %s unreachable',
  'host %s unreachable',
  '', // protocol: built below
  '', // port: built below
  '', // frag needed: built below
  '%s unreachable - source route failed',
  'net %s unreachable - unknown',
  'host %s unreachable - unknown',
  '%s unreachable - source host isolated',
  'net %s unreachable - admin prohibited',
  'host %s unreachable - admin prohibited',
  'net %s unreachable - tos prohibited',
  'host %s unreachable - tos prohibited',
  'host %s unreachable - admin prohibited filter',
  'host %s unreachable - host precedence violation',
  'host %s unreachable - precedence cutoff',
];

function unreachable(p: IcmpPacket, names?: FormatNames): string | null {
  const ip = quotedDatagram(p.data);
  if (!ip) return null;
  const dst = names?.host(ip.dst) ?? formatIpv4Address(ip.dst);
  const code = p.code;
  if (code === UnreachCode.PROTOCOL) return `${dst} protocol ${ip.protocol} unreachable`;
  if (code === UnreachCode.PORT) {
    const l4 = p.data.subarray(ip.headerLength);
    if (l4.length < 4) return null;
    const port = (l4[2]! << 8) | l4[3]!;
    const proto = ip.protocol === 17 ? 'udp' : ip.protocol === 6 ? 'tcp' : null;
    const name = proto ? names?.port(port, proto) ?? port : port;
    return `${dst} ${proto ?? `protocol ${ip.protocol}`} port ${name} unreachable`;
  }
  if (code === UnreachCode.FRAG_NEEDED) {
    const mtu = p.nextHopMtu;
    return `${dst} unreachable - need to frag${mtu !== 0 ? ` (mtu ${mtu})` : ''}`;
  }
  const text = UNREACH_TEXT[code];
  return text ? text.replace('%s', dst) : `${dst} unreachable - #${code}`;
}

function redirect(p: IcmpPacket): string | null {
  const ip = quotedDatagram(p.data);
  if (!ip) return null;
  const what = ['redirect %s to net %s', 'redirect %s to host %s', 'redirect-tos %s to net %s', 'redirect-tos %s to host %s'][p.code];
  const text = what ?? `redirect-#${p.code} %s to %s`;
  return text.replace('%s', formatIpv4Address(ip.dst)).replace('%s', formatIpv4Address(p.gateway));
}

/** The ICMP part of the line for the IPv4 payload `bytes` (its length is what tcpdump prints). */
export function formatIcmp(bytes: Uint8Array, names?: FormatNames): string {
  const p = IcmpPacket.checked(bytes);
  if (!p) return ' [|icmp]';
  let text: string | null;
  switch (p.type) {
    case IcmpType.ECHO_REQUEST:
    case IcmpType.ECHO_REPLY:
      text = `echo ${p.type === IcmpType.ECHO_REQUEST ? 'request' : 'reply'}, id ${p.ident}, seq ${p.seq}`;
      break;
    case IcmpType.DEST_UNREACHABLE:
      text = unreachable(p, names);
      break;
    case IcmpType.TIME_EXCEEDED:
      text = p.code === 0 ? 'time exceeded in-transit' : p.code === 1 ? 'ip reassembly time exceeded' : `time exceeded-#${p.code}`;
      break;
    case IcmpType.REDIRECT:
      text = redirect(p);
      break;
    case IcmpType.PARAMETER_PROBLEM:
      text = p.code === 0 ? `parameter problem - octet ${p.pointer}` : `parameter problem - code ${p.code}`;
      break;
    case IcmpType.SOURCE_QUENCH:
      text = 'source quench';
      break;
    default:
      text = `type-#${p.type}`;
  }
  if (text === null) return 'ICMP [|icmp]';
  return `ICMP ${text}, length ${bytes.length}`;
}
