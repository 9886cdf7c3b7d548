// Optional, for pages that embed a Bureau Atlas chart: fits each chart's iframe to its content's height.
addEventListener('message', function (e) {
  var d = e.data;
  if (!d || !d.bureauAtlasEmbed || !(d.height > 0)) return;
  document.querySelectorAll('iframe[data-bureau-atlas-embed]').forEach(function (f) {
    if (f.contentWindow === e.source) {
      f.style.aspectRatio = 'auto';
      f.style.height = Math.ceil(d.height) + 'px';
    }
  });
});
