// Socket calls: argument checks and the generic blocking loops; the protocols live in net/transport.
import { EAFNOSUPPORT, type Accepted, type RecvFrom, type RecvMsg, type Sockaddr, type SockOptValue } from '../abi.ts';
import type { Kernel } from '../kernel.ts';
import type { Process } from '../process.ts';

export function socket(_k: Kernel, _p: Process, _domain: number, _type: number, _protocol: number): number { return -EAFNOSUPPORT; }
export function bind(_k: Kernel, _p: Process, _fd: number, _addr: Sockaddr): number { return -EAFNOSUPPORT; }
export async function connect(_k: Kernel, _p: Process, _fd: number, _addr: Sockaddr): Promise<number> { return -EAFNOSUPPORT; }
export function listen(_p: Process, _fd: number, _backlog: number): number { return -EAFNOSUPPORT; }
export async function accept(_k: Kernel, _p: Process, _fd: number, _flags: number): Promise<Accepted | number> { return -EAFNOSUPPORT; }
export async function sendto(_k: Kernel, _p: Process, _fd: number, _data: Uint8Array, _flags: number, _addr: Sockaddr | null): Promise<number> { return -EAFNOSUPPORT; }
export async function recvmsg(_k: Kernel, _p: Process, _fd: number, _buf: Uint8Array, _flags: number): Promise<RecvMsg | number> { return -EAFNOSUPPORT; }
export async function recvfrom(k: Kernel, p: Process, fd: number, buf: Uint8Array, flags: number): Promise<RecvFrom | number> {
  const r = await recvmsg(k, p, fd, buf, flags);
  return typeof r === 'number' ? r : { length: r.length, from: r.from };
}
export function setsockopt(_k: Kernel, _p: Process, _fd: number, _level: number, _name: number, _value: SockOptValue): number { return -EAFNOSUPPORT; }
export function getsockopt(_k: Kernel, _p: Process, _fd: number, _level: number, _name: number): SockOptValue | number { return -EAFNOSUPPORT; }
export function getsockname(_p: Process, _fd: number): Sockaddr | number { return -EAFNOSUPPORT; }
export function getpeername(_p: Process, _fd: number): Sockaddr | number { return -EAFNOSUPPORT; }
export function shutdown(_p: Process, _fd: number, _how: number): number { return -EAFNOSUPPORT; }
