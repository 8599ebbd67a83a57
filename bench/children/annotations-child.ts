/**
 * Child process for the annotation benchmarks: the SQLite store on real disk (note save latency with
 * synchronous=FULL, open time with 10,000 annotations) and anchoring (1,000 highlights after an edit).
 */
import { rm } from 'node:fs/promises';
import type { Annotation } from '../../main/api';
import { anchor, type Anchorable, type RangeSelectors } from '../../main/annotations/anchoring';
import { createAnnotationService } from '../../main/annotations/annotation-service';
import { openAnnotationStore } from '../../main/annotations/store/annotation-store';
import { loadLibrary } from '../../main/library/library';
import { canonicalText } from '../../main/library/canonical-text';
import { readBundledDocument } from '../../main/library/bundle-document-file';
import { editText, makeHighlights, noteText, textHash } from '../annotation-fixtures';
import { Random } from '../prng';
import { summarise } from '../stats';
import { runJob } from './child-job';

export type AnnotationsJob =
  | {
      task: 'store';
      bundleDir: string;
      docId: string;
      dataDir: string;
      saves: number;
      total: number;
      reopens: number;
    }
  | { task: 'anchoring'; bundleDir: string; docId: string; count: number; repeats: number; seed: string };

function documentText(bundleDir: string, docId: string): string {
  return canonicalText(readBundledDocument(bundleDir, docId));
}

function anchorable(annotation: Annotation): Anchorable {
  const { docTextHash, anchorStatus } = annotation;
  return { selectors: annotation.selectors as RangeSelectors, docTextHash, anchorStatus };
}

function timed<T>(work: () => T): [T, number] {
  const start = performance.now();
  const result = work();
  return [result, performance.now() - start];
}

runJob<AnnotationsJob>(async (job) => {
  const text = documentText(job.bundleDir, job.docId);

  if (job.task === 'anchoring') {
    const highlights = makeHighlights(job.docId, text, job.count, job.seed).map(anchorable);
    const edited = editText(text, job.seed);
    const editedHash = textHash(edited);
    const runs: number[] = [];
    let statuses: Record<string, number> = {};
    for (let r = 0; r < job.repeats; r++) {
      const [results, ms] = timed(() => highlights.map((highlight) => anchor(highlight, edited, editedHash)));
      runs.push(ms);
      statuses = {};
      for (const result of results) statuses[result.status] = (statuses[result.status] ?? 0) + 1;
    }
    // The unchanged text: positions are checked and nothing is searched (the common case on opening).
    const [, unchangedMs] = timed(() =>
      highlights.map((highlight) => anchor(highlight, text, highlight.docTextHash)),
    );
    return {
      coldMs: runs[0],
      runs,
      statuses,
      unchangedMs,
      textLength: text.length,
      editedLength: edited.length,
    };
  }

  await rm(job.dataDir, { recursive: true, force: true });
  const random = new Random(`store:${job.docId}`);
  const library = await loadLibrary(job.bundleDir);
  const [store, emptyOpenMs] = timed(() => openAnnotationStore({ dataDir: job.dataDir }));
  const service = createAnnotationService({ store, library });
  const highlights = makeHighlights(job.docId, text, job.total, 'store');

  // New notes through the service (checks, anchoring, one SQLite transaction), as the reader saves them.
  const saveTimes: number[] = [];
  const created: Annotation[] = [];
  for (let i = 0; i < job.saves; i++) {
    const [, position] = highlights[i]!.selectors as RangeSelectors;
    const input = {
      docId: job.docId,
      range: { start: position.start, end: position.end },
      color: highlights[i]!.color,
      note: noteText(random),
    };
    const start = performance.now();
    created.push(await service.createAnnotation(input));
    saveTimes.push(performance.now() - start);
  }
  // Edits of an existing note: the save the reader makes most while writing.
  const editTimes: number[] = [];
  for (let i = 0; i < job.saves; i++) {
    const start = performance.now();
    await service.updateAnnotation(created[i]!.id, { note: noteText(random) });
    editTimes.push(performance.now() - start);
  }
  // The SQLite write alone (store.put of a whole record), for where the time goes.
  const putTimes: number[] = [];
  for (let i = job.saves; i < 2 * job.saves; i++) putTimes.push(timed(() => store.put(highlights[i]!))[1]);
  const rest = highlights.slice(2 * job.saves);
  for (let i = 0; i < rest.length; i += 500) store.putAll(rest.slice(i, i + 500));
  service.close();

  const openTimes: number[] = [];
  const listTimes: number[] = [];
  let rows = 0;
  for (let r = 0; r < job.reopens; r++) {
    const [reopened, openMs] = timed(() => openAnnotationStore({ dataDir: job.dataDir }));
    openTimes.push(openMs);
    const reopenedService = createAnnotationService({ store: reopened, library });
    const start = performance.now();
    rows = (await reopenedService.listAllAnnotations()).length;
    listTimes.push(performance.now() - start);
    reopenedService.close();
  }
  return {
    emptyOpenMs,
    save: summarise(saveTimes),
    edit: summarise(editTimes),
    put: summarise(putTimes),
    rows,
    openRuns: openTimes,
    listRuns: listTimes,
  };
});
