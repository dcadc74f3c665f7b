// Which daemon a command belongs to, for commands no running daemon took: vtysh knows every FRR
// command, so for one of a daemon that is not running (bgpd where only zebra and ripd run, or any
// daemon Netloom does not have yet) it says "bgpd is not running" rather than "Unknown command".

const OWNERS: [string[], string][] = [
  [['show', 'ip', 'bgp'], 'bgpd'], [['show', 'bgp'], 'bgpd'], [['router', 'bgp'], 'bgpd'], [['clear', 'ip', 'bgp'], 'bgpd'], [['clear', 'bgp'], 'bgpd'],
  [['show', 'ip', 'ospf'], 'ospfd'], [['router', 'ospf'], 'ospfd'], [['clear', 'ip', 'ospf'], 'ospfd'],
  [['show', 'ipv6', 'ospf6'], 'ospf6d'], [['router', 'ospf6'], 'ospf6d'],
  [['show', 'ip', 'rip'], 'ripd'], [['router', 'rip'], 'ripd'], [['clear', 'ip', 'rip'], 'ripd'],
  [['show', 'ipv6', 'ripng'], 'ripngd'], [['router', 'ripng'], 'ripngd'],
  [['show', 'isis'], 'isisd'], [['router', 'isis'], 'isisd'],
  [['show', 'babel'], 'babeld'], [['router', 'babel'], 'babeld'],
  [['show', 'ip', 'eigrp'], 'eigrpd'], [['router', 'eigrp'], 'eigrpd'],
  [['show', 'ip', 'pim'], 'pimd'], [['show', 'bfd'], 'bfdd'], [['bfd'], 'bfdd'],
  [['show', 'ip', 'route'], 'zebra'], [['show', 'interface'], 'zebra'], [['interface'], 'zebra'], [['ip', 'forwarding'], 'zebra'],
  [['ip', 'route'], 'staticd'],
];

/** The daemon whose command `words` starts (each word may be a prefix of the keyword), if known. */
export function commandOwner(words: readonly string[]): string | undefined {
  const w = words[0] === 'no' ? words.slice(1) : words;
  for (const [pattern, daemon] of OWNERS) {
    if (w.length >= pattern.length && pattern.every((k, i) => k.startsWith(w[i]!))) return daemon;
  }
  return undefined;
}
