/**
 * THE contract between Margin's processes.
 *
 * `MarginApi` is implemented once (main/margin-service.ts) and reached three ways: the preload bridge
 * (Electron IPC), the browser host (HTTP on 127.0.0.1) and the tests. This file imports nothing from
 * Node, the DOM or Electron, so the renderer may import its types; the channel table, CHANNELS, is kept
 * in `shared/api-channels.ts`, which the renderer may import too.
 */
import type { CitationStyleId } from './shared/citation-styles';

// ---------------------------------------------------------------------------------------------------
// Documents
// ---------------------------------------------------------------------------------------------------

/** Inline runs of a paragraph or caption. Content is data: the renderer turns runs into Lit templates. */
export type InlineRun =
  | { type: 'text'; text: string }
  | { type: 'emphasis'; text: string }
  | { type: 'strong'; text: string }
  | { type: 'link'; text: string; href: string };

/**
 * A block of the article. `start` is the offset of the block's plain text in the document's canonical
 * text (see `Document`). Ids are stable across rebuilds of unchanged text.
 */
export type Block =
  | { type: 'paragraph'; id: string; start: number; runs: InlineRun[]; page?: number }
  | { type: 'figure'; id: string; start: number; caption: InlineRun[]; credit: string | null; page?: number };

export interface Section {
  id: string;
  heading: string | null;
  /** Offset of the heading in the canonical text, null when there is no heading. */
  headingStart: number | null;
  blocks: Block[];
}

export interface Author {
  name: string;
  role: string | null;
}

export interface Publisher {
  name: string;
  /** The publisher's about text, one string per paragraph; never part of the article. */
  about: string[];
  /** Address, phone, e-mail, web lines. */
  contact: string[];
}

export interface Source {
  venue: string;
  /** ISO date (YYYY-MM-DD) or null when the source gives none. */
  date: string | null;
  url: string | null;
}

export interface DocumentMeta {
  /** Stable id derived from the source file name: `[a-z0-9-]+`. */
  id: string;
  title: string;
  series: string | null;
  authors: Author[];
  /** ISO date YYYY-MM-DD, or null. */
  published: string | null;
  publisher: Publisher | null;
  source: Source | null;
  tags: string[];
  wordCount: number;
  /** Whole minutes at ~230 words a minute, at least 1. */
  readingMinutes: number;
  /** sha256 hex of the canonical text; annotations record it to know when to re-anchor. */
  textHash: string;
}

/**
 * A parsed document. Its *canonical text* is every annotatable unit in reading order joined by "\n\n":
 * for each section its heading (when not null) then each block (paragraph: its runs' text concatenated;
 * figure: its caption's runs' text), then each paragraph of `authorBio`. Every unit records its `start`
 * in that text, so the renderer maps a DOM selection to text positions without re-deriving anything.
 */
export interface Document extends DocumentMeta {
  sections: Section[];
  /** The author bio as paragraph blocks (part of the canonical text, after the article). */
  authorBio: Block[];
}

/** Where a document came from: bundled by the publisher, or imported by the reader. */
export type DocumentOrigin = 'publisher' | 'yours';

/** The kinds of file Margin imports, told apart by their content (an RCAS export is a kind of text). */
export type ImportKind = 'pdf' | 'html' | 'markdown' | 'text' | 'rcas';

/** One row of the library. */
export interface DocumentSummary {
  id: string;
  title: string;
  series: string | null;
  authors: Author[];
  published: string | null;
  publisherName: string | null;
  tags: string[];
  wordCount: number;
  readingMinutes: number;
  /** How many highlights and notes the reader has on this document. */
  annotationCount: number;
  origin: DocumentOrigin;
  /** Yours: the kind of file it was imported from; null for the publisher's. */
  kind: ImportKind | null;
  /** Yours: the file name as imported; null for the publisher's. */
  fileName: string | null;
  /**
   * Yours, removed but restorable: such a document is never listed by listDocuments, but
   * getDocumentSummary still answers for it (the notebook shows its notes under its title).
   */
  removed: boolean;
}

