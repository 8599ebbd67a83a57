/**
 * Margin's fuse policy and the read-back of a packed Electron binary. The policy is stated here
 * once, in electron-builder's own `electronFuses` names; the config and the binary must both
 * match it, so a weakened config fails twice: as config, and as the bytes it produced.
 */
import { FuseV1Options, FuseVersion, getCurrentFuseWire } from '@electron/fuses';

export type FuseName =
  | 'runAsNode'
  | 'enableCookieEncryption'
  | 'enableNodeOptionsEnvironmentVariable'
  | 'enableNodeCliInspectArguments'
  | 'enableEmbeddedAsarIntegrityValidation'
  | 'onlyLoadAppFromAsar'
  | 'loadBrowserProcessSpecificV8Snapshot'
  | 'grantFileProtocolExtraPrivileges';

export type FusePolicy = Readonly<Record<FuseName, boolean>>;

/** What every shipped Margin binary must carry. */
export const REQUIRED_FUSES: FusePolicy = {
  runAsNode: false,
  enableCookieEncryption: true,
  enableNodeOptionsEnvironmentVariable: false,
  enableNodeCliInspectArguments: false,
  enableEmbeddedAsarIntegrityValidation: true,
  onlyLoadAppFromAsar: true,
  loadBrowserProcessSpecificV8Snapshot: false,
  grantFileProtocolExtraPrivileges: false,
};

/** Position of each fuse in the V1 wire (as app-builder-lib's generateFuseConfig maps them). */
export const FUSE_WIRE_INDEX: Readonly<Record<FuseName, FuseV1Options>> = {
  runAsNode: FuseV1Options.RunAsNode,
  enableCookieEncryption: FuseV1Options.EnableCookieEncryption,
  enableNodeOptionsEnvironmentVariable: FuseV1Options.EnableNodeOptionsEnvironmentVariable,
  enableNodeCliInspectArguments: FuseV1Options.EnableNodeCliInspectArguments,
  enableEmbeddedAsarIntegrityValidation: FuseV1Options.EnableEmbeddedAsarIntegrityValidation,
  onlyLoadAppFromAsar: FuseV1Options.OnlyLoadAppFromAsar,
  loadBrowserProcessSpecificV8Snapshot: FuseV1Options.LoadBrowserProcessSpecificV8Snapshot,
  grantFileProtocolExtraPrivileges: FuseV1Options.GrantFileProtocolExtraPrivileges,
};

const WIRE_OFF = 0x30;
const WIRE_ON = 0x31;
const state = (on: boolean): string => (on ? 'on' : 'off');

/** Compares an `electronFuses` config block with the policy. */
export function checkFuseConfig(config: unknown, expected: FusePolicy = REQUIRED_FUSES): string[] {
  if (config === null || typeof config !== 'object') {
    return ['electronFuses is missing from the electron-builder config: no fuse would be flipped'];
  }
  const fuses = config as Record<string, unknown>;
  const problems: string[] = [];
  for (const [name, wanted] of Object.entries(expected) as [FuseName, boolean][]) {
    if (fuses[name] !== wanted) {
      problems.push(
        `electronFuses.${name} must be ${wanted}, the config has ${JSON.stringify(fuses[name] ?? 'nothing')}`,
      );
    }
  }
  return problems;
}

/** Reads the fuse wire of a packed Electron executable and compares each fuse with the policy. */
export async function checkFuses(
  executablePath: string,
  expected: FusePolicy = REQUIRED_FUSES,
): Promise<string[]> {
  let wire: Awaited<ReturnType<typeof getCurrentFuseWire>>;
  try {
    wire = await getCurrentFuseWire(executablePath);
  } catch (error) {
    return [
      `cannot read the fuses of ${executablePath}: ${error instanceof Error ? error.message : String(error)}`,
    ];
  }
  if (wire.version !== FuseVersion.V1) {
    return [
      `${executablePath} has fuse wire version ${wire.version}; this check reads version ${FuseVersion.V1}`,
    ];
  }
  const problems: string[] = [];
  const states = wire as unknown as Record<number, number>;
  for (const [name, wanted] of Object.entries(expected) as [FuseName, boolean][]) {
    const actual = states[FUSE_WIRE_INDEX[name]];
    if (actual === undefined) {
      problems.push(`fuse ${name} is missing from the binary's wire`);
    } else if (actual !== WIRE_ON && actual !== WIRE_OFF) {
      problems.push(`fuse ${name} has state byte ${actual} (removed or unknown), expected ${state(wanted)}`);
    } else if ((actual === WIRE_ON) !== wanted) {
      problems.push(
        `fuse ${name} is ${state(actual === WIRE_ON)} in the packed binary, must be ${state(wanted)}`,
      );
    }
  }
  return problems;
}
