import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openModuleInChromium, type ModulePage } from '../module-in-chromium';

let page: ModulePage;

const RUNS = [
  { type: 'text', text: 'Read ' },
  { type: 'emphasis', text: 'the' },
  { type: 'text', text: ' ' },
  { type: 'strong', text: '<b>report</b>' },
  { type: 'text', text: ' at ' },
  { type: 'link', text: 'the source', href: 'https://example.org/report' },
  { type: 'text', text: '.' },
];

beforeAll(async () => {
  page = await openModuleInChromium(
    `export * from './renderer/components/inline-runs'; export { render } from 'lit';`,
  );
  await page.run(`(() => {
    const block = document.createElement('p');
    block.id = 'block';
    document.body.append(block);
    rendererModule.render(rendererModule.renderRuns(${JSON.stringify(RUNS)}), block);
  })()`);
});

afterAll(async () => {
  await page?.close();
});

describe('inline-runs', () => {
  it('renders runs so the element’s text is exactly the runs’ text, which highlights are measured on', async () => {
    expect(await page.run(`document.getElementById('block').textContent`)).toBe(
      RUNS.map((run) => run.text).join(''),
    );
  });

  it('shows emphasis, strong and links as such, and markup in the content as plain text', async () => {
    const shape = await page.run(`[...document.getElementById('block').children].map((element) => [
      element.localName,
      element.textContent,
    ])`);
    expect(shape).toEqual([
      ['em', 'the'],
      ['strong', '<b>report</b>'],
      ['a', 'the source'],
    ]);
    expect(await page.run(`document.querySelector('#block b')`)).toBeNull();
    expect(await page.run(`document.querySelector('#block a').rel`)).toBe('noopener noreferrer');
  });

  it('never follows a link in the app: a click asks the app to open it outside instead', async () => {
    const result = await page.run<{ asked: string[]; followed: boolean; address: string }>(`(() => {
      const asked = [];
      document.addEventListener('mg-open-external', (event) => asked.push(event.url));
      const click = new MouseEvent('click', { bubbles: true, cancelable: true });
      document.querySelector('#block a').dispatchEvent(click);
      return { asked, followed: !click.defaultPrevented, address: location.href };
    })()`);
    expect(result).toEqual({
      asked: ['https://example.org/report'],
      followed: false,
      address: 'about:blank',
    });
    expect(page.pageErrors).toEqual([]);
  });
});
