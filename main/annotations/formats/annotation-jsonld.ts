/**
 * W3C Web Annotation JSON-LD: Margin's records out (an AnnotationCollection whose first page holds every
 * annotation) and back in. What the W3C model has no word for (the highlight colour, the text version
 * the selectors refer to, the anchoring status) travels in `margin:` properties under Margin's own
 * JSON-LD context; the colour is also given the W3C way, as a styleClass with a stylesheet.
 */
import { randomUUID } from 'node:crypto';
import { HIGHLIGHT_COLORS } from '../../api';
import type { Annotation, ExportedFile, HighlightColor } from '../../api';
import { checkAnnotationRecord } from '../annotation-validation';

export const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';
export const MARGIN_NAMESPACE = 'https://margin.invalid/ns/annotation#';
const CONTEXT = [ANNO_CONTEXT, { margin: MARGIN_NAMESPACE }];
const DOC_URN = 'urn:margin:doc:';
export const JSONLD_MEDIA_TYPE = `application/ld+json; profile="${ANNO_CONTEXT}"`;

const SWATCHES: Record<HighlightColor, string> = {
  yellow: '#fde68a',
  green: '#bbf7d0',
  blue: '#bfdbfe',
  pink: '#fbcfe8',
  purple: '#ddd6fe',
};
const STYLESHEET = {
  type: 'CssStylesheet',
  value: HIGHLIGHT_COLORS.map((color) => `.margin-${color} { background-color: ${SWATCHES[color]}; }`).join(
    ' ',
  ),
};

export function documentUrn(docId: string): string {
  return `${DOC_URN}${docId}`;
}

export function toWebAnnotation(record: Annotation): Record<string, unknown> {
  const body: Array<Record<string, unknown>> = [];
  if (record.note !== '')
    body.push({ type: 'TextualBody', purpose: 'commenting', value: record.note, format: 'text/markdown' });
  for (const tag of record.tags) body.push({ type: 'TextualBody', purpose: 'tagging', value: tag });
  const source = documentUrn(record.docId);
  const target =
    record.selectors.length === 0
      ? source
      : {
          type: 'SpecificResource',
          source,
          selector: record.selectors.map((selector) => ({ ...selector })),
          ...(record.color ? { styleClass: `margin-${record.color}` } : {}),
        };
  return {
    '@context': CONTEXT,
    id: record.id,
    type: 'Annotation',
    motivation: record.motivation,
    created: record.created,
    modified: record.modified,
    ...(body.length > 0 ? { body } : {}),
    target,
    ...(record.color && record.selectors.length > 0 ? { stylesheet: STYLESHEET } : {}),
    'margin:color': record.color,
    'margin:docTextHash': record.docTextHash,
    'margin:anchorStatus': record.anchorStatus,
  };
}

export function toAnnotationCollection(
  records: readonly Annotation[],
  label: string,
  exported: string,
): Record<string, unknown> {
  return {
    '@context': CONTEXT,
    id: `urn:uuid:${randomUUID()}`,
    type: 'AnnotationCollection',
    label,
    total: records.length,
    modified: exported,
    first: {
      id: `urn:uuid:${randomUUID()}`,
      type: 'AnnotationPage',
      startIndex: 0,
      items: records.map(toWebAnnotation),
    },
  };
}

