// The Sys a program receives: one object per process image. Each call charges its CPU cost, checks that
// the image still owns the process, runs the handler in calls/, then delivers pending signals. An
// exception from kernel code panics the guest; a call from an image that no longer runs never returns.

import { BYTE_COST, SYSCALL_COST } from '../cpu/index.ts';
import {
  CLOCK_BOOTTIME, CLOCK_MONOTONIC, CLOCK_PROCESS_CPUTIME_ID, CLOCK_REALTIME, EINVAL, ENAMETOOLONG,
  ENOTTY, EPERM, type DirEntry, type ForkBody, type Ids, type PollFd, type SignalAction, type Stat,
  type SharedCache, type Sys, type TermiosView, type Times, type Utsname, type WaitResult, type Winsize,
} from './abi.ts';
import { ProcessGone, never } from './errors.ts';
import type { CallEnd } from './call-end.ts';
import type { Kernel } from './kernel.ts';
import type { Process } from './process.ts';
import { sleep } from './process.ts';
import * as fsc from './calls/fs.ts';
import * as io from './calls/io.ts';
import * as pc from './calls/proc.ts';
import * as rtnl from './calls/rtnl.ts';
import * as net from './calls/net.ts';
import { unixDiag } from './calls/unix.ts';
import * as netfilter from './calls/netfilter.ts';
import { transportsOf } from '../net/transport/index.ts';
import type {
  Accepted, RecvFrom, RecvMsg, Sockaddr, SockOptValue,
} from './abi-net.ts';
import type { RtQdisc, RtQdiscSpec } from './abi-tc.ts';
import type { IptTable } from './abi-netfilter.ts';
import type {
  RtAddr, RtAddrSpec, RtCachedRoute, RtLink, RtLinkChange, RtNeigh, RtNeighSpec, RtResult, RtRoute, RtRouteGet, RtRouteSpec,
} from './abi-net.ts';
import type { RtBridgeChange, RtBridgePortChange, RtEvent, RtFdbEntry, RtFdbSpec, RtNewLink, TcpDiag, UnixDiag } from './abi-net.ts';
import { isTtyFile } from './devices.ts';
import type { Tty } from './tty.ts';

export class ProcSys implements Sys, CallEnd {
  private readonly generation: number;

  constructor(
    private readonly k: Kernel,
    private readonly p: Process,
  ) {
    this.generation = p.generation;
  }

  private get gone(): boolean {
    return this.p.generation !== this.generation || !this.p.alive || this.k.halted;
  }

  /** A synchronous call: charge, run, deliver signals. */
  private call<T>(fn: () => T, bytes = 0): T {
    this.enter(bytes);
    let r: T;
    try {
      r = fn();
    } catch (err) {
      this.kernelBug(err);
    }
    return this.leave(r);
  }

  // The calls a shell makes most often on its way to a prompt (and each line it reads) are written out as
  // enter, handler in try, leave: the same steps as call(), without a closure and its context per call
  // (V8 keeps them when it cannot inline the handler).

  /** The start of a synchronous call: a call from an image that no longer runs never returns; charge. */
  private enter(bytes: number): void {
    if (this.gone) throw new ProcessGone();
    const cost = SYSCALL_COST + bytes * BYTE_COST;
    this.p.account.chargeSystem(cost);
    this.p.slice += cost;
  }

  /** The end of a synchronous call: deliver signals; the process may be gone after them. */
  private leave<T>(r: T): T {
    if (this.k.hasDeliverableSignal(this.p)) this.k.deliverSignals(this.p);
    if (this.gone) throw new ProcessGone();
    return r;
  }

  /** A call that may block (`charged`: enterBlocking has charged it). */
  private async blocking<T>(fn: () => Promise<T>, bytes = 0, charged = false): Promise<T> {
    if (this.gone) return never();
    const p = this.p;
    if (!charged) {
      const cost = SYSCALL_COST + bytes * BYTE_COST;
      p.account.chargeSystem(cost);
      p.slice += cost;
    }
    if (p.slice >= pc.SLICE) await this.reschedule();
    let r: T;
    try {
      r = await fn();
    } catch (err) {
      if (err instanceof ProcessGone) return never();
      this.kernelBug(err);
    }
    if (this.k.hasDeliverableSignal(p)) this.k.deliverSignals(p);
    while (p.state === 'stopped') await sleep(this.k.cpu, p, [p.continued]);
    if (this.gone) return never();
    return r;
  }

