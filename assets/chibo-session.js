/* chibo: when the server says the login session has ended (HTTP 401 on a Dash request, e.g.
   after the idle timeout or a logout elsewhere), go to the login page instead of showing errors. */
(function () {
  var original = window.fetch, leaving = false;
  if (!original) { return; }
  /* logging out: the form's own redirect to the login page must not be overtaken by the 401s
     of callbacks still in flight (that would say "session expired") */
  document.addEventListener('submit', function (event) {
    if (event.target && event.target.classList && event.target.classList.contains('auth-logout')) {
      leaving = true;
    }
  }, true);
  window.fetch = function () {
    return original.apply(this, arguments).then(function (response) {
      if (response.status === 401 && response.url.indexOf('/_dash-') !== -1) {
        if (!leaving) {  /* several callbacks may meet the end together: navigate once */
          leaving = true;
          var next = window.location.pathname + window.location.search;
          var config = document.getElementById('_dash-config'), prefix = '/';
          try { prefix = JSON.parse(config.textContent).requests_pathname_prefix || '/'; } catch (e) { /* '/' */ }
          window.location.assign(prefix + 'login?expired=1&next=' + encodeURIComponent(next));
        }
        return new Promise(function () {});  /* never settles: the page is leaving */
      }
      return response;
    });
  };
})();
