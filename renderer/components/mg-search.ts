import { consume } from '@lit/context';
import { Task, TaskStatus } from '@lit/task';
import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { customElement, query, state } from 'lit/decorators.js';
import type { HighlightColor, MarginApi, SearchResults, SnippetPart } from '../../main/api';
import { announce } from '../announce';
import { apiContext } from '../contexts';
import { ClearSearchMarksEvent, OpenAnnotationEvent, OpenDocumentEvent } from '../events';
import { swatchStyles } from '../styles/highlight-styles';
import { sharedStyles } from '../styles/shared-styles';
import { searchStyles } from './mg-search.styles';
import { formatDate } from './document-format';
import {
  choiceKey,
  choicesOf,
  GROUP_PASSAGES_AHEAD,
  GROUP_STEPS,
  MORE_WITHIN_PANELS,
  passageCount,
  type Choice,
} from '../search/search-choices';

/** Quiet time after the last answer before its count is read out: a typist hears the count once, not per key. */
const ANNOUNCE_QUIET_MS = 400;

/**
 * The one search box (Ctrl/Cmd+K) and its results, as a combobox: results arrive as you type, grouped
 * by document; arrow keys move through passages, Enter or a click opens one, Escape closes the list
 * and clears the marks in the reader. A query the search cannot read shows its message inline.
 *
 * @fires mg-open-document - a passage was chosen (with the block and the words to mark)
 * @fires mg-open-annotation - one of the reader's own highlights or notes was chosen
 * @fires mg-clear-search-marks - a new search began, or Escape
 */
@customElement('mg-search')
export class MgSearch extends LitElement {
  static override styles = [sharedStyles, swatchStyles, searchStyles];

  @consume({ context: apiContext })
  private api!: MarginApi;

  @state() private query = '';
  @state() private open = false;
  @state() private activeIndex = -1;
  /** Documents asked for: GROUP_STEPS[0] for each new query, more as the reader reaches the end. */
  @state() private groupLimit: number = GROUP_STEPS[0];
  @query('input') private input!: HTMLInputElement;

  /** The search on its way to main, settled or not: the next one waits for it rather than queue behind it. */
  private inFlight: Promise<unknown> = Promise.resolve();

  private readonly searchTask = new Task(this, {
    task: async ([query, groupLimit], { signal }): Promise<SearchResults | null> => {
      if (query.trim() === '') return null;
      // One search at a time, asked at once: a key typed while an answer is on its way waits for it, and
      // a newer key aborts that wait, so fast typing asks once per answer, not once per key, and the
      // answer for what is in the field comes one search later at most (no fixed pause before asking).
      await settled(this.inFlight, signal);
      const asked = this.api.search(query, { limit: groupLimit, passagesPerDocument: 3 });
      this.inFlight = asked.catch(() => undefined);
      const results = await asked;
      // Task keeps only the newest run's value; this also stops a late answer from touching state.
      signal.throwIfAborted();
      return results;
    },
    args: () => [this.query, this.groupLimit] as const,
  });

  /** The answer last rendered, and which choice was active in it (kept when more documents arrive). */
  private shownResults: SearchResults | null | undefined = undefined;

  /** Focuses the box with its text selected (Ctrl/Cmd+K). */
  override focus(): void {
    this.updateComplete.then(() => {
      this.input.focus();
      this.input.select();
      if (this.query.trim() !== '') this.open = true;
    });
  }