  // read, write and wait4 are written out without a closure: enterBlocking charges the call and says
  // whether it may start at once (the image still runs and its slice is not spent); if so the handler
  // (an async function: what it throws becomes its promise's rejection) starts at the moment blocking()
  // would start it, and settle() awaits it with blocking()'s steps after the handler, so every await
  // resolves in the same microtask as through blocking(). Otherwise blocking() does the rest (charged once).

  /** Charges a call that may block; true when its handler may start now. */
  private enterBlocking(bytes: number): boolean {
    if (this.gone) return false;
    const p = this.p;
    const cost = SYSCALL_COST + bytes * BYTE_COST;
    p.account.chargeSystem(cost);
    p.slice += cost;
    return p.slice < pc.SLICE;
  }

  /** blocking() from its await of the handler on. */
  private async settle<T>(pending: Promise<T>): Promise<T> {
    let r: T;
    try {
      r = await pending;
    } catch (err) {
      if (err instanceof ProcessGone) return never();
      this.kernelBug(err);
    }
    const p = this.p;
    if (this.k.hasDeliverableSignal(p)) this.k.deliverSignals(p);
    while (p.state === 'stopped') await sleep(this.k.cpu, p, [p.continued]);
    if (this.gone) return never();
    return r;
  }

  /** settle() for a call that ended without waiting: its answer as a resolved promise, unless signals stop or end the process. */
  private done<T>(r: T): Promise<T> {
    const e = this.endWait(r);
    return e instanceof Promise ? e : Promise.resolve(e);
  }

  /** settle()'s steps after a call's answer, in the call's own function (CallEnd: read, pause). Not for programs. */
  endWait<T>(r: T): T | Promise<T> {
    const p = this.p;
    if (this.k.hasDeliverableSignal(p)) this.k.deliverSignals(p);
    if (p.state === 'stopped') return this.settle(Promise.resolve(r));
    if (this.gone) return never();
    return r;
  }

  failWait(err: unknown): Promise<never> {
    return this.failed(err);
  }

  /** A call that threw: a process already gone never returns; anything else is a kernel bug (a rejection, as from settle()). */
  private failed(err: unknown): Promise<never> {
    if (err instanceof ProcessGone) return never();
    try {
      this.kernelBug(err);
    } catch (gone) {
      return Promise.reject(gone);
    }
  }

  private async reschedule(): Promise<void> {
    this.p.slice = 0;
    await this.k.group.turn();
    while (this.p.state === 'stopped') await sleep(this.k.cpu, this.p, [this.p.continued]);
  }

  private kernelBug(err: unknown): never {
    const message = err instanceof Error ? `${err.message}\n${err.stack ?? ''}` : String(err);
    this.k.panic(`BUG in syscall from ${this.p.comm}[${this.p.pid}]: ${message}`);
    throw new ProcessGone();
  }

  // -------------------------------------------------------------------------------------- processes

