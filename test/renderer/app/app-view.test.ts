import { describe, expect, it } from 'vitest';
import { hashForView, LIBRARY, readerView, sameAddress, viewFromHash } from '../../../renderer/app/app-view';

describe('app-view', () => {
  it('gives each view an address and reads it back', () => {
    const reading = readerView('security-concerns-impede-china-pakistan-relations');
    expect(hashForView(reading)).toBe('#/read/security-concerns-impede-china-pakistan-relations');
    expect(viewFromHash(hashForView(reading))).toEqual(reading);
    expect(viewFromHash(hashForView({ name: 'notebook' }))).toEqual({ name: 'notebook' });
    expect(viewFromHash(hashForView(LIBRARY))).toEqual(LIBRARY);
  });

  it('treats an empty, unknown or malformed address as the library', () => {
    for (const hash of [
      '',
      '#',
      '#/',
      '#/elsewhere',
      '#/read/',
      '#/read/../../etc',
      '#/read/Has Spaces',
      '#top',
    ]) {
      expect(viewFromHash(hash), hash).toEqual(LIBRARY);
    }
  });

  it('does not count a new passage in the same document as a new address', () => {
    const plain = readerView('doc-a');
    const atPassage = readerView('doc-a', { blockId: 'b1', terms: ['gwadar'] });
    expect(sameAddress(plain, atPassage)).toBe(true);
    expect(sameAddress(plain, readerView('doc-b'))).toBe(false);
  });
});
