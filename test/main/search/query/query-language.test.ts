import { describe, expect, it } from 'vitest';
import { parseQuery, type ParsedQuery } from '../../../../main/search/query/query-language';

function parsed(input: string): ParsedQuery {
  const outcome = parseQuery(input);
  if (!outcome.ok) throw new Error(`expected "${input}" to parse, got: ${outcome.message}`);
  return outcome.query;
}

function message(input: string): string {
  const outcome = parseQuery(input);
  if (outcome.ok) throw new Error(`expected "${input}" to be refused`);
  return outcome.message;
}

describe('query', () => {
  it('reads plain words in lower case, without punctuation or stop words', () => {
    expect(parsed('Gwadar (attacks), the').terms.map((t) => [t.kind, t.text, t.presence])).toEqual([
      ['word', 'gwadar', 'optional'],
      ['word', 'attacks', 'optional'],
    ]);
  });

  it('reads prefixes, fuzzy terms, boosts, required and excluded words', () => {
    const { terms } = parsed('secur* Balochistn~1 +china -gwadar port^3 corridr~1^2');
    expect(terms.map((t) => [t.kind, t.text, t.presence, t.editDistance, t.boost])).toEqual([
      ['prefix', 'secur', 'optional', 0, 1],
      ['fuzzy', 'balochistn', 'optional', 1, 1],
      ['word', 'china', 'required', 0, 1],
      ['word', 'gwadar', 'prohibited', 0, 1],
      ['word', 'port', 'optional', 0, 3],
      ['fuzzy', 'corridr', 'optional', 1, 2],
    ]);
  });

  it('maps field names (and their aliases) to the index fields', () => {
    const { terms } = parsed('title:security Author:Ali section:implications heading:background by:ghulam');
    expect(terms.map((t) => [t.field, t.text])).toEqual([
      ['title', 'security'],
      ['author', 'ali'],
      ['section', 'implications'],
      ['section', 'background'],
      ['author', 'ghulam'],
    ]);
  });

  it('reads quoted phrases with straight or curly quotes as required unless excluded', () => {
    const { phrases } = parsed('“All-Weather friendship” -"belt and road" title:"security concerns"');
    expect(phrases).toEqual([
      { words: ['all', 'weather', 'friendship'], presence: 'required', field: null },
      { words: ['belt', 'and', 'road'], presence: 'prohibited', field: null },
      { words: ['security', 'concerns'], presence: 'required', field: 'title' },
    ]);
  });

  it('splits hyphenated words as the index does', () => {
    expect(parsed('china-pakistan').terms.map((t) => t.text)).toEqual(['china', 'pakistan']);
  });

  it('reads a colon after digits or in a web address as part of the word, not as a field', () => {
    const { terms } = parsed('10:30 3:1 http://www.rcas.top/page title:10:30');
    expect(terms.map((t) => [t.kind, t.text, t.field])).toEqual([
      ['word', '10:30', null],
      ['word', '3:1', null],
      ['word', 'http://www.rcas.top/page', null],
      ['word', '10:30', 'title'],
    ]);
    expect(parsed('10:3*').terms.map((t) => [t.kind, t.text])).toEqual([['prefix', '10:3']]);
  });

  it('still tells a reader who misspelt a field name which fields there are', () => {
    expect(message('titel:foo')).toMatch(/no field "titel".*title:, author: or section:/);
    expect(message('Auther:ali')).toMatch(/no field "Auther"/);
    expect(message('title::foo')).toMatch(/a field name goes before the colon/);
  });

  it('explains every query it cannot run instead of throwing', () => {
    expect(message('')).toMatch(/Type a word/);
    expect(message('   ')).toMatch(/Type a word/);
    expect(message('title:')).toMatch(/"title:" needs a word/);
    expect(message('foo~x')).toMatch(/put 1 or 2 after ~/);
    expect(message('pakistan~3')).toMatch(/put 1 or 2 after ~/);
    expect(message(':bar')).toMatch(/colon must follow a field name/);
    expect(message('colour:red')).toMatch(/no field "colour".*title:, author: or section:/);
    expect(message('"all-weather friendship')).toMatch(/missing its closing quote/);
    expect(message('*ism')).toMatch(/only goes at the end/);
    expect(message('se*')).toMatch(/at least 3 letters before \*/);
    expect(message('dar~1')).toMatch(/4 or more letters/);
    expect(message('-gwadar')).toMatch(/excluded \(-\) words alone/);
    expect(message('the of')).toMatch(/too common/);
    expect(message('"of the"')).toMatch(/only very common words/);
    expect(message('+ china')).toMatch(/must be followed by a word/);
    expect(message('word^x')).toMatch(/whole number after \^/);
    expect(message('word^2~1')).toMatch(/\^ goes once, at the very end/);
    expect(message('x'.repeat(501))).toMatch(/too long/);
  });
});
