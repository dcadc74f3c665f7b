// Unit tests for lab.conf in Kathará's grammar. Fixture note: Kathará cannot be run here (pip cannot reach
// PyPI), so expected behaviour and messages are derived from reading its source (Kathará 3.x,
// parser/netkit/LabParser.py, model/Lab.py, model/Machine.py, model/Interface.py, utils.py).
import { describe, expect, it } from 'vitest';
import { encodeUtf8 } from './files.ts';
import { parseKatharaLabConf } from './labconf.ts';

const parse = (text: string) => parseKatharaLabConf(encodeUtf8(text));
const errs = (text: string) => parse(text).errors.map((e) => `${e.line}: ${e.message}`);

describe('lab.conf (Kathará grammar)', () => {
  it('reads interfaces, options, metadata, comments and blank lines', () => {
    const conf = parse(
      'LAB_DESCRIPTION="A lab"\nLAB_AUTHOR=\'Me\'\n# comment\n\npc1[0]=A\npc1[1]="B"\npc1[image]="kathara/frr"\nr1[0]=A',
    );
    expect(conf.errors).toEqual([]);
    expect(conf.metadata).toEqual({ description: 'A lab', author: 'Me' });
    expect([...conf.devices.keys()]).toEqual(['pc1', 'r1']);
    expect(conf.devices.get('pc1')?.interfaces.map((i) => i.collisionDomain)).toEqual(['A', 'B']);
    expect(conf.devices.get('pc1')?.image).toBe('kathara/frr');
    expect(conf.domains.get('A')?.members).toEqual([{ device: 'pc1', index: 0 }, { device: 'r1', index: 0 }]);
  });

  it('accepts CD/MAC and rejects a bad MAC with Kathará\'s message', () => {
    const conf = parse('pc1[0]=A/00:11:22:33:44:55');
    expect(conf.devices.get('pc1')?.interfaces[0]).toMatchObject({ mac: '00:11:22:33:44:55', macGiven: true });
    expect(errs('pc1[0]=A/00:11:22:33:44')).toEqual(['1: MAC address 00:11:22:33:44 on interface `0` of device `pc1` is invalid.']);
    expect(errs('pc1[0]=A/b/c')).toEqual(['1: Invalid interface definition: `A/b/c`.']);
    expect(errs('pc1[0]=A/')).toEqual(['1: Invalid interface definition: `A/`.']);
  });

  it('rejects non-\\w collision domains, naming the whole value', () => {
    expect(errs('pc1[0]=A-B')).toEqual(['1: Collision domain `A-B` contains non-alphanumeric characters.']);
    // An unquoted value is greedy, so a trailing comment becomes part of it (as in Python's re).
    expect(errs('pc1[0]=A # uplink')).toEqual(['1: Collision domain `A # uplink` contains non-alphanumeric characters.']);
    expect(parse('pc1[0]="A" # uplink').errors).toEqual([]);
  });

  it('uses Unicode-aware \\w for arguments and domains, and Python int() for interface numbers', () => {
    expect(parse('pc1[0]=Ωmega').errors).toEqual([]);
    const conf = parse('pc1[٠]=A\npc1[0_1]=B');
    expect(conf.errors).toEqual([]);
    expect(conf.devices.get('pc1')?.interfaces.map((i) => i.index)).toEqual([0, 1]);
    // `1_` is not an int for Python: it becomes an (unknown) option.
    expect(parse('pc1[1_]=x').devices.get('pc1')?.extra).toEqual({ '1_': 'x' });
  });

  it('requires contiguous interface numbers', () => {
    expect(errs('pc1[0]=A\npc1[2]=B')).toEqual(['2: Interface `1` missing on device `pc1`.']);
    expect(errs('pc1[1]=A')).toEqual(['1: Interface `0` missing on device `pc1`.']);
  });

  it('rejects an interface set twice and a device attached twice to one domain', () => {
    expect(errs('pc1[0]=A\npc1[0]=B')).toEqual(['2: Interface 0 already set on device `pc1`.']);
    expect(errs('pc1[0]=A\npc1[1]=A')).toEqual(['2: Device `pc1` is already connected to collision domain `A`.']);
  });

  it('rejects reserved names and unparseable lines with the line text', () => {
    expect(errs('shared[0]=A')).toEqual(['1: `shared` is a reserved name, you can not use it for a device.']);
    expect(errs('_test[image]=x')).toEqual(['1: `_test` is a reserved name, you can not use it for a device.']);
    expect(errs('pc1[0]=A\nPC2[0]=A\n')).toEqual(['2: `PC2[0]=A`.']);
    expect(errs('pc1[0]=A\n  # indented comment')).toEqual(['2: `  # indented comment`.']);
    expect(errs('pc1 [0]=A')).toEqual(['1: `pc1 [0]=A`.']);
    expect(errs('pc1[0]=')).toEqual(['1: `pc1[0]=`.']);
    expect(errs('pc1[0]="A\'')).toEqual(['1: `pc1[0]="A\'`.']);
    expect(errs('a234567890123456789012345678901[0]=A')).toHaveLength(1);
    expect(errs('machines="a b"')).toEqual(['1: `machines="a b"`.']);
  });

  it('strips lines (leading spaces, CRLF) and needs no final newline', () => {
    const conf = parse('  pc1[0]=A\r\n\tpc1[1]=B  ');
    expect(conf.errors).toEqual([]);
    expect(conf.devices.get('pc1')?.interfaces).toHaveLength(2);
  });

  it('reads metadata only at column 0 with exactly one `=`', () => {
    expect(parse('LAB_VERSION=1.0').metadata.version).toBe('1.0');
    expect(errs(' LAB_VERSION=1.0')).toEqual(['1: ` LAB_VERSION=1.0`.']);
    expect(errs('LAB_WEB=http://x/?a=b')[0]).toMatch(/^1: `LAB_WEB` line has more than one `=`/);
    expect(errs('LAB_FOO=1')).toEqual(['1: `LAB_FOO=1`.']);
  });

  it('rejects an empty file and invalid UTF-8', () => {
    expect(parseKatharaLabConf(new Uint8Array()).errors).toEqual([{ file: 'lab.conf', message: 'lab.conf file is empty.' }]);
    const bytes = Uint8Array.from([...encodeUtf8('pc1[0]=A\n'), 0xff, 0x0a]);
    expect(parseKatharaLabConf(bytes).errors.map((e) => `${e.line}: ${e.message}`)).toEqual([
      "2: 'utf-8' codec can't decode byte 0xff in position 0: invalid start byte",
    ]);
  });

  it('keeps U+FEFF (a BOM) like Python, so a BOM-prefixed first line is rejected', () => {
    expect(errs('\ufeffpc1[0]=A')).toEqual(['1: `\ufeffpc1[0]=A`.']);
  });

  it('warns when an option is overwritten', () => {
    const conf = parse('pc1[image]=a\npc1[image]=b');
    expect(conf.devices.get('pc1')?.image).toBe('b');
    expect(conf.warnings.map((w) => `${w.line}: ${w.message}`)).toEqual([
      '2: Device `pc1` already has a value assigned to meta `image`. Previous value has been overwritten with `b`.',
    ]);
  });
});

