/** One row of the goals table, and the check every part's "at most this" goal makes. */
import { ms } from './format';

export type Status = { met: boolean | null; text: string };

export interface GoalCheck {
  goal: string;
  margin: string;
  target: string;
  status: Status;
}

/**
 * `value` against `limit`: met when at most it. A miss says by how much in `unit` where one is given
 * (else only the ratio), and shows the value itself when the limit is 0.
 */
export function atMostGoal(
  goal: string,
  value: number | undefined,
  limit: number,
  shown: string,
  target: string,
  unit?: string,
): GoalCheck {
  if (value === undefined || !Number.isFinite(value))
    return { goal, margin: '—', target, status: { met: null, text: 'not yet measured' } };
  const met = value <= limit;
  const times = `${(value / limit).toFixed(2)}× the target`;
  const how =
    limit === 0
      ? `missed (${value})`
      : unit
        ? `missed by ${ms(value - limit)} ${unit} (${times})`
        : `missed (${times})`;
  return { goal, margin: shown, target, status: { met, text: met ? 'met' : how } };
}
