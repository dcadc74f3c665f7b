// tcpdump reading savefiles, against what the real tcpdump 4.99.3 printed for the same files and options
// (tests/golden/tcpdump/record.sh says how): decoding, timestamps, dumps, counts, filter expressions and
// their errors, option errors, help and version.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { TestGuest } from '../helpers/guest.ts';

interface Case {
  command: string;
  output: string;
  status: number;
}

const cases = JSON.parse(readFileSync(new URL('./tcpdump/expected.json', import.meta.url), 'utf8')) as Case[];
const fixture = (name: string) => readFileSync(new URL(`../../core/net/wire/fixtures/${name}`, import.meta.url));
const files: Record<string, Uint8Array> = {
  'live.pcap': fixture('live.pcap'), 'crafted.pcap': fixture('crafted.pcap'),
  'tcp.pcap': fixture('tcp.pcap'), 'tcp-crafted.pcap': fixture('tcp-crafted.pcap'),
  'rip-crafted.pcap': readFileSync(new URL('./tcpdump/rip-crafted.pcap', import.meta.url)),
  'rip-live.pcap': readFileSync(new URL('./tcpdump/rip-live.pcap', import.meta.url)),
  'ospf-crafted.pcap': readFileSync(new URL('./tcpdump/ospf-crafted.pcap', import.meta.url)),
  'ospf-live.pcap': readFileSync(new URL('./tcpdump/ospf-live.pcap', import.meta.url)),
  'ospf-live-md5.pcap': readFileSync(new URL('./tcpdump/ospf-live-md5.pcap', import.meta.url)),
  'cases.txt': readFileSync(new URL('./tcpdump/cases.txt', import.meta.url)),
};

describe('tcpdump -r (golden)', () => {
  for (const c of cases) {
    test(c.command, async () => {
      const g = new TestGuest();
      for (const [name, data] of Object.entries(files)) g.guest.vfs.writeFile(`/root/${name}`, data);
      const r = await g.sh(`cd /root; { ${c.command}; } 2>&1`);
      expect(r.output).toBe(c.output);
      expect(r.exitCode).toBe(c.status);
    });
  }
});
