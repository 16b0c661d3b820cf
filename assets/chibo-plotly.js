/* dcc.Graph loads plotly.js from window._dashPlotlyJSURL, which dash-renderer points at the
   plotly package's full bundle; chibo serves its own build of the traces it draws, preloaded by
   the page's <link id="plotly-js"> (chibo/dashboard/bundles.py): the address is pinned to it. */
(function () {
  var link = document.getElementById('plotly-js');
  if (!link) { return; }
  Object.defineProperty(window, '_dashPlotlyJSURL', {
    configurable: true,
    get: function () { return link.href; },
    set: function () {}
  });
})();
