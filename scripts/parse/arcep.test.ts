import { describe, expect, it } from 'vitest';
import { BuildReport } from '../build/report.ts';
import { parseArcepCommunes, parseFtthCommunes } from './arcep.ts';

// Layout of the ARCEP 2018 files (mirror: arcep/*.csv), values shortened.
const FTTH = `Réseaux en fibre optique jusqu'à l'abonné (FttH),,,,
Déploiement par Commune,,,,
,,,,
,,,,
Code commune,Champ,T3 2017,T4 2017,T1 2018
01001,Locaux Raccordables,0,0,12
01001,Catégorie,0,0,5
01002,Locaux Raccordables,0,0,x
`;
const COMMUNES = `Réseaux en fibre optique jusqu'à l'abonné (FttH),,,,,,,,,,,,
Informations à l'échelle de la commune,,,,,,,,,,,,
,,,,,,,,,,,,
,,,,,,,,,,,,
Code commune,Nom commune,Code région,Code département,Siren EPCI,Logements,Établissements,Zones très denses,Engagements L. 33-13,Intentions privées hors engagement L. 33-13,Commune rurale,Commune de montagne,OI 2018 T1
64001,Aast,75,64,200067296, 81    , -    , -    , -    , -    , 1    , -    ,
55001,Abainville,44,55,200066108, 152    , 14    , -    , -    , -    , 1    , -    ,
`;

describe('ARCEP parsers', () => {
  it('reads FttH premises for one quarter and reports bad numbers', () => {
    const report = new BuildReport();
    const rows = parseFtthCommunes(FTTH, 'T1 2018', { id: 'a', file: 'ftth.csv' }, report);
    expect(rows).toEqual([{ communeCode: '01001', quarter: 'T1 2018', premisesFtth: 12, line: 6 }]);
    expect(report.problems[0]).toMatchObject({ line: 8, reason: 'FttH premises not a number' });
  });
  it('reads padded numbers and "-" as zero premises', () => {
    const rows = parseArcepCommunes(COMMUNES, { id: 'b', file: 'communes.csv' }, new BuildReport());
    expect(rows.map((r) => [r.communeCode, r.logements, r.etablissements])).toEqual([
      ['64001', 81, 0],
      ['55001', 152, 14],
    ]);
  });
});
