/** Page header: title, the link to the convention objectives and the FR/EN switch. */
import { LANGS, t, type Lang } from '../i18n/index.ts';

interface Props {
  lang: Lang;
  onLang: (lang: Lang) => void;
}

export function Header({ lang, onLang }: Props) {
  return (
    <header className="app-header">
      <div className="app-header-text">
        <h1>{t(lang, 'app.title')}</h1>
        <p className="app-tagline">{t(lang, 'app.tagline')}</p>
      </div>
      <nav className="app-header-links" aria-label={t(lang, 'obj.link')}>
        <a href={`/objectifs${lang === 'fr' ? '' : `?lang=${lang}`}`}>{t(lang, 'obj.link')}</a>
      </nav>
      <div className="lang-switch" role="group" aria-label={t(lang, 'lang.label')}>
        {LANGS.map((l) => (
          <button
            key={l}
            type="button"
            lang={l}
            aria-pressed={l === lang}
            title={t(l, `lang.${l}`)}
            onClick={() => onLang(l)}
          >
            {l.toUpperCase()}
          </button>
        ))}
      </div>
    </header>
  );
}
