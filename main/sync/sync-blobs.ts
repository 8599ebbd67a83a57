/**
 * The original files of the reader's own documents, in the sync folder:
 * `margin/devices/<device>/blobs/<name>`, where the name is an HMAC of the file's sha256 under the folder
 * key (so a name says nothing about the content, yet every device with the key finds it), and the bytes
 * are sealed with AES-256-GCM under the folder key, bound to that name:
 *
 *   "MGB1" | 12-byte IV | ciphertext | 16-byte tag
 *
 * Written like segments: temporary dot-name, fsync, rename. What comes out is checked against the sha256
 * before anything is done with it, and then is still an untrusted file for the importer.
 */
import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes } from 'node:crypto';
import {
  closeSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  statSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';
import { syncDirectory } from '../storage/durable-files';
import type { FolderKey } from './sync-key';

export const BLOBS_DIR = 'blobs';
const MAGIC = Buffer.from('MGB1');
const IV_BYTES = 12;
const TAG_BYTES = 16;
/** The importer takes files up to 100 MB; a blob larger than that with its seal is not one of ours. */
export const MAX_BLOB_BYTES = 100 * 1024 * 1024 + MAGIC.length + IV_BYTES + TAG_BYTES;

/** The blob's file name for a file of this sha256: keyed, so the folder does not reveal which file it is. */
export function blobName(folderKey: FolderKey, sha256: string): string {
  return createHmac('sha256', folderKey.key).update(`margin-blob-name/1/${sha256}`).digest('hex');
}

function aad(name: string): Buffer {
  return Buffer.from(`margin-blob/1/${name}`, 'utf8');
}

export function sealBlob(folderKey: FolderKey, name: string, bytes: Uint8Array): Buffer {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', folderKey.key, iv);
  cipher.setAAD(aad(name));
  const body = Buffer.concat([cipher.update(bytes), cipher.final()]);
  return Buffer.concat([MAGIC, iv, body, cipher.getAuthTag()]);
}

/** The file inside a blob, or null when it does not open (half-copied, damaged, another key). */
export function openBlob(folderKey: FolderKey, name: string, sealed: Buffer, sha256: string): Buffer | null {
  if (sealed.length < MAGIC.length + IV_BYTES + TAG_BYTES || !sealed.subarray(0, 4).equals(MAGIC))
    return null;
  try {
    const iv = sealed.subarray(MAGIC.length, MAGIC.length + IV_BYTES);
    const decipher = createDecipheriv('aes-256-gcm', folderKey.key, iv);
    decipher.setAAD(aad(name));
    decipher.setAuthTag(sealed.subarray(sealed.length - TAG_BYTES));
    const body = sealed.subarray(MAGIC.length + IV_BYTES, sealed.length - TAG_BYTES);
    const bytes = Buffer.concat([decipher.update(body), decipher.final()]);
    return createHash('sha256').update(bytes).digest('hex') === sha256 ? bytes : null;
  } catch {
    return null;
  }
}

/** Writes this device's blob of a file durably; throws fs errors. */
export function writeBlob(
  deviceDir: string,
  folderKey: FolderKey,
  sha256: string,
  bytes: Uint8Array,
): string {
  const dir = join(deviceDir, BLOBS_DIR);
  mkdirSync(dir, { recursive: true });
  const name = blobName(folderKey, sha256);
  const temporary = join(dir, `.${name}.tmp-${randomBytes(4).toString('hex')}`);
  const fd = openSync(temporary, 'wx');
  try {
    writeSync(fd, sealBlob(folderKey, name, bytes));
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(temporary, join(dir, name));
  syncDirectory(dir);
  return name;
}

export type BlobRead =
  | { ok: true; bytes: Buffer }
  /** Not there (yet): the sync tool has not carried it. */
  | { ok: false; missing: true }
  | { ok: false; missing: false; problem: string; signature: string };

/** The file of `sha256` from the blobs of device `deviceDir`. */
export function readBlob(deviceDir: string, folderKey: FolderKey, sha256: string): BlobRead {
  const name = blobName(folderKey, sha256);
  const path = join(deviceDir, BLOBS_DIR, name);
  let size: number;
  let signature: string;
  try {
    const stat = statSync(path);
    size = stat.size;
    signature = `${stat.size}/${stat.mtimeMs}`;
  } catch {
    return { ok: false, missing: true };
  }
  if (size > MAX_BLOB_BYTES)
    return { ok: false, missing: false, problem: 'it is larger than Margin imports', signature };
  const bytes = openBlob(folderKey, name, readFileSync(path), sha256);
  if (bytes === null)
    return { ok: false, missing: false, problem: 'it does not open (half-copied or damaged?)', signature };
  return { ok: true, bytes };
}
