// Where a lab's devices meet the network: the runtime hands every booting guest's interfaces (ethN, MAC,
// collision domain, from lab.conf) to a NetworkAttacher, which creates the NICs and plugs them into the
// collision domains. core/net provides the real one once it is integrated; until then no attacher is given
// and guests boot with loopback only (startup lines using `ip` fail as on a machine without iproute2).

import type { Guest } from './guest.ts';
import type { LabDevice, LabInterface } from './model.ts';

/** Kathará's per-container sysctls (DockerMachine.create), before the device's own `dev[sysctl]` lines. */
export const KATHARA_DEFAULT_SYSCTLS: Readonly<Record<string, number>> = {
  'net.ipv4.conf.all.rp_filter': 0,
  'net.ipv4.conf.default.rp_filter': 0,
  'net.ipv4.conf.lo.rp_filter': 0,
  'net.ipv4.ip_forward': 1,
  'net.ipv4.icmp_ratelimit': 0,
};

export interface NetworkAttacher {
  /**
   * Called once per device boot, after the guest exists and before its startup scripts run. Creates
   * ethN for each interface, attaches it to its collision domain and applies `sysctls`. Returns the
   * problems met (shown as lab warnings); must not throw.
   */
  attach(guest: Guest, device: LabDevice, interfaces: readonly LabInterface[], sysctls: Readonly<Record<string, number | string>>): string[];
  /** Called when the device halts or crashes: unplug its NICs. */
  detach(guest: Guest, device: LabDevice): void;
}

/** The sysctls a device boots with: Kathará's defaults, then its own lab.conf lines. */
export function deviceSysctls(device: LabDevice): Record<string, number | string> {
  const v6 = device.ipv6 === true;
  return {
    ...KATHARA_DEFAULT_SYSCTLS,
    'net.ipv6.conf.default.disable_ipv6': v6 ? 0 : 1,
    'net.ipv6.conf.all.disable_ipv6': v6 ? 0 : 1,
    'net.ipv6.conf.all.forwarding': v6 ? 1 : 0,
    ...device.sysctls,
  };
}
