export { CONTENT_SECURITY_POLICY, SECURITY_HEADERS } from './content-security-policy';
export { SECURE_WEB_PREFERENCES } from './web-preferences';
export { APP_ORIGIN, APP_ENTRY_URL, findAppFile, resolveAppUrl, type AppRoots } from './app-url';
export { findBundleFile, resolveBundlePath, type BundleFile } from './bundle-path';
export { isTrustedSender } from './sender-check';
export { checkExternalLink, type ExternalLinkVerdict } from './external-link';
export { mediaTypeFor } from './media-types';
