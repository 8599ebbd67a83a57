/**
 * The mediator's print element: what `mg-app` renders from its `PrintController`. On screen it is never
 * shown; when printed, `mg-app` (with its `printing` attribute) hides everything else (see
 * `mg-app.styles.ts`), so no header, button, panel or menu reaches the paper.
 */
import { html, nothing } from 'lit';
import type { PrintContent } from '../controllers/print-controller';
import '../components/mg-notebook-print';
import '../components/mg-print-view';

export function printContent(content: PrintContent | null) {
  if (!content) return nothing;
  // `data-print-root` (PRINT_ROOT_ATTRIBUTE) is what the controller waits on before it prints.
  if (content.kind === 'document') {
    return html`<mg-print-view
      data-print-root
      .doc=${content.doc}
      .annotations=${content.annotations}
      .citation=${content.citation}
      .layout=${content.layout}
    ></mg-print-view>`;
  }
  return html`<mg-notebook-print
    data-print-root
    .groups=${content.groups}
    .summary=${content.summary}
    .printed=${content.printed}
  ></mg-notebook-print>`;
}
