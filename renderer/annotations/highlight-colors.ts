/**
 * The five highlight colours as the renderer offers them. The renderer may import only types from
 * `main/api.ts`, so the list is repeated here and the compiler checks that it names every colour.
 */
import type { HighlightColor } from '../../main/api';

const LABELS = {
  yellow: 'Yellow',
  green: 'Green',
  blue: 'Blue',
  pink: 'Pink',
  purple: 'Purple',
} as const satisfies Record<HighlightColor, string>;

export const HIGHLIGHT_COLORS = Object.keys(LABELS) as HighlightColor[];

/** The colour's name for buttons and screen readers ("Highlight yellow"). */
export function colorLabel(color: HighlightColor | null): string {
  return color ? LABELS[color] : 'No colour';
}
