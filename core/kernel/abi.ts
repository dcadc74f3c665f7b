// THE seam between userland and the kernel. Programs receive a Sys and reach the kernel through it only.
// Numbers follow Linux on x86_64: errnos, open flags, signals, wait statuses, termios bits, ioctls.
// Every call returns a negative errno on failure and never throws. Calls that may block return promises.

import type { Stat, DirEntry } from '../fs/types.ts';
import type { SysNet } from './abi-net.ts';
import type { SysTc } from './abi-tc.ts';
import type { SysNetfilter } from './abi-netfilter.ts';

export * from './abi-net.ts';
export * from './abi-tc.ts';
export * from './abi-netfilter.ts';

export type { Stat, DirEntry } from '../fs/types.ts';
export { DT_UNKNOWN, DT_FIFO, DT_CHR, DT_DIR, DT_REG, DT_LNK, DT_SOCK } from '../fs/types.ts';

// ---------------------------------------------------------------------------------------------- errno

export const EPERM = 1, ENOENT = 2, ESRCH = 3, EINTR = 4, EIO = 5, ENXIO = 6, E2BIG = 7, ENOEXEC = 8;
export const EBADF = 9, ECHILD = 10, EAGAIN = 11, ENOMEM = 12, EACCES = 13, EFAULT = 14, ENOTBLK = 15;
export const EBUSY = 16, EEXIST = 17, EXDEV = 18, ENODEV = 19, ENOTDIR = 20, EISDIR = 21, EINVAL = 22;
export const ENFILE = 23, EMFILE = 24, ENOTTY = 25, ETXTBSY = 26, EFBIG = 27, ENOSPC = 28, ESPIPE = 29;
export const EROFS = 30, EMLINK = 31, EPIPE = 32, EDOM = 33, ERANGE = 34, EDEADLK = 35;
export const ENAMETOOLONG = 36, ENOLCK = 37, ENOSYS = 38, ENOTEMPTY = 39, ELOOP = 40, ENOMSG = 42;
export const ENODATA = 61, EPROTO = 71, EOVERFLOW = 75, EILSEQ = 84, ENOTSOCK = 88, EDESTADDRREQ = 89;
export const EMSGSIZE = 90, EPROTOTYPE = 91, ENOPROTOOPT = 92, EPROTONOSUPPORT = 93;
export const ESOCKTNOSUPPORT = 94, EOPNOTSUPP = 95, EPFNOSUPPORT = 96, EAFNOSUPPORT = 97;
export const EADDRINUSE = 98, EADDRNOTAVAIL = 99, ENETDOWN = 100, ENETUNREACH = 101, ENETRESET = 102;
export const ECONNABORTED = 103, ECONNRESET = 104, ENOBUFS = 105, EISCONN = 106, ENOTCONN = 107;
export const ESHUTDOWN = 108, ETIMEDOUT = 110, ECONNREFUSED = 111, EHOSTDOWN = 112, EHOSTUNREACH = 113;
export const EALREADY = 114, EINPROGRESS = 115;
export const EWOULDBLOCK = EAGAIN;

// ------------------------------------------------------------------------------------------ open flags

export const O_RDONLY = 0, O_WRONLY = 1, O_RDWR = 2, O_ACCMODE = 3;
export const O_CREAT = 0o100, O_EXCL = 0o200, O_NOCTTY = 0o400, O_TRUNC = 0o1000, O_APPEND = 0o2000;
export const O_NONBLOCK = 0o4000, O_DIRECTORY = 0o200000, O_NOFOLLOW = 0o400000, O_CLOEXEC = 0o2000000;

export const SEEK_SET = 0, SEEK_CUR = 1, SEEK_END = 2;

export const F_DUPFD = 0, F_GETFD = 1, F_SETFD = 2, F_GETFL = 3, F_SETFL = 4, F_DUPFD_CLOEXEC = 1030;
export const FD_CLOEXEC = 1;

export const F_OK = 0, X_OK = 1, W_OK = 2, R_OK = 4;

// ------------------------------------------------------------------------------------------ file modes

export const S_IFMT = 0o170000, S_IFSOCK = 0o140000, S_IFLNK = 0o120000, S_IFREG = 0o100000;
export const S_IFBLK = 0o060000, S_IFDIR = 0o040000, S_IFCHR = 0o020000, S_IFIFO = 0o010000;
export const S_ISUID = 0o4000, S_ISGID = 0o2000, S_ISVTX = 0o1000;

