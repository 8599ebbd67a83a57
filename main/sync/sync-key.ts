/**
 * The folder's key: derived from the reader's passphrase with scrypt (node:crypto, memory-hard; no
 * Argon2 without a native dependency) under a random salt kept in `<folder>/margin/folder.json`, with
 * the KDF parameters and a key check value (an HMAC of a fixed label) so that a wrong passphrase is
 * told apart from damaged data before anything is read or written. folder.json holds no secret.
 *
 * Lines are sealed one by one with AES-256-GCM: a fresh 96-bit IV per line, and the line's place (device,
 * segment, line number) as additional data, so a line moved to another place does not open.
 */
import {
  createCipheriv,
  createDecipheriv,
  createHmac,
  randomBytes,
  scrypt,
  timingSafeEqual,
} from 'node:crypto';
import {
  closeSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';
import { MarginError } from '../errors';
import { syncDirectory } from '../storage/durable-files';

export const MARGIN_DIR = 'margin';
export const FOLDER_FILE = 'folder.json';
export const FOLDER_FORMAT = 1;

export interface ScryptParams {
  /** CPU/memory cost, a power of two. 2^15 with r = 8 takes 32 MiB and about 0.1 s. */
  N: number;
  r: number;
  p: number;
}

export const DEFAULT_SCRYPT: Readonly<ScryptParams> = { N: 2 ** 15, r: 8, p: 1 };

const MAX_SCRYPT: Readonly<ScryptParams> = { N: 2 ** 20, r: 16, p: 4 };

interface FolderFile {
  margin: 'sync-folder';
  format: number;
  kdf: { name: 'scrypt'; salt: string } & ScryptParams;
  /** base64 HMAC-SHA256(key, KEY_CHECK_LABEL). */
  keyCheck: string;
}

const KEY_CHECK_LABEL = 'margin sync key check v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** The key that seals this folder's segments. Never written to the folder; each device keeps it in its private data folder (sync-device-file.ts). */
export interface FolderKey {
  readonly key: Buffer;
}

/** Asynchronous: scrypt runs on libuv's thread pool, so the main process keeps answering meanwhile. */
function deriveKey(passphrase: string, salt: Buffer, params: ScryptParams): Promise<Buffer> {
  const options = { N: params.N, r: params.r, p: params.p, maxmem: 256 * params.N * params.r };
  return new Promise((resolve, reject) =>
    scrypt(passphrase.normalize('NFC'), salt, 32, options, (error, key) =>
      error === null ? resolve(key) : reject(error),
    ),
  );
}

function keyCheck(key: Buffer): Buffer {
  return createHmac('sha256', key).update(KEY_CHECK_LABEL).digest();
}

const MAX_PASSPHRASE_LENGTH = 1024;

/** The one rule for a passphrase (the API gate applies it too): 8 to 1024 characters. */
export function checkPassphrase(passphrase: unknown): string {
  if (typeof passphrase !== 'string' || passphrase.length < 8)
    throw new MarginError('invalid-argument', 'A sync passphrase has at least 8 characters.');
  if (passphrase.length > MAX_PASSPHRASE_LENGTH)
    throw new MarginError(
      'invalid-argument',
      `A sync passphrase has at most ${MAX_PASSPHRASE_LENGTH} characters.`,
    );
  return passphrase;
}

function folderFilePath(folder: string): string {
  return join(folder, MARGIN_DIR, FOLDER_FILE);
}

/**
 * Sets up `folder` for sync with a new passphrase: writes `margin/folder.json` (temporary file, fsync,
 * rename). Refuses a folder that is already set up, so that a second salt never replaces the first.
 */
export async function createSyncFolder(
  folder: string,
  passphrase: string,
  params: ScryptParams = DEFAULT_SCRYPT,
): Promise<FolderKey> {
  checkPassphrase(passphrase);
  if (!existsSync(folder)) throw new MarginError('unavailable', `The sync folder ${folder} is not there.`);
  const file = folderFilePath(folder);
  if (existsSync(file))
    throw new MarginError('invalid-argument', `${folder} is already a Margin sync folder: open it instead.`);
  const salt = randomBytes(16);
  const key = await deriveKey(passphrase, salt, params);
  if (existsSync(file))
    throw new MarginError('invalid-argument', `${folder} is already a Margin sync folder: open it instead.`);
  const content: FolderFile = {
    margin: 'sync-folder',
    format: FOLDER_FORMAT,
    kdf: { name: 'scrypt', salt: salt.toString('base64'), ...params },
    keyCheck: keyCheck(key).toString('base64'),
  };
  try {
    mkdirSync(join(folder, MARGIN_DIR), { recursive: true });
    const temporary = `${file}.tmp-${randomBytes(4).toString('hex')}`;
    const fd = openSync(temporary, 'wx');
    try {
      writeSync(fd, `${JSON.stringify(content, null, 2)}\n`);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temporary, file);
    syncDirectory(join(folder, MARGIN_DIR));
  } catch (error) {
    throw new MarginError(
      'unavailable',
      `The sync folder ${folder} could not be written: ${(error as Error).message}`,
    );
  }
  return { key };
}

function readFolderFile(folder: string): FolderFile {
  const file = folderFilePath(folder);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT')
      throw new MarginError(
        'not-found',
        `${folder} holds no Margin sync folder (margin/${FOLDER_FILE} is missing).`,
      );
    throw new MarginError(
      'unavailable',
      `The sync folder ${folder} cannot be read: ${(error as Error).message}`,
    );
  }
  let data: Partial<FolderFile>;
  try {
    data = JSON.parse(text) as Partial<FolderFile>;
  } catch {
    throw new MarginError('invalid-argument', `margin/${FOLDER_FILE} in ${folder} is damaged (not JSON).`);
  }
  if (data.margin !== 'sync-folder' || typeof data.format !== 'number')
    throw new MarginError(
      'invalid-argument',
      `margin/${FOLDER_FILE} in ${folder} is not a Margin sync folder file.`,
    );
  const kdf = data.kdf;
  const understood =
    kdf?.name === 'scrypt' &&
    typeof kdf.salt === 'string' &&
    [kdf.N, kdf.r, kdf.p].every((n) => Number.isInteger(n) && n > 0) &&
    // A damaged or hostile file must not make scrypt ask for gigabytes.
    kdf.N <= MAX_SCRYPT.N &&
    kdf.r <= MAX_SCRYPT.r &&
    kdf.p <= MAX_SCRYPT.p &&
    typeof data.keyCheck === 'string';
  if (!understood) {
    const why = data.format > FOLDER_FORMAT ? 'was set up by a newer Margin' : 'is damaged';
    throw new MarginError('invalid-argument', `The sync folder ${folder} ${why}: update Margin to use it.`);
  }
  return data as FolderFile;
}

