/**
 * The snippet a journalist pastes: the iframe (with title and aria-label) and the resize script.
 * Pure and import-free: the server's oEmbed answer and the web's "Intégrer" dialog share it.
 */

/** HTML attribute escaping. */
export const escapeAttr = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The snippet pasted into an article: an iframe (title + aria-label) and the resize script. */
export function embedSnippet(origin: string, path: string, title: string, height: number): string {
  const src = escapeAttr(`${origin}${path}`);
  const t = escapeAttr(title);
  return (
    `<iframe src="${src}" title="${t}" aria-label="${t}" width="100%" height="${height}" ` +
    `style="border:0;width:100%;max-width:100%" loading="lazy" data-copaneeta-embed></iframe>` +
    `<script async src="${escapeAttr(origin)}/embed.js"></script>`
  );
}
