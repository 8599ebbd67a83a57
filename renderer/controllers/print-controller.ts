import type { ReactiveController, ReactiveControllerHost, ReactiveElement } from 'lit';
import type {
  Annotation,
  Citation,
  Document,
  MarginApi,
  Preferences,
  PrintMode,
  PrintNotesLayout,
  PrintOutcome,
} from '../../main/api';
import type { NotebookPrintGroup } from '../annotations/print-plan';
import { announce } from '../announce';
import type { PrintRequest } from '../events';

/** What the print element shows, loaded in full before the page is printed. */
export type PrintContent =
  | {
      kind: 'document';
      doc: Document;
      annotations: Annotation[];
      citation: Citation | null;
      layout: PrintNotesLayout;
    }
  | { kind: 'notebook'; groups: NotebookPrintGroup[]; summary: string; printed: string };

/** The attribute that marks the host's print element, which this controller waits for. */
export const PRINT_ROOT_ATTRIBUTE = 'data-print-root';

const DONE: Record<Exclude<PrintOutcome, 'unavailable'>, string> = {
  printed: 'Sent to the printer.',
  saved: 'Saved as PDF.',
  cancelled: 'Printing cancelled.',
};

/**
 * Printing: loads what the print shows (the document, its notes and citation, or the notebook's notes
 * with their citations), lets the host render it into its print element, then asks the app to print
 * the window. Where the app cannot (the browser host), the page prints itself with `window.print()`:
 * the same print stylesheet either way. The content stays until the host clears it, so the browser's
 * own Print prints the same thing again.
 */
export class PrintController implements ReactiveController {
  content: PrintContent | null = null;
  private busy = false;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly options: {
      api: () => MarginApi;
      preferences: () => Preferences;
      onError: (error: unknown) => void;
    },
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  clear(): void {
    if (this.content === null) return;
    this.content = null;
    this.host.requestUpdate();
  }

  async print(request: PrintRequest, mode: PrintMode): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    try {
      this.content = await this.load(request);
      this.host.requestUpdate();
      await this.rendered();
      const outcome = await this.options.api().printPage(mode);
      if (outcome === 'unavailable') window.print();
      else announce(this.host, DONE[outcome]);
    } catch (error) {
      this.options.onError(error);
    } finally {
      this.busy = false;
    }
  }

  /** Waits until the print element and every element inside it (notes in Markdown) have rendered. */
  private async rendered(): Promise<void> {
    await this.host.updateComplete;
    const root = this.host.shadowRoot?.querySelector<ReactiveElement>(`[${PRINT_ROOT_ATTRIBUTE}]`);
    if (!root) return;
    await root.updateComplete;
    const inner = [...(root.shadowRoot?.querySelectorAll<ReactiveElement>('mg-markdown') ?? [])];
    await Promise.all(inner.map((element) => element.updateComplete));
    await document.fonts.ready;
  }

  private async load(request: PrintRequest): Promise<PrintContent> {
    const api = this.options.api();
    const { citationStyle, printNotes } = this.options.preferences();
    if (request.kind === 'document') {
      const [doc, annotations, citation] = await Promise.all([
        api.getDocument(request.docId),
        api.listAnnotations(request.docId),
        // A print without its citation is still a print (a build without the styles).
        api.citeDocument(request.docId, citationStyle).catch(() => null),
      ]);
      return { kind: 'document', doc, annotations, citation, layout: printNotes };
    }
    // The notes are all on documents with notes: their rows are the titles, not the whole library's.
    const annotated = await api.listAnnotatedDocuments();
    const titles = new Map(annotated.map((summary) => [summary.id, summary.title]));
    const cite = (docId: string, at?: number) => api.citeDocument(docId, citationStyle, at).catch(() => null);
    const byDocument = new Map<string, Annotation[]>();
    for (const annotation of request.annotations) {
      byDocument.set(annotation.docId, [...(byDocument.get(annotation.docId) ?? []), annotation]);
    }
    // The citations are asked for together: a notebook of hundreds of notes is one wait, not hundreds.
    const groups: NotebookPrintGroup[] = await Promise.all(
      [...byDocument].map(async ([docId, annotations]) => ({
        docId,
        title: titles.get(docId) ?? docId,
        reference: (await cite(docId))?.reference.text ?? '',
        items: await Promise.all(
          annotations.map(async (annotation) => {
            const at = annotation.selectors[1]?.start;
            const located =
              at === undefined || annotation.anchorStatus === 'orphaned' ? null : await cite(docId, at);
            return { annotation, citation: located?.citation.text ?? '' };
          }),
        ),
      })),
    );
    const printed = new Date().toLocaleDateString('en-GB', {
      day: 'numeric',
      month: 'long',
      year: 'numeric',
    });
    return { kind: 'notebook', groups, summary: request.summary, printed };
  }
}
