// Where FRR 8.4 (Debian 12's frr package) keeps things, and its accounts.

export const FRR_VERSION = '8.4.4';

/** ./configure's arguments of Debian 12's frr 8.4.4 build (vtysh --help and show version print them). */
export const FRR_CONFIG_ARGS = `'--build=x86_64-linux-gnu' '--prefix=/usr' '--includedir=\${prefix}/include' '--mandir=\${prefix}/share/man' '--infodir=\${prefix}/share/info' '--sysconfdir=/etc' '--localstatedir=/var' '--disable-option-checking' '--disable-silent-rules' '--libdir=\${prefix}/lib/x86_64-linux-gnu' '--libexecdir=\${prefix}/lib/x86_64-linux-gnu' '--disable-maintainer-mode' '--localstatedir=/var/run/frr' '--sbindir=/usr/lib/frr' '--sysconfdir=/etc/frr' '--with-vtysh-pager=/usr/bin/pager' '--libdir=/usr/lib/x86_64-linux-gnu/frr' '--with-moduledir=/usr/lib/x86_64-linux-gnu/frr/modules' '--disable-dependency-tracking' '--enable-rpki' '--disable-scripting' '--disable-pim6d' '--with-libpam' '--enable-doc' '--enable-doc-html' '--enable-snmp' '--enable-fpm' '--disable-protobuf' '--disable-zeromq' '--enable-ospfapi' '--enable-bgp-vnc' '--enable-multipath=256' '--enable-user=frr' '--enable-group=frr' '--enable-vty-group=frrvty' '--enable-configfile-mask=0640' '--enable-logfile-mask=0640' 'build_alias=x86_64-linux-gnu' 'PYTHON=python3'`;
export const RUN_DIR = '/var/run/frr';
export const ZSERV_PATH = `${RUN_DIR}/zserv.api`;

/** The frr user and the frr and frrvty groups, as the package's postinst made them on Debian 12. */
export const FRR_UID = 103, FRR_GID = 107, FRRVTY_GID = 106;

export function etcDir(): string {
  return '/etc/frr';
}

/** The daemons in the order frrcommon.sh lists them (watchfrr starts them, vtysh asks them, in this order). */
export const DAEMON_ORDER = ['zebra', 'bgpd', 'ripd', 'ripngd', 'ospfd', 'ospf6d', 'isisd', 'babeld', 'pimd', 'pim6d',
  'ldpd', 'nhrpd', 'eigrpd', 'sharpd', 'pbrd', 'staticd', 'bfdd', 'fabricd', 'vrrpd', 'pathd'] as const;

/** The vty TCP port of each daemon (lib/command.h). */
export const VTY_PORTS: Record<string, number> = {
  zebra: 2601, ripd: 2602, ripngd: 2603, ospfd: 2604, bgpd: 2605, ospf6d: 2606, isisd: 2608, babeld: 2609,
  pimd: 2611, ldpd: 2612, eigrpd: 2613, staticd: 2616, bfdd: 2617, fabricd: 2618, vrrpd: 2619, pathd: 2620,
};
