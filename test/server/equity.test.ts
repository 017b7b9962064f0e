// GET /api/equity in-process over the tiny fixture warehouse (test/fixtures/tiny-warehouse.ts):
// every measure hand-computed from the fixture's four schools, the "données fictives" label, the
// OpenAPI entry, and bad or hostile input answered with a 4xx JSON error naming the parameter.
//
// The fixture, rentrée 2025 (demo layer): schools A (commune 15014, Cantal, école, public, 8 Mbit/s),
// B (15187, Cantal, collège, privé, 300), C and D (63113, Puy-de-Dôme, école and lycée, public,
// 500 and 900). thd_share (≥ 30 Mbit/s) per school: A 0, B 1, C 1, D 1 (den 1 each); per commune:
// 15014 0/1 = 0 %, 15187 1/1 = 100 %, 63113 2/2 = 100 % (weights = den = schools: 1, 1, 2).
// Densities (population / area): 15014 20, 15187 10 (rural), 63113 100 (intermediate).
// IPS 2022 (the latest ≤ 2025): A 90, B 110, C 100, D 120.
import { describe, expect, it } from 'vitest';
import { useTinyApi } from './helpers.ts';

const api = useTinyApi();
type Body = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const ok = async (url: string): Promise<Body> => {
  const res = await api.get(url);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body as Body;
};

describe('GET /api/equity by commune (académie 06)', () => {
  const url = '/api/equity?indicator=thd_share&year=2025&within=academie:06&by=commune';

  it('echoes the selection, labels demo data and states the weights', async () => {
    const b = await ok(url);
    expect(b).toMatchObject({
      indicator: 'thd_share', year: 2025, within: 'academie:06', within_name: 'Clermont-Ferrand', by: 'commune',
      provenance: 'synthetic', units: 3, weights: 'denominator: schools (établissements)', group_level: 'departement',
    });
    expect(b.notice).toMatch(/données fictives/);
    expect(b.summary_fr).toMatch(/^Dans l’académie de Clermont-Ferrand, rentrée 2025 : écoles en très haut débit, 75,0\u00a0% en moyenne sur 3 communes\..*Données fictives\.$/);
  });

  it('computes the inequality measures (weighted by schools)', async () => {
    const m = (await ok(url)).measures;
    expect(m.mean).toBe(75); // (0·1 + 100·1 + 100·2) / 4 = the académie's ratio of sums 3/4
    // Σᵢ Σⱼ wᵢ wⱼ |yᵢ − yⱼ| = 2·(1·1·100 + 1·2·100) = 600; G = 600 / (2 · 4² · 75) = 1/4
    expect(m.gini).toBe(0.25);
    // σ² = (1·75² + 1·25² + 2·25²) / 4 = 1875 → CV = √1875 / 75 = 1/√3
    expect(m.cv).toBeCloseTo(1 / Math.sqrt(3), 5);
    // Hazen centres 1/8, 3/8, 3/4: p10 = 0 (first unit), p90 = 100 (last): no ratio
    expect(m).toMatchObject({ p10: 0, p90: 100, p90_p10: null });
    // a fifth of the weight is 0.8: bottom = 0 (from 15014), top = 100 (from 63113)
    expect(m.top_bottom_fifth_gap).toEqual({ bottom: 0, top: 100, gap: 100, ratio: null, best_served: 'top' });
  });

  it('decomposes Theil T between and within départements exactly', async () => {
    const t = (await ok(url)).measures.theil;
    // y/μ = 0, 4/3, 4/3 → T = (1/4)(4/3) ln(4/3) + (2/4)(4/3) ln(4/3) = ln(4/3);
    // Cantal: μ = 50, weight 1/2; Puy-de-Dôme: μ = 100, weight 1/2:
    // between = ½·(2/3) ln(2/3) + ½·(4/3) ln(4/3); within = (100/300) · T_Cantal = (1/3) ln 2
    expect(t.total).toBeCloseTo(Math.log(4 / 3), 5);
    expect(t.between).toBeCloseTo(Math.log(2 / 3) / 3 + (2 / 3) * Math.log(4 / 3), 5);
    expect(t.within).toBeCloseTo(Math.LN2 / 3, 5);
    expect(t.groups).toEqual([
      { code: '15', units: 2, weight_share: 0.5, value: 50, theil: Number(Math.LN2.toPrecision(6)), within_contribution: Number((Math.LN2 / 3).toPrecision(6)) },
      { code: '63', units: 1, weight_share: 0.5, value: 100, theil: 0, within_contribution: 0 },
    ]);
  });

  it('computes the territorial gaps and the social gradient', async () => {
    const g = (await ok(url)).gaps;
    expect(g.density.classes.map((c: Body) => [c.class, c.value, c.schools, c.communes])).toEqual([
      ['rural', 50, 2, 2], // A 0, B 1
      ['intermediate', 100, 2, 1], // C 1, D 1
    ]);
    expect(g.density.gap).toEqual({ between: ['dense', 'rural'], value: null }); // no dense commune
    expect(g.sector.classes.map((c: Body) => [c.class, c.value])).toEqual([['public', 66.6667], ['prive', 100]]);
    expect(g.sector.gap.value).toBeCloseTo(-33.3333, 4);
    expect(g.school_type.classes.map((c: Body) => [c.class, c.value])).toEqual([['ecole', 50], ['college', 100], ['lycee', 100]]);
    expect(g.school_type.gap.value).toBe(-50);
    // x = IPS 90, 100, 110, 120 (A, C, B, D); y = 0, 100, 100, 100; weights 1: x̄ = 105, ȳ = 75,
    // Sxx = 500, Sxy = 1500, Syy = 7500 → slope 3, intercept −240, r² = 0.6; 4 schools: quintiles 1–4
    expect(g.ips_gradient).toMatchObject({ observations: 'schools', n: 4, slope: 3, slope_per_10_ips: 30, intercept: -240, r2: 0.6, q5_minus_q1: null });
    expect(g.ips_gradient.quintiles.map((q: Body) => [q.quintile, q.ips_mean, q.value])).toEqual([[1, 90, 0], [2, 100, 100], [3, 110, 100], [4, 120, 100]]);
  });

  it('says why there is no spatial statistic: the fixture has no contiguity nor points', async () => {
    const s = (await ok(url)).spatial;
    expect(s).toMatchObject({ neighbourhood: 'queen contiguity', units: 0, excluded_without_neighbour: 3, moran: null, lisa: null });
    expect(s.note).toBe('fewer than 4 units with a neighbour: no spatial statistics');
  });

  it('follows each measure over the years (the fixture has 2025 only: no direction)', async () => {
    const tr = (await ok(url)).trend as Body[];
    const gini = tr.find((t) => t.measure === 'gini');
    expect(gini).toMatchObject({ years: [2019, 2020, 2021, 2022, 2023, 2024, 2025], first_year: 2025, last_year: 2025, last: 0.25, direction: null });
    expect(gini?.values).toEqual([null, null, null, null, null, null, 0.25]);
  });

  it('documents its methods', async () => {
    const m = (await ok(url)).methods;
    expect(Object.keys(m)).toEqual(['values', 'weights', 'gini', 'theil', 'percentiles', 'fifths', 'density_classes', 'ips_gradient', 'neighbourhood', 'inference', 'trend']);
    expect(m.inference).toMatch(/999 permutations, seed 20260101/);
  });
});

