/**
 * What travels between devices: small change records, one field of one annotation each (or a reading
 * position, or a device's name). A change is the smallest thing two devices can disagree about, so
 * the merge can keep the newest colour from one device and the newest tags from another instead of
 * choosing a whole record. The device that made a change is the last part of its HLC stamp, never a
 * second field that could disagree with it.
 *
 * Records read from the folder are checked here; a record of a kind or field this Margin does not know
 * (a newer Margin wrote it) is "not understood", counted, and skipped.
 */
import { isHlc } from './hlc';

/** The fields of an annotation that merge one by one. `note` keeps the texts that lose (see NoteValue). */
export const ANNOTATION_FIELDS = ['note', 'color', 'tags', 'anchor', 'created', 'deleted'] as const;
export type AnnotationField = (typeof ANNOTATION_FIELDS)[number];

/**
 * A note's text and the stamps of the texts its author had in front of them and meant to replace
 * (normally the one current text; a "restore this version" also names the version). A text that no
 * later change replaces is never lost: it is current, or it is kept as a version.
 */
export interface NoteValue {
  text: string;
  replaces: string[];
}

export interface AnnotationChange {
  type: 'annotation';
  annotationId: string;
  /** Carried by every change, so a change that arrives first still files the annotation correctly. */
  docId: string;
  field: AnnotationField;
  /**
   * `note`: NoteValue; `deleted`: boolean (a tombstone, and false for an undo); `created`: ISO date;
   * `color`, `tags`, `anchor`: whatever the store keeps for them, as JSON.
   */
  value: unknown;
  hlc: string;
}

/** Where the reader is in a document; the newest position wins on every device. */
export interface PositionChange {
  type: 'position';
  docId: string;
  value: unknown;
  hlc: string;
}

/** The name a device goes by ("Desk"), shown beside the texts it wrote. */
export interface DeviceNameChange {
  type: 'device-name';
  name: string;
  hlc: string;
}

/**
 * One of the reader's own documents, published by a device: its original file is in that device's
 * `blobs/` (sync-blobs.ts), found by the sha256 and sealed with the folder key.
 */
export interface DocumentValue {
  fileName: string;
  sha256: string;
}

export interface DocumentChange {
  type: 'document';
  docId: string;
  value: DocumentValue;
  hlc: string;
}

export type Change = AnnotationChange | PositionChange | DeviceNameChange | DocumentChange;

const MAX_ID_LENGTH = 200;

function isId(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0 && value.length <= MAX_ID_LENGTH;
}

function isNoteValue(value: unknown): value is NoteValue {
  if (typeof value !== 'object' || value === null) return false;
  const { text, replaces } = value as Record<string, unknown>;
  return typeof text === 'string' && Array.isArray(replaces) && replaces.every(isHlc);
}

function fieldValueIsValid(field: AnnotationField, value: unknown): boolean {
  if (field === 'note') return isNoteValue(value);
  if (field === 'deleted') return typeof value === 'boolean';
  if (field === 'created') return typeof value === 'string';
  return value !== undefined;
}

/** A change read from a segment, or null when this Margin does not understand it. */
export function readChange(data: unknown): Change | null {
  if (typeof data !== 'object' || data === null) return null;
  const record = data as Record<string, unknown>;
  if (!isHlc(record.hlc)) return null;
  const hlc = record.hlc;
  if (record.type === 'annotation') {
    const { annotationId, docId, field, value } = record;
    if (!isId(annotationId) || !isId(docId)) return null;
    if (!ANNOTATION_FIELDS.includes(field as AnnotationField)) return null;
    if (!fieldValueIsValid(field as AnnotationField, value)) return null;
    return { type: 'annotation', annotationId, docId, field: field as AnnotationField, value, hlc };
  }
  if (record.type === 'position') {
    if (!isId(record.docId) || record.value === undefined) return null;
    return { type: 'position', docId: record.docId, value: record.value, hlc };
  }
  if (record.type === 'document') {
    const value = record.value as Partial<DocumentValue> | null;
    if (!isId(record.docId) || typeof value !== 'object' || value === null) return null;
    const { fileName, sha256 } = value;
    if (typeof fileName !== 'string' || fileName.length === 0 || fileName.length > 255) return null;
    if (typeof sha256 !== 'string' || !/^[0-9a-f]{64}$/.test(sha256)) return null;
    return { type: 'document', docId: record.docId, value: { fileName, sha256 }, hlc };
  }
  if (record.type === 'device-name') {
    if (typeof record.name !== 'string' || record.name.length > MAX_ID_LENGTH) return null;
    return { type: 'device-name', name: record.name, hlc };
  }
  return null;
}
