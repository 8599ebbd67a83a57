import { css } from 'lit';
import { segmentedStyles } from '../styles/segmented-styles';

/** The styles of `<mg-origin-filter>`: the library's segmented control, as the sort buttons look. */
export const originFilterStyles = [
  segmentedStyles,
  css`
    :host {
      display: inline-flex;
      font-size: 0.85rem;
    }
  `,
];
