/**
 * Communes re-created after 2018 have no polygon of their own in the 2018 geometry: their land
 * is still inside the commune they had merged into. This table names that host commune (code
 * in COG 2026), from the INSEE COG history of communes (mouvements de communes):
 * - 15031 Celles, 15035 Chalinargues, 15047 Chavagnac, 15171 Sainte-Anastasie: merged in 2017
 *   into Neussargues en Pinatelle (15141), re-created when it was split; 15141 is now
 *   Neussargues-Moissac.
 * - 14666 Sannerville: merged in 2017 into Saline (14712), re-created when Saline was split;
 *   14712 is now Troarn.
 * - 85165 L'Oie, 85212 Sainte-Florence: merged in 2016 into Essarts en Bocage (85084).
 */
export const RECREATED_HOSTS: ReadonlyMap<string, string> = new Map([
  ['15031', '15141'],
  ['15035', '15141'],
  ['15047', '15141'],
  ['15171', '15141'],
  ['14666', '14712'],
  ['85165', '85084'],
  ['85212', '85084'],
]);
