// Splitting frr.conf into the nodes its lines belong to.
import { describe, expect, it } from 'vitest';
import { configBlocks } from './config-file.ts';

const nodes = (text: string) => configBlocks(text).map((b) => [b.node, b.lines.map((l) => l.text)]);

describe('configBlocks', () => {
  it('keeps node lines in their node until exit or a configuration-level line', () => {
    expect(nodes('hostname r1\n!\ninterface eth0\n description up\n ip address 10.0.0.1/24\nexit\n!\nrouter rip\n network 10.0.0.0/8\nip route 1.0.0.0/8 eth0\n')).toEqual([
      ['config', ['hostname r1']],
      ['interface eth0', ['description up', 'ip address 10.0.0.1/24']],
      ['router rip', ['network 10.0.0.0/8']],
      ['config', ['ip route 1.0.0.0/8 eth0']],
    ]);
  });

  it('takes unindented node lines and drops comments', () => {
    expect(nodes('router rip\nnetwork eth0\n# a comment\nredistribute connected\n!\nline vty\n')).toEqual([
      ['router rip', ['network eth0', 'redistribute connected']],
      ['line vty', []],
    ]);
  });
});
