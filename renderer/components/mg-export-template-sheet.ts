import { consume } from '@lit/context';
import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { customElement, query, state } from 'lit/decorators.js';
import type { Annotation, Document, DocumentSummary, MarginApi, Preferences } from '../../main/api';
import {
  DEFAULT_EXPORT_TEMPLATE,
  DOCUMENT_PLACEHOLDERS,
  NOTE_PLACEHOLDERS,
  parseExportTemplate,
  renderExportTemplate,
  templateDocument,
} from '../../main/shared/export-template';
import { annotationIdInLink } from '../../main/shared/annotation-ids';
import { DEFAULT_PREFERENCES } from '../../main/shared/preference-defaults';
import { announce } from '../announce';
import { apiContext, preferencesContext } from '../contexts';
import { PreferencesChangeEvent } from '../events';
import { sharedStyles } from '../styles/shared-styles';
import { exportTemplateSheetStyles } from './mg-export-template-sheet.styles';

/** How many of the library's documents the preview offers before the reader has any notes. */
const PREVIEW_CHOICES = 20;

/** What the preview is made from: one document of the library with its notes and reference. */
interface PreviewSource {
  doc: Document;
  annotations: Annotation[];
  reference: string;
  /** The built-in layout of the same export, as main writes it. */
  builtIn: string;
}

/**
 * The Markdown export template: edit it, see the export of a document with notes change as you type,
 * save it or go back to the built-in layout. A template that cannot be used says why in one line and
 * is not saved; exports then keep the saved one (or the built-in layout). Values are shown as text in
 * the preview, never as HTML.
 *
 * @fires mg-preferences-change - the template was saved or reset
 */
@customElement('mg-export-template-sheet')
export class MgExportTemplateSheet extends LitElement {
  static override styles = [sharedStyles, exportTemplateSheetStyles];

  @consume({ context: apiContext })
  private api!: MarginApi;

  @consume({ context: preferencesContext, subscribe: true })
  @state()
  private preferences: Preferences = DEFAULT_PREFERENCES;

  @state() private draft = '';
  @state() private documents: DocumentSummary[] = [];
  @state() private previewId = '';
  @state() private source: PreviewSource | null = null;
  @state() private problem: string | null = null;
  @query('dialog') private dialog!: HTMLDialogElement;

  /** Opens the sheet on the saved template (or the starting one) and a document with notes. */
  async show(): Promise<void> {
    await this.updateComplete;
    this.draft = this.preferences.exportTemplate || DEFAULT_EXPORT_TEMPLATE;
    if (!this.dialog.open) this.dialog.showModal();
    try {
      this.documents = await this.previewChoices();
      if (this.documents[0]) await this.loadPreview(this.documents[0].id);
    } catch (error) {
      this.problem = error instanceof Error ? error.message : String(error);
    }
  }

  /**
   * The documents the preview may be made on: those with notes (what a template lays out), or, before
   * the reader has any, the first few of the library by title; never the whole library.
   */
  private async previewChoices(): Promise<DocumentSummary[]> {
    const annotated = (await this.api.listAnnotatedDocuments()).filter((summary) => !summary.removed);
    if (annotated.length > 0) return annotated;
    const page = await this.api.listDocumentPage({ sort: 'title', offset: 0, limit: PREVIEW_CHOICES });
    return page.rows;
  }

  private async loadPreview(docId: string): Promise<void> {
    this.previewId = docId;
    // Another document's preview is not shown under this one's name while it loads.
    if (this.source?.doc.id !== docId) this.source = null;
    const [doc, annotations, reference, files] = await Promise.all([
      this.api.getDocument(docId),
      this.api.listAnnotations(docId),
      this.api
        .citeDocument(docId, this.preferences.citationStyle)
        .then((cited) => cited.reference.text)
        .catch(() => ''),
      // The built-in layout, whatever template is saved: what '' (reset) would export.
      this.api.exportAnnotations('markdown', docId),
    ]);
    if (this.previewId === docId)
      this.source = { doc, annotations, reference, builtIn: files[0]?.content ?? '' };
  }