  getpid(): number {
    this.enter(0);
    return this.leave(this.p.pid);
  }
  getppid(): number {
    this.enter(0);
    return this.leave(this.p.ppid);
  }
  getpgid(pid: number): number {
    return this.call(() => {
      const t = pid === 0 ? this.p : this.k.processes.get(pid);
      return t ? t.pgid : -3;
    });
  }
  setpgid(pid: number, pgid: number): number {
    return this.call(() => pc.setpgid(this.k, this.p, pid, pgid));
  }
  getsid(pid: number): number {
    return this.call(() => {
      const t = pid === 0 ? this.p : this.k.processes.get(pid);
      return t ? t.sid : -3;
    });
  }
  setsid(): number {
    return this.call(() => pc.setsid(this.k, this.p));
  }
  getids(): Ids {
    return this.call(() => ({ uid: this.p.uid, euid: this.p.euid, gid: this.p.gid, egid: this.p.egid,
      groups: this.p.groups.slice() }));
  }
  setuid(uid: number): number {
    return this.call(() => {
      if (this.p.euid !== 0 && uid !== this.p.uid) return -EPERM;
      this.p.uid = this.p.euid = uid;
      return 0;
    });
  }
  setgid(gid: number): number {
    return this.call(() => {
      if (this.p.euid !== 0 && gid !== this.p.gid) return -EPERM;
      this.p.gid = this.p.egid = gid;
      return 0;
    });
  }
  fork(body: ForkBody): number {
    return this.call(() => this.k.fork(this.p, body));
  }
  execve(path: string, argv: readonly string[], envp: readonly string[]): Promise<number> {
    return this.blocking(() => pc.execve(this.k, this.p, path, argv, envp));
  }
  exit(status: number): Promise<never> {
    if (!this.gone) this.k.exit(this.p, (status & 0xff) << 8);
    return never();
  }
  wait4(pid: number, options: number): Promise<WaitResult | number> {
    if (!this.enterBlocking(0)) return this.blocking(() => pc.wait4(this.k, this.p, pid, options), 0, true);
    let r: WaitResult | number;
    try {
      r = pc.waitNow(this.k, this.p, pid, options);
    } catch (err) {
      return this.failed(err);
    }
    if (r !== pc.MUST_WAIT) return this.done(r);
    return this.settle(pc.wait4(this.k, this.p, pid, options, true));
  }
  kill(pid: number, signo: number): number {
    return this.call(() => pc.killCall(this.k, this.p, pid, signo));
  }
  sigaction(signo: number, action: SignalAction | null): SignalAction | number {
    this.enter(0);
    let r: SignalAction | number;
    try {
      r = pc.sigaction(this.p, signo, action);
    } catch (err) {
      this.kernelBug(err);
    }
    return this.leave(r);
  }
  sigprocmask(how: number, set: readonly number[] | null): number[] | number {
    return this.call(() => pc.sigprocmask(this.p, how, set));
  }
  pause(): Promise<number> {
    if (!this.enterBlocking(0)) return this.blocking(() => pc.pause(this.k, this.p), 0, true);
    return pc.pause(this.k, this.p, this);
  }
  nanosleep(ns: number): Promise<number> {
    return this.blocking(() => pc.nanosleep(this.k, this.p, ns));
  }
  yield(work = 0): Promise<void> {
    if (this.gone) return never();
    const p = this.p;
    if (work > 0) {
      p.account.chargeUser(work);
      p.slice += work;
    }
    if (p.slice >= pc.SLICE || this.k.group.throttled || this.k.hasDeliverableSignal(p)) return this.yieldTurn();
    // Nothing to wait for: a resolved promise resumes the caller in the next microtask, as the promise of
    // an async function that returns at once does, without making one per call.
    return this.k.resolved;
  }
  private async yieldTurn(): Promise<void> {
    const p = this.p;
    await this.reschedule();
    if (this.k.hasDeliverableSignal(p)) this.k.deliverSignals(p);
    while (p.state === 'stopped') await sleep(this.k.cpu, p, [p.continued]);
    if (this.gone) return never();
  }
  alarm(seconds: number): number {
    return this.call(() => pc.alarm(this.k, this.p, seconds));
  }
  times(): Times {
    return this.call(() => ({ utime: this.p.account.user, stime: this.p.account.system, cutime: this.p.cutime,
      cstime: this.p.cstime }));
  }
  clockGettime(clock: number): number {
    return this.call(() => {
      switch (clock) {
        case CLOCK_REALTIME: return this.k.cpu.realtime;
        case CLOCK_MONOTONIC:
        case CLOCK_BOOTTIME: return this.k.cpu.now;
        case CLOCK_PROCESS_CPUTIME_ID: return this.p.account.total;
        default: return -EINVAL;
      }
    });
  }
  sharedCache(space: string): SharedCache {
    return this.k.caches.space(space);
  }
  getrandom(buf: Uint8Array): number {
    return this.call(() => (this.k.cpu.rng.fill(buf), buf.length), buf.length);
  }
  uname(): Utsname {
    return this.call(() => ({ sysname: 'Linux', nodename: this.k.hostname, release: this.k.release,
      version: this.k.version, machine: 'x86_64', domainname: this.k.domainname }));
  }
  sethostname(name: string): number {
    return this.call(() => {
      if (this.p.euid !== 0) return -EPERM;
      if (name.length > 64) return -EINVAL;
      this.k.hostname = name;
      return 0;
    });
  }
  umask(mask: number): number {
    return this.call(() => {
      const old = this.p.umask;
      this.p.umask = mask & 0o777;
      return old;
    });
  }
  getcwd(): string {
    this.enter(0);
    return this.leave(this.p.cwd);
  }
  chdir(path: string): number {
    return this.call(() => (path.length > 4095 ? -ENAMETOOLONG : fsc.chdir(this.k, this.p, path)));
  }
  fchdir(fd: number): number {
    return this.call(() => fsc.fchdir(this.k, this.p, fd));
  }

