/**
 * "Intégrer": a button beside the map title opening a dialog with the snippet to paste in an
 * article (iframe with title and aria-label, plus the resize script), the screen-reader
 * description of the embed (generated from the data, editable: an edited text travels in the
 * embed URL as `alt=`), the oEmbed link for CMSs, and copy buttons.
 */
import { useId, useRef, useState } from 'react';
import { embedSnippet } from '../../server/embed/snippet.ts';
import { embedHref } from '../embed/altText.ts';
import { t, type Lang } from '../i18n/index.ts';

/** The iframe's height before the resize script adjusts it (and without the script). */
export const SNIPPET_HEIGHT = 640;

interface Props {
  lang: Lang;
  /** the title of the view (iframe title and aria-label) */
  title: string;
  /** the description generated from the data */
  generatedAlt: string;
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

export function EmbedDialog({ lang, title, generatedAlt }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  const snippetRef = useRef<HTMLTextAreaElement>(null);
  const linkRef = useRef<HTMLInputElement>(null);
  const [alt, setAlt] = useState<string | null>(null);
  const [copied, setCopied] = useState<string | null>(null);
  const id = useId();
  const text = alt ?? generatedAlt;
  const origin = window.location.origin;
  const search = window.location.search;
  const src = embedHref(origin, search, alt !== null && alt.trim() !== generatedAlt.trim() ? alt.trim() : null);
  const snippet = embedSnippet(origin, src.slice(origin.length), title, SNIPPET_HEIGHT);
  const link = `${origin}/${search}`;

  const onCopy = (what: string, value: string, field: HTMLTextAreaElement | HTMLInputElement | null) =>
    void copy(value, field).then((ok) => setCopied(ok ? what : null));

  return (
    <>
      <button
        type="button"
        className="embed-button"
        aria-haspopup="dialog"
        data-testid="embed-button"
        onClick={() => {
          setCopied(null);
          dialog.current?.showModal();
        }}
      >
        {t(lang, 'embed.button')}
      </button>
      <dialog ref={dialog} className="embed-dialog" aria-labelledby={`${id}-title`} data-testid="embed-dialog">
        <h2 id={`${id}-title`}>{t(lang, 'embed.dialogTitle')}</h2>
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
