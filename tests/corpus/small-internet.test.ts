// The collection's small-internet-with-dns-and-web-server lab (../shared/corpus/kathara-labs), run as it
// comes: seven ASes of Quagga routers speaking BGP (AS 20's routers in iBGP without next-hop-self, so
// their routes to other ASes have next hops that only the IGP reaches), a root, a .it and a uniroma3.it
// name server, a local resolver, a web server and a client. What a student checks: the routes learned
// over iBGP are best and installed through their recursive next hop, and the client finds the web
// server by name and fetches its page across the ASes.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { Lab } from '../../core/index.ts';
import { nodeHost } from '../../server/host.ts';
import { nodeLabFiles } from '../../server/lab-folder.ts';
import { sh } from '../helpers/lab.ts';

const dir = fileURLToPath(new URL(
  '../../../shared/corpus/kathara-labs/main-labs/labs-integrating-several-technologies/small-internet-with-dns-and-web-server/kathara-lab_small-internet-with-dns-and-web-server',
  import.meta.url,
));
const have = existsSync(dir);
if (!have) console.warn(`skipping the small-internet lab: ${dir} is absent`);

describe.skipIf(!have)('small-internet-with-dns-and-web-server', () => {
  let lab: Lab;
  beforeAll(async () => {
    const created = Lab.create(nodeLabFiles(dir), { host: nodeHost });
    if (!created.ok) throw new Error(created.errors.map((e) => e.message).join('\n'));
    lab = created.lab;
    lab.setMode('fast');
    const report = await lab.start();
    expect('running' in report ? report.crashed : report).toEqual([]);
    // BGP's sessions come up and its routes spread in about a minute of virtual time.
    await lab.advance(90e9);
  }, 120_000);
  afterAll(async () => {
    await lab?.stop();
  });

  test('an iBGP route whose next hop only the IGP reaches is best and installed through it', async () => {
    const bgp = await sh(lab, 'as20r2', "vtysh -c 'show ip bgp 30.3.3.0/24'");
    // Reached through AS 20's IGP (OSPF), whose metric to it shows.
    expect(bgp).toMatch(/^ {4}11\.0\.0\.18 \(metric \d+\) from /m);
    expect(bgp).toContain('valid, internal, best');
    const rib = await sh(lab, 'as20r2', "vtysh -c 'show ip route 30.3.3.0/24'");
    expect(rib).toMatch(/^ {4}11\.0\.0\.18 \(recursive\), weight 1\n {2}\* {3}20\.1\.1\.1, via eth\d, weight 1$/m);
    expect(await sh(lab, 'as20r2', 'ip route show 30.3.3.0/24')).toMatch(/^30\.3\.3\.0\/24 via 20\.1\.1\.1 dev eth\d proto (zebra|bgp) metric 20 $/m);
  });

  test('the client resolves the web server by name and fetches its page', async () => {
    expect(await sh(lab, 'client', 'host www.uniroma3.it')).toBe('www.uniroma3.it has address 100.1.2.2\n');
    const page = await sh(lab, 'client', 'wget -q -O - http://www.uniroma3.it/');
    expect(page).toContain('Hello!');
  });
});
