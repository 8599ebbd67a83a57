/**
 * Inline runs as Lit templates: content is data, never markup. The templates put no whitespace of
 * their own around a run, so an element's text is exactly its runs' text, which is what canonical-text
 * offsets (and so highlights) are measured against.
 */
import { html, type TemplateResult } from 'lit';
import type { InlineRun } from '../../main/api';
import { OpenExternalEvent } from '../events';

export function renderRuns(runs: readonly InlineRun[]): TemplateResult[] {
  return runs.map(renderRun);
}

function renderRun(run: InlineRun): TemplateResult {
  switch (run.type) {
    case 'text':
      return html`${run.text}`;
    case 'emphasis':
      return html`<em>${run.text}</em>`;
    case 'strong':
      return html`<strong>${run.text}</strong>`;
    case 'link':
      return html`<a href=${run.href} rel="noopener noreferrer" @click=${openExternally}>${run.text}</a>`;
  }
}

/** Links never navigate the app: they go to the mediator, which asks before opening them outside. */
export function openExternally(event: MouseEvent): void {
  event.preventDefault();
  const link = event.currentTarget as HTMLAnchorElement;
  link.dispatchEvent(new OpenExternalEvent(link.getAttribute('href') ?? ''));
}
