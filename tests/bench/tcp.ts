// TCP benchmark: bulk transfer between two guests on one collision domain, and over a guest's loopback,
// through the whole path (a program's write, the socket, segments on the wire, the peer's read). Prints
// the wall-clock throughput and the segments per second, after one unmeasured run of the same transfer.
// Run: npm run bench tcp (bundled) or npx tsx --expose-gc tests/bench/tcp.ts
import { AF_INET, SOCK_STREAM, SOL_SOCKET, SO_REUSEADDR, type Accepted, type Sys } from '../../core/kernel/abi.ts';
import { NetLab, inet, twoHosts } from '../helpers/net-lab.ts';

const MB = 1 << 20;

/** Moves `size` bytes from `from` to `to` (an address of `to`); wall seconds, bytes read, segments sent. */
async function transfer(lab: NetLab, from: string, to: string, addr: string, size: number): Promise<{ s: number; got: number; segs: number }> {
  const data = new Uint8Array(256 * 1024).map((_, i) => i & 0xff);
  let got = 0;
  const server = lab.start(to, async (sys: Sys) => {
    const l = sys.socket(AF_INET, SOCK_STREAM, 0);
    sys.setsockopt(l, SOL_SOCKET, SO_REUSEADDR, 1);
    sys.bind(l, inet('0.0.0.0', 7000));
    sys.listen(l, 5);
    const a = (await sys.accept(l)) as Accepted;
    const buf = new Uint8Array(256 * 1024);
    for (;;) {
      const n = await sys.read(a.fd, buf);
      if (n <= 0) break;
      got += n;
    }
    sys.close(l);
    return 0;
  });
  const client = lab.start(from, async (sys: Sys) => {
    const fd = sys.socket(AF_INET, SOCK_STREAM, 0);
    if ((await sys.connect(fd, inet(addr, 7000))) !== 0) return 1;
    for (let sent = 0; sent < size; sent += data.length) await sys.write(fd, data);
    sys.close(fd);
    return 0;
  });
  const segs0 = lab.guest(from).net!.mibs.tcp.OutSegs + lab.guest(to).net!.mibs.tcp.OutSegs;
  const t0 = performance.now();
  await lab.wait(server, client);
  const s = (performance.now() - t0) / 1000;
  const segs = lab.guest(from).net!.mibs.tcp.OutSegs + lab.guest(to).net!.mibs.tcp.OutSegs - segs0;
  await lab.driver.runFor(120e9); // TIME_WAIT ends before the next run uses the port again
  return { s, got, segs };
}

async function report(label: string, make: () => NetLab, from: string, to: string, addr: string): Promise<void> {
  const size = 32 * MB;
  await transfer(make(), from, to, addr, size);
  const r = await transfer(make(), from, to, addr, size);
  if (r.got !== size) throw new Error(`${label}: read ${r.got} of ${size} bytes`);
  console.log(`${label}: ${(size / MB / r.s).toFixed(1)} MB/s, ${Math.round(r.segs / r.s).toLocaleString('en')} segments/s (32 MB, wall clock)`);
}

await report('tcp between two guests', twoHosts, 'a', 'b', '10.0.0.2');
await report('tcp over loopback', () => {
  const lab = new NetLab();
  lab.guest('a');
  return lab;
}, 'a', 'a', '127.0.0.1');
