import { html } from 'lit';
import type { CitationStyleId } from '../../main/api';
import { CITATION_STYLES } from '../../main/shared/citation-styles';

/** The `<option>`s of a citation style picker (the selection menu's and the reading settings'). */
export function citationStyleOptions(selected: CitationStyleId) {
  return CITATION_STYLES.map(
    (style) => html`<option value=${style.id} ?selected=${style.id === selected}>${style.label}</option>`,
  );
}