describe('GET /api/equity by school, k nearest neighbours', () => {
  it('runs Moran and LISA on four schools at one point: a complete graph, I = E[I] = −1/3', async () => {
    // every school is among the others' 8 nearest (all at 3°E 45°N): lagᵢ = −zᵢ/3, so I = −1/3
    // whatever the values, every permutation gives the same I (p = 1), and each school's 3
    // neighbours are always the 3 others (ties on both sides: p = 1, nothing significant)
    const b = await ok('/api/equity?indicator=thd_share&within=academie:06&by=school');
    expect(b.units).toBe(4);
    expect(b.measures.gini).toBe(0.25); // values 0, 100, 100, 100, equal weights: Σ|yi − yj| = 600, /(2·16·75)
    expect(b.measures.theil.between).toBeCloseTo(Math.log(2 / 3) / 3 + (2 / 3) * Math.log(4 / 3), 5);
    expect(b.spatial).toMatchObject({ neighbourhood: 'k=8 nearest', units: 4, excluded_without_neighbour: 0, islands_attached: 0 });
    expect(b.spatial.moran).toMatchObject({ I: -0.333333, expected: -0.333333, p_value: 1, z: null, permutations: 999, seed: 20260101 });
    expect(b.spatial.lisa).toMatchObject({ counts: { 'high-high': 0, 'low-high': 0, 'low-low': 0, 'high-low': 0, 'not-significant': 4 }, clusters: [], underserved_cluster: 'low-low' });
  });
});

