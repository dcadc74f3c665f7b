# Sourced by the FRR recorders (golden/frr, frr-zebra, frr-vtysh): a Kathará-like container for one lab
# device in an existing network namespace. Needs $work (a scratch folder) and the array pids.
#
#   frr_container NETNS DEVICE LABDIR [EXTRA_MOUNTS]
# starts, inside NETNS, new mount and UTS namespaces holding the device: IPv6 off (Netloom's guests
# have none), lo up, hostname DEVICE, /etc/frr = the package's vtysh.conf plus LABDIR/DEVICE/etc/frr
# (frr:frr, 0640), empty tmpfs /var/run/frr and /var/log/frr; EXTRA_MOUNTS are more tmpfs mount points.
# Its process id goes to $work/DEVICE.pid, for in_dev.
frr_container() {
  local ns=$1 dev=$2 lab=$3 extra=${4:-}
  ip netns exec "$ns" sysctl -q -w net.ipv6.conf.all.disable_ipv6=1 net.ipv6.conf.default.disable_ipv6=1
  ip -n "$ns" link set lo up
  mkdir -p "$work/$dev-etc"
  cp /etc/frr/vtysh.conf "$work/$dev-etc/"
  cp -r "$lab/$dev/etc/frr/." "$work/$dev-etc/"
  chown -R frr:frr "$work/$dev-etc"; chmod 640 "$work/$dev-etc"/*
  ip netns exec "$ns" unshare -m -u --propagation private bash -c "
    hostname $dev
    mount -t tmpfs none /var/run/frr; chown frr:frr /var/run/frr; chmod 755 /var/run/frr
    mount -t tmpfs none /var/log/frr; chown frr:frr /var/log/frr
    for m in $extra; do mount -t tmpfs none \$m; done
    mount --bind $work/$dev-etc /etc/frr
    echo \$\$ > $work/$dev.pid
    exec sleep 100000" &
  pids+=($!)
}

# in_dev DEVICE COMMAND...: runs COMMAND with bash inside the device's container.
in_dev() { local n=$1; shift; nsenter -t "$(cat "$work/$n.pid")" -m -u -n bash -c "$*"; }

# frr_record LABDIR CASES OUT DEVICE...: runs each device's startup lines and `/etc/init.d/frr start`
# (its output in OUT/start-DEVICE.txt), lets RIP converge for 12 s, then runs each NAME|DEVICE|COMMAND
# line of CASES in its device, its output in OUT/NAME.txt.
frr_record() {
  local lab=$1 cases=$2 out=$3; shift 3
  local n name dev cmd
  for n in "$@"; do
    in_dev "$n" "$(cat "$lab/$n.startup")"
    in_dev "$n" /etc/init.d/frr start > "$out/start-$n.txt" 2>&1
  done
  sleep 12
  while IFS='|' read -r name dev cmd; do
    [ -z "$name" ] && continue
    in_dev "$dev" "$cmd" > "$out/$name.txt" 2>&1 || true
  done < "$cases"
  echo "recorded $(ls "$out" | wc -l) outputs in $out"
}
