import { consume } from '@lit/context';
import { Task, TaskStatus } from '@lit/task';
import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import type { Document, MarginApi, Preferences, ReadingPosition } from '../../main/api';
import { DEFAULT_PREFERENCES } from '../../main/shared/preference-defaults';
import { apiContext, preferencesContext } from '../contexts';
import { FindInDocumentController } from '../controllers/find-in-document-controller';
import { KeyboardShortcutController } from '../controllers/keyboard-shortcut-controller';
import { ReadAloudController, readableBlocks } from '../controllers/read-aloud-controller';
import { ReadingPositionController } from '../controllers/reading-position-controller';
import { unitStart } from '../anchoring/block-spans';
import { preferredScrollBehavior } from '../browser/scroll-behavior';
import { ScrollSpyController } from '../controllers/scroll-spy-controller';
import {
  ClearSearchMarksEvent,
  PrintEvent,
  ReadingPositionEvent,
  type ReadAloudCommandEvent,
  ShowLibraryEvent,
  type FindQueryEvent,
  type FindStepEvent,
  type ReaderTarget,
  type TocNavigateEvent,
} from '../events';
import { rangesInElement } from '../highlighting/element-ranges';
import { clearLayer, HighlightLayer, paintLayer } from '../highlighting/highlight-layers';
import { findOccurrences, findWholeWords } from '../highlighting/text-matching';
import { sharedStyles } from '../styles/shared-styles';
import { readerViewStyles } from './mg-reader-view.styles';
import { tocLabel } from './document-format';
import './mg-article';
import type { MgArticle } from './mg-article';
import './mg-find-bar';
import type { MgFindBar } from './mg-find-bar';
import './mg-publisher-panel';
import './mg-read-aloud-bar';
import './mg-toc';
import type { TocEntry } from './mg-toc';

/** Where the reading line sits under the sticky app header, in px: saved positions are measured there. */
const READING_LINE = 72;

interface LoadedDocument {
  doc: Document;
  position: ReadingPosition | null;
}

/**
 * Reading one document: table of contents that follows the scroll, the article, the publisher panel,
 * find in document (Ctrl/Cmd+F), and landing on a search passage or where the reader left off.
 *
 * Seams for highlights and notes: `article` gives the block elements (see `mg-article` for the offset contract);
 * anything slotted into `side-panel` (a notes panel) appears in the side column under the publisher.
 *
 * @slot side-panel - extra panels for the side column
 * @fires mg-reading-position - the reader scrolled somewhere else (debounced)
 * @fires mg-clear-search-marks - Escape with no find bar open
 * @fires mg-show-library - back to the library (from an error message)
 */
@customElement('mg-reader-view')
export class MgReaderView extends LitElement {
  static override styles = [sharedStyles, readerViewStyles];

  @consume({ context: apiContext })
  private api!: MarginApi;

  @consume({ context: preferencesContext, subscribe: true })
  @state()
  private preferences: Preferences = DEFAULT_PREFERENCES;

  /** The document to show. */
  @property() docId = '';
  /** A passage to land on and mark, or null to come back where the reader left off. */
  @property({ attribute: false }) target: ReaderTarget | null = null;

  @query('mg-article') readonly article!: MgArticle;
  @query('mg-find-bar') private findBar!: MgFindBar | null;
  @query('main') private mainElement!: HTMLElement;

  private landedDoc: Document | null = null;
  private landedTarget: ReaderTarget | null = null;

  private readonly spy = new ScrollSpyController(this, READING_LINE);

  private readonly find = new FindInDocumentController(this, {
    blocks: () => this.article?.blockElements() ?? [],
    readingLine: READING_LINE,
  });

  private readonly position = new ReadingPositionController(this, {
    blocks: () => this.article?.blockElements() ?? [],
    readingLine: READING_LINE,
    save: (position) => {
      if (this.landedDoc) this.dispatchEvent(new ReadingPositionEvent(this.landedDoc.id, position));
    },
  });