export const isDir = (mode: number): boolean => (mode & S_IFMT) === S_IFDIR;
export const isReg = (mode: number): boolean => (mode & S_IFMT) === S_IFREG;
export const isLnk = (mode: number): boolean => (mode & S_IFMT) === S_IFLNK;
export const isChr = (mode: number): boolean => (mode & S_IFMT) === S_IFCHR;
export const isFifo = (mode: number): boolean => (mode & S_IFMT) === S_IFIFO;

export const makedev = (major: number, minor: number): number => (major << 8) | minor;
export const major = (dev: number): number => (dev >> 8) & 0xfff;
export const minor = (dev: number): number => dev & 0xff;

// --------------------------------------------------------------------------------------------- signals

export const SIGHUP = 1, SIGINT = 2, SIGQUIT = 3, SIGILL = 4, SIGTRAP = 5, SIGABRT = 6, SIGBUS = 7;
export const SIGFPE = 8, SIGKILL = 9, SIGUSR1 = 10, SIGSEGV = 11, SIGUSR2 = 12, SIGPIPE = 13;
export const SIGALRM = 14, SIGTERM = 15, SIGSTKFLT = 16, SIGCHLD = 17, SIGCONT = 18, SIGSTOP = 19;
export const SIGTSTP = 20, SIGTTIN = 21, SIGTTOU = 22, SIGURG = 23, SIGXCPU = 24, SIGXFSZ = 25;
export const SIGVTALRM = 26, SIGPROF = 27, SIGWINCH = 28, SIGIO = 29, SIGPWR = 30, SIGSYS = 31;
export const NSIG = 32;

/** Signal names without the SIG prefix, indexed by number (as `kill -l` lists them). */
export const SIGNAL_NAMES: readonly string[] = [
  '', 'HUP', 'INT', 'QUIT', 'ILL', 'TRAP', 'ABRT', 'BUS', 'FPE', 'KILL', 'USR1', 'SEGV', 'USR2', 'PIPE',
  'ALRM', 'TERM', 'STKFLT', 'CHLD', 'CONT', 'STOP', 'TSTP', 'TTIN', 'TTOU', 'URG', 'XCPU', 'XFSZ',
  'VTALRM', 'PROF', 'WINCH', 'IO', 'PWR', 'SYS',
];

/** A handler runs in the receiving process when the signal is delivered; it must not block. */
export type SignalHandler = (signo: number) => void;
export type SignalDisposition = 'default' | 'ignore' | SignalHandler;

export interface SignalAction {
  handler: SignalDisposition;
  /** Restart an interrupted blocking call instead of failing it with -EINTR (SA_RESTART). */
  restart?: boolean;
}

export const SIG_BLOCK = 0, SIG_UNBLOCK = 1, SIG_SETMASK = 2;

// -------------------------------------------------------------------------------------- wait statuses

export const WNOHANG = 1, WUNTRACED = 2, WCONTINUED = 8;

export const W_EXITCODE = (code: number, sig: number): number => ((code & 0xff) << 8) | sig;
export const W_STOPCODE = (sig: number): number => (sig << 8) | 0x7f;
export const W_CONTINUED = 0xffff;
export const WIFEXITED = (s: number): boolean => (s & 0x7f) === 0;
export const WEXITSTATUS = (s: number): number => (s >> 8) & 0xff;
export const WIFSIGNALED = (s: number): boolean => ((s & 0x7f) + 1) >> 1 > 0 && (s & 0x7f) !== 0x7f;
export const WTERMSIG = (s: number): number => s & 0x7f;
export const WCOREDUMP = (s: number): boolean => (s & 0x80) !== 0;
export const WIFSTOPPED = (s: number): boolean => (s & 0xff) === 0x7f;
export const WSTOPSIG = (s: number): number => (s >> 8) & 0xff;
export const WIFCONTINUED = (s: number): boolean => s === W_CONTINUED;

export interface WaitResult {
  pid: number;
  status: number;
}

// --------------------------------------------------------------------------------------------- termios

export const VINTR = 0, VQUIT = 1, VERASE = 2, VKILL = 3, VEOF = 4, VTIME = 5, VMIN = 6, VSWTC = 7;
export const VSTART = 8, VSTOP = 9, VSUSP = 10, VEOL = 11, VREPRINT = 12, VDISCARD = 13, VWERASE = 14;
export const VLNEXT = 15, VEOL2 = 16, NCCS = 32;

