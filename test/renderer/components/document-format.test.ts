import { describe, expect, it } from 'vitest';
import {
  formatAuthorNames,
  formatDate,
  formatDocumentKind,
  formatReadingTime,
  tocLabel,
} from '../../../renderer/components/document-format';

describe('document-format', () => {
  it('writes ISO dates out in words, on the day given whatever the time zone', () => {
    expect(formatDate('2024-11-20')).toBe('November 20, 2024');
    expect(formatDate('2024-01-01', 'short')).toBe('Jan 1, 2024');
  });

  it('shows a date it cannot read as it was given, rather than "Invalid Date"', () => {
    expect(formatDate('sometime in 2024')).toBe('sometime in 2024');
  });

  it('lists authors as a reader would say them', () => {
    expect(formatAuthorNames([{ name: 'Ghulam Ali', role: null }])).toBe('Ghulam Ali');
    expect(formatAuthorNames(['A. One', 'B. Two', 'C. Three'])).toBe('A. One, B. Two, and C. Three');
  });

  it('says the reading time in minutes', () => {
    expect(formatReadingTime(5)).toBe('5 min read');
  });

  it('turns shouted headings into sentence case for the table of contents, and leaves others alone', () => {
    expect(tocLabel('BACKGROUND')).toBe('Background');
    expect(tocLabel('POLICY IMPLICATIONS')).toBe('Policy implications');
    expect(tocLabel('Why CPEC matters')).toBe('Why CPEC matters');
  });

  it('names the kind of file a document of the reader’s came from in plain words', () => {
    expect(
      ['pdf', 'html', 'markdown', 'text', 'rcas'].map((kind) => formatDocumentKind(kind as never)),
    ).toEqual(['PDF', 'Web page', 'Markdown', 'Text', 'Text']);
  });
});
