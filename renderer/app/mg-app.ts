import { provide } from '@lit/context';
import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import type { MarginApi, Preferences } from '../../main/api';
import { DEFAULT_PREFERENCES } from '../../main/shared/preference-defaults';
import { apiContext, preferencesContext } from '../contexts';
import { AnnotationsController } from '../controllers/annotations-controller';
import { ColorSchemeController } from '../controllers/color-scheme-controller';
import { ImportsController } from '../controllers/imports-controller';
import { KeyboardShortcutController } from '../controllers/keyboard-shortcut-controller';
import {
  AnnounceEvent,
  ClearSearchMarksEvent,
  OpenAnnotationEvent,
  OpenDocumentEvent,
  OpenExternalEvent,
  PreferencesChangeEvent,
  ReadingPositionEvent,
  ShowLibraryEvent,
  ShowNotebookEvent,
  ShowShortcutsEvent,
} from '../events';
import '../components/mg-library-view';
import '../components/mg-reader-view';
import '../components/mg-reading-settings';
import '../components/mg-sync-settings';
import '../components/mg-search';
import '../components/mg-shortcuts-sheet';
import type { MgShortcutsSheet } from '../components/mg-shortcuts-sheet';
import type { MgSearch } from '../components/mg-search';
import { sharedStyles } from '../styles/shared-styles';
import { annotationOverlays, annotationsToolbar, notebookView, notesPanel } from './annotation-templates';
import { importOverlays } from './import-templates';
import { hashForView, LIBRARY, readerView, sameAddress, viewFromHash, type AppView } from './app-view';
import { appStyles } from './mg-app.styles';

/** The last painted theme, read by `main.ts` at start-up. */
export const THEME_KEY = 'margin-painted-theme';

/**
 * The mediator: owns the app state (which view, the preferences, notices), hands the API client and
 * preferences down through context, and is the only element that changes state or writes through the
 * API. Everything below it sends events up.
 */
@customElement('mg-app')
export class MgApp extends LitElement {
  static override styles = [sharedStyles, appStyles];

  /** The API client, handed to every element through context. */
  @provide({ context: apiContext })
  @property({ attribute: false })
  api!: MarginApi;

  @provide({ context: preferencesContext })
  @state()
  private preferences: Preferences = DEFAULT_PREFERENCES;

  @state() private view: AppView = viewFromHash(window.location.hash);
  @state() private notices: string[] = [];

  /** What the one polite live region says now (see `announce()`). */
  @state() private announcement = '';

  @query('mg-search') private search!: MgSearch;
  @query('mg-shortcuts-sheet') private shortcutsSheet!: MgShortcutsSheet;
  private announceTimer: number | undefined;

  private readonly colorScheme = new ColorSchemeController(this);

  /** The open document's highlights and notes, the notebook, and their menus and panels. */
  private readonly annotations = new AnnotationsController(
    this,
    () => this.api,
    () => this.renderRoot.querySelector('mg-reader-view')?.article?.annotations ?? null,
  );

  /** The reader's own documents: picking and dropping files, the import list, removing with undo. */
  private readonly imports = new ImportsController(
    this,
    () => this.api,
    () => {
      // The notebook shows a removed document's notes marked "(removed)": an Undo there unmarks them.
      if (this.view.name === 'notebook') void this.annotations.loadAll();
    },
  );

  constructor() {
    super();
    new KeyboardShortcutController(this, [
      { id: 'search', run: () => this.search.focus() },
      { id: 'shortcuts', run: () => this.showShortcuts() },
      { id: 'add-documents', run: () => this.imports.pickFiles() },
    ]);
    this.addEventListener(ShowShortcutsEvent.eventName, () => this.showShortcuts());
    this.addEventListener(AnnounceEvent.eventName, (event) => this.announce(event.message));
    this.addEventListener(OpenDocumentEvent.eventName, (event) =>
      this.go(readerView(event.docId, event.passage)),
    );
    this.addEventListener(OpenAnnotationEvent.eventName, (event) =>
      this.go(readerView(event.docId, null, event.annotationId)),
    );
    this.addEventListener(ShowLibraryEvent.eventName, () => this.go(LIBRARY));
    this.addEventListener(ShowNotebookEvent.eventName, () => this.go({ name: 'notebook' }));
    this.addEventListener(PreferencesChangeEvent.eventName, (event) => this.changePreferences(event.patch));
    this.addEventListener(ReadingPositionEvent.eventName, (event) => {
      this.api.setReadingPosition(event.docId, event.position).catch((error) => this.tell(error));
    });
    this.addEventListener(OpenExternalEvent.eventName, (event) => {
      this.api.openExternal(event.url).catch((error) => this.tell(error));
    });
    this.addEventListener(ClearSearchMarksEvent.eventName, () => {
      if (this.view.name === 'reader' && this.view.target) this.view = { ...this.view, target: null };
    });
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('popstate', this.onPopState);
    this.api
      .getPreferences()
      .then((preferences) => (this.preferences = preferences))
      .catch((error) => this.tell(error));
    this.api
      .getStatus()
      .then((status) => (this.notices = [...this.notices, ...status.notices]))
      .catch((error) => this.tell(error));
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('popstate', this.onPopState);
  }

