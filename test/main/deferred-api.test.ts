import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { MarginApi } from '../../main/api';
import { deferredApi } from '../../main/deferred-api';
import { MarginError } from '../../main/errors';
import { createMarginService, type MarginService } from '../../main/margin-service';

const BUNDLE = path.resolve(__dirname, '..', '..', 'dist', 'content');

describe('deferred-api', () => {
  const cleanup: Array<() => Promise<void>> = [];
  afterEach(async () => {
    while (cleanup.length > 0) await cleanup.pop()?.();
  });

  it('answers calls made while the service is still starting, once it is up', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'margin-deferred-'));
    cleanup.push(() => rm(dataDir, { recursive: true, force: true }));
    let started!: (service: MarginService) => void;
    const api = deferredApi(new Promise<MarginApi>((resolve) => (started = resolve)));

    const early = api.listDocuments();
    const service = await createMarginService({ bundleDir: BUNDLE, dataDir });
    cleanup.push(() => service.close());
    started(service);

    const documents = await early;
    expect(documents.map((doc) => doc.id)).toContain('security-concerns-impede-china-pakistan-relations');
    expect((await api.getPreferences()).theme).toBe('system');
  });

  it('gives every waiting call the reason the service could not start', async () => {
    const api = deferredApi(
      Promise.reject(new MarginError('store-locked', 'Another Margin holds your notes.')),
    );
    await expect(api.listDocuments()).rejects.toThrow('Another Margin holds your notes.');
    await expect(api.search('gwadar')).rejects.toMatchObject({ code: 'store-locked' });
  });
});