describe('GET /api/equity, other selections', () => {
  it('by département inside the académie: no level left for groups', async () => {
    const b = await ok('/api/equity?indicator=thd_share&within=academie:06&by=departement');
    // Cantal 1/2 = 50 % (weight 2), Puy-de-Dôme 2/2 = 100 % (weight 2): G = 2·(2·2·50)/(2·16·75) = 1/6
    expect(b).toMatchObject({ units: 2, group_level: null });
    expect(b.measures.gini).toBeCloseTo(1 / 6, 6);
    expect(b.measures.theil).toMatchObject({ between: null, within: null, groups: [] });
  });

  it('IPS (open data) by commune: pupil-weighted, no notice', async () => {
    const b = await ok('/api/equity?indicator=ips&year=2022&within=departement:15');
    expect(b.provenance).toBe('open-data');
    expect(b.notice).toBeUndefined();
    expect(b.weights).toBe('denominator: pupils (effectifs)');
    expect(b.measures.mean).toBe(105); // (90·100 + 110·300) / 400
    expect(b.summary_fr).toMatch(/^Dans le Cantal, rentrée 2022 : indice de position sociale \(IPS\)/);
  });

  it('defaults to the latest year and by=commune, France-wide', async () => {
    const b = await ok('/api/equity?indicator=thd_share');
    expect(b).toMatchObject({ year: 2025, within: null, within_name: 'France', by: 'commune', units: 3, group_level: 'region' });
    expect(b.summary_fr).toMatch(/^En France, rentrée 2025/);
  });

  it('answers the same body twice and to concurrent requests', async () => {
    const url = '/api/equity?indicator=fibre_share&within=academie:06&by=school';
    const [a, b] = await Promise.all([api.get(url), api.get(url)]);
    expect(a.body).toEqual(b.body);
    expect((await api.get(url)).body).toEqual(a.body);
  });

  it('queues different concurrent computations beyond the limit and answers them all', async () => {
    const urls = ['ent_active_share', 'fibre_share', 'bandwidth_mean', 'recent_devices_share', 'maintenance_delay_days'].map((id) => `/api/equity?indicator=${id}&within=academie:06`);
    const together = await Promise.all(urls.map((u) => api.get(u)));
    expect(together.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
    for (const [i, u] of urls.entries()) expect((await api.get(u)).body).toEqual(together[i]?.body);
  });

  it('is documented in the OpenAPI file with its query parameters', async () => {
    const doc = await ok('/api/openapi.json');
    const op = doc.paths['/api/equity'].get;
    expect(op.parameters.map((p: Body) => p.name)).toEqual(['indicator', 'year', 'within', 'by']);
    expect(op.parameters.find((p: Body) => p.name === 'by').schema.enum).toEqual(['academie', 'departement', 'commune', 'school']);
  });
});

describe('GET /api/equity with bad input', () => {
  const SQL = encodeURIComponent("06' OR '1'='1'; DROP TABLE facts; --");
  const cases: [string, number, string, string][] = [
    ['/api/equity', 400, 'invalid_parameter', 'indicator'],
    ['/api/equity?indicator=nope', 400, 'unknown_indicator', 'indicator'],
    [`/api/equity?indicator=${SQL}`, 400, 'invalid_parameter', 'indicator'],
    ['/api/equity?indicator=thd_share&by=region', 400, 'invalid_parameter', 'by'],
    ['/api/equity?indicator=thd_share&by=pays', 400, 'invalid_parameter', 'by'],
    ['/api/equity?indicator=thd_share&within=departement:15&by=departement', 400, 'invalid_by', 'by'],
    ['/api/equity?indicator=thd_share&within=academie:06&by=academie', 400, 'invalid_by', 'by'],
    ['/api/equity?indicator=ftth_share&by=school', 400, 'not_per_school', 'by'],
    ['/api/equity?indicator=thd_share&within=15', 400, 'invalid_parameter', 'within'],
    ['/api/equity?indicator=thd_share&within=commune:63113', 400, 'invalid_parameter', 'within'],
    [`/api/equity?indicator=thd_share&within=academie:${SQL}`, 400, 'invalid_parameter', 'within'],
    [`/api/equity?indicator=thd_share&within=${'x'.repeat(100)}`, 400, 'invalid_parameter', 'within'],
    ['/api/equity?indicator=thd_share&within=departement:99', 404, 'unknown_territory', 'within'],
    ['/api/equity?indicator=thd_share&year=2010', 400, 'unknown_year', 'year'],
    ['/api/equity?indicator=ips&year=2025', 400, 'unknown_year', 'year'],
    ['/api/equity?indicator=thd_share&year=20251', 400, 'invalid_parameter', 'year'],
    ['/api/equity?indicator=thd_share&year=-1', 400, 'invalid_parameter', 'year'],
  ];

  it.each(cases)('%s → %i %s naming %s', async (url, status, code, param) => {
    const res = await api.get(url);
    expect(res.status).toBe(status);
    expect(res.body).toEqual({ error: { code, message: expect.any(String), param } });
    expect(JSON.stringify(res.body)).not.toMatch(/at .*\.ts:\d+|DROP TABLE|Error:/);
  });

  it('still answers normally afterwards', async () => {
    expect((await ok('/api/equity?indicator=thd_share&within=academie:06')).units).toBe(3);
  });
});
