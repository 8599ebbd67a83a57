import type { IncomingMessage, ServerResponse } from 'node:http';
import { parseMarginLink } from '../shell/margin-link';
import { reply } from './http-replies';

/**
 * `GET /open/<doc>?annotation=<id>`: a link back to a passage, answered on the host's own origin. The
 * link is read by the same strict parser as a `margin://` link; a readable one is sent on to the app
 * at `/#/open/<doc>[/<id>]`, where the page opens it after its usual token flow (the token it keeps for
 * this tab), so the link itself never carries or needs the token. Anything else is a 400 with the reason.
 */
export function serveOpenLink(req: IncomingMessage, res: ServerResponse): void {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    reply(res, 405, 'Method not allowed', {
      Allow: 'GET, HEAD',
      'Content-Type': 'text/plain; charset=utf-8',
    });
    return;
  }
  const rest = (req.url ?? '').slice('/open/'.length);
  const verdict = parseMarginLink(`margin://open/${rest}`);
  if (!verdict.ok) {
    reply(res, 400, `${verdict.reason}\n`, { 'Content-Type': 'text/plain; charset=utf-8' });
    return;
  }
  const { documentId, annotationId } = verdict.link;
  const target = annotationId
    ? `/#/open/${documentId}/${encodeURIComponent(annotationId)}`
    : `/#/open/${documentId}`;
  reply(res, 302, '', { Location: target });
}
