#!/usr/bin/env bash
# Records tests/golden/tc/expected.json from the real tc (iproute2 6.1, Debian 12): each line of
# cases.txt runs as `bash -c "{ LINE; } 2>&1"` inside a fresh network namespace holding lo and one veth end
# named eth0 (its peer in a second namespace), both up, as a Kathará device has them. Run as root with
# UPDATE_GOLDEN=1. Note: this machine's kernel has no sch_netem module, so netem cases other than
# option errors cannot be recorded here.
set -euo pipefail
[ "${UPDATE_GOLDEN:-}" = 1 ] || { echo "set UPDATE_GOLDEN=1 to re-record" >&2; exit 2; }
cd "$(dirname "$0")"
python3 - <<'PY'
import json, subprocess
out = []
for line in open('cases.txt').read().splitlines():
    if not line.strip(): continue
    subprocess.run('ip netns del ngt-a 2>/dev/null; ip netns del ngt-b 2>/dev/null; ip netns add ngt-a; ip netns add ngt-b; '
                   'ip -n ngt-a link add eth0 type veth peer name eth0 netns ngt-b; ip -n ngt-a link set lo up; ip -n ngt-a link set eth0 up', shell=True, check=True)
    r = subprocess.run(['ip', 'netns', 'exec', 'ngt-a', 'bash', '-c', '{ ' + line + '; } 2>&1'], capture_output=True, text=True, env={'PATH': '/usr/sbin:/usr/bin:/sbin:/bin', 'LC_ALL': 'C'})
    out.append({'command': line, 'output': r.stdout, 'status': r.returncode})
subprocess.run('ip netns del ngt-a; ip netns del ngt-b', shell=True)
json.dump(out, open('expected.json', 'w'), indent=1)
PY
