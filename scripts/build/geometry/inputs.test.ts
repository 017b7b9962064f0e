// Unit tests for reading the boundary files: clear errors naming the file and the reason.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GeometryInputError, readCommunes, readDepartements, readWithoutGeometry } from './inputs.ts';

describe('boundary inputs', () => {
  let dir = '';
  const file = (name: string): string => path.join(dir, name);
  const square = { type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 0]]] };

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'geometry-inputs-'));
    await writeFile(file('broken.json'), '{"type": "FeatureCollection", "features": [');
    await writeFile(file('broken.geojson.gz'), 'not gzip');
    await writeFile(file('list.json'), '{"a": 1}');
    const fc = (props: object[]) => JSON.stringify({ type: 'FeatureCollection', features: props.map((p) => ({ type: 'Feature', properties: p, geometry: square })) });
    await writeFile(file('communes.geojson.gz'), gzipSync('\uFEFF' + fc([{ code: '63113', nom: 'Clermont-Ferrand', dep: '63' }])));
    await writeFile(file('twice.geojson'), fc([{ dep: '63' }, { dep: '63' }]));
    await writeFile(file('noname.geojson'), fc([{ code: '63113', dep: '63' }]));
    await writeFile(file('without.json'), JSON.stringify([{ code: '15031', nom: 'Celles', dep: '15', population: 217 }, { code: '15047', nom: 'Chavagnac', dep: '15' }]));
  });
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('reads gzipped communes (with a BOM) and the list without polygon', async () => {
    expect((await readCommunes(file('communes.geojson.gz'))).map(({ code, name, dep }) => ({ code, name, dep }))).toEqual([{ code: '63113', name: 'Clermont-Ferrand', dep: '63' }]);
    expect(await readWithoutGeometry(file('without.json'))).toEqual([
      { code: '15031', name: 'Celles', dep: '15', population: 217 },
      { code: '15047', name: 'Chavagnac', dep: '15', population: null },
    ]);
  });

  it('names the file and the reason when something is wrong', async () => {
    await expect(readCommunes(file('missing.geojson.gz'))).rejects.toThrow(`geometry input ${file('missing.geojson.gz')}: file not found`);
    await expect(readDepartements(file('broken.json'))).rejects.toThrow(/broken\.json: not valid JSON/);
    await expect(readCommunes(file('broken.geojson.gz'))).rejects.toThrow(/not a valid gzip file/);
    await expect(readDepartements(file('list.json'))).rejects.toThrow(/not a GeoJSON FeatureCollection/);
    await expect(readWithoutGeometry(file('list.json'))).rejects.toThrow(/not a JSON array/);
    await expect(readDepartements(file('twice.geojson'))).rejects.toThrow(/code 63 appears twice/);
    await expect(readCommunes(file('noname.geojson'))).rejects.toThrow(/feature #0 has no property "nom"/);
    await expect(readCommunes(file('missing.geojson.gz'))).rejects.toBeInstanceOf(GeometryInputError);
  });
});
