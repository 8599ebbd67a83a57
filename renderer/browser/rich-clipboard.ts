/**
 * Writes text with its HTML form to the clipboard, so a word processor keeps the italics and a plain
 * editor gets the text. Where `ClipboardItem` or HTML on the clipboard is refused, the text alone.
 */
import type { FormattedText } from '../../main/api';

export async function writeRichText(content: FormattedText): Promise<void> {
  if (typeof ClipboardItem !== 'undefined' && typeof navigator.clipboard.write === 'function') {
    try {
      await navigator.clipboard.write([
        new ClipboardItem({
          'text/plain': new Blob([content.text], { type: 'text/plain' }),
          'text/html': new Blob([content.html], { type: 'text/html' }),
        }),
      ]);
      return;
    } catch {
      // Fall back to plain text below.
    }
  }
  await navigator.clipboard.writeText(content.text);
}
