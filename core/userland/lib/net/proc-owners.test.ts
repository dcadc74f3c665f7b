// The owner strings of ss -p and netstat -p for a socket several processes share, as Debian 12's ss 6.1
// and net-tools 2.10 printed them for a UDP socket that bash opened (exec 5<>/dev/udp/...) and passed on.
import { describe, expect, test } from 'vitest';
import { netstatProgram, ssUsers, type SocketOwner } from './proc-owners.ts';

const holders: SocketOwner[] = [
  { pid: 16804, fd: 5, comm: 'bash', program: 'bash' },
  { pid: 16806, fd: 5, comm: 'sleep', program: 'sleep' },
  { pid: 16823, fd: 5, comm: 'averyveryverylo', program: 'averyveryverylongname' },
  { pid: 16839, fd: 5, comm: 'ss', program: 'ss' },
];

describe('socket owners', () => {
  test('ss lists the holders last-found first', () => {
    expect(ssUsers(holders)).toBe('users:(("ss",pid=16839,fd=5),("averyveryverylo",pid=16823,fd=5),("sleep",pid=16806,fd=5),("bash",pid=16804,fd=5))');
  });

  test('ss prints nothing for a socket nobody holds', () => {
    expect(ssUsers(undefined)).toBe('');
    expect(ssUsers([])).toBe('');
  });

  test('netstat names the first holder, cut to 19 characters, or -', () => {
    expect(netstatProgram(holders)).toBe('16804/bash');
    expect(netstatProgram(holders.slice(2))).toBe('16823/averyveryvery');
    expect(netstatProgram(undefined)).toBe('-');
  });
});
