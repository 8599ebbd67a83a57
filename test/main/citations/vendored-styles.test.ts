import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CITATION_LOCALE_FILE, CITATION_STYLES } from '../../../main/shared/citation-styles';

const VENDORED = path.resolve('content/csl');
/** Debian's citation-style-language-styles and -locales packages, when the machine has them. */
const DEBIAN = '/usr/share/citation-style-language';
const FILES = [...CITATION_STYLES.map((style) => style.file), CITATION_LOCALE_FILE];

describe('the vendored CSL styles', () => {
  it('holds exactly the styles Margin offers, each CC BY-SA 3.0 and named in the README', () => {
    const readme = readFileSync(path.join(VENDORED, 'README.md'), 'utf8');
    expect(
      readdirSync(VENDORED)
        .filter((name) => name !== 'README.md')
        .sort(),
    ).toEqual([...FILES].sort());
    for (const file of FILES) {
      const xml = readFileSync(path.join(VENDORED, file), 'utf8');
      expect(xml, file).toContain('<rights license="http://creativecommons.org/licenses/by-sa/3.0/">');
      const updated = /<updated>(\d{4}-\d{2}-\d{2})/.exec(xml)?.[1];
      expect(readme, file).toContain(`| \`${file}\` |`);
      expect(readme, file).toContain(`| ${updated} |`);
    }
  });

  it.skipIf(!existsSync(DEBIAN))('are byte for byte the official files Debian packages', () => {
    for (const file of FILES) {
      const official = path.join(DEBIAN, file.endsWith('.xml') ? 'locales' : 'styles', file);
      expect(readFileSync(path.join(VENDORED, file)).equals(readFileSync(official)), file).toBe(true);
    }
  });
});