// c_iflag
export const IGNBRK = 0o1, BRKINT = 0o2, IGNPAR = 0o4, PARMRK = 0o10, INPCK = 0o20, ISTRIP = 0o40;
export const INLCR = 0o100, IGNCR = 0o200, ICRNL = 0o400, IUCLC = 0o1000;
export const IXON = 0o2000, IXANY = 0o4000, IXOFF = 0o10000, IMAXBEL = 0o20000, IUTF8 = 0o40000;
// c_oflag (the delay fields NLDLY ... FFDLY hold a choice among values: NL0/NL1, CR0..CR3, ...)
export const OPOST = 0o1, OLCUC = 0o2, ONLCR = 0o4, OCRNL = 0o10, ONOCR = 0o20, ONLRET = 0o40;
export const OFILL = 0o100, OFDEL = 0o200, NLDLY = 0o400, CRDLY = 0o3000, TABDLY = 0o14000;
export const BSDLY = 0o20000, VTDLY = 0o40000, FFDLY = 0o100000;
// c_cflag (CBAUD holds the speed: B0 ... B38400, then with CBAUDEX B57600 ... B4000000)
export const CBAUD = 0o10017, CSIZE = 0o60, CS5 = 0o0, CS6 = 0o20, CS7 = 0o40, CS8 = 0o60;
export const CSTOPB = 0o100, CREAD = 0o200, PARENB = 0o400, PARODD = 0o1000, HUPCL = 0o2000;
export const CLOCAL = 0o4000, CMSPAR = 0o10000000000, CRTSCTS = 0o20000000000, B38400 = 0o17;
// c_lflag
export const ISIG = 0o1, ICANON = 0o2, XCASE = 0o4, ECHO = 0o10, ECHOE = 0o20, ECHOK = 0o40;
export const ECHONL = 0o100, NOFLSH = 0o200, TOSTOP = 0o400, ECHOCTL = 0o1000, ECHOPRT = 0o2000;
export const ECHOKE = 0o4000, FLUSHO = 0o10000, IEXTEN = 0o100000, EXTPROC = 0o200000;

export interface Termios {
  iflag: number;
  oflag: number;
  cflag: number;
  lflag: number;
  cc: number[];
}

/** Terminal settings as a terminal keeps them (tcgetattr): shared and frozen, so change a copy. */
export interface TermiosView {
  readonly iflag: number;
  readonly oflag: number;
  readonly cflag: number;
  readonly lflag: number;
  readonly cc: readonly number[];
}

export const TCSANOW = 0, TCSADRAIN = 1, TCSAFLUSH = 2;

export interface Winsize {
  rows: number;
  cols: number;
}

// --------------------------------------------------------------------------------------------- ioctls

export const TCGETS = 0x5401, TCSETS = 0x5402, TCSETSW = 0x5403, TCSETSF = 0x5404;
export const TIOCSCTTY = 0x540e, TIOCGPGRP = 0x540f, TIOCSPGRP = 0x5410, TIOCGWINSZ = 0x5413;
export const TIOCSWINSZ = 0x5414, FIONREAD = 0x541b, TIOCNOTTY = 0x5422, FIONBIO = 0x5421;

// ------------------------------------------------------------------------------------------------ poll

export const POLLIN = 0x1, POLLPRI = 0x2, POLLOUT = 0x4, POLLERR = 0x8, POLLHUP = 0x10, POLLNVAL = 0x20;
export const POLLRDHUP = 0x2000;

export interface PollFd {
  fd: number;
  events: number;
  /** Filled in by poll(). */
  revents: number;
}

// ---------------------------------------------------------------------------------------------- clocks

export const CLOCK_REALTIME = 0, CLOCK_MONOTONIC = 1, CLOCK_PROCESS_CPUTIME_ID = 2, CLOCK_BOOTTIME = 7;

export interface Times {
  /** User and system CPU time of this process and of its waited-for children, in nanoseconds. */
  utime: number;
  stime: number;
  cutime: number;
  cstime: number;
}

export interface Utsname {
  sysname: string;
  nodename: string;
  release: string;
  version: string;
  machine: string;
  domainname: string;
}

export interface Ids {
  uid: number;
  euid: number;
  gid: number;
  egid: number;
  groups: number[];
}

// ------------------------------------------------------------------------------------------- programs

/**
 * A userland program. It returns its exit status (0-255); returning is the same as calling exit().
 * `envp` holds "NAME=value" strings in order, as execve passes them.
 */
export type Program = (sys: Sys, argv: readonly string[], envp: readonly string[]) => Promise<number>;

/** The body of a forked child: it runs in the new process with that process's Sys. */
export type ForkBody = (sys: Sys) => Promise<number>;

/**
 * A store of values derived from immutable input only (a script's parse keyed by its text), shared by
 * every guest of the image: put there only what any guest would compute the same from the same key.
 * Entries may be forgotten at any time.
 */
