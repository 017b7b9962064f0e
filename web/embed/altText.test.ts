import { describe, expect, it } from 'vitest';
import { altFromQuery, dashboardHref, embedAlt, embedHref, MAX_ALT } from './altText.ts';

describe('embed alt text and links', () => {
  it('prefers the author description, trimmed and bounded', () => {
    expect(altFromQuery('?alt=%20Carte%20%0A des%20IPS%20')).toBe('Carte des IPS');
    expect(altFromQuery('?alt=')).toBeNull();
    expect(altFromQuery(`?alt=${'x'.repeat(5000)}`)?.length).toBe(MAX_ALT);
    expect(embedAlt(null, 'generated')).toBe('generated');
    expect(embedAlt('mine', 'generated')).toBe('mine');
  });

  it('maps embed and dashboard URLs onto each other with the same state', () => {
    expect(dashboardHref('?level=region&indicator=ips&alt=x')).toBe('/?level=region&indicator=ips');
    expect(dashboardHref('')).toBe('/');
    expect(embedHref('https://ex.org', '?level=region&alt=old', 'Nouvelle description')).toBe(
      'https://ex.org/embed/map?level=region&alt=Nouvelle+description',
    );
    expect(embedHref('https://ex.org', '', null)).toBe('https://ex.org/embed/map');
  });
});
