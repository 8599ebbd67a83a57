/**
 * What the reader is shown of sync's state: the other devices by name, and a note's kept texts with the
 * device and time they were written ("also edited on Desk at 10:02").
 */
import type { AnnotationVersion, SyncStatus } from '../api';
import { hlcWall } from './hlc';
import { visibleVersions } from './sync-merge';
import type { AnnotationState, Stamped } from './sync-merge';

export interface DeviceNames {
  deviceId: string;
  deviceName: string;
  /** Device id → its name, as the device last set it. */
  devices: Record<string, Stamped>;
}

/** The name a device last gave itself, "another device" before its name has arrived. */
export function deviceNameOf(names: DeviceNames, device: string): string {
  if (device === names.deviceId) return names.deviceName;
  const named = names.devices[device]?.value;
  return typeof named === 'string' && named.trim() !== '' ? named : 'another device';
}

/** The other devices with files in the folder, the one that wrote last first. */
export function devicesSeen(names: DeviceNames, seen: Record<string, string>): SyncStatus['devices'] {
  return Object.entries(seen)
    .filter(([device]) => device !== names.deviceId)
    .map(([device, lastSeen]) => ({ name: deviceNameOf(names, device), lastSeen }))
    .sort((a, b) => b.lastSeen.localeCompare(a.lastSeen));
}

/** The kept texts of one note, newest first. */
export function noteVersions(names: DeviceNames, merged: AnnotationState | undefined): AnnotationVersion[] {
  if (merged === undefined) return [];
  return visibleVersions(merged.note)
    .reverse()
    .map((version) => ({
      id: version.hlc,
      text: version.text,
      deviceName: deviceNameOf(names, version.device),
      editedAt: new Date(hlcWall(version.hlc)).toISOString(),
    }));
}
