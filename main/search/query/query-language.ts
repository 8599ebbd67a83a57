import lunr from 'lunr';
import { phraseWords, splitOnDashes, withoutPossessive } from '../index/word-forms';
import type { IndexField } from '../index/search-files';
import { WORD_START_KEY } from './prefix-expansion';

/**
 * Margin's query language, parsed by hand so that every mistake gets a message a reader understands:
 *
 *   words (stemmed)   prefix*   fuzzy~1   +required   -excluded   word^2 (boost)
 *   title:word   author:word   section:word   "a quoted phrase"   -"an excluded phrase"
 *
 * A prefix finds every word it starts, including words stemming cut shorter than it (prefix-expansion.ts).
 * A colon after a word of letters names a field; after digits or in a web address (10:30, 3:1, http://…)
 * it is part of the word, which the index holds whole.
 *
 * Guards keep Lunr's slow cases in check: a prefix needs at least 3 letters, fuzzy matching needs a word
 * of at least 4 letters and an edit distance of 1 or 2. (The number of index terms a prefix or fuzzy
 * term may expand to is capped where the query runs, see `expansion-guard.ts`.)
 */

export type Presence = 'optional' | 'required' | 'prohibited';

export interface QueryTerm {
  kind: 'word' | 'prefix' | 'fuzzy';
  /** Lower case, trimmed of punctuation; for a prefix, the letters before the `*`. */
  text: string;
  presence: Presence;
  /** null: every field. */
  field: IndexField | null;
  editDistance: number;
  boost: number;
}

export interface QueryPhrase {
  /** The phrase's words as typed (lower case), matched case- and punctuation-insensitively. */
  words: string[];
  presence: 'required' | 'prohibited';
  field: IndexField | null;
}

export interface ParsedQuery {
  terms: QueryTerm[];
  phrases: QueryPhrase[];
}

export type QueryParse = { ok: true; query: ParsedQuery } | { ok: false; message: string };

export const MIN_PREFIX_LENGTH = 3;
export const MIN_FUZZY_LENGTH = 4;
export const MAX_EDIT_DISTANCE = 2;
export const MAX_QUERY_LENGTH = 500;
export const MAX_QUERY_PARTS = 32;

/** What users type before the colon, and the index field each means. */
const FIELD_NAMES: Record<string, IndexField> = {
  title: 'title',
  author: 'author',
  authors: 'author',
  by: 'author',
  section: 'section',
  heading: 'section',
};

const OPENING_QUOTES = '"\u201c\u201e\u00ab';
const CLOSING_QUOTES = '"\u201d\u201c\u00bb';
const FIELD_PREFIX = /^([\p{L}\p{N}_]*):/u;

class QueryError extends Error {}

const stopWords = new lunr.Pipeline();
stopWords.add(lunr.stopWordFilter);

/** Lunr's trimmer on a query word: punctuation around a word never matches anything in the index. */
function trimWord(word: string): string {
  return word.replace(/^\W+/, '').replace(/\W+$/, '');
}

function isStopWord(word: string): boolean {
  return stopWords.runString(word).length === 0;
}

/** Parses a query. Never throws: a query that cannot be run comes back with a message saying why. */
export function parseQuery(input: string): QueryParse {
  try {
    return { ok: true, query: parseOrThrow(input) };
  } catch (error) {
    if (error instanceof QueryError) return { ok: false, message: error.message };
    throw error;
  }
}

