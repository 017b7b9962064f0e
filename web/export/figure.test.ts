import { describe, expect, it } from 'vitest';
import { estimate, layoutFigure, renderFigure, wrap, type FigureText } from './figure.ts';
import { imageFileName, scaleOf } from './naming.ts';

const TEXT: FigureText = {
  title: 'Écoles en très haut débit (%)',
  subtitle: 'communes · Cantal · 2024',
  notice: 'Données fictives : valeurs simulées de démonstration, ce ne sont pas des mesures.',
  legendTitle: 'Plus foncé : plus élevé',
  legend: [
    { label: '0 – 20 % (12)', swatch: { kind: 'box', color: '#ffffcc' } },
    { label: '20 – 40 % (30)', swatch: { kind: 'box', color: '#41b6c4' } },
    { label: 'Pas de donnée (1)', swatch: { kind: 'box', color: '#c4c8ce' } },
  ],
  footer: ['Sources : démo', 'Exporté le 28 novembre 2026', 'http://x/?a=1&b=<2>'],
  desc: 'Carte des communes',
};

describe('export figure layout', () => {
  it('wraps words within the width', () => {
    const lines = wrap('un deux trois quatre cinq six sept huit neuf dix', 100, 10, false);
    expect(lines.length).toBeGreaterThan(1);
    for (const l of lines) expect(estimate(l, 10, false)).toBeLessThanOrEqual(100);
    expect(lines.join(' ')).toBe('un deux trois quatre cinq six sept huit neuf dix');
  });

  it('stacks title, notice, body, legend and footer without overlap, body scaled to the width', () => {
    const l = layoutFigure(TEXT, { width: 800, height: 600 });
    expect(l.width).toBe(1000);
    expect(l.body.width).toBeCloseTo(936);
    expect(l.body.height).toBeCloseTo(702);
    expect(l.notice && l.notice.y + l.notice.height).toBeLessThanOrEqual(l.body.y);
    for (const item of l.items) expect(item.y).toBeGreaterThan(l.body.y + l.body.height);
    const footer = l.lines.filter((x) => x.size === 11.5);
    expect(footer.map((x) => x.text)).toContain('Exporté le 28 novembre 2026');
    expect(Math.min(...footer.map((x) => x.y))).toBeGreaterThan(Math.max(...l.items.map((i) => i.y)));
    expect(l.height).toBeGreaterThan(Math.max(...footer.map((x) => x.y)));
  });

  it('writes an SVG with escaped text, swatches and the body', () => {
    const l = layoutFigure(TEXT, { width: 400, height: 300 });
    const svg = renderFigure(l, TEXT, '<path d="M0,0L1,1Z"/>');
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" width="1000"/);
    expect(svg).toContain('http://x/?a=1&amp;b=&lt;2&gt;');
    expect(svg.match(/class="legend-swatch"/g)).toHaveLength(3);
    expect(svg).toContain('fill="#41b6c4"');
    expect(svg).toContain('<path d="M0,0L1,1Z"/>');
    expect(svg).toContain('Données fictives');
  });

  it('names image files after the view', () => {
    expect(imageFileName('copaneeta_communes-cantal_ips_2022', 'png')).toBe('copaneeta_communes-cantal_ips_2022.png');
    expect(imageFileName('copaneeta_communes-cantal_ips_2022', 'png2')).toBe('copaneeta_communes-cantal_ips_2022_2x.png');
    expect(imageFileName('b', 'svg')).toBe('b.svg');
    expect([scaleOf('png'), scaleOf('png2')]).toEqual([1, 2]);
  });
});
