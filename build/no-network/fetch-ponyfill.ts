/** Stands in for `fetch-ponyfill` in the bundles: see sync-fetch.ts beside it. */
import syncFetch from './sync-fetch';

export default function fetchPonyfill() {
  return {
    fetch: async () => syncFetch(),
    Headers: syncFetch.Headers,
  };
}
