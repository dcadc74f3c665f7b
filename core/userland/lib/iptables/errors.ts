// How iptables fails: a parameter problem ("iptables v1.8.9 (nf_tables): MSG" and the help hint, status
// 2), a kernel refusal in libiptc's words ("iptables: MSG.", status 1), or another message with the
// banner and a status of its own (a missing table: 3; a failed nf_tables batch: 4).

export class IptError {
  /** What the command printed before it failed (-v's notes). */
  before = '';

  constructor(
    readonly message: string,
    readonly kind: 'param' | 'plain' | 'banner',
    readonly status: number,
  ) {}
}

/** xtables_error(PARAMETER_PROBLEM, ...): exit status 2 with the "Try ..." line. */
export const paramError = (message: string): IptError => new IptError(message, 'param', 2);

/** "iptables: MESSAGE" (libiptc's strerror texts), status 1. */
export const plainError = (message: string): IptError => new IptError(message, 'plain', 1);

/** "iptables v1.8.9 (nf_tables): MESSAGE" without the hint. */
export const bannerError = (message: string, status: number): IptError => new IptError(message, 'banner', status);

export const NO_CHAIN = 'No chain/target/match by that name.';
export const BAD_RULE = 'Bad rule (does a matching rule exist in that chain?).';
