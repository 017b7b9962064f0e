/**
 * "Intégrer": a button beside the map title (or a chart) opening a dialog with the snippet to
 * paste in an article (iframe with title and aria-label, plus the resize script), the
 * screen-reader description of the embed (generated from the data, editable: an edited text
 * travels in the embed URL as `alt=`), the oEmbed link for CMSs, and copy buttons. Without
 * `chart`, it embeds the map of the current URL; with it, `/embed/chart?{chart.search}`.
 */
import { useId, useRef, useState } from 'react';
import { embedSnippet } from '../../server/embed/snippet.ts';
import { embedHref } from '../embed/altText.ts';
import { t, type Lang } from '../i18n/index.ts';

/** The iframe's height before the resize script adjusts it (and without the script). */
export const SNIPPET_HEIGHT = 640;
export const CHART_SNIPPET_HEIGHT = 480;

interface Props {
  lang: Lang;
  /** the title of the view (iframe title and aria-label) */
  title: string;
  /** the description generated from the data (a function: read when the dialog opens) */
  generatedAlt: string | (() => string);
  /** a chart: the query string of its embed, and the page it is on (the oEmbed link) */
  chart?: { search: string; page: string };
}

async function copy(text: string, field: HTMLTextAreaElement | HTMLInputElement | null): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    field?.select();
    return document.execCommand('copy');
  }
}

export function EmbedDialog({ lang, title, generatedAlt: generatedProp, chart }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  const snippetRef = useRef<HTMLTextAreaElement>(null);
  const linkRef = useRef<HTMLInputElement>(null);
  const [alt, setAlt] = useState<string | null>(null);
  const [copied, setCopied] = useState<string | null>(null);
  const [opened, setOpened] = useState('');
  const id = useId();
  const generatedAlt = typeof generatedProp === 'string' ? generatedProp : opened;
  const text = alt ?? generatedAlt;
  const origin = window.location.origin;
  const search = chart ? `?${chart.search}` : window.location.search;
  const authored = alt !== null && alt.trim() !== generatedAlt.trim() ? alt.trim() : null;
  const src = embedHref(origin, search, authored, chart ? '/embed/chart' : '/embed/map');
  const snippet = embedSnippet(origin, src.slice(origin.length), title, chart ? CHART_SNIPPET_HEIGHT : SNIPPET_HEIGHT);
  const link = chart ? `${origin}${chart.page}` : `${origin}/${search}`;

  const onCopy = (what: string, value: string, field: HTMLTextAreaElement | HTMLInputElement | null) =>
    void copy(value, field).then((ok) => setCopied(ok ? what : null));

  return (
    <>
      <button
        type="button"
        className="embed-button"
        aria-haspopup="dialog"
        data-testid="embed-button"
        aria-label={chart ? t(lang, 'embed.buttonLabel', { title }) : undefined}
        onClick={() => {
          setCopied(null);
          if (typeof generatedProp === 'function') setOpened(generatedProp());
          dialog.current?.showModal();
        }}
      >
        {t(lang, 'embed.button')}
      </button>
      <dialog ref={dialog} className="embed-dialog" aria-labelledby={`${id}-title`} data-testid="embed-dialog">
        <h2 id={`${id}-title`}>{t(lang, chart ? 'embed.dialogTitleChart' : 'embed.dialogTitle')}</h2>
        <p className="hint">{t(lang, 'embed.intro')}</p>
        <label htmlFor={`${id}-alt`}>{t(lang, 'embed.alt')}</label>
        <textarea id={`${id}-alt`} rows={4} value={text} onChange={(e) => setAlt(e.target.value)} aria-describedby={`${id}-alt-hint`} data-testid="embed-alt-input" />
        <p id={`${id}-alt-hint`} className="hint">{t(lang, 'embed.altHint')}</p>
        <label htmlFor={`${id}-snippet`}>{t(lang, 'embed.snippet')}</label>
        <textarea id={`${id}-snippet`} ref={snippetRef} rows={5} readOnly value={snippet} data-testid="embed-snippet" onFocus={(e) => e.target.select()} />
        <button type="button" onClick={() => onCopy('snippet', snippet, snippetRef.current)}>{t(lang, 'embed.copy')}</button>
        <label htmlFor={`${id}-link`}>{t(lang, 'embed.link')}</label>
        <input id={`${id}-link`} ref={linkRef} readOnly value={link} onFocus={(e) => e.target.select()} />
        <button type="button" onClick={() => onCopy('link', link, linkRef.current)}>{t(lang, 'embed.copyLink')}</button>
        <p role="status" className="embed-copied">{copied ? t(lang, 'embed.copied') : ''}</p>
        <form method="dialog">
          <button type="submit">{t(lang, 'embed.close')}</button>
        </form>
      </dialog>
    </>
  );
}
