/**
 * The mediator's templates for the reader's own documents: what `mg-app` renders from its
 * `ImportsController`. The file input is the app's one way to the system's file picker ("Add
 * documents…" and Ctrl/Cmd+O both click it); like any component's, its news goes up as events.
 */
import { html } from 'lit';
import { IMPORT_ACCEPT, type ImportsController } from '../controllers/imports-controller';
import { DocumentRestoreEvent, ImportFilesEvent } from '../events';
import '../components/mg-annotation-toast';
import '../components/mg-drop-target';
import '../components/mg-import-panel';

/** The hidden file input, the drop target, the import list and the removal toast. */
export function importOverlays(imports: ImportsController) {
  const toast = imports.toast;
  return html`
    <input
      id="add-documents-input"
      type="file"
      multiple
      accept=${IMPORT_ACCEPT}
      hidden
      @change=${(event: Event) => {
        const input = event.currentTarget as HTMLInputElement;
        const files = [...(input.files ?? [])];
        // Emptied, so that picking the same file again is a change too.
        input.value = '';
        input.dispatchEvent(new ImportFilesEvent(files));
      }}
    />
    <mg-drop-target ?active=${imports.dragging}></mg-drop-target>
    <mg-import-panel .rows=${imports.queue.rows}></mg-import-panel>
    <mg-annotation-toast
      id="removal-toast"
      .message=${toast?.message ?? ''}
      .actionLabel=${toast?.undo ? 'Undo' : ''}
      @mg-toast-action=${(event: Event) => {
        // This toast's Undo is the removal's, not the annotations' (which listen for the same event).
        event.stopPropagation();
        event.currentTarget?.dispatchEvent(new DocumentRestoreEvent());
      }}
      @mg-toast-dismiss=${(event: Event) => {
        event.stopPropagation();
        imports.dismissToast();
      }}
    ></mg-annotation-toast>
  `;
}
