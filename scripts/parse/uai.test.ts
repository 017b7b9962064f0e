import { expect, it } from 'vitest';
import { uaiProblem } from './uai.ts';

it.each([
  ['0010005A', null], // Collège Roger Poulnard (IPS collèges 2022)
  ['0010008D', null],
  ['0631234X', 'UAI check letter should be Z'],
  ['063123X', 'UAI must be 7 digits and a letter'],
])('%s → %s', (uai, problem) => expect(uaiProblem(uai)).toBe(problem));
