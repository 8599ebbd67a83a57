/**
 * The Markdown export in the reader's own template (the `exportTemplate` preference). The template
 * shapes the file for people and for their writing tools; it carries no hidden records, so such a file
 * is not one to import back (the built-in layout and JSON-LD are). A template that cannot be used
 * leaves the built-in file as it was.
 */
import type { Annotation, Citation, CitationStyleId, Document, ExportedFile } from '../../api';
import { renderExportTemplate, templateDocument } from '../../shared/export-template';
import { linkBack } from './annotation-markdown';

export function templatedMarkdown(
  builtIn: ExportedFile,
  doc: Document,
  records: readonly Annotation[],
  template: string,
  style: CitationStyleId,
  cite: (style: CitationStyleId) => Citation,
  exported: string = new Date().toISOString(),
): ExportedFile {
  let citation = '';
  try {
    citation = cite(style).reference.text;
  } catch {
    // Without the styles (a build that lacks them) the citation is left out, never invented.
  }
  const data = templateDocument(
    doc,
    records,
    citation,
    exported,
    (annotation) => linkBack(annotation as Annotation) ?? '',
  );
  const rendered = renderExportTemplate(template, data);
  return rendered.ok ? { ...builtIn, content: rendered.text } : builtIn;
}
