import type { ImportResult } from './import-bench';
import type { RebuildResult } from './rebuild-bench';
/** What one `npm run bench` measured: the shape of `bench/results.json`, read by the report and the goals. */
import type { AnchoringResult, StoreResult } from './annotations-bench';
import type { CorpusFigures } from './corpus-figures';
import type { MachineInfo } from './machine';
import type { RendererResult } from './renderer-bench';
import type { SizeResult } from './search-bench';
import type { SyncResult } from './sync-bench';
import type { LibraryResult } from './library-bench';
import type { TypingResult } from './typing-bench';
import type { YoursSearchResult } from './yours-search-bench';

export interface BenchResults {
  machine: MachineInfo;
  command: string;
  /** 1-minute load averages sampled at each step: the machine is shared, this says how busy it was. */
  loadAverages: number[];
  /** The generated corpus's vocabulary figures beside real prose's (absent in older results, null without ../shared). */
  corpusFigures?: CorpusFigures | null;
  sizes: SizeResult[];
  store: StoreResult | null;
  anchoring: AnchoringResult | null;
  renderer: RendererResult | null;
  /** Issue 12's sync part (absent in older results). */
  sync?: SyncResult | null;
  /** Your own documents (bench/import-bench.ts); absent in older results. */
  import?: ImportResult | null;
  /** Search as you type in Chromium, one entry per size (bench/typing-bench.ts); absent in older results. */
  typing?: TypingResult[] | null;
  /** The library view in Chromium (bench/library-bench.ts); absent in older results. */
  library?: LibraryResult | null;
  /** Search over bundled + 1,000 of yours beside bundled alone, per bundled size; absent in older results. */
  yours?: YoursSearchResult[] | null;
  /** The content build run again after one article changes, per size (bench/rebuild-bench.ts); absent in older results. */
  rebuild?: RebuildResult[] | null;
}
