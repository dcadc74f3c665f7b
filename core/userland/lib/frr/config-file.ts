// Reading frr.conf (or a daemon's own zebra.conf, ripd.conf ... as Quagga labs have them): the lines in
// the node each belongs to. A line that enters a node (`router rip`, `interface eth0`) opens a block; the
// lines after it stay in that block until `exit`, `end`, or a line that only the configuration node
// knows (FRR tries a line that fails in a node in the parent node, which is where such lines land).

export interface ConfigBlock {
  /** 'config' for the top level, else the line that entered the node (`router rip`, `interface eth0`). */
  node: string;
  /** The first line number (1-based) of each line, for error messages. */
  lines: { text: string; line: number }[];
}

/** Words that start a configuration-node command (entering a node or not). */
const TOP_WORDS = new Set(['hostname', 'password', 'enable', 'log', 'router', 'interface', 'line', 'access-list',
  'route-map', 'debug', 'service', 'key', 'frr', 'agentx', 'bfd', 'vrf', 'segment-routing', 'mpls', 'nexthop-group',
  'allow-external-route-update', 'zebra', 'fpm', 'table', 'banner', 'username', 'bgp', 'end', 'exit', 'rpki']);
const IP_TOP_WORDS = new Set(['route', 'forwarding', 'prefix-list', 'protocol', 'nht', 'as-path', 'community-list',
  'extcommunity-list', 'large-community-list', 'multicast', 'import-table', 'router-id', 'ssmpingd']);

/** Whether a line belongs to the configuration node rather than to the node it follows. */
export function isTopLevel(words: readonly string[]): boolean {
  let w = words;
  if (w[0] === 'no') w = w.slice(1);
  const first = w[0];
  if (first === undefined) return false;
  if (first === 'ip' || first === 'ipv6') return IP_TOP_WORDS.has(w[1] ?? '');
  return TOP_WORDS.has(first);
}

/** Whether a configuration-node line enters a node of its own. */
export function entersNode(words: readonly string[]): boolean {
  const [a, b] = words;
  return a === 'router' || a === 'interface' || (a === 'line' && b === 'vty') || (a === 'key' && b === 'chain') ||
    a === 'route-map' || a === 'vrf' || a === 'rpki' || a === 'segment-routing' || a === 'nexthop-group';
}

/** Splits a configuration text into blocks; comments (`!`, `#`) and blank lines are dropped. */
export function configBlocks(text: string): ConfigBlock[] {
  const blocks: ConfigBlock[] = [];
  let top: ConfigBlock = { node: 'config', lines: [] };
  blocks.push(top);
  let cur = top;
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const text = lines[i]!.replace(/\r$/, '');
    const t = text.trim();
    if (t === '' || t.startsWith('!') || t.startsWith('#')) continue;
    const words = t.split(/\s+/);
    if (t === 'exit' || t === 'end' || t === 'quit') {
      if (cur !== top) {
        top = { node: 'config', lines: [] };
        blocks.push(top);
        cur = top;
      }
      continue;
    }
    // A sub-node of a node (address-family in router bgp) stays in its block.
    // `bgp router-id` and the other `bgp ...` lines of a router bgp node are its own.
    const ownBgp = cur.node.startsWith('router bgp') && (words[0] === 'bgp' || (words[0] === 'no' && words[1] === 'bgp'));
    if (cur !== top && (t === 'exit-address-family' || t === 'exit-vrf' || ownBgp || !isTopLevel(words))) {
      cur.lines.push({ text: t, line: i + 1 });
      continue;
    }
    if (entersNode(words)) {
      cur = { node: t.replace(/\s+/g, ' '), lines: [] };
      blocks.push(cur);
      continue;
    }
    if (cur !== top) {
      top = { node: 'config', lines: [] };
      blocks.push(top);
      cur = top;
    }
    top.lines.push({ text: t, line: i + 1 });
  }
  return blocks.filter((b) => b.node !== 'config' || b.lines.length > 0);
}
