/**
 * Every territory of the current level (within `view.within` when set) as a sortable table, so
 * each one is reachable without a mouse. It is a WAI-ARIA grid: one tab stop, focus managed
 * with aria-activedescendant (it survives windowing), arrows/PageUp/PageDown/Home/End to move,
 * Enter or Space to select the row on the map. Sorting: header buttons, `aria-sort`.
 * Windowing: only the rows in view are in the DOM (spacer rows keep the scroll height;
 * aria-rowcount/aria-rowindex tell assistive technology where a row is), so all ~35,000
 * communes stay fast. A selection made elsewhere (map, search) scrolls to and marks its row.
 */
import { useDeferredValue, useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { mapValuesOptions } from '../api/queries.ts';
import { namedValuesOptions, type TableSelection } from '../api/territory.ts';
import type { Indicator, MapValue } from '../api/types.ts';
import { formatNumber } from '../i18n/format.ts';
import { t, type Lang } from '../i18n/index.ts';
import { refString, type ViewState } from '../state/url.ts';
import { gridMove, nameIndex, nextSort, scrollToRow, sortRowsIndexed, windowRange, type Sort, type SortKey } from './table.ts';
import { TableTitle } from './TableTitle.tsx';

export const TABLE_GRID_ID = 'territory-grid';
const ROW = 32; // px, fixed (see .tt-grid td in styles.css)
const HEADER = 36; // px, the sticky header row
const EMPTY: MapValue[] = [];
const NO_NAMES: { code: string; name: string }[] = [];

/** Scrolls `el` so that row `row` shows below the sticky header. */
function revealRow(el: HTMLElement | null, row: number): void {
  if (el) el.scrollTop = scrollToRow(row, el.scrollTop, el.clientHeight, ROW, HEADER);
}

interface Props {
  lang: Lang;
  view: ViewState;
  indicator: Indicator;
  onChange: (patch: Partial<ViewState>) => void;
  /**
   * false until the map has drawn (or failed, or a few seconds passed): the names of up to
   * ~35,000 territories (~0.5 MB) and their first sort wait, so they never delay the map
   */
  enabled?: boolean;
}

export function TerritoryTable({ lang, view, indicator, onChange, enabled = true }: Props) {
  const id = useId();
  const perSchool = indicator.grain === 'school';
  const selection: TableSelection = {
    indicator: indicator.id, level: view.level, year: view.year, within: view.within,
    schoolType: perSchool ? view.schoolType : null, sector: perSchool ? view.sector : null,
  };
  // Values: the map's own query (already loaded, or shared with it).
  const query = useQuery({
    ...mapValuesOptions(selection.indicator, selection.level, selection.year, view.within ? refString(view.within) : null, selection),
    placeholderData: keepPreviousData,
    enabled,
  });
  // Names: the same territories whatever the indicator, year or filters, so they are fetched
  // once per level and parent (with the selection of that moment) and sorted once per language.
  const scope = `${view.level}|${view.within ? refString(view.within) : ''}`;
  const [names, setNames] = useState({ scope, selection });
  if (names.scope !== scope) setNames({ scope, selection });
  const namesQuery = useQuery({ ...namedValuesOptions(names.selection), enabled });
  const index = useMemo(() => nameIndex(namesQuery.data?.values ?? NO_NAMES, lang), [namesQuery.data, lang]);
  const nameOf = (code: string) => index.name.get(code) ?? code;
  const [sort, setSort] = useState<Sort>({ key: 'name', dir: 'ascending' });
  // new values re-sort in a deferred render: the map's colours are applied first
  const values = useDeferredValue(namesQuery.isPending ? EMPTY : (query.data?.values ?? EMPTY));
  const rows = useMemo(() => sortRowsIndexed(values, sort, index), [values, sort, index]);
  const columns: SortKey[] = perSchool ? ['name', 'code', 'value', 'n'] : ['name', 'code', 'value'];

  const selectedCode = view.selected?.level === view.level ? view.selected.code : null;
  const selectedIndex = useMemo(() => rows.findIndex((r) => r.code === selectedCode), [rows, selectedCode]);
  const [cell, setCell] = useState({ row: 0, col: 0 });
  const [followed, setFollowed] = useState(-1);
  if (followed !== selectedIndex) {
    setFollowed(selectedIndex);
    if (selectedIndex >= 0) setCell((c) => ({ row: selectedIndex, col: c.col }));
  }
  const active = { row: Math.min(cell.row, Math.max(0, rows.length - 1)), col: Math.min(cell.col, columns.length - 1) };

  const scrollRef = useRef<HTMLDivElement>(null);
  const selectedRef = useRef(selectedIndex);
  useEffect(() => {
    selectedRef.current = selectedIndex;
  });
  const [box, setBox] = useState({ top: 0, height: 400 });
  useEffect(() => {
    const el = scrollRef.current;
    if (!el) return;
    // When the table changes size (the panel above opens), keep the selected row in view.
    const observer = new ResizeObserver(() => {
      if (selectedRef.current >= 0) revealRow(el, selectedRef.current);
      setBox({ top: el.scrollTop, height: el.clientHeight });
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  const reveal = (row: number) => revealRow(scrollRef.current, row);
  // A selection made elsewhere: bring its row into view.
  useEffect(() => {
    if (selectedIndex >= 0) revealRow(scrollRef.current, selectedIndex);
  }, [selectedIndex]);

  const { start, end } = windowRange(box.top - HEADER, box.height, ROW, rows.length);
  const cellId = (row: number, col: number) => `${id}-r${row}-c${col}`;
  const select = (row: number) => {
    const r = rows[row];
    if (r) onChange({ selected: { level: view.level, code: r.code } });
  };

  function onKeyDown(e: KeyboardEvent<HTMLTableElement>) {
    if (e.target !== e.currentTarget || rows.length === 0) return; // keys on header buttons are theirs
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      select(active.row);
      return;
    }
    const page = Math.max(1, Math.floor((box.height - HEADER) / ROW) - 1);
    const next = gridMove(active, e.key, e.ctrlKey || e.metaKey, rows.length, columns.length, page);
    if (!next) return;
    e.preventDefault();
    setCell(next);
    reveal(next.row);
  }

  const minSchools = query.data?.min_schools ?? 5;
  const header = (key: SortKey) =>
    key === 'name' ? t(lang, 'table.name')
      : key === 'code' ? t(lang, 'table.code')
        : key === 'n' ? t(lang, 'table.schools')
          : t(lang, 'table.value');
  const visible = rows.slice(start, end);

  return (
    <section className="panel territory-table" aria-labelledby={`${id}-title`}>
      <TableTitle id={`${id}-title`} lang={lang} view={view} indicator={indicator} count={rows.length} provenance={query.data?.provenance ?? indicator.provenance} />
      <p id={`${id}-help`} className="sr-only">
        {t(lang, 'table.help')}
      </p>
      <div className="tt-scroll" ref={scrollRef} onScroll={(e) => setBox({ top: e.currentTarget.scrollTop, height: e.currentTarget.clientHeight })}>
        <table
          id={TABLE_GRID_ID}
          className="tt-grid"
          role="grid"
          tabIndex={0}
          aria-labelledby={`${id}-title`}
          aria-describedby={`${id}-help`}
          aria-rowcount={rows.length + 1}
          aria-colcount={columns.length}
          aria-busy={query.isFetching || namesQuery.isFetching || !enabled}
          aria-activedescendant={rows.length > 0 && active.row >= start && active.row < end ? cellId(active.row, active.col) : undefined}
          onKeyDown={onKeyDown}
        >
          <colgroup>
            {columns.map((c) => <col key={c} className={`tt-col-${c}`} />)}
          </colgroup>
          <thead>
            <tr aria-rowindex={1}>
              {columns.map((key) => (
                <th key={key} scope="col" className={`tt-${key}`} aria-sort={sort.key === key ? sort.dir : undefined}>
                  <button type="button" onClick={() => setSort((s) => nextSort(s, key))} title={key === 'n' ? t(lang, 'table.schoolsLong') : undefined}>
                    {header(key)}
                    <span className="tt-arrow" aria-hidden="true">{sort.key === key ? (sort.dir === 'ascending' ? '▲' : '▼') : '↕'}</span>
                  </button>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {start > 0 ? <tr className="tt-spacer" aria-hidden="true"><td colSpan={columns.length} style={{ height: start * ROW }} /></tr> : null}
            {visible.map((r, k) => {
              const i = start + k;
              const cls = `${i === selectedIndex ? 'is-selected' : ''}${i === active.row ? ' is-active' : ''}`;
              return (
                <tr key={r.code} aria-rowindex={i + 2} aria-selected={i === selectedIndex} className={cls} data-code={r.code} onClick={() => { setCell((c) => ({ row: i, col: c.col })); select(i); }}>
                  {columns.map((key, col) => {
                    const props = { id: cellId(i, col), className: `tt-${key}${i === active.row && col === active.col ? ' is-cell' : ''}` };
                    if (key === 'name') return <th key={key} scope="row" role="rowheader" {...props} title={nameOf(r.code)}>{nameOf(r.code)}</th>;
                    if (key === 'code') return <td key={key} role="gridcell" {...props}>{r.code}</td>;
                    if (key === 'n') return <td key={key} role="gridcell" {...props}>{r.n === null ? '' : formatNumber(lang, r.n)}</td>;
                    return (
                      <td key={key} role="gridcell" {...props}>
                        {r.value === null ? <span className="tt-nodata">–<span className="sr-only">{t(lang, 'table.noData')}</span></span> : formatNumber(lang, r.value, indicator.decimals)}
                        {r.low_n ? <span className="tt-lown" title={t(lang, 'table.lowN', { min: minSchools })}>*</span> : null}
                      </td>
                    );
                  })}
                </tr>
              );
            })}
            {end < rows.length ? <tr className="tt-spacer" aria-hidden="true"><td colSpan={columns.length} style={{ height: (rows.length - end) * ROW }} /></tr> : null}
            {rows.length === 0 && !query.isPending && !namesQuery.isPending ? (
              <tr aria-rowindex={2}><td role="gridcell" colSpan={columns.length} className="tt-empty">{t(lang, 'table.empty')}</td></tr>
            ) : null}
          </tbody>
        </table>
      </div>
      {perSchool ? <p className="hint tt-foot">{t(lang, 'table.lowN', { min: minSchools })}</p> : null}
    </section>
  );
}