  protected override willUpdate(changed: PropertyValues): void {
    this.annotations.setDocument(this.view.name === 'reader' ? this.view.docId : null);
    if (changed.has('view') && this.view.name === 'notebook') void this.annotations.loadAll();
    const { theme } = this.preferences;
    const resolved = theme === 'system' ? (this.colorScheme.prefersDark ? 'dark' : 'light') : theme;
    document.documentElement.dataset.theme = resolved;
    // Remembered on this side too, so the next start paints the right theme before preferences arrive.
    localStorage.setItem(THEME_KEY, resolved);
    if (this.view.name !== 'reader') document.title = 'Margin';
  }

  protected override render(): TemplateResult {
    return html`
      <header>
        <div class="start">${this.view.name === 'library' ? this.renderBrand() : this.renderBack()}</div>
        <mg-search></mg-search>
        <div class="end">
          ${annotationsToolbar(this.annotations, this.view.name)}<mg-sync-settings></mg-sync-settings
          ><mg-reading-settings></mg-reading-settings>
        </div>
      </header>
      ${
        this.notices.length > 0
          ? html`<div class="notices" role="status">
              ${this.notices.map(
                (notice, index) =>
                  html`<div class="notice">
                    <span>${notice}</span>
                    <button class="icon-button" aria-label="Dismiss" @click=${() => this.dismiss(index)}>
                      ✕
                    </button>
                  </div>`,
              )}
            </div>`
          : nothing
      }
      ${this.renderView()} ${annotationOverlays(this.annotations)} ${importOverlays(this.imports)}
      <mg-shortcuts-sheet></mg-shortcuts-sheet>
      <div id="announcer" class="visually-hidden" role="status" aria-live="polite" aria-atomic="true">
        ${this.announcement}
      </div>
    `;
  }

  private renderView(): TemplateResult {
    const view = this.view;
    switch (view.name) {
      case 'library':
        return html`<mg-library-view .revision=${this.imports.libraryRevision}></mg-library-view>`;
      case 'reader':
        return html`<mg-reader-view .docId=${view.docId} .target=${view.target}
          >${notesPanel(this.annotations)}</mg-reader-view
        >`;
      case 'notebook':
        return notebookView(this.annotations);
    }
  }

  private renderBrand(): TemplateResult {
    return html`<span class="brand"
      ><span class="brand-mark" aria-hidden="true">M</span><span class="brand-name">Margin</span></span
    >`;
  }

  private renderBack(): TemplateResult {
    return html`<button class="button back" @click=${() => this.go(LIBRARY)}>
      <svg viewBox="0 0 24 24" aria-hidden="true"><path d="M15 6l-6 6 6 6"></path></svg>
      Library
    </button>`;
  }

  /** Moves to a view; `fromHistory` when the browser's back/forward already changed the address. */
  private go(next: AppView, fromHistory = false): void {
    const previous = this.view;
    const moved = !sameAddress(previous, next);
    if (moved) {
      this.leaveReader();
      if (!fromHistory) window.history.pushState(null, '', hashForView(next));
    }
    this.view = next;
    // The reader finds its own place; other views start at the top.
    if (moved && next.name !== 'reader') void this.arriveAtTop();
  }

  /** Scrolls a freshly shown view to the top; the library also takes focus on its heading. */
  private async arriveAtTop(): Promise<void> {
    await this.updateComplete;
    const library = this.renderRoot.querySelector('mg-library-view');
    await library?.updateComplete;
    window.scrollTo({ top: 0, behavior: 'instant' });
    library?.renderRoot.querySelector<HTMLElement>('h1')?.focus({ preventScroll: true });
  }

  private readonly onPopState = (): void => {
    this.go(viewFromHash(window.location.hash), true);
  };

  /** The open reader saves its place while it can still tell the app. */
  private leaveReader(): void {
    this.renderRoot.querySelector('mg-reader-view')?.savePlace();
  }

  private changePreferences(patch: Partial<Preferences>): void {
    this.preferences = { ...this.preferences, ...patch };
    this.api
      .setPreferences(patch)
      .then((saved) => (this.preferences = saved))
      .catch((error) => this.tell(error));
  }

  /**
   * Says a message through the one polite live region. The region is emptied first, so the same
   * words said twice are heard twice, and each message replaces the last instead of queueing.
   */
  private announce(message: string): void {
    window.clearTimeout(this.announceTimer);
    this.announcement = '';
    this.announceTimer = window.setTimeout(() => (this.announcement = message), 60);
  }

  private showShortcuts(): void {
    void this.shortcutsSheet.show(deepActiveElement());
  }

  private tell(error: unknown): void {
    const message = error instanceof Error ? error.message : String(error);
    if (!this.notices.includes(message)) this.notices = [...this.notices, message];
  }

  private dismiss(index: number): void {
    this.notices = this.notices.filter((_, i) => i !== index);
  }
}

/** The element that has focus, looking into shadow roots. */
function deepActiveElement(): HTMLElement | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active instanceof HTMLElement ? active : null;
}

declare global {
  interface HTMLElementTagNameMap {
    'mg-app': MgApp;
  }
}
