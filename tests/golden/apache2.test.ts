// Replays the requests recorded from Debian 12's apache2 2.4.71 (tests/golden/apache2/record.sh) against
// apache2 in a Netloom lab set up the same way (hostname `server`, docroot.sh's tree, noindex.conf) and
// compares the replies byte for byte and the access and error log lines each left, with the Date
// header, log times, pids and client ports masked.
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { bootLab, sh } from '../helpers/lab.ts';

const DIR = new URL('./apache2/', import.meta.url);
const read = (name: string): string => readFileSync(new URL(name, DIR), 'latin1');
const cases = readdirSync(new URL('cases/', DIR)).filter((f) => f.endsWith('.req')).map((f) => f.slice(0, -4)).sort();

// httpd lists the Allow methods in its hash table's order, which varies from run to run: sorted here.
const mask = (s: string): string => s
  .replace(/^Allow: (.*)\r$/gm, (_a, m: string) => `Allow: ${m.split(',').sort().join(',')}\r`)
  .replace(/^Date: .*GMT\r$/gm, 'Date: DATE\r')
  .replace(/\[\d\d\/\w{3}\/\d{4}:\d\d:\d\d:\d\d \+0000\]/g, '[TIME]')
  .replace(/^\[\w{3} \w{3} \d\d \d\d:\d\d:\d\d\.\d{6} \d{4}\]/gm, '[TIME]')
  .replace(/\[pid \d+:tid \d+\]/g, '[pid P:tid T]')
  .replace(/\[client ([\d.]+):\d+\]/g, '[client $1:PORT]');

function lab(): Record<string, string> {
  const files: Record<string, string> = {
    'lab.conf': 'server[0]=A\nclient[0]=A\n',
    'server.startup': 'ip address add 10.0.0.1/24 dev eth0\nsh /root/docroot.sh /var/www\n' +
      'ln -s ../conf-available/noindex.conf /etc/apache2/conf-enabled/noindex.conf\nsystemctl start apache2\n',
    'client.startup': 'ip address add 10.0.0.2/24 dev eth0\n',
    'server/root/docroot.sh': read('docroot.sh'),
    'server/etc/apache2/conf-available/noindex.conf': read('noindex.conf'),
  };
  for (const c of cases) files[`client/root/cases/${c}.req`] = read(`cases/${c}.req`);
  return files;
}

describe('apache2 against recordings of Debian 12\'s', () => {
  it(`answers the ${cases.length} recorded requests and logs them as it does`, async () => {
    const l = await bootLab(lab());
    expect(await sh(l, 'server', 'ls /var/www/html/pics; cat /var/log/apache2/error.log | wc -l')).toBe('a.png\nnotes.txt\nsub\nwith space.txt\n2\n');
    const got: Record<string, { resp: string; log: string }> = {};
    const want: Record<string, { resp: string; log: string }> = {};
    for (const c of cases) {
      const before = await sh(l, 'server', 'cat /var/log/apache2/access.log | wc -c; cat /var/log/apache2/error.log | wc -c');
      const [a, e] = before.trim().split('\n').map(Number);
      const resp = await sh(l, 'client', `nc 10.0.0.1 80 < /root/cases/${c}.req`);
      const log = await sh(l, 'server', `tail -c +${a! + 1} /var/log/apache2/access.log; tail -c +${e! + 1} /var/log/apache2/error.log`);
      got[c] = { resp: mask(resp), log: mask(log) };
      want[c] = { resp: mask(Buffer.from(read(`cases/${c}.resp`), 'latin1').toString('utf8')), log: mask(read(`cases/${c}.log`)) };
    }
    expect(got).toEqual(want);
  });
});

/**
 * init.out (record-init.sh): `$ COMMAND` then what it printed (stdout and stderr) and `rc=N`; the error
 * log last. dash's echo turned the commands' \t and \n into a tab and a line break (a command goes on
 * while its double quotes are open) and dropped sed's \1: put back here.
 */
function initSteps(): { steps: Array<{ cmd: string; out: string }>; errorLog: string } {
  const lines = read('init.out').split('\n');
  const steps: Array<{ cmd: string; out: string }> = [];
  let i = 0;
  while (i < lines.length && lines[i]!.startsWith('$ ')) {
    let cmd = lines[i++]!.slice(2);
    while ((cmd.match(/"/g) ?? []).length % 2 === 1 && i < lines.length) cmd += `\\n${lines[i++]!}`;
    cmd = cmd.replace(/\t/g, '\\t');
    let out = '';
    while (i < lines.length && !/^rc=\d+$/.test(lines[i]!)) out += `${lines[i++]!}\n`;
    out += `${lines[i++]!}\n`;
    steps.push({ cmd, out });
  }
  return { steps, errorLog: lines.slice(i).join('\n') };
}

const maskInit = (s: string): string => s.replace(/\(pid \d+\)/g, '(pid N)');
/** ps's lines for apache2 as `USER ARGS` (the recording also listed its own shell). */
const psLines = (s: string): string => s.split('\n').filter((l) => / \/usr\/sbin\/apache2 /.test(l) && !l.includes('grep'))
  .map((l) => l.replace(/ PPID /, ' ').replace(/\s+/g, ' ')).join('\n');

describe('the init script and apache2ctl against recordings of Debian 12\'s', () => {
  it('start, status, configtest, reload, restart, stop and configuration errors print what they print', async () => {
    const { steps, errorLog } = initSteps();
    expect(steps.length).toBeGreaterThan(20);
    const l = await bootLab({ 'lab.conf': 'server[0]=A\n', 'server.startup': 'ip address add 10.0.0.1/24 dev eth0\n' });
    const got: string[] = [];
    const want: string[] = [];
    for (const s of steps) {
      const ps = s.cmd.startsWith('ps ');
      const cmd = ps ? 'ps -eo user,args' : s.cmd;
      const out = await sh(l, 'server', `sh -c '${cmd.replace(/'/g, "'\\''")}' 2>&1; echo "rc=$?"`);
      got.push(`$ ${s.cmd}\n${ps ? psLines(out) : maskInit(out)}`);
      want.push(`$ ${s.cmd}\n${ps ? psLines(s.out) : maskInit(s.out)}`);
    }
    expect(got).toEqual(want);
    const log = await sh(l, 'server', "sed 's/^\\[[^]]*\\]/[TIME]/; s/pid [0-9]*:tid [0-9]*/pid P:tid T/' /var/log/apache2/error.log");
    expect(log).toBe(errorLog);
  });
});

describe('apache2 -M, -S and -l against recordings of Debian 12\'s', () => {
  it('lists the loaded modules, the virtual hosts and run settings, the compiled-in modules', async () => {
    const l = await bootLab({ 'lab.conf': 'server[0]=A\n' });
    expect(await sh(l, 'server', 'apache2ctl -M 2>&1; echo rc=$?; apache2ctl -S 2>&1; echo rc=$?; apache2 -l; echo rc=$?')).toBe(read('modules.out'));
  });
});
