/**
 * Electronegativity findings that a person has reviewed and accepted, each with its reason.
 *
 * These take the place of inline `eng-disable` comments, which cannot work on what ships: esbuild
 * drops comments from the bundles the gate scans. Each entry is pinned to one check, one built
 * file and a fragment of the exact line it accepts, so a new call elsewhere, or a change to the
 * accepted line, is a finding again and needs a fresh review. An entry that no longer matches
 * anything is itself a gate problem, so the list cannot quietly outlive the code it describes.
 */
export interface ReviewedFinding {
  /** Electronegativity's check id, e.g. OPEN_EXTERNAL_JS_CHECK. */
  id: string;
  /** The built file, relative to the scanned folder. */
  file: string;
  /** A fragment of the flagged line that identifies the accepted code. */
  code: string;
  /** One line: why this is safe. */
  reason: string;
}

export const REVIEWED_FINDINGS: readonly ReviewedFinding[] = [
  {
    id: 'OPEN_EXTERNAL_JS_CHECK',
    file: 'dist/main/app.js',
    code: 'shell.openExternal(verdict.url)',
    reason:
      'main/dialogs.ts opens only a URL that checkExternalLink accepted (https, no credentials, no look-alike host) and the reader confirmed in a dialog.',
  },
  {
    id: 'PROTOCOL_HANDLER_JS_CHECK',
    file: 'dist/main/app.js',
    code: 'app.setAsDefaultProtocolClient(MARGIN_SCHEME)',
    reason:
      'A packaged Margin claims margin:// so links from notes reach it; every such link is read by parseMarginLink (one document id, one urn:uuid, nothing else) before it is used.',
  },
  {
    id: 'OPEN_EXTERNAL_JS_CHECK',
    file: 'dist/renderer/main.js',
    code: 'this.api.openExternal(event.url)',
    reason:
      'The renderer has no shell access; this asks the main process over the API, which applies checkExternalLink and the confirmation dialog.',
  },
  {
    id: 'OPEN_EXTERNAL_JS_CHECK',
    file: 'dist/renderer/main.js',
    code: 'openInBrowser(url, () => http.openExternal(url))',
    reason:
      'renderer/api-client.ts asks the browser host over HTTP, which applies checkExternalLink; a refused link rejects, and an accepted one opens in a new tab only after the reader confirms.',
  },
];
