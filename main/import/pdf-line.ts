/** One line of text on a PDF page, where it sits and how it is set. Coordinates from the page's top left. */
export interface PdfLineInit {
  page: number;
  x: number;
  /** Baseline, from the top of the page. */
  y: number;
  width: number;
  /** Type size in points. */
  size: number;
  text: string;
  chars: number;
  boldChars: number;
  italic: boolean;
  pageWidth: number;
  pageHeight: number;
}

// The class carries every field of PdfLineInit (declaration merging), set once in the constructor.
// eslint-disable-next-line @typescript-eslint/no-empty-object-type, @typescript-eslint/no-unsafe-declaration-merging
export interface PdfLine extends PdfLineInit {}

// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export class PdfLine {
  constructor(init: PdfLineInit) {
    Object.assign(this, init);
    // Glyphs without a Unicode mapping come out as NUL and other controls: they are not text.
    this.text = init.text
      .replace(/\s+/g, ' ')
      .replace(/[\p{Cc}\ufffd]/gu, '')
      .trim();
  }

  get bold(): boolean {
    return this.chars > 0 && this.boldChars / this.chars > 0.6;
  }

  get right(): number {
    return this.x + this.width;
  }
}

/** A line for tests and rules: the fields that matter, sensible defaults for the rest (A4, 11 pt). */
export function line(
  text: string,
  at: Partial<Omit<PdfLineInit, 'text'>> & { bold?: boolean } = {},
): PdfLine {
  const size = at.size ?? 11;
  const chars = text.length;
  return new PdfLine({
    page: at.page ?? 1,
    x: at.x ?? 57,
    y: at.y ?? 100,
    width: at.width ?? text.length * size * 0.45,
    size,
    text,
    chars,
    boldChars: at.bold ? chars : (at.boldChars ?? 0),
    italic: at.italic ?? false,
    pageWidth: at.pageWidth ?? 595,
    pageHeight: at.pageHeight ?? 842,
  });
}