  // ------------------------------------------------------------------------------------------ files

  open(path: string, flags: number, mode = 0o666): number {
    this.enter(0);
    let r: number;
    try {
      r = fsc.open(this.k, this.p, path, flags, mode);
    } catch (err) {
      this.kernelBug(err);
    }
    return this.leave(r);
  }
  close(fd: number): number {
    this.enter(0);
    let r: number;
    try {
      r = io.close(this.p, fd);
    } catch (err) {
      this.kernelBug(err);
    }
    return this.leave(r);
  }
  // read and write try once without waiting (most calls find data or room): only a call that must wait
  // (or a background process that must first signal its group) goes on through the asynchronous path.
  read(fd: number, buf: Uint8Array): Promise<number> {
    if (!this.enterBlocking(buf.length)) return this.blocking(() => io.read(this.k, this.p, fd, buf), 0, true);
    let n: number;
    try {
      n = io.readNow(this.p, fd, buf);
    } catch (err) {
      return this.failed(err);
    }
    if (n === io.MUST_WAIT) return io.readWaiting(this.k, this.p, fd, buf, this);
    if (n === io.MUST_SIGNAL) return io.read(this.k, this.p, fd, buf, false, this);
    return this.done(n);
  }
  write(fd: number, data: Uint8Array): Promise<number> {
    if (!this.enterBlocking(data.length)) return this.blocking(() => io.write(this.k, this.p, fd, data), 0, true);
    let n: number;
    try {
      n = io.writeNow(this.k, this.p, fd, data);
    } catch (err) {
      return this.failed(err);
    }
    if (n !== io.MUST_WAIT) return this.done(n);
    return this.settle(io.write(this.k, this.p, fd, data, io.partial.written));
  }
  pread(fd: number, buf: Uint8Array, pos: number): number {
    this.enter(buf.length);
    let r: number;
    try {
      r = io.pread(this.p, fd, buf, pos);
    } catch (err) {
      this.kernelBug(err);
    }
    return this.leave(r);
  }
  pwrite(fd: number, data: Uint8Array, pos: number): number {
    return this.call(() => io.pwrite(this.p, fd, data, pos), data.length);
  }
  lseek(fd: number, offset: number, whence: number): number {
    return this.call(() => io.lseek(this.p, fd, offset, whence));
  }
  dup(fd: number): number {
    return this.call(() => io.dup(this.p, fd));
  }
  dup2(oldfd: number, newfd: number): number {
    return this.call(() => io.dup3(this.p, oldfd, newfd, 0, true));
  }
  dup3(oldfd: number, newfd: number, flags: number): number {
    return this.call(() => io.dup3(this.p, oldfd, newfd, flags, false));
  }
  fcntl(fd: number, cmd: number, arg?: number): number {
    return this.call(() => io.fcntl(this.p, fd, cmd, arg));
  }
  pipe2(flags = 0): [number, number] | number {
    return this.call(() => io.pipe2(this.k, this.p, flags));
  }
  stat(path: string): Stat | number {
    return this.call(() => fsc.stat(this.k, this.p, path, true));
  }
  lstat(path: string): Stat | number {
    return this.call(() => fsc.stat(this.k, this.p, path, false));
  }
  fstat(fd: number): Stat | number {
    this.enter(0);
    let r: Stat | number;
    try {
      r = fsc.fstat(this.p, fd);
    } catch (err) {
      this.kernelBug(err);
    }
    return this.leave(r);
  }
  access(path: string, mode: number): number {
    return this.call(() => fsc.access(this.k, this.p, path, mode));
  }
  getdents(fd: number): DirEntry[] | number {
    return this.call(() => fsc.getdents(this.p, fd));
  }
  mkdir(path: string, mode = 0o777): number {
    return this.call(() => fsc.mkdir(this.k, this.p, path, mode));
  }
  rmdir(path: string): number {
    return this.call(() => fsc.rmdir(this.k, this.p, path));
  }
  unlink(path: string): number {
    return this.call(() => fsc.unlink(this.k, this.p, path));
  }
  rename(from: string, to: string): number {
    return this.call(() => fsc.rename(this.k, this.p, from, to));
  }
  link(existing: string, path: string): number {
    return this.call(() => fsc.link(this.k, this.p, existing, path));
  }
  symlink(target: string, path: string): number {
    return this.call(() => fsc.symlink(this.k, this.p, target, path));
  }
  readlink(path: string): string | number {
    return this.call(() => fsc.readlink(this.k, this.p, path));
  }
  chmod(path: string, mode: number): number {
    return this.call(() => fsc.chmod(this.k, this.p, path, mode));
  }
  fchmod(fd: number, mode: number): number {
    return this.call(() => fsc.fchmod(this.k, this.p, fd, mode));
  }
  chown(path: string, uid: number, gid: number): number {
    return this.call(() => fsc.chown(this.k, this.p, path, uid, gid, true));
  }
  lchown(path: string, uid: number, gid: number): number {
    return this.call(() => fsc.chown(this.k, this.p, path, uid, gid, false));
  }
  utimens(path: string, atime: number | null, mtime: number | null, follow = true): number {
    return this.call(() => fsc.utimens(this.k, this.p, path, atime, mtime, follow));
  }
  truncate(path: string, size: number): number {
    return this.call(() => fsc.truncate(this.k, this.p, path, size));
  }
  ftruncate(fd: number, size: number): number {
    return this.call(() => fsc.ftruncate(this.p, fd, size));
  }
  mknod(path: string, mode: number, dev: number): number {
    return this.call(() => fsc.mknod(this.k, this.p, path, mode, dev));
  }
  realpath(path: string): string | number {
    return this.call(() => fsc.realpath(this.k, this.p, path));
  }
  poll(fds: PollFd[], timeoutNs: number): Promise<number> {
    return this.blocking(() => io.poll(this.k, this.p, fds, timeoutNs));
  }