/** Which rows the library lists, and in which order: see MarginApi.listDocumentPage. */
export interface DocumentPageQuery {
  /** Words that must each appear in the title, series, an author, the publisher or a tag (any case or accent). */
  text?: string;
  origin?: 'all' | DocumentOrigin;
  /** Newest first (undated last), or by title. */
  sort: 'date' | 'title';
  offset: number;
  /** At most 200 rows a page. */
  limit: number;
}

/** One page of the library's rows. */
export interface DocumentPage {
  /** How many rows match the query (the length of the whole list the page is part of). */
  total: number;
  /** How many documents the library lists at all, matching or not. */
  libraryTotal: number;
  rows: DocumentSummary[];
}

// ---------------------------------------------------------------------------------------------------
// Your own documents
// ---------------------------------------------------------------------------------------------------

export interface ImportRequest {
  /** A uuid the renderer makes; it names the import for getImportProgress and cancelImport. */
  importId: string;
  /** The file name, at most 255 characters, no folders. */
  name: string;
  /** The file's bytes (binary over IPC and HTTP, never base64). */
  bytes: Uint8Array;
  /** What to do when a different file of this name is already yours; default 'ask'. */
  sameName?: 'ask' | 'replace' | 'keep-both';
}

export type ImportOutcome =
  /** "Imported “Title”." */
  | { status: 'imported'; docId: string; title: string; message: string }
  /** The same bytes (sha256) are already yours: nothing changed. */
  | { status: 'already-in-library'; docId: string; title: string; message: string }
  /** A different file with this name is yours: ask Replace (keep my notes, re-anchored) or Keep both. */
  | { status: 'same-name'; docId: string; title: string; message: string }
  /** One printable line naming the file and the reason; nothing changed. */
  | { status: 'refused'; message: string }
  | { status: 'cancelled'; message: string };

export interface ImportProgressReport {
  phase: 'reading' | 'parsing' | 'indexing' | 'done';
  /** Pages (PDF) or steps done, out of `total`. */
  done: number;
  total: number;
}

export interface RemovedDocument {
  docId: string;
  title: string;
}

// ---------------------------------------------------------------------------------------------------
// Search
// ---------------------------------------------------------------------------------------------------

/** A snippet is a list of parts; `mark` parts are the matched words. Plain data, never HTML. */
export interface SnippetPart {
  text: string;
  mark: boolean;
}

export interface PassageHit {
  blockId: string;
  sectionId: string;
  section: string | null;
  snippet: SnippetPart[];
  /** The words to mark in the reader when the passage is opened (the matched surface forms). */
  terms: string[];
  score: number;
}

export interface DocumentHit {
  docId: string;
  title: string;
  authors: string[];
  published: string | null;
  score: number;
  passages: PassageHit[];
}

/** A highlight or note of the reader's that matches the query ("yours"). */
export interface AnnotationHit {
  annotationId: string;
  docId: string;
  docTitle: string;
  color: HighlightColor | null;
  quote: string | null;
  snippet: SnippetPart[];
}

export type SearchResults =
  | {
      status: 'ok';
      query: string;
      /** Number of documents that matched (groups may be cut to `limit`). */
      total: number;
      groups: DocumentHit[];
      annotations: AnnotationHit[];
      /** False while the full-text index is still loading (titles, authors, headings answer meanwhile). */
      complete: boolean;
      tookMs: number;
    }
  | { status: 'invalid'; query: string; message: string };

export interface SearchOptions {
  /** Max documents, 1..100, default 20. */
  limit?: number;
  /** Max passages per document, 1..20, default 3. */
  passagesPerDocument?: number;
}

// ---------------------------------------------------------------------------------------------------
// Annotations (W3C Web Annotation superset)
// ---------------------------------------------------------------------------------------------------

export const HIGHLIGHT_COLORS = ['yellow', 'green', 'blue', 'pink', 'purple'] as const;
export type HighlightColor = (typeof HIGHLIGHT_COLORS)[number];

export interface TextQuoteSelector {
  type: 'TextQuoteSelector';
  exact: string;
  prefix: string;
  suffix: string;
}