/** The export file: every annotation, or one document's (`docId`). */
export function jsonLdExport(
  records: readonly Annotation[],
  docId: string | undefined,
  exported: string,
): ExportedFile {
  const label =
    docId === undefined ? 'Margin: all highlights and notes' : `Margin: highlights and notes on ${docId}`;
  return {
    name: docId === undefined ? 'margin-annotations.jsonld' : `${docId}.annotations.jsonld`,
    mediaType: JSONLD_MEDIA_TYPE,
    content: `${JSON.stringify(toAnnotationCollection(records, label, exported), null, 2)}\n`,
  };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function asList(value: unknown): unknown[] {
  return value === undefined || value === null ? [] : Array.isArray(value) ? value : [value];
}

function hasType(value: Record<string, unknown>, type: string): boolean {
  return asList(value.type).includes(type);
}

/** The annotations a JSON-LD document holds: a collection (its first page), a page, a list or one annotation. */
export function annotationItems(document: unknown): unknown[] | null {
  if (Array.isArray(document)) return document;
  if (!isObject(document)) return null;
  if (hasType(document, 'AnnotationCollection')) {
    const first = document.first;
    if (isObject(first)) return asList(first.items);
    return Array.isArray(document.items) ? document.items : null;
  }
  if (hasType(document, 'AnnotationPage')) return asList(document.items);
  if (hasType(document, 'Annotation')) return [document];
  return null;
}

/** A margin: extension property, written compact (`margin:color`) or as a full IRI. */
function extension(item: Record<string, unknown>, name: string): unknown {
  return item[`margin:${name}`] ?? item[`${MARGIN_NAMESPACE}${name}`];
}

function colorOf(
  item: Record<string, unknown>,
  target: Record<string, unknown> | null,
): HighlightColor | null {
  const declared = extension(item, 'color');
  if (declared === null || (HIGHLIGHT_COLORS as readonly unknown[]).includes(declared))
    return declared as HighlightColor | null;
  if (declared !== undefined) {
    throw new TypeError(
      `its colour ${JSON.stringify(declared)} is not one of ${HIGHLIGHT_COLORS.join(', ')}`,
    );
  }
  const styleClass = target
    ? asList(target.styleClass).find((c) => typeof c === 'string' && c.startsWith('margin-'))
    : undefined;
  const fromClass = typeof styleClass === 'string' ? styleClass.slice('margin-'.length) : '';
  if ((HIGHLIGHT_COLORS as readonly string[]).includes(fromClass)) return fromClass as HighlightColor;
  return target ? 'yellow' : null;
}

/**
 * One Web Annotation → a Margin record, checked like any other. Throws MarginError('invalid-argument')
 * with the reason when it cannot be taken. Annotations written by other tools are accepted when they
 * target a Margin document (`urn:margin:doc:<id>`) with a TextQuoteSelector.
 */
export function fromWebAnnotation(item: unknown): Annotation {
  if (!isObject(item) || !hasType(item, 'Annotation')) throw new TypeError('it is not an Annotation');
  const targets = asList(item.target);
  if (targets.length !== 1) throw new TypeError('it needs exactly one target');
  const target = isObject(targets[0]) ? targets[0] : null;
  const source = target ? target.source : targets[0];
  if (typeof source !== 'string' || !source.startsWith(DOC_URN)) {
    throw new TypeError(`its target is not a Margin document (${DOC_URN}<id>)`);
  }
  const selectors = target ? asList(target.selector).filter(isObject) : [];
  const quote = selectors.find((s) => s.type === 'TextQuoteSelector');
  const position = selectors.find((s) => s.type === 'TextPositionSelector');
  if (target && !quote) throw new TypeError('its target has no TextQuoteSelector');

  const bodies = [
    ...asList(item.body),
    ...(typeof item.bodyValue === 'string' ? [{ type: 'TextualBody', value: item.bodyValue }] : []),
  ];
  const textual = bodies.filter(
    (b): b is Record<string, unknown> => isObject(b) && typeof b.value === 'string',
  );
  const tags = textual.filter((b) => b.purpose === 'tagging').map((b) => b.value as string);
  const note = textual
    .filter((b) => b.purpose !== 'tagging')
    .map((b) => b.value as string)
    .join('\n\n');
  const created = item.created ?? item.modified;
  const modified = item.modified ?? item.created;
  const hash = extension(item, 'docTextHash');
  const status = extension(item, 'anchorStatus');
  const docTextHash = typeof hash === 'string' ? hash : '';
  const exact = quote?.exact;
  const start = Number(position?.start ?? 0);
  const end = position ? Number(position.end) : typeof exact === 'string' ? exact.length : 0;
  return checkAnnotationRecord({
    id: item.id,
    docId: source.slice(DOC_URN.length),
    docTextHash,
    motivation:
      item.motivation === 'highlighting' || (item.motivation !== 'commenting' && note === '')
        ? 'highlighting'
        : 'commenting',
    color: colorOf(item, target),
    note,
    tags,
    selectors: quote
      ? [
          { type: 'TextQuoteSelector', exact, prefix: quote.prefix ?? '', suffix: quote.suffix ?? '' },
          { type: 'TextPositionSelector', start, end },
        ]
      : [],
    // Without the text version the position means nothing: the record is re-anchored by its quote.
    anchorStatus: !quote ? 'document' : status === 'fuzzy' || status === 'orphaned' ? status : 'exact',
    created,
    modified,
  });
}
