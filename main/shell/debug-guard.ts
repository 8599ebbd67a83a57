/**
 * A packaged Margin refuses to start with a remote-debugging switch: it would hand the page that holds
 * the reader's notes and the API to whatever connects. (The `--inspect` switches are already dead: the
 * fuses turn them off.) Development builds keep the switches for the smoke suite and for debugging.
 */
const DEBUGGING_SWITCHES = ['remote-debugging-port', 'remote-debugging-pipe'];

/** The switch's name as Chromium reads it: after `--` or `-` (or `/` on Windows), before any `=`. */
function switchName(argument: string, platform: NodeJS.Platform): string | null {
  const prefix = /^--?/.exec(argument) ?? (platform === 'win32' ? /^\//.exec(argument) : null);
  if (prefix === null) return null;
  return argument.slice(prefix[0].length).split('=', 1)[0].toLowerCase();
}

export function refusesDebugging(
  argv: readonly string[],
  isPackaged: boolean,
  platform: NodeJS.Platform = process.platform,
): boolean {
  if (!isPackaged) return false;
  return argv.some((argument) => {
    const name = switchName(argument, platform);
    return name !== null && DEBUGGING_SWITCHES.includes(name);
  });
}