  // -------------------------------------------------------------------------------------- terminals

  isatty(fd: number): boolean {
    this.enter(0);
    const f = io.fileOf(this.p, fd);
    return this.leave(!!f && isTtyFile(f));
  }
  tcgetattr(fd: number): TermiosView | number {
    return this.call(() => {
      const tty = io.ttyOf(this.p, fd);
      // The terminal's own settings: frozen and shared, never edited in place (Tty.setTermios).
      return typeof tty === 'number' ? tty : tty.termios;
    });
  }
  tcsetattr(fd: number, when: number, termios: TermiosView): number {
    this.enter(0);
    let r: number;
    try {
      r = io.tcsetattr(this.p, fd, when, termios);
    } catch (err) {
      this.kernelBug(err);
    }
    return this.leave(r);
  }
  tcgetpgrp(fd: number): number {
    return this.call(() => io.tcgetpgrp(this.p, fd));
  }
  tcsetpgrp(fd: number, pgid: number): number {
    return this.call(() => io.tcsetpgrp(this.k, this.p, fd, pgid));
  }
  tcgetwinsize(fd: number): Winsize | number {
    return this.call(() => {
      const tty = io.ttyOf(this.p, fd);
      return typeof tty === 'number' ? tty : { ...tty.winsize };
    });
  }
  tcsetwinsize(fd: number, size: Winsize): number {
    return this.call(() => io.tcsetwinsize(this.p, fd, size));
  }
  tiocsctty(fd: number): number {
    return this.call(() => io.tiocsctty(this.p, fd));
  }
  ttyname(fd: number): string | number {
    return this.call(() => {
      const tty = io.ttyOf(this.p, fd);
      if (typeof tty === 'number') return tty === -9 ? tty : -ENOTTY;
      return `/dev/${(tty as Tty).name}`;
    });
  }

