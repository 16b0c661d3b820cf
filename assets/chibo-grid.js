/* dash_ag_grid's bundle (1,3 MB) is not loaded with every page (chibo/dashboard/bundles.py): the
   page names it in <meta name="chibo-lazy-dash_ag_grid">, and this stands in for the library
   until a page draws its first grid, which fetches it (React.lazy) and then draws the real one.
   The stand-in stays what the renderer finds under `window.dash_ag_grid` (a grid is never
   mounted anew when the bundle arrives); getApi and getApiAsync are the bundle's once loaded. */
(function () {
  var meta = document.querySelector('meta[name="chibo-lazy-dash_ag_grid"]');
  var React = window.React;
  if (!meta || !React || window.dash_ag_grid) { return; }
  var lib = {};
  var real = null;
  var loading = null;

  function load() {
    if (!loading) {
      loading = new Promise(function (resolve, reject) {
        var script = document.createElement('script');
        script.src = meta.content;
        script.onload = function () {
          var bundle = window.dash_ag_grid;  // the bundle sets it to its own exports
          window.dash_ag_grid = lib;
          real = bundle.AgGrid;
          lib.getApi = bundle.getApi;
          lib.getApiAsync = bundle.getApiAsync;
          resolve({ default: real });
        };
        script.onerror = function () {
          loading = null;  // a later grid tries again
          reject(new Error('dash_ag_grid could not be loaded'));
        };
        document.head.appendChild(script);
      });
    }
    return loading;
  }

  var Lazy = React.lazy(load);

  function AgGrid(props) {
    return React.createElement(React.Suspense, { fallback: null },
      React.createElement(Lazy, props));
  }
  AgGrid.dashRenderType = true;  // as the bundle's AgGrid: the renderer passes it why it renders
  AgGrid.dashPersistence = { persisted_props: ['selectedRows'], persistence_type: 'local' };

  lib.AgGrid = AgGrid;
  lib.getApi = function () { throw new Error('no grid drawn yet'); };
  lib.getApiAsync = function (id) {
    return load().then(function () { return lib.getApiAsync(id); });
  };
  window.dash_ag_grid = lib;
})();
