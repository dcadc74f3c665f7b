import { describe, expect, it } from 'vitest';
import { DEVCONF_DEFAULTS, effectiveConf, effectiveRpFilter, withValue } from './sysctl.ts';

describe('per-device sysctls combined with conf/all', () => {
  it('rp_filter takes the larger of all and the device (IN_DEV_MAXCONF), written out as effectiveConf says', () => {
    const seen: number[] = [];
    for (let a = 0; a <= 2; a++) {
      for (let d = 0; d <= 2; d++) {
        const all = withValue(DEVCONF_DEFAULTS, 'rp_filter', a);
        const dev = withValue(DEVCONF_DEFAULTS, 'rp_filter', d);
        expect(effectiveRpFilter(all, dev)).toBe(effectiveConf(all, dev, 'rp_filter'));
        seen.push(effectiveRpFilter(all, dev));
      }
    }
    expect(seen).toEqual([0, 1, 2, 1, 1, 2, 2, 2, 2]);
  });
  it('send_redirects is on when either is (IN_DEV_ORCONF); forwarding is the device alone', () => {
    let all = withValue(DEVCONF_DEFAULTS, 'send_redirects', 0);
    let dev = DEVCONF_DEFAULTS;
    expect(effectiveConf(all, dev, 'send_redirects')).toBe(1);
    dev = withValue(dev, 'send_redirects', 0);
    expect(effectiveConf(all, dev, 'send_redirects')).toBe(0);
    all = withValue(all, 'forwarding', 1);
    expect(effectiveConf(all, dev, 'forwarding')).toBe(0);
  });
  it('tables are values: a write makes a changed copy and leaves the shared defaults alone', () => {
    const changed = withValue(DEVCONF_DEFAULTS, 'rp_filter', 2);
    expect(changed).not.toBe(DEVCONF_DEFAULTS);
    expect(changed.rp_filter).toBe(2);
    expect(DEVCONF_DEFAULTS.rp_filter).toBe(0);
    expect(withValue(changed, 'rp_filter', 2)).toBe(changed);
    expect(Object.isFrozen(DEVCONF_DEFAULTS)).toBe(true);
  });
});
