/**
 * Annotations for the store and anchoring benchmarks: highlights on word boundaries of a real document's
 * canonical text (2–12 words, as readers select), notes of a sentence or two, and a publisher's edit of
 * the text (a paragraph added near the top, words changed here and there, a paragraph removed) after
 * which every highlight must be found again.
 */
import { createHash } from 'node:crypto';
import type { Annotation, HighlightColor } from '../main/api';
import { describeRange } from '../main/annotations/anchoring';
import { Random } from './prng';

const COLORS: readonly HighlightColor[] = ['yellow', 'green', 'blue', 'pink', 'purple'];

export function textHash(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

function uuid(random: Random): string {
  const hex = Array.from({ length: 32 }, () => random.int(0, 15).toString(16)).join('');
  return `urn:uuid:${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20)}`;
}

/** `count` highlights (every fourth with a note) on word-aligned ranges of `text`. */
export function makeHighlights(docId: string, text: string, count: number, seed: string): Annotation[] {
  const random = new Random(`${seed}:highlights:${docId}`);
  const words = [...text.matchAll(/\S+/g)].map((match) => ({
    start: match.index,
    end: match.index + match[0].length,
  }));
  const hash = textHash(text);
  const annotations: Annotation[] = [];
  for (let i = 0; i < count; i++) {
    const first = random.int(0, words.length - 2);
    const last = Math.min(words.length - 1, first + random.int(1, 11));
    const start = words[first]!.start;
    const end = words[last]!.end;
    const when = new Date(Date.UTC(2025, 0, 1) + i * 60_000).toISOString();
    annotations.push({
      id: uuid(random),
      docId,
      docTextHash: hash,
      motivation: i % 4 === 0 ? 'commenting' : 'highlighting',
      color: random.pick(COLORS),
      note: i % 4 === 0 ? noteText(random) : '',
      tags: i % 7 === 0 ? ['bench'] : [],
      selectors: describeRange(text, start, end),
      anchorStatus: 'exact',
      created: when,
      modified: when,
    });
  }
  return annotations;
}

export function noteText(random: Random): string {
  const words =
    'this point matters for the argument about security and trade see also the earlier section'.split(' ');
  return Array.from({ length: random.int(8, 40) }, () => random.pick(words)).join(' ') + '.';
}

/**
 * A publisher's revision: a new paragraph after the first unit (every later offset moves), one word
 * changed in every eighth paragraph (some quotes now match only fuzzily), one paragraph removed (its
 * highlights must be orphaned, not moved).
 */
export function editText(text: string, seed: string): string {
  const random = new Random(`${seed}:edit`);
  const units = text.split('\n\n');
  const edited = units.map((unit, index) => {
    if (index % 8 !== 3) return unit;
    const words = unit.split(' ');
    if (words.length < 6) return unit;
    words[random.int(1, words.length - 2)] = 'revised';
    return words.join(' ');
  });
  edited.splice(Math.min(edited.length - 1, 5), 1);
  edited.splice(1, 0, 'Editor’s note: this commentary was updated after publication to reflect new figures.');
  return edited.join('\n\n');
}
