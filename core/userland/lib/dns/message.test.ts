import { describe, expect, it } from 'vitest';
import { emitMessage, emptyMessage, nameToLabels, labelsToName, parseMessage, TYPE, type Message } from './message.ts';

/** The query dig sends for www.example.org A (id 0x1234, RD, no EDNS). */
const QUERY = Uint8Array.from([
  0x12, 0x34, 0x01, 0x00, 0, 1, 0, 0, 0, 0, 0, 0,
  3, 0x77, 0x77, 0x77, 7, 0x65, 0x78, 0x61, 0x6d, 0x70, 0x6c, 0x65, 3, 0x6f, 0x72, 0x67, 0, 0, 1, 0, 1,
]);

function reply(): Message {
  const m = emptyMessage(0xbeef);
  m.qr = m.aa = m.rd = true;
  m.questions = [{ name: 'www.example.org.', type: TYPE.A, class: 1 }];
  m.answers = [{ name: 'www.example.org.', type: TYPE.A, class: 1, ttl: 300, data: { t: 'a', addr: 0x0a000050 } }];
  m.authority = [{ name: 'example.org.', type: TYPE.NS, class: 1, ttl: 86400, data: { t: 'name', name: 'ns1.example.org.' } }];
  m.additional = [{ name: 'ns1.example.org.', type: TYPE.A, class: 1, ttl: 86400, data: { t: 'a', addr: 0x0a000003 } }];
  m.edns = { udpSize: 1232, extRcode: 0, version: 0, flags: 0, options: [{ code: 10, data: Uint8Array.of(1, 2, 3, 4, 5, 6, 7, 8) }] };
  return m;
}

describe('DNS messages', () => {
  it('reads the fields of a query from bytes', () => {
    const m = parseMessage(QUERY)!;
    expect(m.id).toBe(0x1234);
    expect(m.rd).toBe(true);
    expect(m.qr).toBe(false);
    expect(m.questions).toEqual([{ name: 'www.example.org.', type: 1, class: 1 }]);
    expect(m.edns).toBeNull();
  });

  it('builds the same bytes from the fields', () => {
    const m = emptyMessage(0x1234);
    m.rd = true;
    m.questions = [{ name: 'www.example.org.', type: TYPE.A, class: 1 }];
    expect(emitMessage(m)).toEqual(QUERY);
  });

  it('compresses names (RFC 1035 4.1.4) and parses them back', () => {
    const bytes = emitMessage(reply());
    // Header 12 + question 21; answer: pointer 2 + 10 + 4; NS: `example.org.` a pointer, `ns1` + pointer;
    // glue: pointer; OPT 11 + cookie 12.
    expect(bytes.length).toBe(12 + 21 + 16 + (2 + 10 + 6) + 16 + 23);
    expect([...bytes.subarray(33, 35)]).toEqual([0xc0, 12]);
    const back = parseMessage(bytes)!;
    const { edns: _e, ...rest } = back;
    const { edns: _e2, ...want } = reply();
    expect(rest).toEqual(want);
    expect(back.edns?.options[0]?.data).toEqual(Uint8Array.of(1, 2, 3, 4, 5, 6, 7, 8));
  });

  it('compares names for compression with their case, as BIND 9.18 does', () => {
    const m = emptyMessage(1);
    m.questions = [{ name: '10.0.0.10.in-addr.arpa.', type: TYPE.PTR, class: 1 }];
    m.authority = [{ name: '10.IN-ADDR.ARPA.', type: TYPE.NS, class: 1, ttl: 1, data: { t: 'name', name: '10.IN-ADDR.ARPA.' } }];
    const back = parseMessage(emitMessage(m))!;
    expect(back.authority[0]!.name).toBe('10.IN-ADDR.ARPA.');
  });

  it('returns null for truncated messages at every length', () => {
    const bytes = emitMessage(reply());
    for (let n = 0; n < bytes.length; n++) expect(parseMessage(bytes.subarray(0, n))).toBeNull();
  });

  it('rejects compression loops, forward pointers and overlong names', () => {
    const loop = Uint8Array.from([0, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0xc0, 12, 0, 1, 0, 1]);
    expect(parseMessage(loop)).toBeNull();
    const forward = Uint8Array.from([0, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0xc0, 14, 0, 0, 1, 0, 1]);
    expect(parseMessage(forward)).toBeNull();
    const long = [0, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0];
    for (let i = 0; i < 5; i++) long.push(63, ...new Array(63).fill(0x61));
    long.push(0, 0, 1, 0, 1);
    expect(parseMessage(Uint8Array.from(long))).toBeNull();
    const badLabel = Uint8Array.from([0, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0x80, 0, 0, 1, 0, 1]);
    expect(parseMessage(badLabel)).toBeNull();
  });

  it('rejects rdata whose length disagrees with its type', () => {
    const m = reply();
    const bytes = emitMessage({ ...m, authority: [], additional: [], edns: null });
    const bad = bytes.slice();
    bad[bad.length - 5] = 5; // the A record's RDLENGTH 4 -> 5
    expect(parseMessage(bad)).toBeNull();
  });

  it('survives random bytes', () => {
    let seed = 7;
    const rnd = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) & 0xff;
    const base = emitMessage(reply());
    for (let i = 0; i < 2000; i++) {
      const b = base.slice();
      for (let k = 0; k < 4; k++) b[12 + (rnd() % (b.length - 12))] = rnd();
      expect(() => parseMessage(b)).not.toThrow();
    }
  });

  it('drops glue, then answers, with TC when the reply does not fit', () => {
    const m = reply();
    m.edns = null;
    const full = emitMessage(m).length;
    expect(parseMessage(emitMessage(m, full - 1))!.additional).toEqual([]);
    const cut = parseMessage(emitMessage(m, 40))!;
    expect(cut.tc).toBe(true);
    expect(cut.answers).toEqual([]);
  });

  it('escapes labels in presentation form', () => {
    expect(nameToLabels('a\\.b.c.')!.length).toBe(2);
    expect(labelsToName(nameToLabels('a\\.b.c.')!)).toBe('a\\.b.c.');
    expect(labelsToName([Uint8Array.of(1, 0x61)])).toBe('\\001a.');
    expect(nameToLabels(`${'a'.repeat(64)}.`)).toBeNull();
    expect(nameToLabels('a..b.')).toBeNull();
  });
});
