/**
 * Stands in for `sync-fetch` in the bundles. citation-js can fetch a URL it is given as input; Margin
 * only ever gives it CSL-JSON it made itself, so the bundles carry no HTTP client (node-fetch and
 * whatwg-url, which also loads Node's deprecated `punycode` and warns at every start).
 */
function syncFetch(): never {
  throw new Error('Margin does not fetch citation data from the network.');
}
syncFetch.Headers = class Headers extends Map<string, string> {};

export default syncFetch;
