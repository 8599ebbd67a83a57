/**
 * The mediator's templates for highlights and notes: what `mg-app` renders from its
 * `AnnotationsController` (the page's share) and that controller's `AnnotationsState` (the records).
 * Buttons here send events up like any component's.
 */
import { html, nothing } from 'lit';
import type { AnnotationsController } from '../controllers/annotations-controller';
import { NotesPanelToggleEvent, PrintEvent, ShowNotebookEvent } from '../events';
import '../components/mg-annotation-editor';
import '../components/mg-notebook-view';
import '../components/mg-notes-panel';
import '../components/mg-annotation-toast';
import '../components/mg-selection-menu';

/** The selection menu, the editor and the toast, wherever the app puts its overlays. */
export function annotationOverlays(view: AnnotationsController) {
  const editing = view.editingAnnotation;
  const toast = view.state.toast;
  return html`
    <mg-selection-menu .selection=${view.selection}></mg-selection-menu>
    ${
      editing
        ? html`<mg-annotation-editor
            .annotation=${editing}
            .anchor=${view.editing?.anchor ?? null}
            .focusNote=${view.editing?.focusNote ?? false}
          ></mg-annotation-editor>`
        : nothing
    }
    <mg-annotation-toast
      .message=${toast?.message ?? ''}
      .actionLabel=${toast?.undo ? 'Undo' : ''}
    ></mg-annotation-toast>
  `;
}

/** The header's buttons: the notes panel toggle in the reader, the notebook in the library. */
export function annotationsToolbar(view: AnnotationsController, place: 'library' | 'reader' | 'notebook') {
  if (place === 'reader') {
    const count = view.state.annotations.length;
    return html`<button
        id="notes-toggle"
        class="button"
        aria-pressed=${view.panelOpen}
        aria-controls=${view.panelOpen ? 'notes-panel' : nothing}
        title="Show or hide your notes (Ctrl+Shift+N)"
        @click=${(event: Event) => event.currentTarget?.dispatchEvent(new NotesPanelToggleEvent())}
      >
        Notes${count ? html`<span class="muted">${count}</span>` : nothing}</button
      >${printButton(view.state.docId)}`;
  }
  if (place === 'library') {
    return html`<button
      class="button"
      @click=${(event: Event) => event.currentTarget?.dispatchEvent(new ShowNotebookEvent())}
    >
      Notebook
    </button>`;
  }
  return nothing;
}

/** Print for the open document, with its highlights and notes (Save as PDF is in the notes panel). */
function printButton(docId: string | null) {
  if (!docId) return nothing;
  return html`<button
    class="button"
    title="Print with your highlights and notes (Ctrl+P)"
    @click=${(event: Event) =>
      event.currentTarget?.dispatchEvent(new PrintEvent({ kind: 'document', docId }, 'dialog'))}
  >
    Print…
  </button>`;
}

/** The notebook view, with everything loaded by `loadAll`. */
export function notebookView({ state }: AnnotationsController) {
  return html`<main id="main" tabindex="-1">
    <mg-notebook-view
      .annotations=${state.all ?? []}
      .documents=${state.documents}
      .importReport=${state.importReport}
    ></mg-notebook-view>
  </main>`;
}

/** The notes panel for the open document, for the reader's side column while it is open. */
export function notesPanel(view: AnnotationsController) {
  const { state } = view;
  if (!state.docId || !view.panelOpen) return nothing;
  return html`<mg-notes-panel
    id="notes-panel"
    slot="side-panel"
    .docId=${state.docId}
    .annotations=${state.annotations}
    .importReport=${state.importReport}
  ></mg-notes-panel>`;
}
