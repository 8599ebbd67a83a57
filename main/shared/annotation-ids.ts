/**
 * Annotation ids, as every door checks them (the API's validation, Margin links, commands from the
 * shell). Margin's own are `urn:uuid:…`; annotations imported from another tool keep their absolute URI
 * (often an http(s) URL), so a link back to their passage must open too.
 */

/** Our own ids are 45 characters; an imported one may be any absolute URI up to this. */
export const ANNOTATION_ID_MAX_CHARS = 500;

// A scheme, a colon, then no white space and no control characters.
// eslint-disable-next-line no-control-regex
const ANNOTATION_ID = /^[a-z][a-z0-9+.-]*:[^\s\u0000-\u001f\u007f-\u009f]+$/i;

export function isAnnotationId(value: unknown): value is string {
  return typeof value === 'string' && value.length <= ANNOTATION_ID_MAX_CHARS && ANNOTATION_ID.test(value);
}

const UUID_URN = /^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * An id a link may carry (a Margin link, the browser host's `#/open/` address, a command from the
 * shell): exactly `urn:uuid:<uuid>` for Margin's own, or the `urn:` or `http(s):` id a note imported
 * from another tool kept. Any other scheme (`javascript:`, `file:`) is refused at the door.
 */
export function isLinkableAnnotationId(value: unknown): value is string {
  if (!isAnnotationId(value) || !/^(?:urn|https?):/i.test(value)) return false;
  return !/^urn:uuid:/i.test(value) || UUID_URN.test(value);
}

/**
 * An id as the `annotation` parameter of a Margin link: percent-encoded where a query needs it, but
 * colons and slashes kept, so Margin's own read as they are (`annotation=urn:uuid:…`).
 */
export function annotationIdInLink(id: string): string {
  return encodeURIComponent(id).replace(/%3A/gi, ':').replace(/%2F/gi, '/');
}
