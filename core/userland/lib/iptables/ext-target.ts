// The target extensions (-j REJECT, -j LOG, and the nat table's SNAT, DNAT, MASQUERADE, REDIRECT): their
// options and parsing, as libipt_REJECT, libxt_LOG and libxt_NAT / libxt_MASQUERADE / libxt_REDIRECT.
import type { IptNatRange, IptRejectWith, IptTarget } from '../../../kernel/abi.ts';
import { paramError } from './errors.ts';
import { NAT_TARGETS } from './ext-nat.ts';

export interface TargetDef {
  opts: Array<[string, 0 | 1]>;
  init(): IptTarget;
  /** `proto` is the rule's -p so far (0 for none), `names` resolves services. */
  parse(opt: string, arg: string, t: IptTarget, ctx: TargetCtx): void;
  /** Checks once the rule is read; `seen` holds the options given. */
  final?(t: IptTarget, seen: Set<string>): void;
}

export interface TargetCtx {
  proto: number;
  protoInvert: boolean;
  port(text: string): number | null;
}

export type { IptNatRange };

/** --reject-with names: the full name first (what listings print), then libipt_REJECT's short alias. */
const REJECT_TYPES: Array<[IptRejectWith, string]> = [
  ['icmp-net-unreachable', 'net-unreach'],
  ['icmp-host-unreachable', 'host-unreach'],
  ['icmp-proto-unreachable', 'proto-unreach'],
  ['icmp-port-unreachable', 'port-unreach'],
  ['icmp-net-prohibited', 'net-prohib'],
  ['icmp-host-prohibited', 'host-prohib'],
  ['tcp-reset', 'tcp-rst'],
  ['icmp-admin-prohibited', 'admin-prohib'],
];

/** syslog levels as libxt_LOG prints them (-L without -n) ... */
export const LOG_LEVELS = ['emerg', 'alert', 'crit', 'err', 'warn', 'notice', 'info', 'debug'];
/** ... and the names it also reads. */
const LOG_LEVEL_ALIASES: Record<string, number> = { panic: 0, error: 3, warning: 4 };

/** --log-* flag options, their bits (XT_LOG_*) and the words listings print. */
export const LOG_FLAGS: Array<[string, number, string]> = [
  ['log-tcp-sequence', 1, 'tcp-sequence'],
  ['log-tcp-options', 2, 'tcp-options'],
  ['log-ip-options', 4, 'ip-options'],
  ['log-uid', 8, 'uid'],
];

export const TARGETS: Record<string, TargetDef> = {
  ...NAT_TARGETS,
  REJECT: {
    opts: [['reject-with', 1]],
    init: () => ({ kind: 'REJECT', with: 'icmp-port-unreachable' }),
    parse(_opt, arg, t) {
      const hit = REJECT_TYPES.find(([full, short]) => full === arg || short === arg);
      if (!hit) throw paramError(`unknown reject type "${arg}"`);
      (t as Extract<IptTarget, { kind: 'REJECT' }>).with = hit[0];
    },
  },
  LOG: {
    opts: [['log-level', 1], ['log-prefix', 1], ...LOG_FLAGS.map(([n]): [string, 0] => [n, 0])],
    init: () => ({ kind: 'LOG', prefix: '', level: 4, tcpSequence: false, tcpOptions: false, ipOptions: false, uid: false }),
    parse(opt, arg, t) {
      const log = t as Extract<IptTarget, { kind: 'LOG' }>;
      switch (opt) {
        case 'log-level': {
          const n = /^\d+$/.test(arg) ? Number(arg) : LOG_LEVELS.indexOf(arg) >= 0 ? LOG_LEVELS.indexOf(arg) : LOG_LEVEL_ALIASES[arg];
          if (n === undefined || n > 7) throw paramError(`log level "${arg}" unknown\n`);
          log.level = n;
          return;
        }
        case 'log-prefix':
          if (arg.length === 0) throw paramError('Argument must have a minimum length of 1 characters\n');
          // The kernel keeps 29 characters; iptables cuts the rest.
          log.prefix = arg.slice(0, 29);
          return;
        case 'log-tcp-sequence': log.tcpSequence = true; return;
        case 'log-tcp-options': log.tcpOptions = true; return;
        case 'log-ip-options': log.ipOptions = true; return;
        case 'log-uid': log.uid = true; return;
      }
    },
  },
};

/** The XT_LOG_* bits of a LOG target. */
export function logFlags(t: Extract<IptTarget, { kind: 'LOG' }>): number {
  return (t.tcpSequence ? 1 : 0) | (t.tcpOptions ? 2 : 0) | (t.ipOptions ? 4 : 0) | (t.uid ? 8 : 0);
}

/**
 * Targets of other tables or of modules the guest kernel lacks: iptables loads them, and the kernel
 * refuses the rule (EINVAL) in the filter table.
 */
export const FOREIGN_TARGETS = new Set(['NETMAP', 'MARK', 'CONNMARK', 'TCPMSS', 'NOTRACK', 'CT',
  'TOS', 'TTL', 'DSCP', 'ECN', 'NFLOG', 'NFQUEUE', 'QUEUE', 'CLASSIFY', 'TEE', 'TRACE', 'AUDIT', 'CHECKSUM', 'SET', 'TPROXY']);
