/**
 * Which sentences read aloud speaks, in order, and where it is: plain logic with no speech engine,
 * so the stepping can be tested anywhere. It starts at the reading cursor (or the start of the
 * article), or covers exactly a selection, and ends at the last sentence of the article's text.
 */
import { textOf, unitsOf, type BlockText, type Span } from './reading-units';

export interface SpokenSentence extends Span {
  text: string;
}

export class ReadAloudPlan {
  readonly sentences: readonly SpokenSentence[];
  private index = 0;

  /**
   * `blocks` are the article's own text (no publisher boilerplate, no interface); `from` is where the
   * reader is (the sentence holding it is read first); `only` limits reading to a selection.
   */
  constructor(blocks: readonly BlockText[], from: number, only: Span | null = null) {
    const all = unitsOf(blocks, 'sentence').map((span) => ({ ...span, text: textOf(blocks, span) }));
    if (only) {
      this.sentences = all
        .filter((sentence) => sentence.end > only.start && sentence.start < only.end)
        .map((sentence) => {
          const start = Math.max(sentence.start, only.start);
          const end = Math.min(sentence.end, only.end);
          return { start, end, text: textOf(blocks, { start, end }) };
        });
    } else {
      this.sentences = all.filter((sentence) => sentence.end > from);
    }
  }

  /** The sentence being read, or null once the plan has run out. */
  get current(): SpokenSentence | null {
    return this.sentences[this.index] ?? null;
  }

  get finished(): boolean {
    return this.index >= this.sentences.length;
  }

  /** Moves on one sentence (after one was spoken, or skipped); null at the end. */
  next(): SpokenSentence | null {
    if (this.index < this.sentences.length) this.index += 1;
    return this.current;
  }

  /** Back one sentence (to hear it again); stays on the first. */
  previous(): SpokenSentence | null {
    this.index = Math.max(0, Math.min(this.index, this.sentences.length) - 1);
    return this.current;
  }
}

/** Speeds offered, as the reader sees them. */
export const READ_ALOUD_RATES = [0.75, 1, 1.25, 1.5, 1.75, 2] as const;

/** What the reader is told where the system has no voices, and how to get some. */
export const NO_VOICES_MESSAGE =
  'Read aloud needs a voice, and this system has none. On Linux, install speech-dispatcher with a voice ' +
  '(for example espeak-ng) and restart Margin; on Windows or macOS, add a voice in the system’s speech settings.';