function parseOrThrow(input: string): ParsedQuery {
  if (input.length > MAX_QUERY_LENGTH) {
    throw new QueryError(
      `The search is too long (${input.length} characters); keep it under ${MAX_QUERY_LENGTH}.`,
    );
  }
  const terms: QueryTerm[] = [];
  const phrases: QueryPhrase[] = [];
  let at = 0;
  let parts = 0;
  while (at < input.length) {
    if (/\s/.test(input[at])) {
      at++;
      continue;
    }
    if (++parts > MAX_QUERY_PARTS) throw new QueryError(`Too many words: use at most ${MAX_QUERY_PARTS}.`);

    let presence: Presence = 'optional';
    if (input[at] === '+' || input[at] === '-') {
      presence = input[at] === '+' ? 'required' : 'prohibited';
      at++;
      if (at >= input.length || /\s/.test(input[at])) {
        throw new QueryError(`"${input[at - 1]}" must be followed by a word, e.g. ${input[at - 1]}pakistan.`);
      }
    }

    let field: IndexField | null = null;
    const fieldMatch = FIELD_PREFIX.exec(input.slice(at));
    const known = fieldMatch === null ? undefined : FIELD_NAMES[fieldMatch[1].toLowerCase()];
    if (fieldMatch !== null && known === undefined && readsAsFieldName(input.slice(at), fieldMatch[1])) {
      const name = fieldMatch[1];
      if (name === '') throw new QueryError('A colon must follow a field name, e.g. title:security.');
      throw new QueryError(`There is no field "${name}": use title:, author: or section:.`);
    }
    if (fieldMatch !== null && known !== undefined) {
      const name = fieldMatch[1];
      field = known;
      at += fieldMatch[0].length;
      if (at >= input.length || /\s/.test(input[at])) {
        throw new QueryError(`"${name}:" needs a word right after it, e.g. ${name}:security.`);
      }
    }

    if (OPENING_QUOTES.includes(input[at])) {
      let end = at + 1;
      while (end < input.length && !CLOSING_QUOTES.includes(input[end])) end++;
      if (end >= input.length) throw new QueryError('A quoted phrase is missing its closing quote.');
      const words = phraseWords(input.slice(at + 1, end));
      if (words.length === 0) throw new QueryError('A quoted phrase needs at least one word.');
      if (presence === 'optional') presence = 'required';
      phrases.push({ words, presence, field });
      at = end + 1;
      continue;
    }

    let end = at;
    while (end < input.length && !/\s/.test(input[end])) end++;
    terms.push(...parseTerm(input.slice(at, end), presence, field));
    at = end;
  }

  const positive =
    terms.some((term) => term.presence !== 'prohibited') || phrases.some((p) => p.presence === 'required');
  if (!positive) {
    if (parts === 0) throw new QueryError('Type a word to search for.');
    if (terms.length === 0 && phrases.length === 0) {
      throw new QueryError(
        'Those words are too common to search for (like "the" or "of"); add a more specific word.',
      );
    }
    throw new QueryError('Add a word to look for: excluded (-) words alone match nothing.');
  }
  const findable =
    terms.some((term) => term.presence !== 'prohibited') || phrases.some((p) => phraseTerms(p).length > 0);
  if (!findable) {
    throw new QueryError(
      'That phrase has only very common words (like "the" or "of"); add a more specific word.',
    );
  }
  return { terms, phrases };
}

/**
 * Whether an unknown `name:` before a word was meant as a field: a word of letters (`titel:foo`,
 * `colour:red`) or a bare colon. A colon after digits or mixed text (`10:30`, `3:1`) or starting a web
 * address (`http://…`) is part of the text: Lunr splits words only on spaces and hyphens, so the index
 * holds "10:30" as one word and the term is searched as typed.
 */
function readsAsFieldName(text: string, name: string): boolean {
  if (name === '') return true;
  return /^\p{L}+$/u.test(name) && !text.startsWith(`${name}://`);
}

/** The index words a phrase requires (its words minus stop words); empty for a prohibited phrase. */
export function phraseTerms(phrase: QueryPhrase): string[] {
  return phrase.presence === 'prohibited' ? [] : phrase.words.filter((word) => !isStopWord(word));
}