  /** Reads the article aloud from the reading cursor (or what is on screen), or the selection. */
  private readonly readAloud = new ReadAloudController(this, {
    blocks: () => readableBlocks(this.article?.blockElements() ?? []),
    from: () => this.article?.annotations.cursor.cursor?.start ?? this.firstStartInView(),
    selection: () => this.article?.annotations.selection.read() ?? null,
    rangesFor: (start, end) => this.article?.annotations.painter.rangesFor(start, end) ?? [],
    rate: () => this.preferences.readAloudRate,
    voice: () => this.preferences.readAloudVoice,
  });

  private readonly documentTask = new Task(this, {
    task: async ([docId]): Promise<LoadedDocument> => {
      const [doc, position] = await Promise.all([
        this.api.getDocument(docId),
        // A position that cannot be read is not worth failing the document for.
        this.api.getReadingPosition(docId).catch(() => null),
      ]);
      return { doc, position };
    },
    args: () => [this.docId] as const,
  });

  constructor() {
    super();
    new KeyboardShortcutController(this, [
      { id: 'find', run: () => this.openFind() },
      { id: 'find-next', when: () => this.find.open, run: () => this.find.step(1) },
      { id: 'find-previous', when: () => this.find.open, run: () => this.find.step(-1) },
      { id: 'dismiss', run: () => this.onEscape() },
      { id: 'read-aloud', run: () => this.readAloud.toggle() },
      { id: 'print', run: () => this.dispatchEvent(new PrintEvent({ kind: 'document', docId: this.docId })) },
    ]);
  }

  /**
   * Saves where the reader is, now. The app calls this before it swaps the view: once this element has
   * left the page its events no longer reach the app.
   */
  savePlace(): void {
    this.position.saveHere();
  }

  /** Opens the find bar, or puts the caret back in it. */
  async openFind(): Promise<void> {
    this.find.show();
    await this.updateComplete;
    this.findBar?.focus();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // Leaving a document: save where the reader was in it before anything else changes.
    if (changed.has('docId') && changed.get('docId')) {
      this.position.stop();
      this.readAloud.stop();
    }
  }

  protected override async updated(): Promise<void> {
    const loaded = this.documentTask.status === TaskStatus.COMPLETE ? this.documentTask.value : undefined;
    if (!loaded) return;
    if (loaded.doc !== this.landedDoc) {
      this.landedDoc = loaded.doc;
      this.landedTarget = this.target;
      document.title = `${loaded.doc.title} · Margin`;
      await this.article.updateComplete;
      this.land(loaded);
      this.spy.observe(this.article.regions());
      this.find.refresh();
      this.position.start();
    } else if (this.target !== this.landedTarget) {
      this.landedTarget = this.target;
      this.goToTarget(this.target);
    }
  }

  protected override render(): TemplateResult {
    return this.documentTask.render({
      initial: () => html``,
      pending: () =>
        this.documentTask.value
          ? this.renderDocument(this.documentTask.value.doc)
          : html`<main><p class="message" role="status">Opening…</p></main>`,
      error: (error) => html`
        <main>
          <div class="message error" role="alert">
            <p>
              This document could not be opened: ${error instanceof Error ? error.message : String(error)}
            </p>
            <button class="button" @click=${() => this.dispatchEvent(new ShowLibraryEvent())}>
              Back to the library
            </button>
          </div>
        </main>
      `,
      complete: ({ doc }) => this.renderDocument(doc),
    });
  }

  private renderDocument(doc: Document): TemplateResult {
    return html`
      <div class="progress" aria-hidden="true"></div>
      <div class="layout">
        <div class="toc-column">
          <mg-toc
            .entries=${this.tocEntries(doc)}
            .activeId=${this.spy.activeId}
            @mg-toc-navigate=${this.onTocNavigate}
          ></mg-toc>
        </div>
        <main id="main" tabindex="-1" aria-label=${doc.title}>
          ${
            this.find.open
              ? html`<mg-find-bar
                  class="find"
                  .query=${this.find.query}
                  .count=${this.find.count}
                  .current=${this.find.index}
                  @mg-find-query=${(event: FindQueryEvent) => this.find.search(event.query)}
                  @mg-find-step=${(event: FindStepEvent) => this.find.step(event.direction)}
                  @mg-find-close=${this.closeFind}
                ></mg-find-bar>`
              : nothing
          }
          <mg-read-aloud-bar
            .status=${this.readAloud.status}
            .message=${this.readAloud.message}
            .rate=${this.preferences.readAloudRate}
            .voice=${this.preferences.readAloudVoice}
            .voices=${this.readAloud.voices}
            @mg-read-aloud-command=${this.onReadAloud}
          ></mg-read-aloud-bar>
          <mg-article
            .doc=${doc}
            .fontSize=${this.preferences.fontSize}
            .lineWidth=${this.preferences.lineWidth}
          ></mg-article>
        </main>
        <aside aria-label="About this document">
          ${doc.publisher ? html`<mg-publisher-panel .publisher=${doc.publisher}></mg-publisher-panel>` : nothing}
          <slot name="side-panel"></slot>
        </aside>
      </div>
    `;
  }

