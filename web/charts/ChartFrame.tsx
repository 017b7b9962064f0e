/**
 * The accessible frame of every chart: an SVG image named by its <title> and described by its
 * <desc> (what a screen reader announces), followed by the chart's data as a table behind a
 * "Données du graphique" toggle (for keyboard and screen-reader users, and anyone who wants the
 * exact numbers). The table is left out of print.
 */
import { createContext, useContext, useId, type ReactNode } from 'react';
import { t, type Lang } from '../i18n/index.ts';
import { usePrintCopy } from './Sized.tsx';

/**
 * A description written by an author (an embed's `alt`): when provided, it replaces the generated
 * description of the charts inside.
 */
export const ChartDescription = createContext<string | null>(null);

/** The data behind a chart: column headers and rows of already formatted cells. */
export interface ChartTable {
  columns: readonly string[];
  rows: readonly (readonly string[])[];
}

interface Props {
  lang: Lang;
  title: string;
  desc: string;
  width: number;
  height: number;
  table: ChartTable;
  className?: string;
  testId?: string;
  /** a visible caption above the chart (the title is otherwise only announced) */
  caption?: ReactNode;
  children: ReactNode;
}

export function ChartFrame({ lang, title, desc, width, height, table, className, testId, caption, children }: Props) {
  const id = useId();
  const printCopy = usePrintCopy();
  const authored = useContext(ChartDescription);
  return (
    <figure className={`chart${className ? ` ${className}` : ''}`} data-testid={printCopy ? undefined : testId}>
      {caption ? <figcaption className="chart-caption" aria-hidden="true">{caption}</figcaption> : null}
      <svg
        xmlns="http://www.w3.org/2000/svg"
        className="chart-svg"
        viewBox={`0 0 ${width} ${height}`}
        width="100%"
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}
      >
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{authored ?? desc}</desc>
        {children}
      </svg>
      {printCopy ? null : (
        <details className="chart-data">
          <summary>{t(lang, 'chart.data')}</summary>
          <table>
            <caption className="sr-only">{title}</caption>
            <thead>
              <tr>
                {table.columns.map((c, i) => (
                  <th key={i} scope="col">
                    {c}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {table.rows.map((row, r) => (
                <tr key={r}>
                  {row.map((cell, i) =>
                    i === 0 ? (
                      <th key={i} scope="row">
                        {cell}
                      </th>
                    ) : (
                      <td key={i}>{cell}</td>
                    ),
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      )}
    </figure>
  );
}

/** The visible caption of a chart: its title and, in a warning tag, its provenance note. */
export function Caption({ title, note }: { title: string; note?: string | null }) {
  return (
    <>
      <span className="chart-caption-title">{title}</span>
      {note ? <span className="tag tag-synthetic">{note}</span> : null}
    </>
  );
}
