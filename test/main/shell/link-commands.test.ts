import { describe, expect, it } from 'vitest';
import { parseAppCommand } from '../../../main/shared/app-commands';
import { commandsForLinks } from '../../../main/shell/link-commands';

const ID = 'urn:uuid:0f8fad5b-d9cb-469f-a165-70867728950e';

describe('link-commands', () => {
  it('turns a link on a second launch into opening its passage, skipping the executable and switches', () => {
    const argv = [
      '/opt/Margin/margin',
      '--allow-file-access-from-files',
      `margin://open/gwadar?annotation=${ID}`,
    ];
    expect(commandsForLinks(argv)).toEqual([{ type: 'open-passage', docId: 'gwadar', annotationId: ID }]);
    expect(commandsForLinks(['margin://open/gwadar'])).toEqual([{ type: 'open-passage', docId: 'gwadar' }]);
  });

  it('tells the reader in one line why a broken link was not opened', () => {
    const [command] = commandsForLinks(['margin://open/../../etc/passwd']);
    expect(command).toEqual({
      type: 'notice',
      message: 'Margin could not open a link: The link does not name a document of the library.',
    });
    // The notice passes the page's own check of commands (one printable line).
    expect(parseAppCommand(command)).toEqual(command);
    expect(commandsForLinks([`MARGIN://open/x`])[0].type).toBe('notice');
  });

  it('leaves files, other schemes and non-strings alone', () => {
    expect(commandsForLinks(['/home/me/report.pdf', 'https://example.org/', 42, null])).toEqual([]);
  });

  it('keeps every command it makes valid for the page, whatever arrives', () => {
    const hostile = [
      `margin://open/${'a'.repeat(5000)}`,
      'margin://open/gwadar?annotation=%00',
      'margin:\u202eopen/gwadar',
      `margin://open/gwadar?annotation=${ID}\n`,
    ];
    for (const command of commandsForLinks(hostile)) expect(parseAppCommand(command)).toEqual(command);
  });
});
