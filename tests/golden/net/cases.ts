// Every network golden case, by tool.
import type { NetCase } from './common.ts';
import { IP_CASES } from './cases-ip.ts';
import { NETTOOLS_CASES } from './cases-nettools.ts';
import { SYS_CASES } from './cases-sys.ts';
import { PROBE_CASES } from './cases-probe.ts';
import { MTR_CASES } from './cases-mtr.ts';

export const ALL_CASES: NetCase[] = [...IP_CASES, ...NETTOOLS_CASES, ...SYS_CASES, ...PROBE_CASES, ...MTR_CASES];
