// The kathara/quagga image: kathara/frr with Quagga's files, for the many labs written for it. Netloom has
// no Quagga: FRR 8.4's daemons stand in for it (their configuration language is Quagga's, grown), started
// by Quagga's init script (/etc/init.d/quagga, `systemctl start quagga`) from /etc/quagga/daemons and
// /etc/quagga/DAEMON.conf, or by /etc/init.d/zebra from /etc/zebra (Netkit's older labs). vtysh and the
// daemons' output are FRR's.

import { LayerBuilder } from '../fs/index.ts';
import { programFile } from '../kernel/exec.ts';
import { main as quaggaInit, zebraMain as zebraInit } from '../userland/sbin/frr/quagga-init.ts';
import { IMAGE_MTIME, type Image } from './base.ts';

/** /etc/quagga/daemons with every daemon off, in the format Quagga's labs use. */
const DAEMONS = '# This file tells the quagga package which daemons to start.\n#\n' +
  "# Entries are in the format: <daemon>=(yes|no|priority)\n# where 'yes' is equivalent to infinitely low priority, and\n" +
  '# lower numbers mean higher priority.\n# Daemons are: bgpd zebra ospfd ospf6d ripd ripngd\n' +
  'zebra=no\nbgpd=no\nospfd=no\nospf6d=no\nripd=no\nripngd=no\n';

/** kathara/quagga over the layers of `frr` (kathara/frr, shared). */
export function buildQuaggaImage(frr: Image): Image {
  const b = new LayerBuilder({ mtime: IMAGE_MTIME, name: 'kathara/quagga' });
  b.dir('/etc/quagga', { mode: 0o755 });
  b.file('/etc/quagga/daemons', DAEMONS, { mode: 0o644 });
  // An empty zebra.conf of the image's own: the collection's Quagga labs turn zebra on in their daemons
  // file and often give no zebra.conf (every router of small-internet-with-dns-and-web-server), relying
  // on the image to have one, so zebra starts with its defaults and hands bgpd and ospfd a router-id.
  b.file('/etc/quagga/zebra.conf', '', { mode: 0o644 });
  b.dir('/var/log/quagga', { mode: 0o755 });
  b.dir('/var/run/quagga', { mode: 0o755 });
  const programs = new Map(frr.programs);
  programs.set('quagga-init', quaggaInit);
  programs.set('zebra-init', zebraInit);
  b.file('/etc/init.d/quagga', programFile('quagga-init'), { mode: 0o755 });
  // Netkit's labs keep their files in /etc/zebra and start them with /etc/init.d/zebra.
  b.dir('/etc/zebra', { mode: 0o755 });
  b.dir('/var/log/zebra', { mode: 0o755 });
  b.file('/etc/init.d/zebra', programFile('zebra-init'), { mode: 0o755 });
  return { ...frr, name: 'kathara/quagga', layers: [...frr.layers, b.freeze()], programs };
}
