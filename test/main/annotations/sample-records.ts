/** Valid annotation records for store tests, distinct and reproducible. */
import type { Annotation } from '../../../main/api';

export function sampleId(n: number): string {
  return `urn:uuid:00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
}

export function sampleRecord(n: number, overrides: Partial<Annotation> = {}): Annotation {
  const time = new Date(Date.UTC(2025, 0, 1, 0, 0, n)).toISOString();
  const start = n * 10;
  const exact = `passage number ${n}`;
  return {
    id: sampleId(n),
    docId: `doc-${n % 3}`,
    docTextHash: 'a'.repeat(64),
    motivation: 'commenting',
    color: 'yellow',
    // Long enough that a few dozen records fill many database pages.
    note: `Note ${n}: ${'the security situation shapes every investment decision. '.repeat(12)}`,
    tags: ['cpec', `t${n}`],
    selectors: [
      { type: 'TextQuoteSelector', exact, prefix: 'before the passage ', suffix: ' after the passage' },
      { type: 'TextPositionSelector', start, end: start + exact.length },
    ],
    anchorStatus: 'exact',
    created: time,
    modified: time,
    ...overrides,
  };
}
