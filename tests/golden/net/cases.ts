// Every network golden case, by tool.
import type { NetCase } from './common.ts';
import { IP_CASES } from './cases-ip.ts';

export const ALL_CASES: NetCase[] = [...IP_CASES];
