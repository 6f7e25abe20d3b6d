import { describe, expect, it } from 'vitest';
import { LineProvenance } from '../../src/ledger/line-provenance.ts';

const caseFile = 'content/cases/2026/0001.md';
const otherCase = 'content/cases/2026/0002.md';

describe('LineProvenance', () => {
  it('gives back each record file as set, whichever was asked for last', () => {
    const lines = new LineProvenance();
    lines.set(caseFile, new Map([['date: 2026-03-02', '2026-03-03T09:00:00+08:00']]));
    lines.set(otherCase, new Map([['date: 2026-04-01', '2026-04-02T09:00:00+08:00']]));
    expect(lines.get(otherCase)).toEqual(new Map([['date: 2026-04-01', '2026-04-02T09:00:00+08:00']]));
    expect(lines.get(caseFile)).toEqual(new Map([['date: 2026-03-02', '2026-03-03T09:00:00+08:00']]));
    lines.set(caseFile, new Map([['to: 民政局', '2026-03-05T09:00:00+08:00']]));
    expect(lines.get(otherCase)).toEqual(new Map([['date: 2026-04-01', '2026-04-02T09:00:00+08:00']]));
    expect(lines.get(caseFile)).toEqual(new Map([['to: 民政局', '2026-03-05T09:00:00+08:00']]));
    expect(lines.get('content/cases/2026/0003.md')).toBeUndefined();
    expect([...lines.records()].sort()).toEqual(['cases/2026-0001', 'cases/2026-0002']);
  });

  it('keeps a record as the bytes a snapshot part holds: read back from them, it is the same record', () => {
    const lines = new LineProvenance();
    lines.set(caseFile, new Map([['a: 1', '2026-03-03T09:00:00+08:00'], ['b: 2', '2026-03-03T09:00:00+08:00'], ['c: 3', '2026-03-04T09:00:00+08:00']]));
    const bytes = lines.bytesOf('cases/2026-0001');
    expect(JSON.parse(bytes.toString('utf8'))).toEqual([[caseFile, [['2026-03-03T09:00:00+08:00', ['a: 1', 'b: 2']], ['2026-03-04T09:00:00+08:00', ['c: 3']]]]]);

    const read = new LineProvenance();
    read.stored('cases/2026-0001', Buffer.from(bytes));
    expect(read.get(caseFile)).toEqual(lines.get(caseFile));
    expect(read.bytesOf('cases/2026-0001')).toEqual(bytes);
    expect(read.bytesOf('cases/2026-0002').toString('utf8')).toBe('[]');
  });

  it('leaves the original as it was when a copy is set', () => {
    const lines = new LineProvenance();
    lines.set(caseFile, new Map([['a: 1', '2026-03-03T09:00:00+08:00']]));
    const before = Buffer.from(lines.bytesOf('cases/2026-0001'));
    const copy = lines.copy();
    copy.set(caseFile, new Map([['a: 1', '2026-03-01T09:00:00+08:00']]));
    expect(lines.get(caseFile)).toEqual(new Map([['a: 1', '2026-03-03T09:00:00+08:00']]));
    expect(lines.bytesOf('cases/2026-0001')).toEqual(before);
    expect(copy.bytesOf('cases/2026-0001')).not.toEqual(before);
  });
});
