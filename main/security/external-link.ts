/**
 * Which links Margin hands to the system browser. The rule, in order:
 * - a string of at most 2048 characters that parses as an absolute URL;
 * - scheme `https:` only (no `http:`, `file:`, `javascript:`, `data:`, `mailto:`, custom schemes);
 * - no user name or password in the URL (`https://bank.com@evil.example/` tricks the eye);
 * - no explicit port (publications live on the default port; a port hints at a local service);
 * - a registered-looking host name: at least two dot-separated ASCII labels of letters, digits and
 *   hyphens, a letter-only top-level domain; so no IP literals (`https://127.0.0.1`, `[::1]`, `0x7f.1`),
 *   no `localhost` or single-label intranet names;
 * - no name under a suffix reserved for local networks or testing (`localhost`, `local`, `internal`,
 *   `lan`, `home.arpa`, `test`, `invalid`): `https://printer.local/` is a device on the reader's own
 *   network, never a publication;
 * - no punycode label (`xn--`): internationalised names are where look-alike hosts hide
 *   (`https://аpple.com` with a Cyrillic а becomes `xn--pple-43d.com`), and the confirmation dialog
 *   could not show the reader which site they are really going to.
 */
export type ExternalLinkVerdict = { ok: true; url: string } | { ok: false; reason: string };

const MAX_URL_LENGTH = 2048;
const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
const TOP_LEVEL = /^[a-z]{2,63}$/;
/** Special-use names (RFC 6761, RFC 8375, mDNS, ICANN's `internal`, the common `lan`), lower case. */
const LOCAL_SUFFIXES = ['localhost', 'local', 'internal', 'lan', 'home.arpa', 'test', 'invalid'];

export function checkExternalLink(url: unknown): ExternalLinkVerdict {
  if (typeof url !== 'string' || url.length === 0) return refuse('The link is empty.');
  if (url.length > MAX_URL_LENGTH) return refuse('The link is too long.');
  if (/[\0-\x20\x7f\\]/.test(url))
    return refuse('The link contains spaces, control characters or backslashes.');
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return refuse('The link is not a valid web address.');
  }
  if (parsed.protocol !== 'https:')
    return refuse(`Only https links are opened; this one is ${parsed.protocol}`);
  // The raw authority is checked too: `https://:@host/` parses to empty credentials but still hides an `@`.
  const authority = url.slice(url.indexOf('//') + 2).split(/[/?#]/, 1)[0];
  if (parsed.username !== '' || parsed.password !== '' || authority.includes('@')) {
    return refuse('The link hides a user name or password.');
  }
  if (parsed.port !== '') return refuse('Links with a port number are not opened.');

  const host = parsed.hostname.toLowerCase();
  const labels = host.replace(/\.$/, '').split('.');
  if (labels.length < 2 || !labels.every((label) => LABEL.test(label))) {
    return refuse(`The link's site name "${host}" is not a public web address.`);
  }
  if (labels.some((label) => label.startsWith('xn--'))) {
    return refuse(
      `The link's site name "${host}" uses international characters that can imitate another site.`,
    );
  }
  if (!TOP_LEVEL.test(labels[labels.length - 1])) {
    return refuse(`The link's site name "${host}" is a numeric address, not a site name.`);
  }
  const name = labels.join('.');
  if (LOCAL_SUFFIXES.some((suffix) => name === suffix || name.endsWith(`.${suffix}`))) {
    return refuse(`The link's site name "${host}" belongs to a local network, not the public web.`);
  }
  return { ok: true, url: parsed.href };
}

function refuse(reason: string): ExternalLinkVerdict {
  return { ok: false, reason };
}
