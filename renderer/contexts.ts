/**
 * App-wide services handed to elements through `@lit/context`, so that an element can be given a
 * real client or a test double without knowing where it lives in the tree.
 */
import { createContext } from '@lit/context';
import type { Annotation, MarginApi, Preferences } from '../main/api';

/** The one API client (`api-client.ts`). */
export const apiContext = createContext<MarginApi>(Symbol('margin-api'));

/** The open document's highlights and notes, owned by `mg-app` (its annotations controller); the article paints them. */
export const annotationsContext = createContext<readonly Annotation[]>(Symbol('margin-annotations'));

/** The reader's current preferences, owned and updated by `mg-app`. */
export const preferencesContext = createContext<Preferences>(Symbol('margin-preferences'));
