/**
 * The article's units as rendered: each `[data-start]` element with its canonical span. A unit's text
 * nodes are walked only when a range in it is first asked for, so a paint that builds ranges for the
 * units on screen walks only those.
 */
import { unitStart, type BlockSpan } from '../anchoring/block-spans';

interface TextWalk {
  nodes: Text[];
  /** Cumulative end offset of each text node within the unit. */
  ends: number[];
}

export class RenderedUnit implements BlockSpan {
  private walked: TextWalk | null = null;

  constructor(
    readonly element: Element,
    readonly start: number,
    /** The unit's text length: its `textContent`, which is exactly the unit's canonical text. */
    readonly length: number,
  ) {}

  /** The unit's non-empty text nodes, in order. */
  get nodes(): readonly Text[] {
    return this.walk().nodes;
  }

  get ends(): readonly number[] {
    return this.walk().ends;
  }

  /** The canonical offset of a point in one of this unit's text nodes, or null when it is not one. */
  offsetOf(node: Node, offset: number): number | null {
    const index = this.walk().nodes.indexOf(node as Text);
    if (index < 0) return null;
    return this.start + (index === 0 ? 0 : this.ends[index - 1]) + offset;
  }

  private walk(): TextWalk {
    if (this.walked) return this.walked;
    const nodes: Text[] = [];
    const ends: number[] = [];
    const walker = this.element.ownerDocument.createTreeWalker(this.element, NodeFilter.SHOW_TEXT);
    let length = 0;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node as Text;
      if (text.length === 0) continue;
      length += text.length;
      nodes.push(text);
      ends.push(length);
    }
    this.walked = { nodes, ends };
    return this.walked;
  }
}

/** Every unit under the article in reading order (their text nodes are walked on demand). */
export function readUnits(article: Element): RenderedUnit[] {
  const units: RenderedUnit[] = [];
  for (const element of article.querySelectorAll('[data-start]')) {
    const start = unitStart(element);
    if (start === null) continue;
    units.push(new RenderedUnit(element, start, element.textContent?.length ?? 0));
  }
  // Reading order is canonical order; sorting guards against a layout that renders out of order.
  return units.sort((a, b) => a.start - b.start);
}
