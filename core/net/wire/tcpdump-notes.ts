// What formatting a frame finds out besides its text, for the printer that dumps it: tcpdump's decoders
// stop in two ways at bytes that were not captured, either printing their truncation mark themselves or
// jumping straight out of every decoder; after the jump tcpdump no longer knows the link header's length,
// so -x, -X and -A dump the frame from its first byte.

export interface FrameNotes {
  /** A decoder jumped out at bytes not captured (set by the formatters, never cleared by them). */
  cutShort: boolean;
}
