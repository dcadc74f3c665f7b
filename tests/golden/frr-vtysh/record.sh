#!/bin/bash
# Records what FRR 8.4.4's interactive vtysh (Debian 12's frr package, readline 8.2) shows on a terminal
# for the lab in lab/ (one router r1: zebra, staticd, ripd): r1 is a network namespace with its own mount
# and UTS namespaces (hostname, /etc/frr from the lab folder, empty /var/run/frr and /var/log/frr, as a
# Kathará container has them), its eth0 a veth whose peer is in a second namespace, nlvty-wire. After the startup lines
# and `/etc/init.d/frr start`, each line of sessions.txt (NAME|KEYS|KEYS...) starts `vtysh` on a new
# 80x24 pseudo-terminal (TERM=xterm), types each KEYS group one byte every 20 ms (escapes as Python
# writes them: \t, \r, \x03 ...), waits for the output to settle after each group, and saves every byte
# the terminal showed in expected/NAME.txt (escape sequences included), with a NUL byte (which vtysh
# never writes) after what each group made it write, so that a test can compare the screen group by group.
# Needs root and the frr package. Usage: UPDATE_GOLDEN=1 ./record.sh
set -euo pipefail
[ "${UPDATE_GOLDEN:-}" = 1 ] || { echo "set UPDATE_GOLDEN=1 to re-record" >&2; exit 1; }
here=$(cd "$(dirname "$0")" && pwd)
lab=$here/lab
out=$here/expected
work=$(mktemp -d)
pids=()
cleanup() {
  [ -f "$work/r1.pid" ] && nsenter -t "$(cat "$work/r1.pid")" -m -u -n /etc/init.d/frr stop >/dev/null 2>&1 || true
  ip netns del nlvty-r1 2>/dev/null || true
  ip netns del nlvty-wire 2>/dev/null || true
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT
rm -rf "$out"; mkdir -p "$out"
ip netns add nlvty-r1
ip netns add nlvty-wire
ip -n nlvty-r1 link add eth0 type veth peer name peer netns nlvty-wire
ip -n nlvty-wire link set peer up
. "$here/../frr-container.sh"
frr_container nlvty-r1 r1 "$lab" /root
sleep 1
in_dev r1 "$(cat "$lab/r1.startup")"
in_dev r1 /etc/init.d/frr start >/dev/null 2>&1
sleep 3
cat > "$work/drive.py" <<'PY'
import os, pty, sys, time, select, fcntl, termios, struct
pid_file, keys_file, out_file = sys.argv[1:4]
groups = open(keys_file).read().rstrip('\n').split('|')
pid, fd = pty.fork()
if pid == 0:
    os.environ.clear()
    os.environ.update(TERM='xterm', HOME='/root', PATH='/usr/sbin:/usr/bin:/sbin:/bin', LANG='C')
    os.execvp('nsenter', ['nsenter', '-t', open(pid_file).read().strip(), '-m', '-u', '-n', 'vtysh'])
fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack('HHHH', 24, 80, 0, 0))
got = bytearray()
def settle(quiet=0.5, limit=5.0):
    end = time.time() + limit
    while time.time() < end:
        r, _, _ = select.select([fd], [], [], quiet)
        if not r:
            return
        try:
            data = os.read(fd, 4096)
        except OSError:
            return
        if not data:
            return
        got.extend(data)
settle(1.0)
for g in groups:
    for b in g.encode().decode('unicode_escape').encode('latin-1'):
        os.write(fd, bytes([b]))
        time.sleep(0.02)
    settle()
    got.extend(b'\0')
settle(1.0)
open(out_file, 'wb').write(bytes(got))
try:
    os.kill(pid, 9)
except ProcessLookupError:
    pass
os.waitpid(pid, 0)
PY
while IFS='|' read -r name keys; do
  [ -z "$name" ] && continue
  printf '%s\n' "$keys" > "$work/keys"
  python3 "$work/drive.py" "$work/r1.pid" "$work/keys" "$out/$name.txt"
done < "$here/sessions.txt"
echo "recorded $(ls "$out" | wc -l) sessions in $out"