  override render(): TemplateResult {
    const parsed = parseExportTemplate(this.draft);
    const saved = this.preferences.exportTemplate;
    return html`
      <dialog aria-labelledby="template-title">
        <h2 id="template-title">Markdown export template</h2>
        <p class="muted">
          Placeholders: ${DOCUMENT_PLACEHOLDERS.map((name) => html`<code>{{${name}}}</code> `)}; between
          <code>{{#notes}}</code> and <code>{{/notes}}</code>, once per note:
          ${NOTE_PLACEHOLDERS.map((name) => html`<code>{{${name}}}</code> `)}. A file made with your template
          is for reading and writing; to import notes back, export with the built-in layout or as JSON-LD.
        </p>
        <div class="columns">
          <label class="field">
            <span class="label">Template</span>
            <textarea
              spellcheck="false"
              aria-describedby="template-status"
              .value=${this.draft}
              @input=${(event: InputEvent) => (this.draft = (event.target as HTMLTextAreaElement).value)}
            ></textarea>
          </label>
          <div class="field">
            <span class="label" id="preview-label">Preview</span>
            ${this.renderDocumentPicker()}
            <pre class="preview" role="region" aria-labelledby="preview-label" tabindex="0">
${this.preview(parsed.ok ? this.draft : saved)}</pre>
          </div>
        </div>
        <p
          id="template-status"
          class=${parsed.ok ? 'status' : 'status problem'}
          role=${parsed.ok ? 'status' : 'alert'}
        >
          ${
            parsed.ok
              ? this.okStatus(saved)
              : `This template cannot be used: ${parsed.message} Exports use ${saved ? 'the saved template' : 'the built-in layout'} until it is fixed.`
          }
        </p>
        ${this.problem ? html`<p role="alert" class="status problem">${this.problem}</p>` : nothing}
        <div class="actions">
          <button class="button" @click=${this.reset}>Use the built-in layout</button>
          <button class="button primary" ?disabled=${!parsed.ok || this.draft === saved} @click=${this.save}>
            Save template
          </button>
          <form method="dialog"><button class="button">Close</button></form>
        </div>
      </dialog>
    `;
  }

  /** Where a usable draft stands against what exports use now. */
  private okStatus(saved: string): string {
    if (saved !== '' && this.draft === saved) return 'Saved: exports use this template.';
    if (saved === '') return 'Exports use the built-in layout; save to use this template instead.';
    return 'Not saved yet: exports use the saved template.';
  }

  private renderDocumentPicker(): TemplateResult | typeof nothing {
    if (this.documents.length < 2) return nothing;
    return html`<select
      aria-label="Preview on"
      @change=${(event: Event) => void this.loadPreview((event.target as HTMLSelectElement).value)}
    >
      ${this.documents.map(
        (summary) =>
          html`<option value=${summary.id} ?selected=${summary.id === this.previewId}>
            ${summary.title}
          </option>`,
      )}
    </select>`;
  }

  /** The export of the preview document in `template` ('' is the built-in layout). */
  private preview(template: string): string {
    const source = this.source;
    if (!source) return 'Loading…';
    if (template === '') return source.builtIn;
    const data = templateDocument(
      source.doc,
      source.annotations,
      source.reference,
      new Date().toISOString(),
      (annotation) => `margin://open/${source.doc.id}?annotation=${annotationIdInLink(annotation.id)}`,
    );
    const rendered = renderExportTemplate(template, data);
    return rendered.ok ? rendered.text : source.builtIn;
  }

  private save(): void {
    this.dispatchEvent(new PreferencesChangeEvent({ exportTemplate: this.draft }));
    announce(this, 'Export template saved.');
  }

  private reset(): void {
    this.draft = DEFAULT_EXPORT_TEMPLATE;
    this.dispatchEvent(new PreferencesChangeEvent({ exportTemplate: '' }));
    announce(this, 'Exports use the built-in layout.');
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mg-export-template-sheet': MgExportTemplateSheet;
  }
}