  // ------------------------------------------------------------------------------------- rtnetlink

  rtLinks(): RtLink[] | number {
    return this.call(() => rtnl.links(this.k));
  }
  rtSetLink(ifindex: number, change: RtLinkChange): RtResult {
    return this.call(() => rtnl.setLink(this.k, ifindex, change));
  }
  rtAddrs(ifindex?: number): RtAddr[] | number {
    return this.call(() => rtnl.addrs(this.k, ifindex));
  }
  rtAddAddr(spec: RtAddrSpec, replace?: boolean): RtResult {
    return this.call(() => rtnl.addAddr(this.k, spec, replace));
  }
  rtDelAddr(ifindex: number, address: number, prefixLength?: number): RtResult {
    return this.call(() => rtnl.delAddr(this.k, ifindex, address, prefixLength));
  }
  rtFlushAddrs(ifindex: number): RtResult {
    return this.call(() => rtnl.flushAddrs(this.k, ifindex));
  }
  rtRoutes(table?: number): RtRoute[] | number {
    return this.call(() => rtnl.routes(this.k, table));
  }
  rtGetRoute(dst: number, oif?: number, src?: number): RtRouteGet | number {
    return this.call(() => rtnl.getRoute(this.k, dst, oif, src));
  }
  rtRouteCache(): RtCachedRoute[] | number {
    return this.call(() => rtnl.routeCache(this.k));
  }
  rtAddRoute(spec: RtRouteSpec, mode?: 'add' | 'replace' | 'append'): RtResult {
    return this.call(() => rtnl.addRoute(this.k, spec, mode));
  }
  rtDelRoute(spec: RtRouteSpec): RtResult {
    return this.call(() => rtnl.delRoute(this.k, spec));
  }
  rtNeighs(ifindex?: number): RtNeigh[] | number {
    return this.call(() => rtnl.neighs(this.k, ifindex));
  }
  rtSetNeigh(spec: RtNeighSpec, mode?: 'add' | 'replace' | 'change'): RtResult {
    return this.call(() => rtnl.setNeigh(this.k, spec, mode));
  }
  rtDelNeigh(ifindex: number, address: number): RtResult {
    return this.call(() => rtnl.delNeigh(this.k, ifindex, address));
  }
  rtFlushNeighs(ifindex: number): RtResult {
    return this.call(() => rtnl.flushNeighs(this.k, ifindex));
  }
  rtAddLink(kind: string, spec: RtNewLink): RtResult {
    return this.call(() => rtnl.addLink(this.k, kind, spec));
  }
  rtDelLink(ifindex: number): RtResult {
    return this.call(() => rtnl.delLink(this.k, ifindex));
  }
  rtSetMaster(ifindex: number, master: number): RtResult {
    return this.call(() => rtnl.setMaster(this.k, ifindex, master));
  }
  rtBridgeFdb(bridge?: number): RtFdbEntry[] | number {
    return this.call(() => rtnl.bridgeFdb(this.k, bridge));
  }
  rtSetBridge(ifindex: number, change: RtBridgeChange): RtResult {
    return this.call(() => rtnl.setBridge(this.k, ifindex, change));
  }
  rtSetBridgePort(ifindex: number, change: RtBridgePortChange): RtResult {
    return this.call(() => rtnl.setBridgePort(this.k, ifindex, change));
  }
  rtAddFdb(spec: RtFdbSpec, replace?: boolean): RtResult {
    return this.call(() => rtnl.addFdb(this.k, spec, replace));
  }
  rtDelFdb(port: number, mac: number): RtResult {
    return this.call(() => rtnl.delFdb(this.k, port, mac));
  }
  rtSubscribe(groups: number): number {
    return this.call(() => rtnl.subscribe(this.k, this.p, groups));
  }
  rtReadEvents(fd: number, flags: number): Promise<RtEvent[] | number> {
    return this.blocking(() => rtnl.readEvents(this.k, this.p, fd, flags));
  }
  rtQdiscs(): RtQdisc[] | number {
    return this.call(() => rtnl.qdiscs(this.k));
  }
  rtSetQdisc(ifindex: number, op: 'add' | 'change' | 'replace' | 'del', spec?: RtQdiscSpec, handle?: number): RtResult {
    return this.call(() => rtnl.setQdisc(this.k, ifindex, op, spec, handle));
  }

