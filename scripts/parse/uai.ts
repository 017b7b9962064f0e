/**
 * UAI (Unité administrative immatriculée) codes: 7 characters then a check letter, computed as
 * the 7-character number modulo 23 in the alphabet without I, O and Q.
 */

const LETTERS = 'ABCDEFGHJKLMNPRSTUVWXYZ';

/** The expected check letter of a UAI's first 7 digits, or null if they are not digits. */
export function uaiCheckLetter(first7: string): string | null {
  if (!/^\d{7}$/.test(first7)) return null;
  return LETTERS[Number(first7) % 23] ?? null;
}

/** Why a UAI is invalid, or null when it is well formed with the right check letter. */
export function uaiProblem(raw: string): string | null {
  const uai = raw.trim().toUpperCase();
  if (!/^\d{7}[A-Z]$/.test(uai)) return 'UAI must be 7 digits and a letter';
  const want = uaiCheckLetter(uai.slice(0, 7));
  return want === uai[7] ? null : `UAI check letter should be ${want}`;
}
