// The stty golden cases: bash scripts run on a fresh pseudo-terminal (see README.md), one per case.

export interface SttyCase {
  name: string;
  script: string;
}

export interface SttyRecord extends SttyCase {
  /** Everything the terminal showed (output processing included), and bash's exit status. */
  output: string;
  status: number;
}

const st = 'echo "status $?"';

export const CASES: SttyCase[] = [
  { name: 'all', script: 'stty -a' },
  { name: 'short', script: 'stty' },
  { name: 'save', script: 'stty -g' },
  { name: 'fresh-pty-default', script: 'stty -iutf8; stty -a; stty' },
  { name: 'raw', script: 'stty raw; stty; stty -g' },
  { name: 'cooked', script: 'stty raw; stty cooked; stty; stty raw; stty -raw; stty; stty -cooked; stty -g' },
  { name: 'sane', script: 'stty -echo -icanon intr ^A eol ^B tostop -icrnl; stty; stty sane; stty -a' },
  { name: 'size', script: 'stty size; stty rows 30 cols 100; stty size; stty columns 7; stty size; stty -a | head -1' },
  { name: 'size-large', script: 'stty rows 65535; stty size; stty rows 70000 cols 0x10; stty size; stty rows 1b; stty size' },
  { name: 'size-order', script: 'stty size rows 5; stty rows 6 size cols 9 size speed' },
  { name: 'winch', script: 'trap "echo WINCH" WINCH; stty cols 100; stty cols 100; stty rows 30 cols 90; stty size' },
  { name: 'speed', script: 'stty speed; stty 9600; stty speed; stty; stty 115200 speed; stty -g; stty 134.5 speed exta speed' },
  { name: 'speed-zero', script: `stty 0; ${st}; stty -g; stty 38400` },
  { name: 'noecho-noncanon', script: 'stty -echo -icanon min 1 time 0; stty -a' },
  { name: 'cbreak', script: 'stty cbreak; stty; stty -cbreak; stty' },
  { name: 'nl', script: 'stty nl; stty; stty -nl; stty' },
  { name: 'ek', script: 'stty erase ^H kill ^A; stty; stty ek; stty' },
  { name: 'litout-pass8', script: `stty litout; stty; stty -litout; ${st}; stty; stty pass8; ${st}; stty -pass8; ${st}; stty -g` },
  { name: 'parity', script: `stty evenp; ${st}; stty oddp; ${st}; stty; stty -oddp; ${st}; stty parenb; ${st}; stty cs7; ${st}; stty -cread; ${st}; stty cs7 hupcl; ${st}; stty -g` },
  { name: 'chars', script: 'stty intr ^- quit undef erase ^H kill ^u eof a eol 0x41 eol2 ^? swtch 7 start 011 susp 255 rprnt 128 werase 160 lnext ^ discard ^^; stty -a | head -4; stty; stty -g' },
  { name: 'chars-min-time', script: 'stty min 5 time 0x10; stty -a | sed -n 4p; stty -icanon; stty; stty min 0 time 255; stty -g' },
  { name: 'flags', script: `stty ixoff ixany iuclc -ixon tostop ofill nl1 cr2 tab3 -iexten noflsh echonl echoprt -echoctl -echoke hupcl clocal crtscts cstopb inlcr igncr ignbrk ignpar parmrk inpck istrip iutf8 ocrnl onocr onlret ofdel bs1 vt1 ff1 flusho extproc cmspar parodd; ${st}; stty; stty -a; stty -g` },
  { name: 'flags-local', script: 'stty -isig -echoe -echok -echo; stty; stty -g' },
  { name: 'aliases', script: 'stty -crterase -ctlecho prterase -crtkill hup; stty; stty crt -hup; stty; stty dec; stty lcase; stty -lcase; stty tabs; stty; stty -tabs; stty; stty tandem -decctlq; stty; stty -tandem decctlq; stty' },
  { name: 'save-restore', script: `s=$(stty -g); stty raw -echo intr ^A 9600 tab3; stty "$s"; ${st}; stty; stty -g` },
  { name: 'save-restore-with-more', script: `stty 501:5:bf:8a3b:3:1c:7f:15:4:0:1:0:11:13:1a:0:12:f:17:16:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0 -echo; ${st}; stty` },
  { name: 'wrap', script: 'stty cols 40; stty -a; stty; stty -a | cat; COLUMNS=50 stty -a | cat; COLUMNS=50 stty -a' },
  { name: 'options', script: 'stty --al | head -2; stty --save; stty --a | tail -1; stty -a -- x | head -1; stty -- -a; stty -- raw; stty' },
  { name: 'file', script: 'stty -F /dev/tty size; stty --file=/dev/tty -a | head -1; stty -F/dev/tty -g; stty --fi /dev/tty speed; stty -F "$(tty)" rows 10; stty size' },
  { name: 'help', script: 'stty --help; stty --version; stty foo --version; stty -a -g --help | head -1' },
  {
    name: 'errors-usage',
    script: `stty foo; ${st}; stty -x; ${st}; stty --foo; ${st}; stty -; ${st}; stty -F; ${st}; stty --file; ${st}; ` +
      `stty intr; ${st}; stty rows; ${st}; stty -sane; ${st}; stty -ek; ${st}; stty -crt; ${st}; stty -cs8; ${st}; ` +
      `stty 9601; ${st}; stty 500:5:bf:8a3b; ${st}; stty -echo --; ${st}; stty echo -- -echo; ${st}; stty`,
  },
  {
    name: 'errors-values',
    script: `stty rows x; ${st}; stty rows -1; ${st}; stty intr abc; ${st}; stty min 300; ${st}; stty intr 300; ${st}; ` +
      `stty time 08; ${st}; stty intr é; ${st}; stty rows 5 foo; ${st}; stty size; ` +
      `stty 500:5:bf:8a3b:3:1c:7f:15:4:0:1:0:11:13:1a:0:12:f:17:16:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:1ff; ${st}`,
  },
  {
    name: 'errors-styles',
    script: `stty -ag; ${st}; stty -a -g; ${st}; stty --all --save; ${st}; stty -a echo; ${st}; stty -ax; ${st}; stty -g -echo; ${st}`,
  },
  {
    name: 'not-a-terminal',
    script: `stty </dev/null; ${st}; stty -a </dev/null; ${st}; stty -g </dev/null; ${st}; stty size </dev/null; ${st}; ` +
      `stty echo </dev/null; ${st}; stty foo </dev/null; ${st}; stty -F /dev/null; ${st}; stty -F /nonexist; ${st}; ` +
      `stty -F /nonexist foo; ${st}`,
  },
  { name: 'write-error', script: `stty -a 2>&1 >/dev/full; ${st}; stty size >/dev/full; ${st}` },
];
