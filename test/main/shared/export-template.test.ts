import { describe, expect, it } from 'vitest';
import {
  DEFAULT_EXPORT_TEMPLATE,
  EXPORT_TEMPLATE_MAX_CHARS,
  parseExportTemplate,
  renderExportTemplate,
  templateDocument,
  type TemplateAnnotation,
} from '../../../main/shared/export-template';

const doc = {
  id: 'a-doc',
  title: 'Security Concerns',
  authors: [{ name: 'Ghulam Ali' }, { name: 'Sam Lee' }],
  published: '2024-11-20',
  source: { url: 'https://example.org/a' },
};

const highlight = (over: Partial<TemplateAnnotation> = {}): TemplateAnnotation => ({
  id: 'urn:uuid:1',
  color: 'yellow',
  note: 'My *note*',
  tags: ['china pakistan', 'cpec'],
  selectors: [{ exact: 'Attacks on\nChinese nationals' }, null],
  created: '2026-01-02T10:00:00.000Z',
  ...over,
});

const data = (annotations: TemplateAnnotation[] = [highlight()]) =>
  templateDocument(
    doc,
    annotations,
    'Ali, G. (2024). Security Concerns.',
    '2026-03-04T05:06:07Z',
    (a) => `margin://open/a-doc?annotation=${a.id}`,
  );

function message(template: string): string {
  const parsed = parseExportTemplate(template);
  if (parsed.ok) throw new Error(`expected ${JSON.stringify(template)} to be refused`);
  return parsed.message;
}

describe('export-template', () => {
  it('fills the document fields and repeats the notes section once per note, in order', () => {
    const rendered = renderExportTemplate(
      '# {{title}} ({{count}})\nby {{authors}}, {{published}} <{{source}}>\n{{citation}}\n' +
        '{{#notes}}- {{ quote }} [{{colour}}] {{note}} {{tags}} {{date}} {{link}} in {{title}}\n{{/notes}}exported {{exported}}',
      data([highlight(), highlight({ id: 'urn:uuid:2', color: null, note: '', tags: [], selectors: [] })]),
    );
    expect(rendered).toEqual({
      ok: true,
      text:
        '# Security Concerns (2)\nby Ghulam Ali, Sam Lee, 2024-11-20 <https://example.org/a>\n' +
        'Ali, G. (2024). Security Concerns.\n' +
        '- Attacks on Chinese nationals [yellow] My *note* #china-pakistan #cpec 2026-01-02 margin://open/a-doc?annotation=urn:uuid:1 in Security Concerns\n' +
        '-  []   2026-01-02 margin://open/a-doc?annotation=urn:uuid:2 in Security Concerns\n' +
        'exported 2026-03-04\n',
    });
  });

  it('inserts values as text once: a note that holds placeholders or HTML stays those characters', () => {
    const hostile = highlight({ note: '{{title}} {{#notes}}<script>alert(1)</script>', tags: [] });
    const rendered = renderExportTemplate('{{#notes}}{{note}}{{/notes}}', data([hostile]));
    expect(rendered).toEqual({ ok: true, text: '{{title}} {{#notes}}<script>alert(1)</script>\n' });
  });

  it('renders the default template and accepts white space inside the braces', () => {
    const rendered = renderExportTemplate(DEFAULT_EXPORT_TEMPLATE, data());
    expect(rendered.ok && rendered.text).toContain('> Attacks on Chinese nationals\n\nMy *note*');
    expect(parseExportTemplate('{{ title }}{{# notes }}{{ quote}}{{/ notes}}').ok).toBe(true);
  });

  it('refuses unknown placeholders, prototype names and expressions, naming the line and the known ones', () => {
    for (const name of ['constructor', '__proto__', 'toString', 'title.length', 'hasOwnProperty']) {
      expect(message(`ok\n{{${name}}}`)).toMatch(
        new RegExp(
          `^Line 2: \\{\\{${name.replace(/\./g, '\\.')}\\}\\} is not a placeholder; use \\{\\{title\\}\\}`,
        ),
      );
    }
    expect(message('{{title | upper}}')).toBe(
      'Line 1 of the template has "{{" that is not a placeholder such as {{title}}.',
    );
    expect(message('{{= process.exit() }}')).toMatch(/^Line 1 of the template has "\{\{"/);
    expect(message('a }} b')).toBe(
      'Line 1 of the template has "}}" that is not a placeholder such as {{title}}.',
    );
  });

  it('refuses sections that are not closed, not opened, nested or unknown, and note fields outside them', () => {
    expect(message('x\n{{#notes}}{{quote}}')).toBe('Line 2: {{#notes}} is never closed with {{/notes}}.');
    expect(message('{{/notes}}')).toBe('Line 1: {{/notes}} closes no open section.');
    expect(message('{{#notes}}\n{{#notes}}{{/notes}}{{/notes}}')).toBe(
      'Line 2: {{#notes}} is already open (since line 1); sections do not nest.',
    );
    expect(message('{{#tags}}{{/tags}}')).toBe(
      'Line 1: {{#tags}} is not a section; the only one is {{#notes}}…{{/notes}}.',
    );
    expect(message('{{quote}}')).toBe('Line 1: {{quote}} belongs inside {{#notes}}…{{/notes}}.');
  });

  it('refuses a template that is too long or holds control characters, in one line', () => {
    expect(parseExportTemplate('x'.repeat(EXPORT_TEMPLATE_MAX_CHARS)).ok).toBe(true);
    expect(message('x'.repeat(EXPORT_TEMPLATE_MAX_CHARS + 1))).toBe(
      'The template is too long (10,001 characters; at most 10,000).',
    );
    expect(message('a\u0000b')).toMatch(/control characters/);
    // Names from the template are cut and cleaned before they reach a message.
    const long = message(`{{${'a'.repeat(5000)}}}`);
    expect(long.length).toBeLessThan(400);
    expect(long).not.toContain('\n');
  });

  it('takes a huge number of notes in linear time, without recursion', () => {
    const many = Array.from({ length: 20_000 }, (_, index) => highlight({ id: `urn:uuid:${index}` }));
    const rendered = renderExportTemplate('{{#notes}}{{quote}}\n{{/notes}}', data(many));
    expect(rendered.ok && rendered.text.split('\n').length).toBe(20_001);
  });
});
