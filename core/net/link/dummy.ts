// The dummy device (drivers/net/dummy.c): always has carrier, counts what it is given and drops it.

import type { NetInterface } from '../stack/interface.ts';
import type { LinkDriver } from '../stack/registration.ts';

export class DummyDevice implements LinkDriver {
  /** dummy_xmit: counted as sent (by the link layer), then freed. */
  transmit(_dev: NetInterface, _frame: Uint8Array): void {}
}
