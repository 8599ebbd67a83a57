import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBrowser, screenshot, startHost, type BrowserSession, type MarginHost } from './harness';
import { eventually, paintedTexts, seriousViolations } from './annotations-page';
import { focusedText, liveRegion, pressUntil } from './keyboard-page';
import { COMMENTARY_TITLE } from './reader-page';

const DOC_ID = 'security-concerns-impede-china-pakistan-relations';
const FIRST = 'Currently, Balochistan is experiencing its fifth wave of insurgency.';

describe('read aloud', () => {
  let host: MarginHost;
  let browser: BrowserSession;
  let voices = 0;

  beforeAll(async () => {
    host = await startHost();
    browser = await openBrowser();
    const { page } = browser;
    await page.goto(`${host.url}#/read/${DOC_ID}`);
    await page.getByRole('heading', { level: 1, name: COMMENTARY_TITLE }).waitFor();
    // Chromium lists its voices a moment after it is first asked.
    voices = await page.evaluate<number>(`new Promise((resolve) => {
      if (speechSynthesis.getVoices().length) return resolve(speechSynthesis.getVoices().length);
      speechSynthesis.addEventListener('voiceschanged', () => resolve(speechSynthesis.getVoices().length), { once: true });
      setTimeout(() => resolve(speechSynthesis.getVoices().length), 2000);
    })`);
    console.log(
      voices > 0
        ? `read aloud: Chromium has ${voices} voice(s); driving real speech`
        : 'read aloud: Chromium has no voices here (no speech-dispatcher); checking the message that says so',
    );
  });

  afterAll(async () => {
    await browser?.close();
    await host?.stop();
  });

  it('reads from the reading cursor sentence by sentence, or says plainly that there are no voices', async () => {
    const { page } = browser;
    await pressUntil(page, 'ArrowDown', async () => (await focusedText(page)).includes(FIRST));
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Control+Shift+U');
    if (voices === 0) {
      const message = page.locator('mg-read-aloud-bar').getByText('Read aloud needs a voice');
      await message.waitFor();
      expect(await message.textContent()).toContain('speech-dispatcher');
      await eventually(() => liveRegion(page)).toContain('this system has none');
      expect(await paintedTexts(page, 'mg-reading-aloud')).toEqual([]);
      await screenshot(page, 'read-aloud-no-voices');
      expect(await seriousViolations(page)).toEqual([]);
      return;
    }
    await eventually(() => paintedTexts(page, 'mg-reading-aloud')).toEqual([FIRST]);
    const bar = page.getByRole('toolbar', { name: 'Read aloud' });
    await bar.getByRole('button', { name: 'Next sentence' }).press('Enter');
    await eventually(async () => (await paintedTexts(page, 'mg-reading-aloud'))[0]).not.toBe(FIRST);
    await bar.getByRole('button', { name: 'Pause' }).press('Enter');
    await bar.getByRole('button', { name: 'Resume' }).waitFor();
    await bar.getByRole('button', { name: 'Resume' }).press('Enter');
    await bar.getByRole('button', { name: 'Stop' }).press('Enter');
    await eventually(() => paintedTexts(page, 'mg-reading-aloud')).toEqual([]);
  });

  it('remembers the speed', async () => {
    const { page } = browser;
    await page.getByRole('combobox', { name: 'Speed' }).selectOption('1.5');
    await eventually(
      async () => (await host.call<{ readAloudRate: number }>('getPreferences')).readAloudRate,
    ).toBe(1.5);
  });
});
