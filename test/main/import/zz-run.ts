import { readFileSync } from 'node:fs';
import { parsePdf } from '/work/wt-importer/main/import/parse-pdf';
void (async () => {
  const r = await parsePdf(new Uint8Array(readFileSync(process.argv[2] as string)), 'x.pdf');
  console.log(
    JSON.stringify(
      {
        ...r.document,
        sections: r.document.sections.map((s) => ({
          h: s.heading,
          b: s.blocks.map(
            (b) =>
              (b.type === 'figure' ? 'FIG ' : '') +
              (b.type === 'paragraph' ? b.runs : b.caption)
                .map((r) => r.text)
                .join('')
                .slice(0, 300),
          ),
        })),
      },
      null,
      1,
    ),
  );
})().catch((e) => console.log('ERR', e.name, e.message));
