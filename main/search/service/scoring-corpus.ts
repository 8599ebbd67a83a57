/** The bundled corpus the reader's documents are scored against (user-segments.ts). */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Document } from '../../api';
import { readBundledDocument } from '../../library/bundle-document-file';
import type { CompactIndex } from '../index/compact-index';
import {
  BODY_FIELDS,
  CORPUS_STATS_FILE,
  SEARCH_FORMAT,
  searchDir,
  type CorpusStats,
  type DocumentRecord,
  type IndexField,
} from '../index/search-files';
import { fieldTerms, type ScoringCorpus } from '../index/user-segments';

/** The bundled corpus the body stage was built from, as the reader's documents are scored against it. */
export function scoringCorpus(
  bundleDir: string,
  compact: CompactIndex,
  documents: readonly DocumentRecord[],
): ScoringCorpus {
  let stats: CorpusStats;
  let text: string;
  try {
    text = readFileSync(join(searchDir(bundleDir), CORPUS_STATS_FILE), 'utf8');
    stats = JSON.parse(text) as CorpusStats;
    if (stats.format !== SEARCH_FORMAT || stats.documentCount !== compact.refCount) throw new Error('stale');
  } catch {
    // A bundle built before the stats file existed: measure its documents once.
    stats = measureCorpus(bundleDir, documents);
    text = JSON.stringify(stats);
  }
  return {
    stats,
    key: createHash('sha256').update(text).digest('hex').slice(0, 16),
    documentsWithTerm: (term) => compact.postingCount(term),
  };
}

function measureCorpus(bundleDir: string, documents: readonly DocumentRecord[]): CorpusStats {
  const totals = Object.fromEntries(BODY_FIELDS.map((field) => [field, 0])) as Record<IndexField, number>;
  for (const record of documents) {
    try {
      // The file holds the text; fieldTerms reads besides it only the title and the authors' names.
      const authors = record.authors.map((name) => ({ name, role: null }));
      const doc = { ...readBundledDocument(bundleDir, record.id), title: record.title, authors };
      const terms = fieldTerms(doc as Document);
      for (const field of BODY_FIELDS) totals[field] += terms[field].length;
    } catch {
      // An unreadable bundled document counts as empty, as its passages do in search.
    }
  }
  const count = Math.max(1, documents.length);
  const averageFieldLength = Object.fromEntries(
    BODY_FIELDS.map((field) => [field, totals[field] / count]),
  ) as Record<IndexField, number>;
  return { format: SEARCH_FORMAT, documentCount: documents.length, averageFieldLength };
}