export interface TextPositionSelector {
  type: 'TextPositionSelector';
  start: number;
  end: number;
}

/** `document` is a note on the whole document (no selector). */
export type AnchorStatus = 'exact' | 'fuzzy' | 'orphaned' | 'document';

export interface Annotation {
  /** Any absolute URI: Margin makes `urn:uuid:…` ids; a note imported from another tool keeps its own (`http://…`). */
  id: string;
  docId: string;
  /** Text hash of the document version the selectors refer to. */
  docTextHash: string;
  motivation: 'highlighting' | 'commenting';
  color: HighlightColor | null;
  /** Markdown; empty string when there is none. */
  note: string;
  tags: string[];
  /** Empty for document-level notes; otherwise a quote selector and a position selector. */
  selectors: [TextQuoteSelector, TextPositionSelector] | [];
  anchorStatus: AnchorStatus;
  /** ISO date-times. */
  created: string;
  modified: string;
}

export interface AnnotationInput {
  docId: string;
  /** Canonical-text range to highlight; omitted or null for a note on the whole document. */
  range?: { start: number; end: number } | null;
  color?: HighlightColor | null;
  note?: string;
  tags?: string[];
}

export interface AnnotationPatch {
  color?: HighlightColor | null;
  note?: string;
  tags?: string[];
}

export type ExportFormat = 'markdown' | 'jsonld';

export interface ExportedFile {
  /** A plain file name, no folders. */
  name: string;
  mediaType: string;
  content: string;
}

export interface ImportReport {
  added: number;
  updated: number;
  skipped: number;
  /** One line per record that could not be taken, with the reason. */
  problems: string[];
}

// ---------------------------------------------------------------------------------------------------
// Citations and bibliographies
// ---------------------------------------------------------------------------------------------------

export type { CitationStyleId } from './shared/citation-styles';

/** The same words twice: plain text, and HTML with the italics the style wants (escaped by citeproc). */
export interface FormattedText {
  text: string;
  html: string;
}

export interface Citation {
  style: CitationStyleId;
  /** True for note styles (Chicago notes): `citation` is then a footnote, not a parenthesis. */
  note: boolean;
  /** The bibliography entry. */
  reference: FormattedText;
  /** The in-text citation or footnote, with the passage's locator when one was asked for. */
  citation: FormattedText;
  /** Where the passage is, in words ("Background, para. 7"), or null for the whole document. */
  locator: string | null;
}

export type BibliographyFormat = 'bibtex' | 'ris' | 'csl-json';

// ---------------------------------------------------------------------------------------------------
// Printing
// ---------------------------------------------------------------------------------------------------

/** The system print dialog, or Save as PDF (a save dialog, then the PDF written atomically). */
export type PrintMode = 'dialog' | 'pdf';

/**
 * What became of a print. `unavailable` where the caller has no window to print (the browser host,
 * tests): the page prints itself with `window.print()`, through the same print stylesheet.
 */
export type PrintOutcome = 'printed' | 'saved' | 'cancelled' | 'unavailable';

/** Where the notes of an annotated print go: beside their passage, or numbered at the end. */
export type PrintNotesLayout = 'endnotes' | 'margin';

/** An npm package bundled into the app. `licence` is its SPDX expression from its package.json. */
export interface LibraryLicence {
  name: string;
  version: string;
  licence: string;
}

/** A vendored CSL style or locale file. */
export interface StyleLicence {
  file: string;
  title: string;
  /** YYYY-MM-DD of the file's own `<updated>`, or null. */
  updated: string | null;
  licence: string;
}

/** What the About sheet lists: generated by the build from what it bundled. */
export interface Licences {
  libraries: LibraryLicence[];
  styles: StyleLicence[];
}

// ---------------------------------------------------------------------------------------------------
// Preferences and reading state
// ---------------------------------------------------------------------------------------------------

export type ThemeChoice = 'system' | 'light' | 'sepia' | 'dark';

