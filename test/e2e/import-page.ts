/**
 * What the import specs ask of the page: test documents made here (a PDF printed by this Chromium, a
 * saved web page), files dropped on the window with a DataTransfer built in the page, the rows of the
 * import list, and a record of every state those rows went through. Probes are source strings because
 * this side of the tests is compiled without DOM types.
 */
import type { BrowserContext, Locator, Page } from 'playwright-core';

export interface TestFile {
  name: string;
  mimeType: string;
  buffer: Buffer;
}

/** Prints a whole HTML page to PDF with this browser (A4, running footer with page numbers), offline. */
export async function printToPdf(context: BrowserContext, html: string): Promise<Buffer> {
  const printer = await context.newPage();
  try {
    await printer.route('**/*', (route) => route.abort());
    await printer.setContent(html, { waitUntil: 'load' });
    return await printer.pdf({
      format: 'A4',
      displayHeaderFooter: true,
      headerTemplate: '<span></span>',
      footerTemplate:
        '<div style="font-size:8px;width:100%;text-align:center"><span class="pageNumber"></span></div>',
      margin: { top: '20mm', bottom: '20mm', left: '20mm', right: '20mm' },
    });
  } finally {
    await printer.close();
  }
}

/**
 * Drags files over the library and drops them, as the system would: dragenter, dragover and drop
 * with one DataTransfer holding the files. Says whether the page took the dragover and the drop
 * (cancelled them), which is what keeps the browser from opening the file in place of Margin, and
 * whether the drop target showed while the files were over the window.
 */
export async function dropFiles(
  page: Page,
  files: TestFile[],
): Promise<{ tookDragOver: boolean; tookDrop: boolean; targetShown: boolean }> {
  const payload = files.map((file) => ({
    name: file.name,
    type: file.mimeType,
    base64: file.buffer.toString('base64'),
  }));
  return page.evaluate(`(async () => {
    const transfer = new DataTransfer();
    for (const file of ${JSON.stringify(payload)}) {
      const bytes = Uint8Array.from(atob(file.base64), (c) => c.charCodeAt(0));
      transfer.items.add(new File([bytes], file.name, { type: file.type }));
    }
    const app = document.querySelector('mg-app');
    const target = app.shadowRoot.querySelector('mg-library-view').shadowRoot.querySelector('main');
    const fire = (type) => {
      const event = new DragEvent(type, { bubbles: true, composed: true, cancelable: true, dataTransfer: transfer });
      target.dispatchEvent(event);
      return event.defaultPrevented;
    };
    fire('dragenter');
    const tookDragOver = fire('dragover');
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    const veil = app.shadowRoot.querySelector('mg-drop-target');
    const targetShown = veil.hasAttribute('active') && veil.shadowRoot.textContent.includes('Drop to add to your library');
    const tookDrop = fire('drop');
    return { tookDragOver, tookDrop, targetShown };
  })()`);
}

/**
 * From now on, records every status any row of the import list shows (`waiting`, `importing`…) and
 * whether a progress bar was drawn: imports can be quicker than a test's polling.
 */
export async function watchImportRows(page: Page): Promise<void> {
  await page.evaluate(`(() => {
    const panel = document.querySelector('mg-app').shadowRoot.querySelector('mg-import-panel');
    window.importSeen = { statuses: [], progressBars: 0 };
    const look = () => {
      for (const row of panel.shadowRoot.querySelectorAll('li[data-status]')) {
        const status = row.dataset.status;
        if (!window.importSeen.statuses.includes(status)) window.importSeen.statuses.push(status);
        if (row.querySelector('progress')) window.importSeen.progressBars++;
      }
    };
    new MutationObserver(look).observe(panel.shadowRoot, { subtree: true, childList: true, attributes: true });
  })()`);
}

export function importSeen(page: Page): Promise<{ statuses: string[]; progressBars: number }> {
  return page.evaluate(`window.importSeen`);
}

/** The row of the import list for one file. */
export function importRow(page: Page, name: string): Locator {
  return page.getByRole('list', { name: 'Files' }).getByRole('listitem').filter({ hasText: name });
}

/** Picks files through "Add documents…" (the system's file chooser). */
export async function addThroughPicker(page: Page, files: TestFile[], press?: string): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  // Playwright turns on its catching of file choosers when the first listener arrives, without waiting
  // for it; a round trip through the page makes sure it is on before a key press (which, unlike a
  // click, has no checks to wait through) opens the chooser.
  await page.evaluate('0');
  if (press) await page.keyboard.press(press);
  else await page.getByRole('button', { name: 'Add documents…' }).click();
  await (await chooser).setFiles(files);
}
