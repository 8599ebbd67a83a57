/**
 * Read aloud with the system's voices (Web Speech API): one utterance per sentence of a
 * `ReadAloudPlan`, the spoken sentence painted on its own highlight layer and kept in view. Where the
 * system has no voices (Linux without speech-dispatcher, a headless browser) it says so, and how to
 * get them, instead of failing quietly.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { unitStart } from '../anchoring/block-spans';
import { announce } from '../announce';
import { clearLayer, paintLayer } from '../highlighting/highlight-layers';
import { NO_VOICES_MESSAGE, ReadAloudPlan } from '../reading/read-aloud-plan';
import type { BlockText, Span } from '../reading/reading-units';

/** The highlight layer of the sentence being spoken. */
export const READ_ALOUD_LAYER = 'mg-reading-aloud';

/** How long to wait for the browser to list its voices (Chromium lists them late, once). */
const VOICES_WAIT_MS = 1500;

export type ReadAloudStatus = 'idle' | 'speaking' | 'paused';

export interface ReadAloudSource {
  /** The article's own text, without boilerplate: where read aloud may read. */
  blocks(): BlockText[];
  /** Where the reader is (the reading cursor), and a selection to read instead, if any. */
  from(): number;
  selection(): Span | null;
  rangesFor(start: number, end: number): Range[];
  /** The remembered speed and voice. */
  rate(): number;
  voice(): string;
}

export class ReadAloudController implements ReactiveController {
  status: ReadAloudStatus = 'idle';
  /** A problem to show beside the controls (no voices, the engine failed). */
  message = '';
  /** The names of the system's voices, for the voice menu. */
  voices: string[] = [];
  private plan: ReadAloudPlan | null = null;
  private utterance: SpeechSynthesisUtterance | null = null;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly source: ReadAloudSource,
  ) {
    host.addController(this);
  }

  hostDisconnected(): void {
    this.stop();
  }

  /** Play/pause/resume in one key: what the shortcut does. */
  toggle(): void {
    if (this.status === 'speaking') this.pause();
    else if (this.status === 'paused') this.resume();
    else void this.start();
  }

  async start(): Promise<void> {
    this.stop();
    const voices = await this.loadVoices();
    if (voices.length === 0) {
      this.message = NO_VOICES_MESSAGE;
      announce(this.host, NO_VOICES_MESSAGE);
      this.host.requestUpdate();
      return;
    }
    this.message = '';
    this.plan = new ReadAloudPlan(this.source.blocks(), this.source.from(), this.source.selection());
    this.status = 'speaking';
    this.speakCurrent();
  }

  pause(): void {
    if (this.status !== 'speaking') return;
    speechSynthesis.pause();
    this.status = 'paused';
    this.host.requestUpdate();
  }

  resume(): void {
    if (this.status !== 'paused') return;
    speechSynthesis.resume();
    this.status = 'speaking';
    this.host.requestUpdate();
  }

  /** Skips to the next sentence (or back one), speaking it at once. */
  skip(direction: 1 | -1 = 1): void {
    if (!this.plan || this.status === 'idle') return;
    this.utterance = null;
    speechSynthesis.cancel();
    if (direction === 1) this.plan.next();
    else this.plan.previous();
    this.status = 'speaking';
    this.speakCurrent();
  }

  stop(): void {
    this.utterance = null;
    this.plan = null;
    if (typeof speechSynthesis !== 'undefined') speechSynthesis.cancel();
    clearLayer(READ_ALOUD_LAYER);
    if (this.status !== 'idle') {
      this.status = 'idle';
      this.host.requestUpdate();
    }
  }

  /** The sentence being read, for the controls and tests. */
  get current(): Span | null {
    return this.plan?.current ?? null;
  }

  private speakCurrent(): void {
    const sentence = this.plan?.current;
    if (!sentence) {
      this.stop();
      announce(this.host, 'Finished reading');
      return;
    }
    const ranges = this.source.rangesFor(sentence.start, sentence.end);
    paintLayer(READ_ALOUD_LAYER, ranges);
    keepInView(ranges[0]);
    const utterance = new SpeechSynthesisUtterance(sentence.text);
    utterance.lang = document.documentElement.lang || 'en';
    utterance.rate = this.source.rate();
    const voice = speechSynthesis.getVoices().find((candidate) => candidate.name === this.source.voice());
    if (voice) utterance.voice = voice;
    utterance.onend = () => {
      if (this.utterance !== utterance) return;
      this.plan?.next();
      this.speakCurrent();
    };
    utterance.onerror = (event) => {
      // Cancelled by skip or stop: not a failure.
      if (this.utterance !== utterance || event.error === 'interrupted' || event.error === 'canceled') return;
      this.stop();
      this.message = `Read aloud stopped: the speech engine reported “${event.error}”.`;
      announce(this.host, this.message);
    };
    this.utterance = utterance;
    speechSynthesis.speak(utterance);
    this.host.requestUpdate();
  }

  /** The system's voices; Chromium fills the list a moment after the page asks. */
  private async loadVoices(): Promise<SpeechSynthesisVoice[]> {
    if (typeof speechSynthesis === 'undefined') return [];
    let voices = speechSynthesis.getVoices();
    if (voices.length === 0) {
      voices = await new Promise<SpeechSynthesisVoice[]>((resolve) => {
        const done = () => resolve(speechSynthesis.getVoices());
        speechSynthesis.addEventListener('voiceschanged', done, { once: true });
        window.setTimeout(done, VOICES_WAIT_MS);
      });
    }
    this.voices = voices.map((voice) => voice.name);
    return voices;
  }
}

/** The article's own text for reading aloud: its sections, not the author's bio after them. */
export function readableBlocks(elements: readonly HTMLElement[]): BlockText[] {
  const blocks: BlockText[] = [];
  for (const element of elements) {
    const start = unitStart(element);
    if (start === null || element.closest('[data-region="bio"]')) continue;
    blocks.push({ start, text: element.textContent ?? '' });
  }
  return blocks.sort((a, b) => a.start - b.start);
}

function keepInView(range: Range | undefined): void {
  const box = range?.getBoundingClientRect();
  if (!range || !box) return;
  if (box.top < 90 || box.bottom > window.innerHeight - 40) {
    range.startContainer.parentElement?.scrollIntoView({ block: 'center', behavior: 'auto' });
  }
}