export interface Preferences {
  theme: ThemeChoice;
  /** CSS px, 14..28. */
  fontSize: number;
  /** Characters per line, 50..90. */
  lineWidth: number;
  librarySort: 'date' | 'title';
  /** Read-aloud speed, 0.5..2 (1 is the voice's normal pace). */
  readAloudRate: number;
  /** The read-aloud voice's name as the system lists it; '' for the system's default voice. */
  readAloudVoice: string;
  /** The style of "Copy with citation". */
  citationStyle: CitationStyleId;
  /** Where an annotated print puts the notes. */
  printNotes: PrintNotesLayout;
  /** The reader's Markdown export template; '' for the built-in one (see shared/export-template.ts). */
  exportTemplate: string;
}

export interface ReadingPosition {
  /** The block at the top of the viewport, and how far into it (0..1). */
  blockId: string;
  fraction: number;
}

export interface AppStatus {
  version: string;
  documents: number;
  /** True once the full-text index is loaded. */
  searchReady: boolean;
  /** Something the user must be told, e.g. the note store was damaged and restored from a backup. */
  notices: string[];
}

// ---------------------------------------------------------------------------------------------------
// Sync through a folder the reader chooses
// ---------------------------------------------------------------------------------------------------

export interface SyncStatus {
  /** True once a passphrase is set for the folder on this device, until sync is turned off. */
  enabled: boolean;
  /** The sync folder in use, or the one chosen for setting up; null when none is chosen. */
  folder: string | null;
  /** False where no folder dialog exists (the browser host takes `--sync DIR` instead). */
  canChooseFolder: boolean;
  /** What this device is called beside the texts it writes ("Desk"). */
  deviceName: string;
  /** When this device last read the folder without a problem (ISO), null before the first time. */
  lastSync: string | null;
  /** The other devices whose files are in the folder, and when each last wrote (ISO). */
  devices: Array<{ name: string; lastSeen: string }>;
  /** What is wrong or was ignored, in plain words, newest last. */
  problems: string[];
  /** When a sync last brought notes into this device (ISO), null since the start if none: the page reloads them. */
  notesUpdated: string | null;
}

export interface SyncSetup {
  /** At least 8 characters; the same on every device of one folder. */
  passphrase: string;
  deviceName: string;
}

/** A text of a note that lost to an edit made at the same time on another device. */
export interface AnnotationVersion {
  /** Names this version for restoreAnnotationVersion. */
  id: string;
  text: string;
  deviceName: string;
  /** When it was written (ISO). */
  editedAt: string;
}

// ---------------------------------------------------------------------------------------------------
// The contract
// ---------------------------------------------------------------------------------------------------

export interface MarginApi {
  getStatus(): Promise<AppStatus>;
  /**
   * Every row of the library at once: for tests and tools that talk to the API. The renderer never
   * calls it (lint says so): at 100,000 articles it would carry 100,000 rows across.
   */
  listDocuments(): Promise<DocumentSummary[]>;
  /**
   * One page of the library, filtered and sorted in main, so a library of 100,000 articles never
   * crosses to the renderer at once.
   */
  listDocumentPage(query: DocumentPageQuery): Promise<DocumentPage>;
  /**
   * The rows of the documents with at least one highlight or note, in library order, removed ones of
   * yours included (`removed: true`): the notebook's titles, "documents with notes". As many as the
   * reader has annotated, whatever the size of the library; a document gone from it altogether is left out.
   */
  listAnnotatedDocuments(): Promise<DocumentSummary[]>;
  getDocument(id: string): Promise<Document>;
  search(query: string, options?: SearchOptions): Promise<SearchResults>;

  listAnnotations(docId: string): Promise<Annotation[]>;
  /** Every annotation of every document (the notebook). */
  listAllAnnotations(): Promise<Annotation[]>;
  createAnnotation(input: AnnotationInput): Promise<Annotation>;
  updateAnnotation(id: string, patch: AnnotationPatch): Promise<Annotation>;
  /** Returns the deleted record so that the UI can offer undo. */
  deleteAnnotation(id: string): Promise<Annotation>;
  /** Puts back a record returned by deleteAnnotation (undo). */
  restoreAnnotation(record: Annotation): Promise<Annotation>;
  exportAnnotations(format: ExportFormat, docId?: string): Promise<ExportedFile[]>;
  importAnnotations(text: string): Promise<ImportReport>;

