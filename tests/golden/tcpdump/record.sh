#!/usr/bin/env bash
# Records tests/golden/tcpdump/expected.json from the real tcpdump (4.99.3 with libpcap 1.10.3, Debian 12):
# each line of cases.txt runs as `bash -c "{ LINE; } 2>&1"` in a scratch folder holding copies of the
# savefiles of core/net/wire/fixtures (live.pcap: real traffic between namespaces; crafted.pcap: frames
# built byte by byte; tcp.pcap: real TCP sessions; tcp-crafted.pcap: TCP segments built byte by byte) and
# of this folder's rip-crafted.pcap (RIP messages built byte by byte by record-rip-crafted.py) and rip-live.pcap
# (real ripd exchanges, r2-eth1.pcap of core/userland/lib/frr/rip/fixtures), of ospf-crafted.pcap (OSPFv2 packets
# built byte by byte by record-ospf-crafted.py) and ospf-live.pcap / ospf-live-md5.pcap (real FRR ospfd exchanges
# recorded by record-ospf-live.sh), and of cases.txt itself (a file that is not a savefile), with TZ=UTC and LC_ALL=C.
# Run with UPDATE_GOLDEN=1 (needs `apt-get install tcpdump`).
set -euo pipefail
[ "${UPDATE_GOLDEN:-}" = 1 ] || { echo "set UPDATE_GOLDEN=1 to re-record" >&2; exit 2; }
cd "$(dirname "$0")"
python3 - <<'PY'
import json, shutil, subprocess, tempfile
scratch = tempfile.mkdtemp()
fixtures = '../../../core/net/wire/fixtures/'
for f in (fixtures + 'live.pcap', fixtures + 'crafted.pcap', fixtures + 'tcp.pcap', fixtures + 'tcp-crafted.pcap', 'rip-crafted.pcap', 'rip-live.pcap',
          'ospf-crafted.pcap', 'ospf-live.pcap', 'ospf-live-md5.pcap', 'cases.txt'):
    shutil.copy(f, scratch)
out = []
for line in open('cases.txt').read().splitlines():
    if not line.strip(): continue
    r = subprocess.run(['bash', '-c', '{ ' + line + '; } 2>&1'], capture_output=True, text=True, cwd=scratch,
                       env={'PATH': '/usr/sbin:/usr/bin:/sbin:/bin', 'LC_ALL': 'C', 'TZ': 'UTC'})
    out.append({'command': line, 'output': r.stdout, 'status': r.returncode})
shutil.rmtree(scratch)
json.dump(out, open('expected.json', 'w'), indent=1)
PY