/**
 * Opens a folder set up before. A wrong passphrase throws a MarginError and neither reads a segment nor
 * writes anything. A folder.json from a newer Margin is used as far as it is understood, never rewritten.
 */
export async function unlockSyncFolder(folder: string, passphrase: string): Promise<FolderKey> {
  checkPassphrase(passphrase);
  const { kdf, keyCheck: expected } = readFolderFile(folder);
  const key = await deriveKey(passphrase, Buffer.from(kdf.salt, 'base64'), kdf);
  const stored = Buffer.from(expected, 'base64');
  const actual = keyCheck(key);
  if (stored.length !== actual.length || !timingSafeEqual(stored, actual))
    throw new MarginError(
      'invalid-argument',
      'That passphrase does not open this sync folder. Nothing was read or written; try again.',
    );
  return { key };
}

/** Seals one line's text; `place` binds it to where it is written. Returns base64 (IV, ciphertext, tag). */
export function sealText(folderKey: FolderKey, place: string, text: string): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', folderKey.key, iv);
  cipher.setAAD(Buffer.from(place, 'utf8'));
  const body = Buffer.concat([cipher.update(text, 'utf8'), cipher.final()]);
  return Buffer.concat([iv, body, cipher.getAuthTag()]).toString('base64');
}

/** The text of a sealed line, or null when it does not open with this key at this place. */
export function openSealed(folderKey: FolderKey, place: string, sealed: string): string | null {
  const bytes = Buffer.from(sealed, 'base64');
  if (bytes.length < IV_BYTES + TAG_BYTES) return null;
  try {
    const decipher = createDecipheriv('aes-256-gcm', folderKey.key, bytes.subarray(0, IV_BYTES));
    decipher.setAAD(Buffer.from(place, 'utf8'));
    decipher.setAuthTag(bytes.subarray(bytes.length - TAG_BYTES));
    const body = bytes.subarray(IV_BYTES, bytes.length - TAG_BYTES);
    return Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8');
  } catch {
    return null;
  }
}
