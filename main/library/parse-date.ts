/**
 * Dates as publishers write them ("November 20, 2024", "20 Nov 2024", "November.20, 2024", "2024-11-20")
 * turned into ISO `YYYY-MM-DD`. A text that has the shape of a date but names no real day (February 30)
 * is reported as such, so that a typo never becomes a silently wrong or missing date.
 */

const MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  sept: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};

const MONTH_NAME =
  '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
const DAY = '(\\d{1,2})(?:st|nd|rd|th)?';
const YEAR = '(\\d{4})';

/** Each shape captures (month name, day, year) in some order; `order` says which group is which. */
const SHAPES: {
  pattern: RegExp;
  order: ['month' | 'day' | 'year', 'month' | 'day' | 'year', 'month' | 'day' | 'year'];
}[] = [
  // November 20, 2024 · Nov. 20 2024 · November.20, 2024
  {
    pattern: new RegExp(`\\b(${MONTH_NAME})\\.?[\\s.]*${DAY},?\\s*${YEAR}\\b`, 'i'),
    order: ['month', 'day', 'year'],
  },
  // 20 November 2024 · 20 Nov. 2024 · 20 November, 2024
  {
    pattern: new RegExp(`\\b${DAY}\\s+(${MONTH_NAME})\\.?,?\\s*${YEAR}\\b`, 'i'),
    order: ['day', 'month', 'year'],
  },
];

const ISO_SHAPE = /\b(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})\b/;

/** A date found in a text: its ISO form (null when it is no real day), and where it stood. */
export interface FoundDate {
  iso: string | null;
  /** The matched text, as written. */
  text: string;
  index: number;
}

function isoOf(year: number, month: number, day: number): string | null {
  if (month < 1 || month > 12 || day < 1) return null;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > daysInMonth) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function monthNumber(name: string): number {
  const key = name.toLowerCase().slice(0, name.toLowerCase().startsWith('sept') ? 4 : 3);
  return MONTHS[key] ?? 0;
}

/** The first date anywhere in `text`, or null when there is none. */
export function findDate(text: string): FoundDate | null {
  let best: FoundDate | null = null;
  for (const shape of SHAPES) {
    const match = shape.pattern.exec(text);
    if (!match || (best && best.index <= match.index)) continue;
    const parts = { month: 0, day: 0, year: 0 };
    shape.order.forEach((name, i) => {
      const raw = match[i + 1] ?? '';
      parts[name] = name === 'month' ? monthNumber(raw) : Number(raw);
    });
    best = { iso: isoOf(parts.year, parts.month, parts.day), text: match[0], index: match.index };
  }
  const iso = ISO_SHAPE.exec(text);
  if (iso && (!best || iso.index < best.index)) {
    best = { iso: isoOf(Number(iso[1]), Number(iso[2]), Number(iso[3])), text: iso[0], index: iso.index };
  }
  return best;
}

/** When the whole of `text` (give or take punctuation) is a date, that date; otherwise null. */
export function parseWholeDate(text: string): FoundDate | null {
  const trimmed = text.trim().replace(/[.,;]+$/, '');
  const found = findDate(trimmed);
  if (!found || found.index !== 0 || found.text.length !== trimmed.length) return null;
  return found;
}