  getPreferences(): Promise<Preferences>;
  setPreferences(patch: Partial<Preferences>): Promise<Preferences>;
  getReadingPosition(docId: string): Promise<ReadingPosition | null>;
  setReadingPosition(docId: string, position: ReadingPosition): Promise<void>;

  /** Opens an https link in the system browser after the user confirms. Resolves true if opened. */
  openExternal(url: string): Promise<boolean>;

  getSyncStatus(): Promise<SyncStatus>;
  /** Electron: a folder dialog. Elsewhere: an error saying how the folder is given. */
  chooseSyncFolder(): Promise<SyncStatus>;
  /** Opens the chosen folder with the passphrase (or sets it up when it is new), then syncs. */
  setUpSync(setup: SyncSetup): Promise<SyncStatus>;
  syncNow(): Promise<SyncStatus>;
  /** Stops syncing; the notes on this device stay exactly as they are. */
  turnOffSync(): Promise<SyncStatus>;
  /** Earlier texts of a note kept from concurrent edits, for "also edited on Desk at 10:02". */
  getAnnotationVersions(id: string): Promise<AnnotationVersion[]>;
  /** Makes a kept version the note's text again; the text it replaces is kept as a version. */
  restoreAnnotationVersion(id: string, versionId: string): Promise<Annotation>;
  /** A document's reference and citation in `style`; `at` (a canonical offset) locates a passage. */
  citeDocument(docId: string, style: CitationStyleId, at?: number): Promise<Citation>;
  /** One bibliography file holding these documents (1 to 1000 ids, in that order). */
  exportBibliography(format: BibliographyFormat, docIds: string[]): Promise<ExportedFile>;
  /** The licences of the bundled libraries and citation styles (About). */
  getLicences(): Promise<Licences>;
  /**
   * The reader is choosing files to import (a drag over the window, Add documents…): the importer
   * gets ready meanwhile, so the first file of a session imports as fast as the next.
   */
  prepareImport(): Promise<void>;
  /** Prints the calling window (Electron) through the system dialog or to a PDF file; see PrintOutcome. */
  printPage(mode: PrintMode): Promise<PrintOutcome>;

  /** Imports one file of the reader's (parsed off the main process); never half-imports. */
  importDocument(request: ImportRequest): Promise<ImportOutcome>;
  /**
   * Where a running import is; for a minute after it ends, `{ phase: 'done' }` (whatever its outcome,
   * which importDocument answers); null when no import of that id runs or ran lately, or it was
   * cancelled (nothing of it is kept).
   */
  getImportProgress(importId: string): Promise<ImportProgressReport | null>;
  /** Stops a running import (nothing of it is kept). Resolves false when none of that id runs. */
  cancelImport(importId: string): Promise<boolean>;
  /** Yours only: the document leaves the library (its files and notes are kept, for restoreDocument). */
  removeDocument(docId: string): Promise<RemovedDocument>;
  /** Undo of removeDocument. */
  restoreDocument(docId: string): Promise<DocumentSummary>;
  /** One row of the library, also for a removed document of yours (`removed: true`), for the notebook. */
  getDocumentSummary(docId: string): Promise<DocumentSummary>;
  /**
   * The rows of these documents (1 to 200 ids, each once), in the order asked, removed ones of yours
   * included (`removed: true`); an id the library has not is left out, not an error.
   */
  getDocumentSummaries(docIds: string[]): Promise<DocumentSummary[]>;
}

export type MarginMethod = keyof MarginApi;

/** IPC channel names live with the other values both processes build on (the renderer imports them). */
export { CHANNELS } from './shared/api-channels';

/** Error codes every transport carries unchanged. */
export type MarginErrorCode =
  'invalid-argument' | 'not-found' | 'store-locked' | 'store-damaged' | 'unavailable' | 'internal';

/** What a failed call carries over any transport: `{ code, message }`. */
export interface MarginErrorShape {
  code: MarginErrorCode;
  message: string;
}
