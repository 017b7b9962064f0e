/*
 * CoPaNEETA embed resizer: paste once in a page that embeds maps of this site. It listens for
 * { type: 'copaneeta:height', height } messages from this site's iframes and sets the height of
 * the iframe that sent it. Without it, the iframe keeps its fixed height attribute.
 */
(function () {
  'use strict';
  if (window.copaneetaEmbed) return;
  window.copaneetaEmbed = true;
  var script = document.currentScript;
  var origin = script && script.src ? new URL(script.src).origin : null;
  window.addEventListener('message', function (event) {
    var data = event.data;
    if (!data || data.type !== 'copaneeta:height' || (origin && event.origin !== origin)) return;
    var height = Number(data.height);
    if (!(height > 0 && height < 20000)) return;
    var frames = document.getElementsByTagName('iframe');
    for (var i = 0; i < frames.length; i++) {
      if (frames[i].contentWindow === event.source) frames[i].style.height = Math.ceil(height) + 'px';
    }
  });
})();
