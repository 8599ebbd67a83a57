import { provide } from '@lit/context';
import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import type { MarginApi, Preferences } from '../../main/api';
import type { AppCommand, MenuAction } from '../../main/shared/app-commands';
import { DEFAULT_PREFERENCES } from '../../main/shared/preference-defaults';
import { apiContext, preferencesContext } from '../contexts';
import { AnnotationsController } from '../controllers/annotations-controller';
import { ColorSchemeController } from '../controllers/color-scheme-controller';
import { ImportsController } from '../controllers/imports-controller';
import { KeyboardShortcutController } from '../controllers/keyboard-shortcut-controller';
import { pressShortcut, ShellCommandController } from '../controllers/shell-command-controller';
import { PrintController } from '../controllers/print-controller';
import {
  AnnounceEvent,
  ClearSearchMarksEvent,
  OpenAnnotationEvent,
  OpenDocumentEvent,
  NotesPanelToggleEvent,
  OpenExternalEvent,
  PreferencesChangeEvent,
  PrintEvent,
  ReadingPositionEvent,
  SearchLibraryEvent,
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
import type { MgReadingSettings } from '../components/mg-reading-settings';
import { sharedStyles } from '../styles/shared-styles';
import { annotationOverlays, annotationsToolbar, notebookView, notesPanel } from './annotation-templates';
import { printContent } from './print-templates';
import { importOverlays } from './import-templates';
import { hashForView, LIBRARY, readerView, sameAddress, viewFromHash, type AppView } from './app-view';
import { appStyles } from './mg-app.styles';
import { passageFromHash, preferencePatchFor, resolvePassage, type PassageAddress } from './shell-commands';

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
  @query('mg-reading-settings') private readingSettings!: MgReadingSettings;
  private announceTimer: number | undefined;

  private readonly colorScheme = new ColorSchemeController(this);
  private readonly shell = new ShellCommandController(this, (command) => this.runCommand(command));

  /** The open document's highlights and notes, the notebook, and their menus and panels. */
  private readonly annotations = new AnnotationsController(
    this,
    () => this.api,
    () => this.renderRoot.querySelector('mg-reader-view')?.article?.annotations ?? null,
  );

  /** What is laid out for printing (the open document, or notes from the notebook), once asked for. */
  private readonly printing = new PrintController(this, {
    api: () => this.api,
    preferences: () => this.preferences,
    onError: (error) => this.tell(error),
  });
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
    this.addEventListener(
      PrintEvent.eventName,
      (event) => void this.printing.print(event.request, event.mode),
    );
    new KeyboardShortcutController(this, [
      { id: 'search', run: () => this.search.focus() },
      { id: 'shortcuts', run: () => this.showShortcuts() },
      { id: 'settings', run: () => void this.readingSettings.openPanel() },
      { id: 'back', run: () => window.history.back() },
      { id: 'forward', run: () => window.history.forward() },
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
    this.addEventListener(SearchLibraryEvent.eventName, (event) => this.search.searchFor(event.query));
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
    // A browser-host link (`/open/<doc>?annotation=<id>`) arrives as `#/open/…`: open its passage.
    const linked = passageFromHash(window.location.hash);
    if (linked) {
      window.history.replaceState(null, '', hashForView(LIBRARY));
      void this.openPassage(linked);
    }
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
    this.shell.report({ documentOpen: this.view.name === 'reader' });
    // Only a page laid out for print hides the app when printed (print-templates.ts).
    this.toggleAttribute('printing', this.printing.content !== null);
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
      ${printContent(this.printing.content)}
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
      this.printing.clear();
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

  /** A command from the desktop shell: a menu item, a link, a notice. */
  private runCommand(command: AppCommand): void {
    switch (command.type) {
      case 'shortcut':
        return pressShortcut(command.id);
      case 'menu':
        return this.runMenuAction(command.action);
      case 'open-passage':
        return void this.openPassage(command);
      case 'notice':
        return this.notify(command.message);
    }
  }

  private runMenuAction(action: MenuAction): void {
    if (action === 'about') return this.readingSettings.showAbout();
    if (action === 'library') return this.go(LIBRARY);
    if (action === 'notebook') return this.go({ name: 'notebook' });
    if (action === 'save-pdf') {
      if (this.view.name === 'reader')
        void this.printing.print({ kind: 'document', docId: this.view.docId }, 'pdf');
      return;
    }
    if (action === 'export-notes') {
      // The export choices live in the notes panel (this document) and the notebook (every note).
      if (this.view.name === 'reader') this.dispatchEvent(new NotesPanelToggleEvent(true));
      else this.go({ name: 'notebook' });
      return;
    }
    const patch = preferencePatchFor(action, this.preferences);
    if (patch) this.changePreferences(patch);
  }

  /** A link back to a passage: open its document at the highlight, or say why not. */
  private async openPassage(address: PassageAddress): Promise<void> {
    try {
      const verdict = await resolvePassage(this.api, address);
      if (verdict.open?.annotationId)
        this.dispatchEvent(new OpenAnnotationEvent(verdict.open.docId, verdict.open.annotationId));
      else if (verdict.open) this.go(readerView(verdict.open.docId));
      if (verdict.notice) this.notify(verdict.notice);
    } catch (error) {
      this.tell(error);
    }
  }

  /** Shows a notice and says it through the live region. */
  private notify(message: string): void {
    if (!this.notices.includes(message)) this.notices = [...this.notices, message];
    this.announce(message);
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
