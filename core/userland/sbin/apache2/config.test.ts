// apache2's configuration reading and checking, through `apache2 -t` / apache2ctl in a guest, with the
// messages httpd 2.4.71 prints (the read-time ones nest per Include, the others are AH00526).
import { describe, expect, it } from 'vitest';
import { TestGuest } from '../../../../tests/helpers/guest.ts';
import { globMatch, words } from './config-read.ts';
import { parseNet } from './config.ts';

const configtest = async (setup: string): Promise<string> => {
  const r = await new TestGuest({ name: 'web' }).sh(`${setup}\napache2ctl configtest 2>&1; echo rc=$?`);
  return r.output;
};
const NAME_WARNINGS = "AH00557: apache2: apr_sockaddr_info_get() failed for web\nAH00558: apache2: Could not reliably determine the server's fully qualified domain name, using 127.0.0.1. Set the 'ServerName' directive globally to suppress this message\n";

describe('configuration words and wildcards', () => {
  it('splits as ap_getword_conf does', () => {
    expect(words('LogFormat "%h %l \\"%r\\"" common')).toEqual(['LogFormat', '%h %l "%r"', 'common']);
    expect(words("  Alias /icons/ '/usr/share/apache2/icons/'  ")).toEqual(['Alias', '/icons/', '/usr/share/apache2/icons/']);
  });
  it('matches include wildcards', () => {
    expect(globMatch('*.conf', '000-default.conf')).toBe(true);
    expect(globMatch('*.conf', 'x.conf.bak')).toBe(false);
    expect(globMatch('[a-c]?.load', 'b1.load')).toBe(true);
  });
});

describe('Require ip / Allow from addresses', () => {
  it('takes whole and partial addresses, /bits and /netmask, and all', () => {
    expect(parseNet('10.0.0.2')).toEqual([0x0a000002, 0xffffffff]);
    expect(parseNet('10.1')).toEqual([0x0a010000, 0xffff0000]);
    expect(parseNet('10.1.2.3/16')).toEqual([0x0a010000, 0xffff0000]);
    expect(parseNet('10.0.0.0/255.0.0.0')).toEqual([0x0a000000, 0xff000000]);
    expect(parseNet('all')).toEqual([0, 0]);
    expect(parseNet('300.1.1.1')).toBeNull();
    expect(parseNet('host.example')).toBeNull();
  });
});

describe('apache2 -t', () => {
  it('accepts Debian\'s configuration, warning about the name it guesses', async () => {
    expect(await configtest('')).toBe(`${NAME_WARNINGS}Syntax OK\nrc=0\n`);
  });

  it('is quiet with a ServerName, or a host name /etc/hosts gives a domain', async () => {
    expect(await configtest('echo "ServerName lab.example" >> /etc/apache2/apache2.conf')).toBe('Syntax OK\nrc=0\n');
    expect(await configtest('printf "10.1.1.1\\tweb.lab.example web\\n" >> /etc/hosts')).toBe('Syntax OK\nrc=0\n');
    expect(await configtest('printf "10.1.1.1\\tweb\\n" >> /etc/hosts')).toBe(
      "AH00558: apache2: Could not reliably determine the server's fully qualified domain name, using 10.1.1.1. Set the 'ServerName' directive globally to suppress this message\nSyntax OK\nrc=0\n");
  });

  it('reports an unknown directive, a module\'s directive without the module, and a bad Options', async () => {
    const fail = "Action 'configtest' failed.\nThe Apache error log may have more information.\nrc=1\n";
    expect(await configtest('printf "<VirtualHost *:8080>\\n  Bogus on\\n</VirtualHost>\\n" > /etc/apache2/sites-enabled/x.conf')).toBe(
      "AH00526: Syntax error on line 2 of /etc/apache2/sites-enabled/x.conf:\nInvalid command 'Bogus', perhaps misspelled or defined by a module not included in the server configuration\n" + fail);
    expect(await configtest('echo "RewriteEngine on" >> /etc/apache2/apache2.conf')).toContain("Invalid command 'RewriteEngine'");
    expect(await configtest('echo "<IfModule rewrite_module>\nRewriteEngine on\n</IfModule>" >> /etc/apache2/apache2.conf')).toContain('Syntax OK');
    expect(await configtest('echo "<Directory /x>\nOptions Bogus\n</Directory>" >> /etc/apache2/apache2.conf')).toContain(
      'AH00526: Syntax error on line 227 of /etc/apache2/apache2.conf:\nIllegal option Bogus\n');
  });

  it('nests read-time errors per Include, and reads Define / IfDefine', async () => {
    expect(await configtest('printf "<Directory /x>\\n" > /etc/apache2/conf-enabled/y.conf')).toBe(
      'apache2: Syntax error on line 222 of /etc/apache2/apache2.conf: Syntax error on line 1 of /etc/apache2/conf-enabled/y.conf: ' +
      "/etc/apache2/conf-enabled/y.conf:1: <Directory> was not closed.\nAction 'configtest' failed.\nThe Apache error log may have more information.\nrc=1\n");
    expect(await configtest('echo "Include /nowhere/*.conf" >> /etc/apache2/apache2.conf')).toContain(
      'apache2: Syntax error on line 226 of /etc/apache2/apache2.conf: Include/IncludeOptional: Could not open directory /nowhere: No such file or directory\n');
    expect(await configtest('echo "IncludeOptional /nowhere/*.conf" >> /etc/apache2/apache2.conf')).toContain('Syntax OK');
    expect(await configtest('echo "Define X\n<IfDefine X>\nBogus\n</IfDefine>" >> /etc/apache2/apache2.conf')).toContain("Invalid command 'Bogus'");
    expect(await configtest('echo "<IfDefine !X>\nListen 81\n</IfDefine>\nListen 81" >> /etc/apache2/ports.conf')).toContain(
      'AH00526: Syntax error on line 17 of /etc/apache2/ports.conf:\nCannot define multiple Listeners on the same IP:port\n');
  });

  it('run without apache2ctl\'s environment, says what is undefined', async () => {
    const r = await new TestGuest({ name: 'web' }).sh('/usr/sbin/apache2 -t 2>&1; echo rc=$?; /usr/sbin/apache2 -v; /usr/sbin/apache2 -Z 2>&1 | head -1');
    expect(r.output.replace(/^\[[^\]]*\] \[core:warn\] \[pid \d+\] /gm, '')).toBe(
      'AH00111: Config variable ${APACHE_RUN_DIR} is not defined\n' +
      'apache2: Syntax error on line 80 of /etc/apache2/apache2.conf: DefaultRuntimeDir must be a valid directory, absolute or relative to ServerRoot\nrc=1\n' +
      'Server version: Apache/2.4.71 (Debian)\nServer built:   2026-11-12T08:58:41\nUsage: /usr/sbin/apache2 [-D name] [-d directory] [-f file]\n');
  });
});