function parseTerm(raw: string, presence: Presence, field: IndexField | null): QueryTerm[] {
  if (raw.startsWith(':')) {
    throw new QueryError(
      `"${raw}" is not a search term: a field name goes before the colon, e.g. title:security.`,
    );
  }
  let body = raw;
  let boost = 1;
  const boostMatch = /\^([^~*^]*)$/.exec(body);
  if (boostMatch !== null) {
    if (!/^[0-9]+$/.test(boostMatch[1]) || Number(boostMatch[1]) < 1) {
      throw new QueryError(`"${raw}": put a whole number after ^, e.g. security^2.`);
    }
    boost = Number(boostMatch[1]);
    body = body.slice(0, boostMatch.index);
  }

  let kind: QueryTerm['kind'] = 'word';
  let editDistance = 0;
  const fuzzyMatch = /~([^~]*)$/.exec(body);
  if (fuzzyMatch !== null) {
    if (
      !/^[0-9]$/.test(fuzzyMatch[1]) ||
      Number(fuzzyMatch[1]) < 1 ||
      Number(fuzzyMatch[1]) > MAX_EDIT_DISTANCE
    ) {
      throw new QueryError(`"${raw}": put 1 or 2 after ~ (how many letters may differ), e.g. pakistn~1.`);
    }
    kind = 'fuzzy';
    editDistance = Number(fuzzyMatch[1]);
    body = body.slice(0, fuzzyMatch.index);
  }
  if (body.includes('^')) {
    throw new QueryError(`"${raw}": ^ goes once, at the very end of a word, e.g. security^2.`);
  }
  if (body.includes('~'))
    throw new QueryError(`"${raw}": ~ goes once, at the end of a word, e.g. pakistn~1.`);

  if (body.includes('*')) {
    if (kind === 'fuzzy') throw new QueryError(`"${raw}": a word can end in * or in ~, not both.`);
    if (!/^[^*]+\*+$/.test(body)) {
      throw new QueryError(`"${raw}": * only goes at the end of a word, e.g. secur*.`);
    }
    kind = 'prefix';
    body = body.replace(/\*+$/, '');
  }

  // The index splits words on dashes; a modifier applies to the last part ("china-pak*").
  const pieces = splitOnDashes(body)
    .map((piece) => withoutPossessive(trimWord(piece).toLowerCase()))
    .filter((piece) => piece !== '');
  if (pieces.length === 0) {
    if (kind !== 'word') throw new QueryError(`"${raw}" has no letters to search for.`);
    return [];
  }
  return pieces.flatMap((text, i): QueryTerm[] => {
    const last = i === pieces.length - 1;
    const pieceKind = last ? kind : 'word';
    if (pieceKind === 'prefix' && [...text].length < MIN_PREFIX_LENGTH) {
      throw new QueryError(`"${raw}": type at least ${MIN_PREFIX_LENGTH} letters before *, e.g. sec*.`);
    }
    if (pieceKind === 'fuzzy' && [...text].length < MIN_FUZZY_LENGTH) {
      throw new QueryError(`"${raw}": ~ works on words of ${MIN_FUZZY_LENGTH} or more letters.`);
    }
    if (pieceKind === 'word' && isStopWord(text)) return [];
    return [{ kind: pieceKind, text, presence, field, editDistance: last ? editDistance : 0, boost }];
  });
}

/** Adds the query's clauses to a Lunr query. Fields missing from this index are left out of a clause. */
export function addClauses(lunrQuery: lunr.Query, query: ParsedQuery, indexFields: readonly string[]): void {
  const fieldsOf = (field: IndexField | null) => (field === null ? [...indexFields] : [field]);
  const presenceOf = (presence: Presence) =>
    presence === 'required'
      ? lunr.Query.presence.REQUIRED
      : presence === 'prohibited'
        ? lunr.Query.presence.PROHIBITED
        : lunr.Query.presence.OPTIONAL;
  for (const term of query.terms) {
    const clause: Record<string, unknown> = {
      fields: fieldsOf(term.field),
      presence: presenceOf(term.presence),
      boost: term.boost,
      wildcard: term.kind === 'prefix' ? lunr.Query.wildcard.TRAILING : lunr.Query.wildcard.NONE,
      // Lunr leaves wildcard terms unstemmed: a prefix is matched against the stems as typed, plus the
      // stems of the words it starts (WORD_START_KEY below).
      usePipeline: term.kind !== 'prefix',
    };
    // Lunr treats the mere presence of the key as "fuzzy", so it is only set for fuzzy terms.
    if (term.kind === 'fuzzy') clause.editDistance = term.editDistance;
    // A prefix also matches the stems of words starting with it (prefix-expansion.ts).
    if (term.kind === 'prefix') clause[WORD_START_KEY] = true;
    lunrQuery.term(term.text, clause as Partial<lunr.Query.Clause>);
  }
  for (const phrase of query.phrases) {
    for (const word of phraseTerms(phrase)) {
      lunrQuery.term(word, {
        fields: fieldsOf(phrase.field),
        presence: lunr.Query.presence.REQUIRED,
      } as Partial<lunr.Query.Clause>);
    }
  }
}
