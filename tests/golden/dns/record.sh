#!/bin/sh
# Records dig's output against real BIND 9.18 (Debian 12's bind9 and bind9-dnsutils) for the lab in ./lab:
# one network namespace per device (nldns-DEV) on a bridge in nldns-sw, each server's named run in its own
# namespace with the lab's configuration (paths moved under /tmp/nldns/DEV), dig run in nldns-pc with
# the lab's resolv.conf mounted by `ip netns exec` (/etc/netns/nldns-pc/resolv.conf). Run as root.
# KEEP=1 leaves the namespaces and servers running (stop them with: KEEP= ./record.sh stop).
set -e
if [ "$1" = stop ]; then
  for n in root org auth res norec; do kill $(cat /tmp/nldns/$n/named.pid) 2>/dev/null || true; done
  sleep 1
  for n in root org auth res norec pc sw; do ip netns del nldns-$n 2>/dev/null || true; done
  rm -rf /etc/netns/nldns-pc
  exit 0
fi
HERE=$(cd "$(dirname "$0")" && pwd)
LAB=$HERE/lab
W=/tmp/nldns
rm -rf $W; mkdir -p $W
ip netns add nldns-sw
ip -n nldns-sw link add br0 type bridge
ip -n nldns-sw link set br0 up
for d in root:1 org:2 auth:3 res:4 norec:6 pc:10; do
  n=${d%:*}; a=${d#*:}
  ip netns add nldns-$n
  ip -n nldns-sw link add v$n type veth peer name eth0 netns nldns-$n
  ip -n nldns-sw link set v$n master br0 up
  ip -n nldns-$n link set lo up
  ip -n nldns-$n link set eth0 up
  ip -n nldns-$n address add 10.0.0.$a/24 dev eth0
  [ $n = pc ] && continue
  mkdir -p $W/$n/cache $W/$n/etc
  cp -r $LAB/$n/etc/bind $W/$n/etc/bind
  for f in $W/$n/etc/bind/named.conf*; do
    sed -i -e "s|/etc/bind/|$W/$n/etc/bind/|g" \
      -e "s|directory \"/var/cache/bind\";|directory \"$W/$n/cache\"; pid-file \"$W/$n/named.pid\"; session-keyfile \"$W/$n/session.key\";|" $f
  done
  echo 'controls { };' >> $W/$n/etc/bind/named.conf
  ip netns exec nldns-$n /usr/sbin/named -c $W/$n/etc/bind/named.conf -u root -g > $W/$n/log 2>&1 &
done
mkdir -p /etc/netns/nldns-pc
cp $LAB/pc/etc/resolv.conf /etc/netns/nldns-pc/resolv.conf
sleep 3
while IFS='|' read -r name cmd; do
  [ -z "$name" ] && continue
  set +e
  ip netns exec nldns-pc $cmd > $HERE/$name.txt 2>&1
  echo "exit=$?" >> $HERE/$name.txt
  set -e
done < $HERE/cases.txt
[ -n "$KEEP" ] && exit 0
for n in root org auth res norec; do kill $(cat $W/$n/named.pid) 2>/dev/null || true; done
sleep 1
for n in root org auth res norec pc sw; do ip netns del nldns-$n; done
rm -rf /etc/netns/nldns-pc
