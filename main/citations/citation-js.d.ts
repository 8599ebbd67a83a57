/**
 * The part of citation-js 0.7 Margin uses; the packages ship no type declarations of their own.
 */
declare module '@citation-js/core' {
  export interface CitationItem {
    id: string;
    locator?: string;
    label?: string;
    prefix?: string;
    suffix?: string;
  }
  export interface FormatOptions {
    template?: string;
    lang?: string;
    format?: 'text' | 'html';
    entry?: string | string[] | CitationItem | CitationItem[];
    type?: 'string' | 'object';
  }
  export class Cite {
    constructor(data: unknown, options?: { forceType?: string });
    static async(data: unknown, options?: { forceType?: string }): Promise<Cite>;
    data: Record<string, unknown>[];
    format(format: 'bibliography' | 'citation' | 'bibtex' | 'data', options?: FormatOptions): string;
    format(format: 'ris', options: { format: 'object' }): Record<string, string | string[]>[];
  }
  export const plugins: {
    config: {
      get(name: '@csl'): {
        templates: { add(name: string, xml: string): void; has(name: string): boolean };
        locales: { add(name: string, xml: string): void; has(name: string): boolean };
      };
    };
  };
}
declare module '@citation-js/plugin-csl';
declare module '@citation-js/plugin-bibtex';
declare module '@citation-js/plugin-ris';
