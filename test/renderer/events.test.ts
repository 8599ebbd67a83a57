import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openModuleInChromium, type ModulePage } from './module-in-chromium';

let page: ModulePage;

beforeAll(async () => {
  page = await openModuleInChromium(`export * from './renderer/events'`);
  // An element deep in a shadow root, as the app's buttons are, and the app listening on the document.
  await page.run(`(() => {
    const host = document.createElement('div');
    document.body.append(host);
    const inner = host.attachShadow({ mode: 'open' });
    inner.innerHTML = '<button>deep</button>';
    window.deepButton = inner.querySelector('button');
  })()`);
});

afterAll(async () => {
  await page?.close();
});

/** Dispatches `construct` (an expression over rendererModule) from deep in a shadow root. */
const heardOnDocument = (construct: string) =>
  page.run<Record<string, unknown> | null>(`(() => {
    const event = ${construct};
    let heard = null;
    const listener = (e) => (heard = { type: e.type, ...e });
    document.addEventListener(event.type, listener);
    window.deepButton.dispatchEvent(event);
    document.removeEventListener(event.type, listener);
    return heard && JSON.parse(JSON.stringify(heard));
  })()`);

describe('events', () => {
  it('gives every event class its own mg- name, so no two listeners catch each other’s events', async () => {
    const names = await page.run<string[]>(`Object.values(rendererModule)
      .filter((value) => typeof value === 'function' && 'eventName' in value)
      .map((eventClass) => eventClass.eventName)`);
    expect(names.length).toBeGreaterThanOrEqual(28);
    expect(new Set(names).size).toBe(names.length);
    for (const name of names) expect(name).toMatch(/^mg-[a-z]+(-[a-z]+)*$/);
  });

  it('brings every event out of a shadow root up to the app listening on the document', async () => {
    const missed = await page.run<string[]>(`(() => {
      const missed = [];
      for (const [className, EventClass] of Object.entries(rendererModule)) {
        if (typeof EventClass !== 'function' || !('eventName' in EventClass)) continue;
        let heard = false;
        const listener = () => (heard = true);
        document.addEventListener(EventClass.eventName, listener);
        window.deepButton.dispatchEvent(new EventClass());
        document.removeEventListener(EventClass.eventName, listener);
        if (!heard) missed.push(className);
      }
      return missed;
    })()`);
    expect(missed).toEqual([]);
  });

  it('carries what the listener needs to act on', async () => {
    expect(await heardOnDocument(`new rendererModule.OpenAnnotationEvent('doc-a', 'note-1')`)).toMatchObject({
      type: 'mg-open-annotation',
      docId: 'doc-a',
      annotationId: 'note-1',
    });
    expect(await heardOnDocument(`new rendererModule.OpenDocumentEvent('doc-a')`)).toMatchObject({
      docId: 'doc-a',
      passage: null,
    });
    expect(
      await heardOnDocument(`new rendererModule.HighlightCreateEvent({ start: 3, end: 9 }, 'blue', true)`),
    ).toMatchObject({ range: { start: 3, end: 9 }, color: 'blue', withNote: true });
    expect(await heardOnDocument(`new rendererModule.AnnotationEditEvent('note-1')`)).toMatchObject({
      annotationId: 'note-1',
      anchor: null,
    });
    expect(await heardOnDocument(`new rendererModule.AnnotationsExportEvent('jsonld', null)`)).toMatchObject({
      format: 'jsonld',
      docId: null,
    });
    expect(await heardOnDocument(`new rendererModule.AnnotationTagFilterEvent('CPEC')`)).toMatchObject({
      type: 'mg-annotation-tag-filter',
      tag: 'CPEC',
    });
    expect(page.pageErrors).toEqual([]);
  });
});
