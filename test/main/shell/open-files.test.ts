import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildContent } from '../../../main/library/content-build';
import { createMarginService, type MarginService } from '../../../main/margin-service';
import { parseAppCommand } from '../../../main/shared/app-commands';
import { importOpenedFiles } from '../../../main/shell/open-files';
import { buildWorkers } from '../library/user-library/built-workers';

const BRIEF = `# Groundwater rules for the Indus plains

Tube wells now supply most of the irrigation water in Punjab, and the aquifer beneath the plains is
falling by up to a metre a year in the south of the province.

## What a licence would change

A licence per well, tied to a metered allowance, would let the province share the water fairly.
`;

describe('importOpenedFiles (Open with Margin)', () => {
  let scratch: string;
  let service: MarginService;

  beforeAll(async () => {
    scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'margin-open-files-'));
    const bundleDir = path.join(scratch, 'bundle');
    await buildContent({ inDir: path.resolve('content'), outDir: bundleDir });
    const { searchWorker } = await buildWorkers(path.join(scratch, 'workers'));
    service = await createMarginService({
      bundleDir,
      dataDir: path.join(scratch, 'data'),
      workerScript: searchWorker,
      syncIntervalMs: 0,
      citationStylesDir: path.resolve('content/csl'),
    });
  }, 120_000);

  afterAll(async () => {
    await service?.close();
    fs.rmSync(scratch, { recursive: true, force: true });
  });

  it('imports a file opened with Margin into your library and opens it', async () => {
    const file = path.join(scratch, 'groundwater.md');
    fs.writeFileSync(file, BRIEF);
    const commands = await importOpenedFiles([file], service);
    const documents = await service.listDocuments();
    const imported = documents.find((summary) => summary.origin === 'yours');
    expect(imported?.title).toBe('Groundwater rules for the Indus plains');
    expect(commands).toEqual([
      { type: 'notice', message: expect.stringContaining('Groundwater rules for the Indus plains') },
      { type: 'open-passage', docId: imported?.id },
    ]);
    // Opened again (the same bytes): nothing new, and it opens the one already there.
    const again = await importOpenedFiles([file], service);
    expect(again[0]).toEqual({ type: 'notice', message: expect.stringMatching(/already in your library/i) });
    expect(again[1]).toEqual({ type: 'open-passage', docId: imported?.id });
    expect((await service.listDocuments()).length).toBe(documents.length);
  }, 60_000);

  it('says in one line per file why a file was not imported, and changes nothing for it', async () => {
    const before = await service.listDocuments();
    const fake = path.join(scratch, 'report.pdf');
    fs.writeFileSync(fake, Buffer.from([0x00, 0xff, 0x13, 0x37, 0x00, 0x01, 0x02, 0xfe]));
    const folder = path.join(scratch, 'a-folder.pdf');
    fs.mkdirSync(folder);
    const missing = path.join(scratch, 'gone\nbad.pdf');
    const commands = await importOpenedFiles([fake, folder, missing], service);
    expect(commands).toHaveLength(3);
    for (const command of commands) {
      expect(command.type).toBe('notice');
      // Each passes the page's own check of commands: one printable line.
      expect(parseAppCommand(command)).toEqual(command);
    }
    expect(commands.map((command) => (command.type === 'notice' ? command.message : ''))).toEqual([
      expect.stringMatching(/^Not imported: .*report\.pdf/),
      'Not imported: a-folder.pdf: not a file',
      expect.stringMatching(/^Not imported: gone bad\.pdf: could not be read/),
    ]);
    expect(await service.listDocuments()).toEqual(before);
  }, 60_000);
});
