/**
 * The mediator's templates for highlights and notes: what `mg-app` renders from the state its
 * `AnnotationsController` holds. Buttons here send events up like any component's.
 */
import { html, nothing } from 'lit';
import type { Annotation, DocumentSummary, ImportReport } from '../../main/api';
import { NotesPanelToggleEvent, ShowNotebookEvent } from '../events';
import type { TextSelection } from './selection-controller';
import '../components/mg-annotation-editor';
import '../components/mg-notebook-view';
import '../components/mg-notes-panel';
import '../components/mg-pen-toast';
import '../components/mg-selection-menu';

/** The part of the controller's state the templates read. */
export interface PenState {
  readonly annotations: readonly Annotation[];
  readonly selection: TextSelection | null;
  readonly editing: { anchor: DOMRect | null; focusNote: boolean } | null;
  readonly panelOpen: boolean;
  readonly toast: { message: string; undo: Annotation | null } | null;
  readonly importReport: ImportReport | null;
  readonly all: readonly Annotation[] | null;
  readonly documents: readonly DocumentSummary[];
}

export function penOverlays(state: PenState, editing: Annotation | null) {
  return html`
    <mg-selection-menu .selection=${state.selection}></mg-selection-menu>
    ${
      editing
        ? html`<mg-annotation-editor
            .annotation=${editing}
            .anchor=${state.editing?.anchor ?? null}
            .focusNote=${state.editing?.focusNote ?? false}
          ></mg-annotation-editor>`
        : nothing
    }
    <mg-pen-toast
      .message=${state.toast?.message ?? ''}
      .actionLabel=${state.toast?.undo ? 'Undo' : ''}
    ></mg-pen-toast>
  `;
}

export function penToolbar(state: PenState, view: 'library' | 'reader' | 'notebook') {
  if (view === 'reader') {
    const count = state.annotations.length;
    return html`<button
      id="notes-toggle"
      class="button"
      aria-pressed=${state.panelOpen}
      aria-controls=${state.panelOpen ? 'notes-panel' : nothing}
      title="Show or hide your notes (Ctrl+Shift+N)"
      @click=${(event: Event) => event.currentTarget?.dispatchEvent(new NotesPanelToggleEvent())}
    >
      Notes${count ? html`<span class="muted">${count}</span>` : nothing}
    </button>`;
  }
  if (view === 'library') {
    return html`<button
      class="button"
      @click=${(event: Event) => event.currentTarget?.dispatchEvent(new ShowNotebookEvent())}
    >
      Notebook
    </button>`;
  }
  return nothing;
}

export function notebookView(state: PenState) {
  return html`<main id="main" tabindex="-1">
    <mg-notebook-view
      .annotations=${state.all ?? []}
      .documents=${state.documents}
      .importReport=${state.importReport}
    ></mg-notebook-view>
  </main>`;
}

export function notesPanel(state: PenState, docId: string) {
  return html`<mg-notes-panel
    id="notes-panel"
    slot="side-panel"
    .docId=${docId}
    .annotations=${state.annotations}
    .importReport=${state.importReport}
  ></mg-notes-panel>`;
}
