import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '..', '..');

/** The messages of the rule that keeps the whole library out of the renderer, for `code` in `file`. */
async function wholeLibraryMessages(code: string, file: string): Promise<string[]> {
  const eslint = new ESLint({ cwd: ROOT });
  const [result] = await eslint.lintText(code, { filePath: path.join(ROOT, file) });
  return result.messages
    .filter((message) => message.ruleId === 'no-restricted-properties')
    .map((message) => message.message);
}

const CALLS = `import type { MarginApi } from '../../main/api';
export async function titles(api: MarginApi): Promise<string[]> {
  const { listDocuments } = api;
  void listDocuments;
  await api['listDocuments']();
  return (await api.listDocuments()).map((summary) => summary.title);
}
`;

describe('the renderer lint', () => {
  it('refuses a renderer file that asks main for every row of the library, however it is written', async () => {
    const messages = await wholeLibraryMessages(CALLS, 'renderer/components/mg-probe.ts');
    expect(messages).toHaveLength(3);
    for (const message of messages) expect(message).toContain('never receives the whole library');
  });

  it('leaves the paged and by-id calls to the renderer, and listDocuments to tests and tools', async () => {
    const paged = `import type { MarginApi } from '../../main/api';
export const first = (api: MarginApi) => api.listDocumentPage({ sort: 'title', offset: 0, limit: 20 });
export const noted = (api: MarginApi) => api.listAnnotatedDocuments();
`;
    expect(await wholeLibraryMessages(paged, 'renderer/components/mg-probe.ts')).toEqual([]);
    expect(await wholeLibraryMessages(CALLS, 'test/renderer/probe.ts')).toEqual([]);
  });
});
