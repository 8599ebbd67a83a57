/**
 * Margin's local log, for support: rotating files in `<userData>/logs/` (folder 0700, files 0600), never
 * sent anywhere. It must never hold a reader's note text or quotes, so it cannot take free text: a line
 * is a fixed event name plus fields that are numbers, flags or short identifiers (ids, error codes).
 * A string field that does not look like an identifier is written as `[redacted]`; an error is logged
 * by its name, code and stack frames, never its message (messages can quote what the reader wrote).
 */
import { appendFileSync, chmodSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { MARGIN_FOLDERS } from '../data-dir';

export const LOG_EVENTS = [
  'app-start',
  'app-stop',
  'window-created',
  'open-routed',
  'open-ignored',
  'debugging-refused',
  'uncaught-error',
  'unhandled-rejection',
  'start-failed',
  'log-folder-not-shown',
  'open-import-failed',
] as const;
export type LogEvent = (typeof LOG_EVENTS)[number];
export type LogLevel = 'INFO' | 'WARN' | 'ERROR';
export type LogFields = Readonly<Record<string, number | boolean | string>>;

export const LOG_FILE = 'margin.log';
export const REDACTED = '[redacted]';
/** Ids, codes, versions, platform names: no spaces, no quotes, nothing long enough to be a sentence. */
const IDENTIFIER = /^[A-Za-z0-9][A-Za-z0-9:._@+-]{0,99}$/;
const FIELD_NAME = /^[a-z][a-zA-Z0-9]{0,31}$/;
const MAX_FRAMES = 8;

export interface AppLogOptions {
  maxBytes?: number;
  /** Files kept in all, the current one included. */
  maxFiles?: number;
  now?: () => Date;
}

/** `<userData>/logs`, which Help → Show log folder opens. */
export function logFolder(userData: string): string {
  return path.join(userData, MARGIN_FOLDERS.logs);
}

function fieldValue(value: unknown): string {
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : REDACTED;
  if (typeof value === 'boolean') return String(value);
  return typeof value === 'string' && IDENTIFIER.test(value) ? value : REDACTED;
}

/** Stack frames only, each cut to the function and the file's base name: no message, no home folder. */
function errorFields(error: unknown): Record<string, string> {
  if (!(error instanceof Error)) return { name: typeof error };
  const fields: Record<string, string> = { name: fieldValue(error.name) };
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' || typeof code === 'number') fields.code = fieldValue(code);
  const frames = (error.stack ?? '')
    .split('\n')
    .filter((line) => /^\s+at /.test(line))
    .slice(0, MAX_FRAMES)
    .map((line) => {
      const match = /^\s+at (?:(\S+) )?\(?(.*?):(\d+):(\d+)\)?$/.exec(line);
      if (match === null) return '?';
      return `${match[1] ?? 'anonymous'}@${path.basename(match[2].replace(/\\/g, '/'))}:${match[3]}`;
    });
  if (frames.length > 0)
    fields.stack = frames.map((frame) => (IDENTIFIER.test(frame) ? frame : '?')).join('<');
  return fields;
}

export class AppLog {
  readonly folder: string;
  private readonly file: string;
  private readonly maxBytes: number;
  private readonly maxFiles: number;
  private readonly now: () => Date;

  constructor(folder: string, options: AppLogOptions = {}) {
    this.folder = folder;
    this.file = path.join(folder, LOG_FILE);
    this.maxBytes = options.maxBytes ?? 1024 * 1024;
    this.maxFiles = Math.max(1, options.maxFiles ?? 5);
    this.now = options.now ?? (() => new Date());
  }

  info(event: LogEvent, fields: LogFields = {}): void {
    this.write('INFO', event, fields);
  }

  warn(event: LogEvent, fields: LogFields = {}): void {
    this.write('WARN', event, fields);
  }

  error(event: LogEvent, error: unknown, fields: LogFields = {}): void {
    this.write('ERROR', event, fields, errorFields(error));
  }

  /** `checked` holds values already cut to identifiers here (an error's name, code and frames). */
  private write(
    level: LogLevel,
    event: LogEvent,
    fields: LogFields,
    checked: Record<string, string> = {},
  ): void {
    const name = (LOG_EVENTS as readonly string[]).includes(event) ? event : 'unknown-event';
    const parts = Object.entries(fields)
      .filter(([key]) => FIELD_NAME.test(key))
      .map(([key, value]) => `${key}=${fieldValue(value)}`)
      .concat(Object.entries(checked).map(([key, value]) => `${key}=${value}`));
    const line = [this.now().toISOString(), level, name, ...parts].join(' ') + '\n';
    try {
      this.prepare(Buffer.byteLength(line));
      appendFileSync(this.file, line, { mode: 0o600 });
    } catch {
      // A log that cannot be written (disk full, read-only folder) must never stop the app.
    }
  }

  private prepare(incoming: number): void {
    mkdirSync(this.folder, { recursive: true, mode: 0o700 });
    if (process.platform !== 'win32') chmodSync(this.folder, 0o700);
    let size: number;
    try {
      size = statSync(this.file).size;
    } catch {
      return;
    }
    if (size + incoming <= this.maxBytes) return;
    // margin.log → margin.1.log → … → margin.<maxFiles-1>.log; the oldest falls off the end.
    const rotated = (index: number): string => path.join(this.folder, `margin.${index}.log`);
    rmSync(rotated(this.maxFiles - 1), { force: true });
    for (let index = this.maxFiles - 2; index >= 1; index--) {
      try {
        renameSync(rotated(index), rotated(index + 1));
      } catch {
        // that file does not exist yet
      }
    }
    if (this.maxFiles > 1) renameSync(this.file, rotated(1));
    else rmSync(this.file, { force: true });
  }
}
