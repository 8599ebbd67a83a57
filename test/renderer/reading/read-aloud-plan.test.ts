import { describe, expect, it } from 'vitest';
import { ReadAloudPlan } from '../../../renderer/reading/read-aloud-plan';
import type { BlockText } from '../../../renderer/reading/reading-units';

const FIRST = 'China rebuked Pakistan in public. Dr. Dar answered the next day.';
const SECOND = 'Attacks on Chinese workers continue.';
const BLOCKS: BlockText[] = [
  { start: 0, text: FIRST },
  { start: FIRST.length + 2, text: SECOND },
];
const spoken = (plan: ReadAloudPlan) => {
  const heard: string[] = [];
  for (let sentence = plan.current; sentence; sentence = plan.next()) heard.push(sentence.text);
  return heard;
};

describe('read-aloud-plan', () => {
  it('reads sentence by sentence to the end of the article, then stops', () => {
    const plan = new ReadAloudPlan(BLOCKS, 0);
    expect(spoken(plan)).toEqual([
      'China rebuked Pakistan in public.',
      'Dr. Dar answered the next day.',
      SECOND,
    ]);
    expect(plan.finished).toBe(true);
    expect(plan.next()).toBeNull();
  });

  it('starts with the sentence the reading cursor is in', () => {
    const plan = new ReadAloudPlan(BLOCKS, FIRST.indexOf('answered'));
    expect(spoken(plan)).toEqual(['Dr. Dar answered the next day.', SECOND]);
  });

  it('reads only the selection, cut to it at both ends', () => {
    const start = FIRST.indexOf('in public');
    const end = FIRST.indexOf(' the next');
    const plan = new ReadAloudPlan(BLOCKS, 0, { start, end });
    expect(spoken(plan)).toEqual(['in public.', 'Dr. Dar answered']);
  });

  it('skips ahead and goes back one sentence, never before the first', () => {
    const plan = new ReadAloudPlan(BLOCKS, 0);
    expect(plan.next()?.text).toBe('Dr. Dar answered the next day.');
    expect(plan.previous()?.text).toBe('China rebuked Pakistan in public.');
    expect(plan.previous()?.text).toBe('China rebuked Pakistan in public.');
    expect(plan.current).toMatchObject({ start: 0, end: 'China rebuked Pakistan in public.'.length });
  });

  it('has nothing to read past the last sentence', () => {
    const plan = new ReadAloudPlan(BLOCKS, BLOCKS[1].start + SECOND.length);
    expect(plan.current).toBeNull();
    expect(plan.finished).toBe(true);
  });
});
