/**
 * The palette picker: a disclosure showing the current palette as a colour ramp; open, a radio
 * group of swatches, sequential then diverging, each marked as colour-blind safe or not (in its
 * accessible name and with a visible ⚠). One radio group: arrow keys move through the palettes.
 */
import { useState } from 'react';
import { t, type Lang } from '../i18n/index.ts';
import { classColors, PALETTES, type Palette, type PaletteKind } from '../map/palette.ts';

interface Props {
  lang: Lang;
  value: Palette;
  onChange: (palette: Palette) => void;
}

/** Seven colours of each palette, computed once (the picker renders with every view change). */
const ramps = new Map<string, string[]>();
const rampOf = (name: string): string[] => ramps.get(name) ?? (ramps.set(name, classColors(7, 'neutral', { palette: name })).get(name) as string[]);

function Ramp({ palette }: { palette: Palette }) {
  return (
    <span className="palette-ramp" aria-hidden="true">
      {rampOf(palette.name).map((c) => (
        <span key={c} style={{ background: c }} />
      ))}
    </span>
  );
}

function Swatches({ lang, kind, value, onChange }: Props & { kind: PaletteKind }) {
  return (
    <fieldset className="palette-group">
      <legend>{t(lang, kind === 'sequential' ? 'palette.sequential' : 'palette.diverging')}</legend>
      {PALETTES.filter((p) => p.kind === kind).map((p) => {
        const safety = t(lang, p.colorBlindSafe ? 'palette.cbSafe' : 'palette.cbUnsafe');
        return (
          <label key={p.name} className="palette-option" title={`${p.name} — ${safety}`}>
            <input
              type="radio"
              name="palette"
              value={p.name}
              checked={p.name === value.name}
              onChange={() => onChange(p)}
              data-testid={`palette-${p.name}`}
            />
            <Ramp palette={p} />
            <span className="palette-name">
              {p.name}
              {p.colorBlindSafe ? null : <span aria-hidden="true"> ⚠</span>}
              <span className="sr-only">, {safety}</span>
            </span>
          </label>
        );
      })}
    </fieldset>
  );
}

export function PalettePicker({ lang, value, onChange }: Props) {
  // the palettes are rendered once the list is opened (closed, nobody sees them)
  const [open, setOpen] = useState(false);
  return (
    <details className="field palette-picker" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>
        <span className="field-label">{t(lang, 'classify.palette')}</span>
        <Ramp palette={value} />
        <span className="palette-current" data-testid="palette-current">
          {value.name}
          {value.colorBlindSafe ? null : ' ⚠'}
        </span>
      </summary>
      {open ? (
        <div className="palette-groups">
          <Swatches lang={lang} kind="sequential" value={value} onChange={onChange} />
          <Swatches lang={lang} kind="diverging" value={value} onChange={onChange} />
        </div>
      ) : null}
    </details>
  );
}
