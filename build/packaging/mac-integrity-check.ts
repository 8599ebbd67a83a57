/**
 * macOS Electron refuses to load an app.asar whose header does not hash to the value recorded in
 * the app's Info.plist (`ElectronAsarIntegrity`), when the embedded-asar-integrity fuse is on.
 * electron-builder writes that record while packing; this reads it back and recomputes the hash
 * the way Electron does (SHA-256 of the archive's JSON header), so a stale or missing record, which
 * would stop the app from starting, is caught before release. Windows embeds the same record as an
 * executable resource, which needs a real Windows Electron binary to check; Linux has no asar
 * integrity validation in Electron.
 */
import { getRawHeader } from '@electron/asar';
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';

/** The archive's entry as electron-builder writes it (plist keys sorted, one dict per archive). */
const RECORD = new RegExp(
  '<key>ElectronAsarIntegrity</key>\\s*<dict>\\s*<key>Resources/app\\.asar</key>\\s*<dict>\\s*' +
    '<key>algorithm</key>\\s*<string>([^<]*)</string>\\s*<key>hash</key>\\s*<string>([^<]*)</string>',
);

export function asarHeaderHash(asarPath: string): string {
  return createHash('sha256').update(getRawHeader(asarPath).headerString).digest('hex');
}

export async function checkMacAsarIntegrity(infoPlistPath: string, asarPath: string): Promise<string[]> {
  const plist = await readFile(infoPlistPath, 'utf8');
  const record = RECORD.exec(plist);
  if (!record) {
    return [
      'Info.plist has no ElectronAsarIntegrity record for Resources/app.asar: the integrity fuse would have nothing to check',
    ];
  }
  const [, algorithm, recorded] = record;
  if (algorithm !== 'SHA256')
    return [`Info.plist records asar integrity with ${algorithm}; Electron checks SHA256`];
  const actual = asarHeaderHash(asarPath);
  if (recorded !== actual) {
    return [
      `Info.plist records asar header hash ${recorded}, but app.asar's header hashes to ${actual}: Electron would refuse to load it`,
    ];
  }
  return [];
}
