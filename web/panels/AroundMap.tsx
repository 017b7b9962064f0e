/**
 * The column beside the map: the search box, the panel of the selected territory (when there
 * is one) and the table of every territory of the level. Everything the map shows can be
 * found, read and selected here without a mouse.
 */
import type { Indicator } from '../api/types.ts';
import { t } from '../i18n/index.ts';
import { refString, type ViewState } from '../state/url.ts';
import { SearchBox } from './SearchBox.tsx';
import { TerritoryPanel } from './TerritoryPanel.tsx';
import { TerritoryTable } from './TerritoryTable.tsx';

interface Props {
  indicators: readonly Indicator[];
  indicator: Indicator;
  view: ViewState;
  onChange: (patch: Partial<ViewState>) => void;
  /** false while the map draws first: the table's names wait (see TerritoryTable) */
  tableActive?: boolean;
}

export function AroundMap({ indicators, indicator, view, onChange, tableActive = true }: Props) {
  const { lang, selected } = view;
  return (
    <section className="around" aria-label={t(lang, 'around.label')}>
      <div className="around-inner">
        <SearchBox lang={lang} onChange={onChange} />
        {selected ? (
          <TerritoryPanel
            key={refString(selected)}
            lang={lang}
            selected={selected}
            year={view.year}
            indicators={indicators}
            current={indicator.id}
            onChange={onChange}
          />
        ) : null}
        <TerritoryTable lang={lang} view={view} indicator={indicator} onChange={onChange} enabled={tableActive} />
      </div>
    </section>
  );
}
