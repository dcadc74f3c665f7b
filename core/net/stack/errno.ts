// The Linux errno values the network stack and its configuration interface return (negated), with the
// strerror() text iproute2 prints after "RTNETLINK answers: ". Kept here so net/ never imports kernel/.

export const EPERM = 1;
export const ENOENT = 2;
export const ESRCH = 3;
export const ENXIO = 6;
export const ENOBUFS = 105;
export const ENODEV = 19;
export const EINVAL = 22;
export const EEXIST = 17;
export const EMSGSIZE = 90;
export const EOPNOTSUPP = 95;
export const EADDRINUSE = 98;
export const EADDRNOTAVAIL = 99;
export const ENETDOWN = 100;
export const ENETUNREACH = 101;
export const EHOSTUNREACH = 113;
export const EACCES = 13;
export const EBUSY = 16;
export const ELOOP = 40;
export const ERANGE = 34;

/** strerror(3) wording (glibc) for the errnos above. */
export const STRERROR: Readonly<Record<number, string>> = {
  [EPERM]: 'Operation not permitted',
  [ENOENT]: 'No such file or directory',
  [ESRCH]: 'No such process',
  [ENXIO]: 'No such device or address',
  [ENODEV]: 'No such device',
  [EINVAL]: 'Invalid argument',
  [EEXIST]: 'File exists',
  [EACCES]: 'Permission denied',
  [EMSGSIZE]: 'Message too long',
  [EOPNOTSUPP]: 'Operation not supported',
  [EADDRINUSE]: 'Address already in use',
  [EADDRNOTAVAIL]: 'Cannot assign requested address',
  [ENETDOWN]: 'Network is down',
  [ENETUNREACH]: 'Network is unreachable',
  [EHOSTUNREACH]: 'No route to host',
  [ENOBUFS]: 'No buffer space available',
  [EBUSY]: 'Device or resource busy',
  [ELOOP]: 'Too many levels of symbolic links',
  [ERANGE]: 'Numerical result out of range',
};
