// Configuration files of the base image, as a Debian 12 container has them.
import { ACCOUNT_FILES } from './etc-accounts.ts';

export const ETC_FILES: Record<string, { content: string; mode?: number }> = {
  '/etc/passwd': {
    content: [
      'root:x:0:0:root:/root:/bin/bash', 'daemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin',
      'bin:x:2:2:bin:/bin:/usr/sbin/nologin', 'sys:x:3:3:sys:/dev:/usr/sbin/nologin',
      'sync:x:4:65534:sync:/bin:/bin/sync', 'games:x:5:60:games:/usr/games:/usr/sbin/nologin',
      'man:x:6:12:man:/var/cache/man:/usr/sbin/nologin', 'lp:x:7:7:lp:/var/spool/lpd:/usr/sbin/nologin',
      'mail:x:8:8:mail:/var/mail:/usr/sbin/nologin', 'news:x:9:9:news:/var/spool/news:/usr/sbin/nologin',
      'uucp:x:10:10:uucp:/var/spool/uucp:/usr/sbin/nologin', 'proxy:x:13:13:proxy:/bin:/usr/sbin/nologin',
      'www-data:x:33:33:www-data:/var/www:/usr/sbin/nologin', 'backup:x:34:34:backup:/var/backups:/usr/sbin/nologin',
      'list:x:38:38:Mailing List Manager:/var/list:/usr/sbin/nologin', 'irc:x:39:39:ircd:/run/ircd:/usr/sbin/nologin',
      '_apt:x:42:65534::/nonexistent:/usr/sbin/nologin', 'nobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin',
      '',
    ].join('\n'),
  },
  '/etc/group': {
    content: [
      'root:x:0:', 'daemon:x:1:', 'bin:x:2:', 'sys:x:3:', 'adm:x:4:', 'tty:x:5:', 'disk:x:6:', 'lp:x:7:',
      'mail:x:8:', 'news:x:9:', 'uucp:x:10:', 'man:x:12:', 'proxy:x:13:', 'kmem:x:15:', 'dialout:x:20:',
      'fax:x:21:', 'voice:x:22:', 'cdrom:x:24:', 'floppy:x:25:', 'tape:x:26:', 'sudo:x:27:', 'audio:x:29:',
      'dip:x:30:', 'www-data:x:33:', 'backup:x:34:', 'operator:x:37:', 'list:x:38:', 'irc:x:39:', 'src:x:40:',
      'shadow:x:42:', 'utmp:x:43:', 'video:x:44:', 'sasl:x:45:', 'plugdev:x:46:', 'staff:x:50:', 'games:x:60:',
      'users:x:100:', 'nogroup:x:65534:', '',
    ].join('\n'),
  },
  '/etc/shadow': { content: 'root:*:19000:0:99999:7:::\n', mode: 0o640 },
  '/etc/debian_version': { content: '12.8\n' },
  '/etc/os-release': {
    content: [
      'PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"', 'NAME="Debian GNU/Linux"', 'VERSION_ID="12"',
      'VERSION="12 (bookworm)"', 'VERSION_CODENAME=bookworm', 'ID=debian', 'HOME_URL="https://www.debian.org/"',
      'SUPPORT_URL="https://www.debian.org/support"', 'BUG_REPORT_URL="https://bugs.debian.org/"', '',
    ].join('\n'),
  },
  '/etc/shells': { content: '# /etc/shells: valid login shells\n/bin/sh\n/usr/bin/sh\n/bin/bash\n/usr/bin/bash\n' },
  '/etc/resolv.conf': { content: '' },
  // libc-bin's default (/usr/share/libc-bin/nsswitch.conf), which Debian 12 installs.
  '/etc/nsswitch.conf': {
    content: [
      '# /etc/nsswitch.conf', '#', '# Example configuration of GNU Name Service Switch functionality.',
      "# If you have the `glibc-doc-reference' and `info' packages installed, try:",
      '# `info libc "Name Service Switch"\' for information about this file.', '',
      'passwd:         files', 'group:          files', 'shadow:         files', 'gshadow:        files', '',
      'hosts:          files dns', 'networks:       files', '',
      'protocols:      db files', 'services:       db files', 'ethers:         db files', 'rpc:            db files', '',
      'netgroup:       nis', '',
    ].join('\n'),
  },
  '/etc/profile': {
    content: [
      '# /etc/profile: system-wide .profile file for the Bourne shell (sh(1))',
      'if [ "$(id -u)" -eq 0 ]; then',
      '  PATH="/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"',
      'else',
      '  PATH="/usr/local/bin:/usr/bin:/bin:/usr/local/games:/usr/games"',
      'fi',
      'export PATH',
      '',
    ].join('\n'),
  },
  '/etc/bash.bashrc': {
    content: [
      '# System-wide .bashrc file for interactive bash(1) shells.',
      '',
      '# If not running interactively, don\'t do anything',
      '[ -z "$PS1" ] && return',
      '',
      '# set a fancy prompt',
      'PS1=\'${debian_chroot:+($debian_chroot)}\\u@\\h:\\w\\$ \'',
      '',
    ].join('\n'),
  },
  '/root/.bashrc': {
    content: [
      '# ~/.bashrc: executed by bash(1) for non-login shells.',
      '',
      '# You may uncomment the following lines if you want `ls\' to be colorized:',
      '# export LS_OPTIONS=\'--color=auto\'',
      '# eval "$(dircolors)"',
      '# alias ls=\'ls $LS_OPTIONS\'',
      '',
    ].join('\n'),
  },
  '/root/.profile': {
    content: [
      '# ~/.profile: executed by Bourne-compatible login shells.',
      '',
      'if [ "$BASH" ]; then',
      '  if [ -f ~/.bashrc ]; then',
      '    . ~/.bashrc',
      '  fi',
      'fi',
      '',
      'mesg n 2> /dev/null || true',
      '',
    ].join('\n'),
  },
  ...ACCOUNT_FILES,
};
