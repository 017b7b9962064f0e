import { describe, expect, it } from 'vitest';
import { classify } from '../map/classify.ts';
import { findPalette } from '../map/palette.ts';
import type { Reference } from '../map/useClassification.ts';
import { breaksErrorText, classLabels, colorMeaning, methodLine, referenceLine } from './legendText.ts';

const NNBSP = '\u202f'; // the French thousands separator of Intl
const france: Reference = { value: 78.168, kind: 'ratio', center: 'national', scope: 'france', parent: null, parentName: null };

describe('classLabels', () => {
  it('writes ranges in French, ends with the indicator’s decimals, thresholds as rounded', () => {
    const c = classify([812.3, 1234.5, 2400, 5000.25, 12000], { method: 'manual', breaks: [1000, 2500.5] });
    expect(classLabels('fr', c, 1)).toEqual([
      '812,3 – 1\u202f000,0'.replace('\u202f', NNBSP),
      `1${NNBSP}000,0 – 2${NNBSP}500,5`,
      `2${NNBSP}500,5 – 12${NNBSP}000,0`,
    ]);
    expect(classLabels('en', c, 1)[1]).toBe('1,000.0 – 2,500.5');
  });

  it('writes empty end classes as open ranges', () => {
    const c = classify([95, 97, 101, 104], { method: 'manual', breaks: [90, 100, 110] });
    expect(classLabels('fr', c, 0)).toEqual(['< 90', '90 – 100', '100 – 110', '≥ 110']);
  });

  it('writes a class of one value once', () => {
    expect(classLabels('fr', classify([4, 4]), 1)).toEqual(['4,0']);
  });
});

describe('colorMeaning', () => {
  const seq = findPalette('YlGnBu');
  const rdbu = findPalette('RdBu');
  it('says what darker means on sequential palettes, reversal included', () => {
    expect(colorMeaning('fr', { direction: 'higher_is_better' }, seq, false, null)).toBe('Plus foncé = situation plus favorable');
    expect(colorMeaning('fr', { direction: 'higher_is_worse' }, seq, false, null)).toBe('Plus foncé = situation plus favorable (valeur plus basse)');
    expect(colorMeaning('fr', { direction: 'higher_is_better' }, seq, true, null)).toBe('Plus foncé = situation plus défavorable (valeur plus basse)');
    expect(colorMeaning('fr', { direction: 'higher_is_worse' }, seq, true, null)).toBe('Plus foncé = situation plus défavorable');
    expect(colorMeaning('fr', { direction: 'neutral' }, seq, false, null)).toBe('Plus foncé = valeur plus élevée');
    expect(colorMeaning('en', { direction: 'neutral' }, seq, true, null)).toBe('Darker = lower value');
  });

  it('names the two sides of a diverging palette against the reference', () => {
    expect(colorMeaning('fr', { direction: 'higher_is_better' }, rdbu, false, france)).toBe('Bleu = plus favorable que la France, rouge = moins favorable');
    expect(colorMeaning('fr', { direction: 'higher_is_worse' }, rdbu, false, france)).toBe('Bleu = plus favorable que la France, rouge = moins favorable');
    expect(colorMeaning('fr', { direction: 'higher_is_better' }, rdbu, true, france)).toBe('Rouge = plus favorable que la France, bleu = moins favorable');
    expect(colorMeaning('en', { direction: 'neutral' }, rdbu, false, france)).toBe('Blue = higher than France, red = lower');
    const parent: Reference = { ...france, center: 'parent', scope: 'parent', parent: 'departement:15', parentName: 'Cantal' };
    expect(colorMeaning('fr', { direction: 'neutral' }, findPalette('PuOr'), true, parent)).toBe(
      'Violet = valeur plus élevée que le territoire parent (Cantal), orange = plus basse',
    );
  });
});

describe('referenceLine and methodLine', () => {
  it('gives the reference value with the unit, as precise as the thresholds', () => {
    expect(referenceLine('fr', { decimals: 1, unit: { fr: '%', en: '%' } }, france)).toBe('Couleurs centrées sur la France : 78,2\u00a0%');
    expect(referenceLine('fr', { decimals: 1, unit: { fr: '%', en: '%' } }, france, [78.15, 78.2])).toBe('Couleurs centrées sur la France : 78,17\u00a0%');
  });

  it('names the method and the number of classes', () => {
    expect(methodLine('fr', { method: 'jenks', bins: new Array(7) }, 7)).toBe('Seuils naturels (Jenks), 7 classes');
    expect(methodLine('fr', { method: 'headtail', bins: new Array(3) }, 7)).toBe('Head/tail breaks, 3 classes (au plus 7)');
  });
});

describe('breaksErrorText', () => {
  it('explains manual-break errors', () => {
    expect(breaksErrorText('fr', { code: 'notNumber', token: 'abc' })).toBe('« abc » n’est pas un nombre.');
    expect(breaksErrorText('fr', { code: 'count', min: 2, max: 8, got: 1 })).toBe('Il faut de 2 à 8 bornes (1 saisies).');
    expect(breaksErrorText('en', { code: 'duplicate', value: 97.5 })).toBe('The break 97.5 is typed twice.');
  });
});