describe('device options', () => {
  const dev = (text: string) => {
    const conf = parse(text);
    expect(conf.errors).toEqual([]);
    return conf.devices.get('pc1');
  };

  it('sysctl: repeatable, net.* only, numbers converted', () => {
    expect(dev('pc1[sysctl]=net.ipv4.ip_forward=1\npc1[sysctl]="net.ipv6.conf.all.forwarding=0"\npc1[sysctl]=net.core.x=abc')?.sysctls).toEqual({
      'net.ipv4.ip_forward': 1,
      'net.ipv6.conf.all.forwarding': 0,
      'net.core.x': 'abc',
    });
    expect(errs('pc1[sysctl]=kernel.shmmax=1')).toEqual([
      '1: Invalid sysctl value (`kernel.shmmax=1`) on `pc1`, missing `=` or value not in `net.` namespace.',
    ]);
    expect(errs('pc1[sysctl]=net.ipv4.ip_forward')).toHaveLength(1);
  });

  it('mem, M, cpus, num_terms, ipv6', () => {
    expect(dev('pc1[mem]=512')?.mem).toBe('512m');
    expect(dev('pc1[mem]=1G')?.mem).toBe('1g');
    expect(dev('pc1[M]=256')?.mem).toBe('256m');
    expect(errs('pc1[mem]=lots')).toEqual(['1: Memory value not valid on `pc1`.']);
    expect(dev('pc1[cpus]=0.5')?.cpus).toBe(0.5);
    expect(errs('pc1[cpus]=half')).toEqual(['1: CPU value not valid on `pc1`.']);
    expect(dev('pc1[num_terms]=2')?.numTerms).toBe(2);
    expect(errs('pc1[num_terms]=-1')).toEqual(['1: Terminals Number value on `pc1` must be a positive value or zero.']);
    expect(errs('pc1[num_terms]=x')).toEqual(['1: Terminals Number value not valid on `pc1`.']);
    expect(dev('pc1[ipv6]="false"')?.ipv6).toBe(false);
    expect(errs('pc1[ipv6]=maybe')).toEqual(['1: IPv6 value not valid on `pc1`.']);
  });

  it('env, shell, exec, entrypoint, args, privileged', () => {
    const d = dev('pc1[env]=A=1\npc1[shell]=/bin/sh\npc1[exec]="echo hi"\npc1[exec]=ls\npc1[entrypoint]=/x\npc1[args]=-v\npc1[privileged]=true');
    expect(d).toMatchObject({ env: { A: '1' }, shell: '/bin/sh', exec: ['echo hi', 'ls'], entrypoint: '/x', args: '-v', privileged: true });
    expect(errs('pc1[env]=A')).toEqual(['1: Invalid env value (`A`) on `pc1`.']);
  });

  it('ulimit and volume', () => {
    expect(dev('pc1[ulimit]=nofile=1024:2048\npc1[ulimit]=core=-1')?.ulimits).toEqual({ nofile: { soft: 1024, hard: 2048 }, core: { soft: -1, hard: -1 } });
    expect(errs('pc1[ulimit]=nofile=-2')).toEqual(['1: Invalid ulimit value (`nofile=-2`) on `ulimit`. Values must be >= -1.']);
    expect(errs('pc1[ulimit]=nofile=-1:10')).toEqual(['1: Invalid ulimit value (`nofile=-1:10`) on `ulimit`. Soft limit (-1) cannot be greater than hard limit (10).']);
    expect(errs('pc1[ulimit]=nofile')).toEqual(['1: Invalid ulimit value (`nofile`) on `ulimit`.']);
    const p = parse('pc1[volume]=/h|/g|ro');
    expect(p.devices.get('pc1')?.volumes).toEqual([{ host: '/h', guest: '/g', mode: 'ro' }]);
    expect(p.warnings[0]?.message).toMatch(/cannot be mounted in Netloom/);
    expect(errs('pc1[volume]=/h')).toEqual(['1: The volume specified `/h` is not in a valid format: <host_path>|<guest_path>|[<mode>]']);
    expect(errs('pc1[volume]=/h|/g|xx')).toEqual(['1: Invalid volume mode `xx` on `/h` mount. Allowed values are ro, rw, rx. ']);
  });

  it('bridged and port are kept and reported as unavailable in Netloom', () => {
    const conf = parse('pc1[bridged]=true\npc1[port]="3000:3000/tcp"\npc1[port]=8080');
    expect(conf.errors).toEqual([]);
    expect(conf.devices.get('pc1')).toMatchObject({ bridged: true, ports: [{ host: 3000, guest: 8080, protocol: 'tcp' }] });
    // Both lines map host port 3000/tcp: the second overwrites the first, as in Kathará's ports dict.
    expect(conf.warnings.map((w) => w.message).join('\n')).toMatch(/host attachment not available in Netloom/);
    expect(conf.warnings.map((w) => w.message).join('\n')).toMatch(/port forwarding to the host not available in Netloom/);
    expect(conf.warnings.some((w) => w.message.includes('already has a value'))).toBe(true);
    expect(errs('pc1[port]=1/icmp')).toEqual(['1: Port protocol value not valid on `pc1`.']);
    expect(errs('pc1[port]=a:b')).toEqual(['1: Port value not valid on `pc1`.']);
    expect(errs('pc1[bridged]=maybe')).toEqual(["1: invalid truth value 'maybe'"]);
  });

  it('stores unknown options like Kathará, with a warning', () => {
    const conf = parse('pc1[foo]=bar');
    expect(conf.errors).toEqual([]);
    expect(conf.devices.get('pc1')?.extra).toEqual({ foo: 'bar' });
    expect(conf.warnings[0]?.message).toMatch(/Unknown option `foo`/);
  });
});
