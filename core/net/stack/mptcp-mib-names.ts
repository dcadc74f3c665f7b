// The MPTcpExt counter names of /proc/net/netstat, in the kernel's order (fixtures/proc-net-netstat.txt, read
// on the machine the golden cases were recorded on). Netloom has no MPTCP: they are all zero, but Linux
// writes the section whenever MPTCP is built in, and netstat -s prints its title.
export const MPTCP_EXT_NAMES: readonly string[] = [
  'MPCapableSYNRX', 'MPCapableSYNTX', 'MPCapableSYNACKRX', 'MPCapableACKRX', 'MPCapableFallbackACK',
  'MPCapableFallbackSYNACK', 'MPCapableSYNTXDrop', 'MPCapableSYNTXDisabled', 'MPCapableEndpAttempt',
  'MPFallbackTokenInit', 'MPTCPRetrans', 'MPJoinNoTokenFound', 'MPJoinSynRx', 'MPJoinSynBackupRx', 'MPJoinSynAckRx',
  'MPJoinSynAckBackupRx', 'MPJoinSynAckHMacFailure', 'MPJoinAckRx', 'MPJoinAckHMacFailure', 'MPJoinRejected',
  'MPJoinSynTx', 'MPJoinSynTxCreatSkErr', 'MPJoinSynTxBindErr', 'MPJoinSynTxConnectErr', 'DSSNotMatching',
  'DSSCorruptionFallback', 'DSSCorruptionReset', 'InfiniteMapTx', 'InfiniteMapRx', 'DSSNoMatchTCP', 'DataCsumErr',
  'OFOQueueTail', 'OFOQueue', 'OFOMerge', 'NoDSSInWindow', 'DuplicateData', 'AddAddr', 'AddAddrTx', 'AddAddrTxDrop',
  'EchoAdd', 'EchoAddTx', 'EchoAddTxDrop', 'PortAdd', 'AddAddrDrop', 'MPJoinPortSynRx', 'MPJoinPortSynAckRx',
  'MPJoinPortAckRx', 'MismatchPortSynRx', 'MismatchPortAckRx', 'RmAddr', 'RmAddrDrop', 'RmAddrTx', 'RmAddrTxDrop',
  'RmSubflow', 'MPPrioTx', 'MPPrioRx', 'MPFailTx', 'MPFailRx', 'MPFastcloseTx', 'MPFastcloseRx', 'MPRstTx',
  'MPRstRx', 'SubflowStale', 'SubflowRecover', 'SndWndShared', 'RcvWndShared', 'RcvWndConflictUpdate',
  'RcvWndConflict', 'MPCurrEstab', 'Blackhole', 'MPCapableDataFallback', 'MD5SigFallback', 'DssFallback',
  'SimultConnectFallback', 'FallbackFailed', 'WinProbe',
];