  iptGet(name: string): IptTable | null | number {
    return this.call(() => netfilter.iptGet(this.k, name));
  }
  iptReplace(table: IptTable): RtResult {
    return this.call(() => netfilter.iptReplace(this.k, table));
  }

  // --------------------------------------------------------------------------------------- sockets

  socket(domain: number, type: number, protocol: number): number {
    return this.call(() => net.socket(this.k, this.p, domain, type, protocol));
  }
  socketpair(domain: number, type: number, protocol: number): [number, number] | number {
    return this.call(() => net.socketpair(this.k, this.p, domain, type, protocol));
  }
  bind(fd: number, addr: Sockaddr): number {
    return this.call(() => net.bind(this.k, this.p, fd, addr));
  }
  connect(fd: number, addr: Sockaddr): Promise<number> {
    return this.blocking(() => net.connect(this.k, this.p, fd, addr));
  }
  listen(fd: number, backlog: number): number {
    return this.call(() => net.listen(this.p, fd, backlog));
  }
  accept(fd: number, flags = 0): Promise<Accepted | number> {
    return this.blocking(() => net.accept(this.k, this.p, fd, flags));
  }
  sendto(fd: number, data: Uint8Array, flags: number, addr: Sockaddr | null = null): Promise<number> {
    return this.blocking(() => net.sendto(this.k, this.p, fd, data, flags, addr), data.length);
  }
  recvfrom(fd: number, buf: Uint8Array, flags: number): Promise<RecvFrom | number> {
    return this.blocking(() => net.recvfrom(this.k, this.p, fd, buf, flags), buf.length);
  }
  recvmsg(fd: number, buf: Uint8Array, flags: number): Promise<RecvMsg | number> {
    return this.blocking(() => net.recvmsg(this.k, this.p, fd, buf, flags), buf.length);
  }
  setsockopt(fd: number, level: number, name: number, value: SockOptValue): number {
    return this.call(() => net.setsockopt(this.k, this.p, fd, level, name, value));
  }
  getsockopt(fd: number, level: number, name: number): SockOptValue | number {
    return this.call(() => net.getsockopt(this.k, this.p, fd, level, name));
  }
  getsockname(fd: number): Sockaddr | number {
    return this.call(() => net.getsockname(this.p, fd));
  }
  tcpDiag(): TcpDiag[] {
    return this.call(() => net.tcpDiag(this.k));
  }
  unixDiag(): UnixDiag[] {
    return this.call(() => unixDiag(this.k));
  }
  getpeername(fd: number): Sockaddr | number {
    return this.call(() => net.getpeername(this.p, fd));
  }
  shutdown(fd: number, how: number): number {
    return this.call(() => net.shutdown(this.p, fd, how));
  }
}

/** Installs ProcSys as the kernel's Sys factory. */
export function attachSys(kernel: Kernel): void {
  kernel.makeSys = (k, p) => new ProcSys(k, p);
  // The transports register with the stack now, so a datagram to a closed port is answered from boot on.
  if (kernel.net) transportsOf(kernel.net);
}
