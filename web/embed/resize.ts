/**
 * The embed's side of the resize protocol: posts `{ type: 'copaneeta:height', height }` to the
 * parent page whenever the content's height changes (ResizeObserver). The parent's script
 * (`/embed.js`) sets the iframe's height. The height measured is the content's, never the
 * viewport's, so growing the iframe cannot feed back into a larger height.
 */

/** The message type the parent script listens for. */
export const HEIGHT_MESSAGE = 'copaneeta:height';

/** Starts posting the height of `el` to the parent (no-op when not framed). */
export function postHeight(el: HTMLElement): void {
  if (window.parent === window) return;
  let last = -1;
  const post = () => {
    const height = Math.ceil(el.getBoundingClientRect().height);
    if (height === last || height === 0) return;
    last = height;
    window.parent.postMessage({ type: HEIGHT_MESSAGE, height }, '*');
  };
  new ResizeObserver(post).observe(el);
  window.addEventListener('load', post);
}
