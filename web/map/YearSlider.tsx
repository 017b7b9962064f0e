/**
 * The year as a slider over the indicator's years (which may have gaps): a labelled
 * `input type=range` stepping through the list, operable with the arrow keys, Home and End,
 * announcing the year itself rather than its position.
 */
import { t, type Lang } from '../i18n/index.ts';

interface Props {
  lang: Lang;
  years: readonly number[];
  year: number;
  onYear: (year: number) => void;
}

export function YearSlider({ lang, years: offered, year, onYear }: Props) {
  // the year shown is always on the slider (a year the bundled catalog does not know yet)
  const years = offered.includes(year) ? offered : [...offered, year].sort((a, b) => a - b);
  const index = Math.max(0, years.indexOf(year));
  const single = years.length < 2;
  return (
    <div className={`year-slider${single ? ' is-single' : ''}`}>
      <label htmlFor="year-range" className="year-slider-label">
        {t(lang, 'control.yearSlider')} <output htmlFor="year-range">{year}</output>
      </label>
      {single ? (
        <span className="hint">{t(lang, 'control.singleYear')}</span>
      ) : (
        <div className="year-slider-track" style={{ minWidth: `${years.length * 2.6}rem` }}>
          <input
            id="year-range"
            type="range"
            min={0}
            max={years.length - 1}
            step={1}
            value={index}
            aria-valuetext={String(year)}
            onChange={(e) => {
              const next = years[Number(e.target.value)];
              if (next !== undefined && next !== year) onYear(next);
            }}
          />
          <div className="year-slider-ticks" aria-hidden="true">
            {years.map((y) => (
              <span key={y} className={y === year ? 'is-current' : undefined}>
                {y}
              </span>
            ))}
          </div>
        </div>
      )}
    </div>
  );
}
