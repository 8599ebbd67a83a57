import { describe, expect, it } from 'vitest';
import {
  analyseTyping,
  keyStages,
  medianStages,
  slowestStages,
  typingGaps,
  type TypingRecord,
} from '../../bench/typing-analysis';

/** Keys typed 80 ms apart from t = 1000, each landing in the field. */
function typed(text: string): TypingRecord['keys'] {
  return [...text].map((_, index) => ({ at: 1000 + index * 80, value: text.slice(0, index + 1) }));
}

describe('typing analysis', () => {
  it('times each key to the first paint of the results for the value it left in the field', () => {
    const analysis = analyseTyping({
      typed: 'sea',
      finalValue: 'sea',
      keys: typed('sea'),
      paints: [
        { query: 's', at: 1030 },
        { query: 'se', at: 1125 },
        { query: 'sea', at: 1200 },
      ],
    });
    expect(analysis.latencies).toEqual([30, 45, 40]);
    expect(analysis.finalLatency).toBe(40);
    expect([analysis.superseded, analysis.dropped, analysis.stale, analysis.foreign]).toEqual([0, 0, 0, 0]);
  });

  it('counts keys a newer key overtook as superseded, not as slow', () => {
    const analysis = analyseTyping({
      typed: 'sea',
      finalValue: 'sea',
      keys: typed('sea'),
      paints: [{ query: 'sea', at: 1310 }],
    });
    expect(analysis.latencies).toEqual([150]);
    expect(analysis.superseded).toBe(2);
    expect(analysis.stale).toBe(0);
  });

  it('counts an older answer painted after a newer one as stale', () => {
    const analysis = analyseTyping({
      typed: 'sea',
      finalValue: 'sea',
      keys: typed('sea'),
      paints: [
        { query: 'se', at: 1150 },
        { query: 's', at: 1170 },
        { query: 'sea', at: 1240 },
      ],
    });
    expect(analysis.stale).toBe(1);
    expect(analysis.latencies).toEqual([170, 70, 80]);
  });

  it('never takes a paint from before a key as that key’s answer', () => {
    const analysis = analyseTyping({
      typed: 'sea',
      finalValue: 'sea',
      keys: typed('sea'),
      paints: [{ query: 'sea', at: 900 }],
    });
    expect(analysis.foreign).toBe(1);
    expect(analysis.finalLatency).toBeNull();
    expect(analysis.latencies).toEqual([]);
  });

  it('counts keys that never reached the field as dropped', () => {
    const keys = typed('sea');
    keys[1] = { at: keys[1]!.at, value: null };
    keys[2] = { at: keys[2]!.at, value: 'sa' };
    const analysis = analyseTyping({
      typed: 'sea',
      finalValue: 'sa',
      keys,
      paints: [{ query: 'sa', at: 1250 }],
    });
    expect(analysis.dropped).toBe(2);
    expect(analysis.finalLatency).toBe(90);
  });

  it('draws gaps between keys within a fast typist’s pace', () => {
    let state = 0;
    const gaps = typingGaps(50, () => (state = (state * 7 + 0.3) % 1));
    expect(gaps).toHaveLength(50);
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(60);
    expect(Math.max(...gaps)).toBeLessThanOrEqual(100);
  });
});

describe('typing stages', () => {
  it('splits a painted key’s time into the wait, the answer, the render and the paint', () => {
    const record: TypingRecord = {
      typed: 'se',
      finalValue: 'se',
      keys: typed('se'),
      asks: [
        { query: 's', sentAt: 1002, answeredAt: 1020 },
        { query: 'se', sentAt: 1090, answeredAt: 1110 },
      ],
      paints: [
        { query: 's', seenAt: 1033, at: 1036 },
        { query: 'se', seenAt: 1116, at: 1120 },
      ],
    };
    expect(keyStages(record)).toEqual([
      { value: 's', wait: 2, answer: 18, render: 13, paint: 3 },
      { value: 'se', wait: 10, answer: 20, render: 6, paint: 4 },
    ]);
  });

  it('tells the search’s own time in main apart within the answer, where the answer said it', () => {
    const record: TypingRecord = {
      typed: 'se',
      finalValue: 'se',
      keys: typed('se'),
      asks: [
        { query: 's', sentAt: 1002, answeredAt: 1020, searchMs: 1.5 },
        { query: 'se', sentAt: 1090, answeredAt: 1110, searchMs: 3.5 },
      ],
      paints: [
        { query: 's', seenAt: 1033, at: 1036 },
        { query: 'se', seenAt: 1116, at: 1120 },
      ],
    };
    const stages = keyStages(record);
    expect(stages.map((stage) => [stage.answer, stage.search])).toEqual([
      [18, 1.5],
      [20, 3.5],
    ]);
    expect(medianStages(stages)).toEqual({ wait: 6, answer: 19, search: 2.5, render: 9.5, paint: 3.5 });
  });

  it('leaves out a key whose results were painted from an earlier search than its own', () => {
    const record: TypingRecord = {
      typed: 's',
      finalValue: 's',
      keys: typed('s'),
      asks: [{ query: 's', sentAt: 1050, answeredAt: 1090 }],
      paints: [{ query: 's', seenAt: 1040, at: 1045 }],
    };
    expect(keyStages(record)).toEqual([]);
  });
});

describe('typing stage summaries', () => {
  const stage = (value: string, answer: number) => ({ value, wait: 1, answer, render: 10, paint: 2 });

  it('takes each stage’s median over the keys', () => {
    expect(medianStages([stage('a', 10), stage('ab', 30), stage('abc', 20)])).toEqual({
      wait: 1,
      answer: 20,
      render: 10,
      paint: 2,
    });
  });

  it('picks the slowest twentieth of the keys, slowest first, and at least one', () => {
    const stages = Array.from({ length: 40 }, (_, i) => stage(`k${i}`, i));
    expect(slowestStages(stages).map((s) => s.value)).toEqual(['k39', 'k38']);
    expect(slowestStages([stage('only', 5)]).map((s) => s.value)).toEqual(['only']);
  });
});
