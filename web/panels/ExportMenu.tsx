/**
 * "Exporter": a small menu (a disclosure) of image formats (PNG, PNG 2× for print, vector SVG)
 * and, for the map, the data shown (CSV, GeoJSON, Parquet from /api/export). The image is made
 * by code loaded on demand (`run`, a dynamic import): nothing of it is in the page's first
 * bundle. A status line says when the file is ready or why it failed.
 */
import { useRef, useState } from 'react';
import type { ImageFormat } from '../export/naming.ts';
import { t, type Lang } from '../i18n/index.ts';

export type { ImageFormat };
const FORMATS: { format: ImageFormat; key: 'export.png' | 'export.png2' | 'export.svg' }[] = [
  { format: 'png', key: 'export.png' },
  { format: 'png2', key: 'export.png2' },
  { format: 'svg', key: 'export.svg' },
];

interface Props {
  lang: Lang;
  /** what is exported (the button's accessible name) */
  title: string;
  /** makes the file and saves it; resolves to its name */
  run: (format: ImageFormat) => Promise<string>;
  /** links to the data shown, by format (the map) */
  data?: { csv: string; geojson: string; parquet: string };
  testId?: string;
}

export function ExportMenu({ lang, title, run, data, testId = 'export-menu' }: Props) {
  const details = useRef<HTMLDetailsElement>(null);
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);
  const go = (format: ImageFormat) => {
    setBusy(true);
    setStatus(t(lang, 'export.working'));
    run(format).then(
      (name) => setStatus(t(lang, 'export.done', { name })),
      (err: unknown) => setStatus(t(lang, 'export.failed', { message: err instanceof Error ? err.message : String(err) })),
    ).finally(() => {
      setBusy(false);
      if (details.current) details.current.open = false;
    });
  };
  return (
    <details ref={details} className="export-menu no-print" data-testid={testId}>
      <summary className="embed-button" aria-label={t(lang, 'export.buttonLabel', { title })}>
        {t(lang, 'export.button')}
      </summary>
      <div className="export-items">
        <p className="export-group">{t(lang, 'export.images')}</p>
        {FORMATS.map(({ format, key }) => (
          <button key={format} type="button" disabled={busy} data-format={format} onClick={() => go(format)}>
            {t(lang, key)}
          </button>
        ))}
        {data ? (
          <>
            <p className="export-group">{t(lang, 'export.data')}</p>
            {(['csv', 'geojson', 'parquet'] as const).map((f) => (
              <a key={f} href={data[f]} download data-format={f}>
                {t(lang, `export.${f}`)}
              </a>
            ))}
          </>
        ) : null}
      </div>
      <span role="status" className="export-status" data-testid="export-status">
        {status}
      </span>
    </details>
  );
}
