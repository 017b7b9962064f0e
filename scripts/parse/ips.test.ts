import { describe, expect, it } from 'vitest';
import { BuildReport } from '../build/report.ts';
import { parseIps } from './ips.ts';

// Header and first rows of the DEPP files as published (mirror: ips/*.csv); the bad rows are ours.
const COLLEGES = `rentree_scolaire;academie;code_du_departement;departement;uai;nom_de_l_etablissment;code_insee_de_la_commune;nom_de_la_commune;secteur;effectifs;ips;ecart_type_de_l_ips
2022-2023;LYON;001;AIN;0010005A;COLLEGE ROGER POULNARD;01025;BAGE DOMMARTIN;public;540.0;110.4;31.3
2022-2023;LYON;001;AIN;0010008D;COLLEGE SAINT EXUPERY;01033;VALSERHONE;privé sous contrat;574.0;;31.5
2022-2023;LYON;001;AIN;0010008E;BAD CHECK LETTER;01033;VALSERHONE;public;574.0;95.1;31.5
2022-2023;LYON;001;AIN;0010005A;BAD IPS;01025;BAGE DOMMARTIN;public;540.0;cent;31.3
`;
const ECOLES_2021 = `Rentrée scolaire;Académie;Code du département;Département;UAI;Nom de l'établissment;Code INSEE de la commune;Nom de la commune;Secteur;IPS
2021-2022;RENNES;035;ILLE-ET-VILAINE;0352443R;ECOLE PRIMAIRE PRIVEE STE ANNE;35085;COMBOURG;privé sous contrat;115.7
`;
const LYCEES = `rentree_scolaire;academie;code_du_departement;departement;uai;nom_de_l_etablissment;code_insee_de_la_commune;nom_de_la_commune;secteur;type_de_lycee;effectifs_voie_gt;effectifs_voie_pro;effectifs_ensemble_gt_pro;ips_voie_gt;ips_voie_pro;ips_ensemble_gt_pro;ecart_type_de_l_ips_voie_gt;ecart_type_de_l_ips_voie_pro
2022-2023;LYON;001;AIN;0010032E;LYCEE POLYVALENT XAVIER BICHAT;01269;NANTUA;public;LPO;475.0;109.0;584.0;105.9;74.8;100.1;36.6;24.7
`;

describe('parseIps', () => {
  it('parses collèges, keeps a missing IPS as null, reports bad rows with their line', () => {
    const report = new BuildReport();
    const rows = parseIps(COLLEGES, 'college', { id: 'c', file: 'c.csv' }, report);
    expect(rows.map((r) => [r.uai, r.year, r.sector, r.pupils, r.ips, r.line])).toEqual([
      ['0010005A', 2022, 'public', 540, 110.4, 2],
      ['0010008D', 2022, 'prive', 574, null, 3],
    ]);
    expect(report.problems.map((p) => [p.line, p.reason])).toEqual([
      [4, 'UAI check letter should be D'],
      [5, 'IPS is not a number between 20 and 200'],
    ]);
  });
  it('reads the older human-readable headers (no headcount)', () => {
    const rows = parseIps(ECOLES_2021, 'ecole', { id: 'e', file: 'e.csv' }, new BuildReport());
    expect(rows[0]).toMatchObject({ uai: '0352443R', year: 2021, communeCode: '35085', pupils: null, ips: 115.7 });
  });
  it('takes the lycée "ensemble" IPS and headcount', () => {
    const rows = parseIps(LYCEES, 'lycee', { id: 'l', file: 'l.csv' }, new BuildReport());
    expect(rows[0]).toMatchObject({ pupils: 584, ips: 100.1, lyceeType: 'LPO' });
  });
  it('stops with the file name when a column is missing', () => {
    expect(() => parseIps('uai;ips\n', 'ecole', { id: 'x', file: 'x.csv' }, new BuildReport())).toThrow(/x\.csv: missing column/);
  });
});
