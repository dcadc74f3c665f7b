// ss's socket tables ("dbs") and state sets as iproute2 6.1 uses them: which tables a command line
// selects, the TCP state bits each one can show, and the state names of `state FILTER`.

export const SS_ESTABLISHED = 1, SS_SYN_SENT = 2, SS_SYN_RECV = 3, SS_FIN_WAIT1 = 4, SS_FIN_WAIT2 = 5;
export const SS_TIME_WAIT = 6, SS_CLOSE = 7, SS_CLOSE_WAIT = 8, SS_LAST_ACK = 9, SS_LISTEN = 10, SS_CLOSING = 11;

const bit = (s: number): number => 1 << s;
export const SS_ALL = 0xffe;
export const SS_CONN = SS_ALL & ~(bit(SS_LISTEN) | bit(SS_CLOSE) | bit(SS_TIME_WAIT) | bit(SS_SYN_RECV));
export const SS_LISTENING = bit(SS_LISTEN) | bit(SS_CLOSE);

export type Db = 'tcp' | 'mptcp' | 'udp' | 'raw' | 'u_str' | 'u_dgr' | 'u_seq' | 'p_raw' | 'p_dgr' | 'nl' | 'v_str' | 'v_dgr' | 'tipc' | 'xdp' | 'dccp' | 'sctp';

export const ALL_DBS: Db[] = ['tcp', 'mptcp', 'udp', 'raw', 'u_str', 'u_dgr', 'u_seq', 'p_raw', 'p_dgr', 'nl', 'v_str', 'v_dgr', 'tipc', 'xdp', 'dccp', 'sctp'];

/** The states a table can hold (datagram tables: unconnected, connected, bound). */
export function dbStates(db: Db): number {
  if (db === 'udp' || db === 'raw') return bit(SS_ESTABLISHED) | bit(SS_CLOSE) | bit(SS_LISTEN);
  if (db === 'p_raw' || db === 'p_dgr' || db === 'xdp') return bit(SS_CLOSE);
  return SS_ALL;
}

const NAMED: Record<string, number> = {
  all: SS_ALL,
  connected: SS_ALL & ~(bit(SS_LISTEN) | bit(SS_CLOSE)),
  synchronized: SS_ALL & ~(bit(SS_LISTEN) | bit(SS_CLOSE) | bit(SS_SYN_SENT)),
  bucket: bit(SS_SYN_RECV) | bit(SS_TIME_WAIT),
  big: SS_ALL & ~(bit(SS_SYN_RECV) | bit(SS_TIME_WAIT)),
  established: bit(SS_ESTABLISHED), 'syn-sent': bit(SS_SYN_SENT), 'syn-recv': bit(SS_SYN_RECV),
  'fin-wait-1': bit(SS_FIN_WAIT1), 'fin-wait-2': bit(SS_FIN_WAIT2), 'time-wait': bit(SS_TIME_WAIT),
  closed: bit(SS_CLOSE), 'close-wait': bit(SS_CLOSE_WAIT), 'last-ack': bit(SS_LAST_ACK), listening: bit(SS_LISTEN),
  closing: bit(SS_CLOSING),
};

/** A state name's bits, or null. */
export function stateBits(name: string): number | null {
  return NAMED[name] ?? null;
}

/** How ss names a state in its State column. */
export const STATE_NAMES = ['UNKNOWN', 'ESTAB', 'SYN-SENT', 'SYN-RECV', 'FIN-WAIT-1', 'FIN-WAIT-2', 'TIME-WAIT', 'UNCONN', 'CLOSE-WAIT', 'LAST-ACK', 'LISTEN', 'CLOSING'];

export const popcount = (n: number): number => {
  let c = 0;
  for (let x = n; x; x &= x - 1) c++;
  return c;
};
