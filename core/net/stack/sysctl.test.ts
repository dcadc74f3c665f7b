import { describe, expect, it } from 'vitest';
import { DEVCONF_DEFAULTS, effectiveConf, effectiveRpFilter, newDevConf } from './sysctl.ts';

describe('per-device sysctls combined with conf/all', () => {
  it('rp_filter takes the larger of all and the device (IN_DEV_MAXCONF), written out as effectiveConf says', () => {
    const all = newDevConf(DEVCONF_DEFAULTS);
    const dev = newDevConf(DEVCONF_DEFAULTS);
    const seen: number[] = [];
    for (let a = 0; a <= 2; a++) {
      for (let d = 0; d <= 2; d++) {
        all.rp_filter = a;
        dev.rp_filter = d;
        expect(effectiveRpFilter(all, dev)).toBe(effectiveConf(all, dev, 'rp_filter'));
        seen.push(effectiveRpFilter(all, dev));
      }
    }
    expect(seen).toEqual([0, 1, 2, 1, 1, 2, 2, 2, 2]);
  });
  it('send_redirects is on when either is (IN_DEV_ORCONF); forwarding is the device alone', () => {
    const all = newDevConf(DEVCONF_DEFAULTS);
    const dev = newDevConf(DEVCONF_DEFAULTS);
    all.send_redirects = 0;
    expect(effectiveConf(all, dev, 'send_redirects')).toBe(1);
    dev.send_redirects = 0;
    expect(effectiveConf(all, dev, 'send_redirects')).toBe(0);
    all.forwarding = 1;
    expect(effectiveConf(all, dev, 'forwarding')).toBe(0);
  });
});
