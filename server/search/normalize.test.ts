// Unit tests of the query normalisation (the build's SQL twin is checked on the real warehouse
// by test/server/search.mirror.test.ts).
import { describe, expect, it } from 'vitest';
import { detectCode, detectUai, MAX_TOKENS, normalizeText, parseQuery, words } from './normalize.ts';

describe('normalizeText', () => {
  it.each([
    ['Saint-Flour', 'saint flour'],
    ['SAINT-FLOUR', 'saint flour'],
    ['  saint   flour ', 'saint flour'],
    ['st flour', 'saint flour'],
    ['St-Flour', 'saint flour'],
    ['Ste-Foy-lès-Lyon', 'sainte foy les lyon'],
    ['Mt-Dore', 'mont dore'],
    ['Puy-de-Dôme', 'puy de dome'],
    ['Clermont-l’Hérault', 'clermont l herault'],
    ["L'Haÿ-les-Roses", 'l hay les roses'],
    ['Œuvre Æsir', 'oeuvre aesir'],
    ['ÉCOLE ÉLÉMENTAIRE ST JOSEPH', 'ecole elementaire saint joseph'],
    ['Saint-Étienne (42)', 'saint etienne 42'],
    ['CC Cère et Goul en Carladès', 'cc cere et goul en carlades'],
    ['façade ÇA', 'facade ca'],
  ])('%s → %s', (input, expected) => {
    expect(normalizeText(input)).toBe(expected);
  });

  it('expands abbreviations only as whole words', () => {
    expect(words('stade strasbourg mtp este')).toEqual(['stade', 'strasbourg', 'mtp', 'este']);
    expect(words('st ste mt')).toEqual(['saint', 'sainte', 'mont']);
  });

  it('drops every character that is not a letter or a digit, SQL and LIKE wildcards included', () => {
    expect(normalizeText("' OR 1=1 --")).toBe('or 1 1');
    expect(normalizeText('%_%')).toBe('');
    expect(normalizeText('a%b_c;DROP TABLE x')).toBe('a b c drop table x');
    expect(normalizeText('\u0000\t\n')).toBe('');
  });

  it('does not treat Object.prototype keys as abbreviations', () => {
    expect(words('constructor toString __proto__')).toEqual(['constructor', 'tostring', 'proto']);
  });
});

describe('detectUai and detectCode', () => {
  it.each([
    ['0150001A', '0150001A'],
    ['0150001a', '0150001A'],
    [' 0630002d ', '0630002D'],
    ['015001A', null],
    ['0150001AB', null],
    ['01500012', null],
    ['A0150001', null],
    ['0150001A x', null],
  ])('UAI %j → %j', (input, expected) => {
    expect(detectUai(input)).toBe(expected);
  });

  it.each([
    ['15', '15'],
    ['2a', '2A'],
    ['2B033', '2B033'],
    ['63113', '63113'],
    ['246300701', '246300701'],
    ['0150001a', '0150001A'],
    ['1', null],
    ['1234567890', null],
    ['cantal', null],
    ['15 63', null],
  ])('code %j → %j', (input, expected) => {
    expect(detectCode(input)).toBe(expected);
  });
});

describe('parseQuery', () => {
  it('keeps the whole phrase and distinct tokens', () => {
    expect(parseQuery('St-Flour saint')).toEqual({ phrase: 'saint flour saint', tokens: ['saint', 'flour'], code: null });
  });
  it(`binds at most ${MAX_TOKENS} tokens`, () => {
    const q = parseQuery('a b c d e f g h');
    expect(q.tokens).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
    expect(q.phrase).toBe('a b c d e f g h');
  });
  it('has no token for a query of punctuation only', () => {
    expect(parseQuery('%')).toEqual({ phrase: '', tokens: [], code: null });
  });
  it('recognises a UAI in any case', () => {
    expect(parseQuery('0150002b')).toEqual({ phrase: '0150002b', tokens: ['0150002b'], code: '0150002B' });
  });
});