  /** Searches for these words now, with the results open (the selection menu's Search). */
  searchFor(query: string): void {
    this.query = query;
    this.dispatchEvent(new ClearSearchMarksEvent());
    this.focus();
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('query')) {
      this.activeIndex = -1;
      this.groupLimit = GROUP_STEPS[0];
    }
    const results = this.searchTask.value;
    if (results !== this.shownResults) {
      // More documents of the same query: the reader's place stays on the passage or note it was on
      // (a note's position moves down as documents are added above it).
      const before = this.shownResults;
      this.shownResults = results;
      if (this.activeIndex >= 0 && before?.status === 'ok' && results?.query === before.query) {
        const key = choiceKey(choicesOf(before)[this.activeIndex]);
        const index = choicesOf(results).findIndex((choice) => choiceKey(choice) === key);
        this.activeIndex = index;
      }
    }
  }

  /** Asks for the next step of documents, if the answer shown may have more than it holds. */
  private askForMore(): void {
    const results = this.searchTask.value;
    if (this.searchTask.status === TaskStatus.PENDING || results?.status !== 'ok') return;
    if (results.groups.length < this.groupLimit || results.total <= results.groups.length) return;
    const next = GROUP_STEPS.find((step) => step > this.groupLimit);
    if (next !== undefined) this.groupLimit = next;
  }

  private onPanelScroll(event: Event): void {
    const panel = event.currentTarget as HTMLElement;
    const left = panel.scrollHeight - panel.scrollTop - panel.clientHeight;
    if (left <= panel.clientHeight * MORE_WITHIN_PANELS) this.askForMore();
  }

  protected override updated(): void {
    this.announceResults();
    if (this.activeIndex < 0) return;
    this.renderRoot.querySelector(`#option-${this.activeIndex}`)?.scrollIntoView({ block: 'nearest' });
  }

  protected override render(): TemplateResult {
    const expanded = this.open && this.query.trim() !== '';
    // aria-controls and aria-activedescendant may only name elements that exist.
    const listShown = expanded && this.choices().length > 0;
    return html`
      <div class="field" role="search">
        <svg viewBox="0 0 24 24" aria-hidden="true">
          <circle cx="11" cy="11" r="7"></circle>
          <path d="M20 20l-4-4"></path>
        </svg>
        <input
          type="search"
          role="combobox"
          aria-label="Search the library"
          aria-autocomplete="list"
          aria-expanded=${String(expanded)}
          aria-controls=${listShown ? 'search-results' : nothing}
          aria-activedescendant=${listShown && this.activeIndex >= 0 ? `option-${this.activeIndex}` : nothing}
          placeholder="Search the library"
          autocomplete="off"
          spellcheck="false"
          .value=${this.query}
          @input=${this.onInput}
          @keydown=${this.onKeyDown}
          @focus=${() => (this.open = true)}
          @blur=${this.onBlur}
        />
        <kbd aria-hidden="true">${isMac() ? '⌘K' : 'Ctrl K'}</kbd>
      </div>
      <div class="panel" ?hidden=${!expanded} @scroll=${this.onPanelScroll}>
        ${expanded ? this.renderResults() : nothing}
      </div>
    `;
  }

  /** The shown answer carries its query (`data-query`): tests and the typing bench tell a fresh list from an older one by it. */
  private renderResults(): TemplateResult {
    const results = this.searchTask.value;
    const pending = this.searchTask.status === TaskStatus.PENDING;
    if (this.searchTask.error && !pending) {
      return html`<p class="status invalid" role="alert">${errorMessage(this.searchTask.error)}</p>`;
    }
    if (!results) {
      return html`<p class="status" role="status">Searching…</p>`;
    }
    if (results.status === 'invalid') {
      return html`<p class="status invalid" role="alert" data-query=${results.query}>${results.message}</p>`;
    }
    const choices = this.choices();
    const summary = this.summaryOf(results, choices.length);
    let index = 0;
    return html`
      <p class="status">${summary}</p>
      <div id="search-results" role="listbox" aria-label="Search results" data-query=${results.query}>
        ${results.groups.map(
          (group, groupIndex) => html`
            <div class="group" role="group" aria-labelledby="group-${groupIndex}">
              <div class="group-title" id="group-${groupIndex}">
                ${group.title}
                <span class="group-meta"
                  >${[group.authors.join(', '), group.published ? formatDate(group.published, 'short') : '']
                    .filter(Boolean)
                    .join(' · ')}</span
                >
              </div>
              ${group.passages.map((passage) => this.renderOption(index++, passage.section, passage.snippet, 'section'))}
            </div>
          `,
        )}
        ${
          results.annotations.length > 0
            ? html`<div class="group" role="group" aria-labelledby="group-yours">
                <div class="group-title" id="group-yours">Your highlights and notes</div>
                ${results.annotations.map((hit) =>
                  this.renderOption(index++, hit.docTitle, hit.snippet, 'document', hit.color),
                )}
              </div>`
            : nothing
        }
      </div>
      ${choices.length === 0 ? html`<p class="empty">${noMatch(results.query)}</p>` : nothing}
    `;
  }

  /** The count line over the results; heard through the app's live region, once per set of results. */
  private summaryOf(results: SearchResults & { status?: unknown }, choiceCount: number): string {
    if (!('groups' in results)) return '';
    const passages = passageCount(results);
    const yours = results.annotations.length;
    return [
      passages > 0 ? `${plural(passages, 'passage')} in ${plural(results.total, 'document')}` : '',
      yours > 0 ? `${plural(yours, 'highlight or note', 'highlights and notes')} of yours` : '',
      choiceCount > 0 && !results.complete ? 'full text still loading' : '',
    ]
      .filter(Boolean)
      .join(' · ');
  }

  private announcedResults: unknown = null;
  private announceTimer: ReturnType<typeof setTimeout> | undefined;

  /**
   * Says how many results a finished search found (or that none match), once for each search, after
   * the answers have been quiet for a moment: answers come while the reader types, the count once.
   */
  private announceResults(): void {
    clearTimeout(this.announceTimer);
    const results = this.searchTask.value;
    if (!results || results === this.announcedResults || !this.open) return;
    if (this.searchTask.status === TaskStatus.PENDING || results.status === 'invalid') return;
    this.announceTimer = setTimeout(() => {
      if (results !== this.searchTask.value || !this.open) return;
      this.announcedResults = results;
      const count = this.choices().length;
      announce(this, count === 0 ? noMatch(results.query) : this.summaryOf(results, count));
    }, ANNOUNCE_QUIET_MS);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.announceTimer);
  }

  private renderOption(
    index: number,
    label: string | null,
    snippet: SnippetPart[],
    labelKind: 'section' | 'document',
    /** The colour of one of the reader's own highlights (null for a note without one). */
    color?: HighlightColor | null,
  ): TemplateResult {
    return html`
      <div
        id="option-${index}"
        role="option"
        aria-selected=${String(index === this.activeIndex)}
        @pointerdown=${(event: PointerEvent) => event.preventDefault()}
        @click=${() => this.choose(index)}
      >
        ${
          label
            ? html`<span class=${labelKind}
                >${
                  color !== undefined
                    ? html`<span class="color-dot" data-color=${color ?? 'none'} aria-hidden="true"></span>`
                    : nothing
                }${label}</span
              >`
            : nothing
        }
        <span class="snippet"
          >${snippet.map((part) => (part.mark ? html`<mark>${part.text}</mark>` : part.text))}</span
        >
      </div>
    `;
  }

  /** Every result in the order they are shown: passages by document, then the reader's own hits. */
  private choices(): Choice[] {
    return choicesOf(this.searchTask.value);
  }

  private onInput(event: InputEvent): void {
    this.query = (event.target as HTMLInputElement).value;
    this.open = true;
    this.dispatchEvent(new ClearSearchMarksEvent());
  }

  private onKeyDown(event: KeyboardEvent): void {
    const count = this.choices().length;
    switch (event.key) {
      case 'ArrowDown':
      case 'ArrowUp': {
        event.preventDefault();
        this.open = true;
        if (count === 0) return;
        const step = event.key === 'ArrowDown' ? 1 : -1;
        this.activeIndex =
          this.activeIndex < 0 ? (step === 1 ? 0 : count - 1) : (this.activeIndex + step + count) % count;
        // Within the last document's passages: its successors are asked for before the reader gets there.
        if (this.activeIndex >= passageCount(this.searchTask.value) - GROUP_PASSAGES_AHEAD) this.askForMore();
        return;
      }
      case 'Enter':
        event.preventDefault();
        if (count > 0) this.choose(Math.max(0, this.activeIndex));
        return;
      case 'Escape':
        event.preventDefault();
        event.stopPropagation();
        if (this.open && this.query !== '') this.open = false;
        else this.query = '';
        this.dispatchEvent(new ClearSearchMarksEvent());
        return;
    }
  }

  private onBlur(): void {
    this.open = false;
  }

  private choose(index: number): void {
    const choice = this.choices()[index];
    if (!choice) return;
    this.activeIndex = index;
    this.open = false;
    if (choice.kind === 'passage') {
      const { blockId, terms } = choice.passage;
      this.dispatchEvent(new OpenDocumentEvent(choice.docId, { blockId, terms }));
    } else {
      this.dispatchEvent(new OpenAnnotationEvent(choice.hit.docId, choice.hit.annotationId));
    }
  }
}

function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** Resolves once `promise` has settled, or rejects as soon as `signal` aborts. */
function settled(promise: Promise<unknown>, signal: AbortSignal): Promise<void> {
  signal.throwIfAborted();
  return new Promise((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    const done = () => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    };
    promise.then(done, done);
  });
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : 'Search failed.';
}

function isMac(): boolean {
  return /Mac|iPhone|iPad/.test(navigator.platform);
}

declare global {
  interface HTMLElementTagNameMap {
    'mg-search': MgSearch;
  }
}

function noMatch(query: string): string {
  return `No passages match “${query}”.`;
}
