/**
 * What the reader is shown from a device's sync file: the other devices by name, and a note's kept
 * texts with the device and time they were written ("also edited on Desk at 10:02").
 */
import type { AnnotationVersion, SyncStatus } from '../api';
import { hlcWall } from './hlc';
import type { DeviceFile } from './sync-device-file';
import { visibleVersions } from './sync-merge';

/** The name a device last gave itself, "another device" before its name has arrived. */
export function deviceNameOf(file: DeviceFile, device: string): string {
  if (device === file.deviceId) return file.deviceName;
  const named = file.state.devices[device]?.value;
  return typeof named === 'string' && named.trim() !== '' ? named : 'another device';
}

/** The other devices with files in the folder, the one that wrote last first. */
export function devicesSeen(file: DeviceFile): SyncStatus['devices'] {
  return Object.entries(file.seen)
    .filter(([device]) => device !== file.deviceId)
    .map(([device, lastSeen]) => ({ name: deviceNameOf(file, device), lastSeen }))
    .sort((a, b) => b.lastSeen.localeCompare(a.lastSeen));
}

/** The kept texts of one note, newest first. */
export function noteVersions(file: DeviceFile, id: string): AnnotationVersion[] {
  const merged = file.state.annotations[id];
  if (merged === undefined) return [];
  return visibleVersions(merged.note)
    .reverse()
    .map((version) => ({
      id: version.hlc,
      text: version.text,
      deviceName: deviceNameOf(file, version.device),
      editedAt: new Date(hlcWall(version.hlc)).toISOString(),
    }));
}
