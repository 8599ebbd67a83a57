/**
 * `margin://open/<document>?annotation=<id>`: the links "From notes to writing" puts in a reader's
 * drafts, which the OS hands back to Margin. A link comes from outside the app, so it is read strictly,
 * on its raw text, before any URL parser can decode or normalise it: ASCII only, this exact authority,
 * a document id of the library's form (no slashes, dots or percent escapes, so no traversal), and at
 * most one parameter, `annotation`, holding an annotation id (percent-encoded). Anything else is refused
 * with a reason.
 */

import { isLinkableAnnotationId } from '../shared/annotation-ids';

export interface MarginLink {
  documentId: string;
  /** The highlight to open at, when the link names one. */
  annotationId?: string;
}

export type MarginLinkVerdict = { ok: true; link: MarginLink } | { ok: false; reason: string };

export const MARGIN_SCHEME = 'margin';
const PREFIX = 'margin://open/';
/** Room for a document id and an imported annotation's id (a URL), percent-encoded. */
const MAX_LINK_LENGTH = 2048;
const MAX_ID_LENGTH = 200;
/** The library's document ids: lowercase words joined by single hyphens. */
const DOCUMENT_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

function refuse(reason: string): MarginLinkVerdict {
  return { ok: false, reason };
}

export function parseMarginLink(text: unknown): MarginLinkVerdict {
  if (typeof text !== 'string' || text.length === 0) return refuse('The link is empty.');
  if (text.length > MAX_LINK_LENGTH) return refuse('The link is too long.');
  // Printable ASCII only: no spaces, controls, backslashes or look-alike Unicode characters.
  if (!/^[\x21-\x7e]+$/.test(text) || text.includes('\\'))
    return refuse('The link contains characters a Margin link never has.');
  if (!text.startsWith(PREFIX)) return refuse('Not a margin://open/ link.');
  const rest = text.slice(PREFIX.length);
  if (rest.includes('#')) return refuse('A Margin link has no fragment.');
  const queryStart = rest.indexOf('?');
  const documentId = queryStart === -1 ? rest : rest.slice(0, queryStart);
  if (documentId.length === 0 || documentId.length > MAX_ID_LENGTH || !DOCUMENT_ID.test(documentId)) {
    return refuse('The link does not name a document of the library.');
  }
  if (queryStart === -1) return { ok: true, link: { documentId } };

  const query = rest.slice(queryStart + 1);
  const pairs = query.split('&');
  if (pairs.length !== 1 || !pairs[0].startsWith('annotation=')) {
    return refuse('A Margin link takes one parameter, annotation.');
  }
  const raw = pairs[0].slice('annotation='.length);
  let annotationId: string;
  try {
    annotationId = decodeURIComponent(raw);
  } catch {
    return refuse('The annotation id is not valid.');
  }
  if (!isLinkableAnnotationId(annotationId)) {
    return refuse('The annotation id is not a URI such as urn:uuid:….');
  }
  return { ok: true, link: { documentId, annotationId } };
}