  private onReadAloud(event: ReadAloudCommandEvent): void {
    const controller = this.readAloud;
    const commands = {
      start: () => void controller.start(),
      pause: () => controller.pause(),
      resume: () => controller.resume(),
      skip: () => controller.skip(1),
      previous: () => controller.skip(-1),
      stop: () => controller.stop(),
    };
    commands[event.command]();
  }

  /** Where the reader is looking: the first block below the header. */
  private firstStartInView(): number {
    const block = this.article
      ?.blockElements()
      .find(
        (element) => element.getBoundingClientRect().bottom > READING_LINE && unitStart(element) !== null,
      );
    return block ? (unitStart(block) ?? 0) : 0;
  }

  private tocEntries(doc: Document): TocEntry[] {
    const entries: TocEntry[] = [];
    if (doc.sections[0]?.heading === null) entries.push({ id: 'top', label: 'Introduction' });
    for (const section of doc.sections) {
      if (section.heading !== null) entries.push({ id: section.id, label: tocLabel(section.heading) });
    }
    if (doc.authorBio.length > 0)
      entries.push({ id: 'bio', label: doc.authors.length === 1 ? 'About the author' : 'About the authors' });
    return entries;
  }

  /** First arrival on a document: at the passage asked for, else where the reader left off, else the top. */
  private land({ position }: LoadedDocument): void {
    if (this.target) {
      this.goToTarget(this.target);
      return;
    }
    clearLayer(HighlightLayer.searchMatch);
    if (!position || !this.position.restore(position)) window.scrollTo({ top: 0, behavior: 'instant' });
    this.article.renderRoot.querySelector<HTMLElement>('h1')?.focus({ preventScroll: true });
  }

  /** Scrolls a search passage into view, focuses it and marks the matched words in it. */
  private goToTarget(target: ReaderTarget | null): void {
    clearLayer(HighlightLayer.searchMatch);
    if (!target) return;
    const block = this.article.blockElement(target.blockId);
    if (!block) return;
    (this.article.landingElement(target.blockId) ?? block).scrollIntoView({
      block: 'center',
      behavior: 'instant',
    });
    block.focus({ preventScroll: true });
    const text = block.textContent ?? '';
    const ranges = target.terms.flatMap((term) => {
      const whole = findWholeWords(text, term);
      return rangesInElement(block, whole.length > 0 ? whole : findOccurrences(text, term));
    });
    paintLayer(HighlightLayer.searchMatch, ranges);
  }

  private onTocNavigate(event: TocNavigateEvent): void {
    const id = event.targetId ?? 'top';
    const region = this.article.regionElement(id);
    if (!region) return;
    if (id === 'top') window.scrollTo({ top: 0, behavior: preferredScrollBehavior() });
    else region.scrollIntoView({ block: 'start', behavior: preferredScrollBehavior() });
    region.querySelector<HTMLElement>('h1, h2')?.focus({ preventScroll: true });
  }

  private readonly closeFind = (): void => {
    this.find.close();
    this.mainElement?.focus({ preventScroll: true });
  };

  private onEscape(): void {
    if (this.find.open) this.closeFind();
    else this.dispatchEvent(new ClearSearchMarksEvent());
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    for (const layer of Object.values(HighlightLayer)) clearLayer(layer);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mg-reader-view': MgReaderView;
  }
}