export interface SharedCache {
  get(key: string): unknown;
  set(key: string, value: unknown): void;
}

// ------------------------------------------------------------------------------------------ the calls

export interface Sys extends SysNet, SysTc, SysNetfilter {
  // Processes
  getpid(): number;
  getppid(): number;
  getpgid(pid: number): number;
  setpgid(pid: number, pgid: number): number;
  getsid(pid: number): number;
  setsid(): number;
  getids(): Ids;
  setuid(uid: number): number;
  setgid(gid: number): number;
  /** Creates a child process running `body` with a copy of this process's fds, cwd, umask and signals. */
  fork(body: ForkBody): number;
  /** Replaces this process's program. Resolves only on failure, with -errno. */
  execve(path: string, argv: readonly string[], envp: readonly string[]): Promise<number>;
  /** Ends this process; never resolves. */
  exit(status: number): Promise<never>;
  wait4(pid: number, options: number): Promise<WaitResult | number>;
  kill(pid: number, signo: number): number;
  sigaction(signo: number, action: SignalAction | null): SignalAction | number;
  sigprocmask(how: number, set: readonly number[] | null): number[] | number;
  /** Waits for a signal to be handled (pause(2)); resolves with -EINTR. */
  pause(): Promise<number>;
  /** Sleeps for `ns` of virtual time; resolves 0, or -EINTR when a handled signal arrives. */
  nanosleep(ns: number): Promise<number>;
  /** Lets other processes run; `work` is CPU time (ns) this process spent computing since its last call. */
  yield(work?: number): Promise<void>;
  alarm(seconds: number): number;
  times(): Times;
  clockGettime(clock: number): number;
  getrandom(buf: Uint8Array): number;
  /** The image's shared cache `space` (see SharedCache); not a system call, costs nothing. */
  sharedCache(space: string): SharedCache;
  uname(): Utsname;
  sethostname(name: string): number;
  umask(mask: number): number;
  getcwd(): string;
  chdir(path: string): number;
  fchdir(fd: number): number;

  // Files
  open(path: string, flags: number, mode?: number): number;
  close(fd: number): number;
  read(fd: number, buf: Uint8Array): Promise<number>;
  write(fd: number, data: Uint8Array): Promise<number>;
  pread(fd: number, buf: Uint8Array, pos: number): number;
  pwrite(fd: number, data: Uint8Array, pos: number): number;
  lseek(fd: number, offset: number, whence: number): number;
  dup(fd: number): number;
  dup2(oldfd: number, newfd: number): number;
  dup3(oldfd: number, newfd: number, flags: number): number;
  fcntl(fd: number, cmd: number, arg?: number): number;
  pipe2(flags?: number): [number, number] | number;
  stat(path: string): Stat | number;
  lstat(path: string): Stat | number;
  fstat(fd: number): Stat | number;
  access(path: string, mode: number): number;
  getdents(fd: number): DirEntry[] | number;
  mkdir(path: string, mode?: number): number;
  rmdir(path: string): number;
  unlink(path: string): number;
  rename(from: string, to: string): number;
  link(existing: string, path: string): number;
  symlink(target: string, path: string): number;
  readlink(path: string): string | number;
  chmod(path: string, mode: number): number;
  fchmod(fd: number, mode: number): number;
  chown(path: string, uid: number, gid: number): number;
  lchown(path: string, uid: number, gid: number): number;
  /** Sets access and modification times (ns since the epoch); null means now. */
  utimens(path: string, atime: number | null, mtime: number | null, follow?: boolean): number;
  truncate(path: string, size: number): number;
  ftruncate(fd: number, size: number): number;
  mknod(path: string, mode: number, dev: number): number;
  realpath(path: string): string | number;
  poll(fds: PollFd[], timeoutNs: number): Promise<number>;

  // Terminals
  isatty(fd: number): boolean;
  tcgetattr(fd: number): TermiosView | number;
  tcsetattr(fd: number, when: number, termios: TermiosView): number;
  tcgetpgrp(fd: number): number;
  tcsetpgrp(fd: number, pgid: number): number;
  tcgetwinsize(fd: number): Winsize | number;
  tcsetwinsize(fd: number, size: Winsize): number;
  /** Makes the terminal on fd the controlling terminal of this session leader (TIOCSCTTY). */
  tiocsctty(fd: number): number;
  ttyname(fd: number): string | number;
}

// ------------------------------------------------------------------------------------------- text

/** UTF-8 conversions (core has no TextEncoder): programs use these for every string they write. */
export { utf8Encode, utf8Decode, latin1Chunks } from '../fs/utf8.ts';
