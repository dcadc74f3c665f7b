// Golden cases for the account tools: each is a bash script run as root on a fresh copy of the base
// image's account files; record.ts runs it with the real Debian 12 tools, users.test.ts in a guest.

export interface UsersCase {
  name: string;
  script: string;
}

export interface UsersRecord extends UsersCase {
  output: string;
  status: number;
}

/** Host- and time-dependent text: password hashes and the day counts of /etc/shadow. */
export const MASKS = [/\$(6|y)\$[^:\n]*/g, /:\d{5}:/g, /\b\d{4}-\d\d-\d\d\b/g];

export function mask(s: string): string {
  let out = s;
  for (const m of MASKS) out = out.replace(m, (x) => (x.startsWith(':') ? ':X:' : 'X'));
  return out;
}

const SHOW = 'tail -n 4 /etc/passwd; tail -n 4 /etc/group; tail -n 3 /etc/shadow; tail -n 3 /etc/gshadow';

export const USERS_CASES: UsersCase[] = [
  { name: 'useradd-m', script: `useradd -m bob; echo $?; ${SHOW}; stat -c '%a %U %G %s %n' /home/bob /home/bob/.bashrc /home/bob/.profile /home/bob/.bash_logout` },
  { name: 'useradd-exists', script: 'useradd bob; useradd bob; echo $?; groupadd carl; useradd carl; echo $?' },
  { name: 'useradd-options', script: `useradd -u 1500 -s /bin/bash -G sudo,users -c 'Eve E' eve; echo $?; useradd -r sysu; echo $?; useradd -N -g users dan; echo $?; ${SHOW}` },
  { name: 'useradd-errors', script: 'useradd -u abc x; echo $?; useradd -g nope y; echo $?; useradd -G a,b z; echo $?; useradd "a:b"; echo $?; useradd -u 0 dup; echo $?; useradd; echo $?' },
  { name: 'useradd-badopt', script: 'useradd -x; echo $?' },
  { name: 'useradd-home-exists', script: 'mkdir -p /home/bob; useradd -m bob; echo $?; useradd -d /srv/x -M -p abc carl; echo $?; tail -n 1 /etc/passwd /etc/shadow' },
  { name: 'useradd-next-ids', script: 'useradd a1; useradd -u 1200 a2; useradd a3; groupadd g1; useradd -r s1; useradd -r s2; groupadd -r g2; cut -d: -f1,3,4 /etc/passwd | tail -n 5; tail -n 7 /etc/group' },
  { name: 'userdel', script: 'useradd -m bob; userdel -r bob; echo $?; ls /home; userdel bob; echo $?; useradd carl; usermod -aG sudo carl; userdel carl; echo $?; grep -c carl /etc/group /etc/gshadow /etc/passwd /etc/shadow' },
  { name: 'groupadd-groupdel', script: 'groupadd devs; echo $?; groupadd devs; echo $?; groupadd -f devs; echo $?; groupadd -g 27 x; echo $?; groupadd -g 2000 y; groupadd -r sysg; groupadd -g abc z; echo $?; groupadd "a b"; echo $?; tail -n 3 /etc/group /etc/gshadow; groupdel devs; echo $?; groupdel devs; echo $?; useradd bob; groupdel bob; echo $?' },
  { name: 'usermod', script: 'useradd bob; groupadd devs; usermod -aG devs,sudo bob; echo $?; usermod -s /bin/bash -d /home/b2 bob; echo $?; grep bob /etc/passwd /etc/group; usermod -G devs bob; grep bob /etc/group; usermod -s /bin/bash bob; echo $?; usermod -aG nope bob; echo $?; usermod -s /bin/sh zed; echo $?; usermod -L bob; grep bob /etc/shadow; usermod -U bob; echo $?' },
  { name: 'usermod-noopts', script: 'useradd bob; usermod bob; echo $?' },
  { name: 'chpasswd', script: 'useradd bob; echo bob:secret | chpasswd; echo $?; grep bob /etc/shadow; printf "bob:\\$6\\$x\\$y\\n" | chpasswd -e; grep bob /etc/shadow; echo nouser:x | chpasswd; echo $?; echo garbage | chpasswd; echo $?' },
  { name: 'passwd-admin', script: 'useradd bob; echo bob:pw | chpasswd; passwd -S bob; passwd -l bob; echo $?; grep bob /etc/shadow; passwd -S bob; passwd -u bob; echo $?; passwd -d bob; echo $?; grep bob /etc/shadow; passwd -S bob; passwd -l zed; echo $?' },
  { name: 'passwd-unlock-empty', script: 'useradd bob; passwd -u bob; echo $?' },
  { name: 'passwd-piped', script: 'useradd bob; printf "abc\\nabc\\n" | passwd bob; echo $?; printf "a\\nb\\n" | passwd bob; echo $?; passwd zed; echo $?' },
  { name: 'getent', script: 'useradd bob; getent passwd bob; echo $?; getent group sudo 0; getent passwd zed; echo $?; getent passwd 0; getent foo; echo $?; getent shadow root; getent group | tail -n 2' },
  { name: 'getent-services', script: "getent services | md5sum; getent services | sed -n '1,3p;100p;$p'; getent services http domain 53 53/tcp domain/udp www www/ 080 65616 +80 ' 80' 80/udp nosuch; echo $?; getent services kerberos-master 751/udp; echo $?" },
  { name: 'getent-protocols', script: "getent protocols | md5sum; getent protocols | sed -n '1,3p;$p'; getent protocols icmp ICMP 1 01 0x1 1x 4294967302 256 ' 1' udp nosuch; echo $?" },
  { name: 'getent-rpc', script: "getent rpc | md5sum; getent rpc | sed -n '1,3p;$p'; getent rpc portmapper sunrpc 100007 100000x nfs NFS ' 100000' 0x186a0; echo $?; getent ethertypes; echo $?" },
  { name: 'groups', script: 'useradd -G sudo,users bob; groups bob; groups root; groups; groups zz; echo $?; groups root bob' },
  { name: 'su-c', script: `useradd -m -s /bin/bash bob; su bob -c 'id -u; id -un; echo $HOME $USER $LOGNAME $SHELL; pwd'; echo $?; cd /tmp; su - bob -c 'echo $HOME $USER $PATH; pwd'; su -s /bin/sh bob -c 'echo $0'; su - bob -c 'echo $0'; su zed; echo $?; su bob -c 'exit 3'; echo $?` },
  { name: 'su-badopt', script: 'su -x; echo $?' },
  { name: 'adduser-script', script: `adduser --disabled-password --gecos "" bob; echo $?; adduser --disabled-password --gecos "" bob; echo $?; ${SHOW}; stat -c '%a %U %G %n' /home/bob /home/bob/.bashrc` },
  { name: 'adduser-group-member', script: 'adduser --disabled-password --gecos "" bob >/dev/null; adduser bob sudo; echo $?; adduser bob sudo; echo $?; adduser bob nogroupx; echo $?; adduser zed sudo; echo $?; grep ^sudo /etc/group' },
  { name: 'adduser-system-group', script: 'adduser --system sys1; echo $?; addgroup g1; echo $?; adduser --group g2; echo $?; tail -n 2 /etc/passwd; tail -n 3 /etc/group; adduser; echo $?' },
];
