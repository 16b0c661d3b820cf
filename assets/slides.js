/* chibo presentation mode (pages/slides.py) and "+ Trình chiếu" on chart cards
   (components/chart_card.py): clientside callbacks, the keys a presentation clicker sends, clicks.
   My deck lives in localStorage under DECK_KEY. No network, no libraries. */
(function () {
  "use strict";
  var DECK_KEY = "chibo.deck";
  var NEXT = {ArrowRight: 1, ArrowDown: 1, PageDown: 1, " ": 1, Spacebar: 1, Enter: 1, N: 1, n: 1};
  var PREV = {ArrowLeft: 1, ArrowUp: 1, PageUp: 1, Backspace: 1, P: 1, p: 1};

  function readDeck() {
    try {
      var deck = JSON.parse(window.localStorage.getItem(DECK_KEY) || "[]");
      return Array.isArray(deck) ? deck.filter(function (k) { return typeof k === "string"; }) : [];
    } catch (e) { return []; }
  }
  function writeDeck(deck) {
    try { window.localStorage.setItem(DECK_KEY, JSON.stringify(deck)); } catch (e) { /* private mode */ }
  }
  function query(search, changes) {
    var q = new URLSearchParams(search || "");
    Object.keys(changes).forEach(function (k) {
      if (changes[k] === null) { q.delete(k); } else { q.set(k, changes[k]); }
    });
    var s = q.toString().replace(/%2C/g, ",");
    return s ? "?" + s : "";
  }
  /* the app's own paths under its mount point (CHIBO_URL_PREFIX, Dash's requests prefix) */
  function path(p) {
    var config = document.getElementById("_dash-config"), prefix = "/";
    try { prefix = JSON.parse(config.textContent).requests_pathname_prefix || "/"; } catch (e) { /* "/" */ }
    return prefix.replace(/\/$/, "") + p;
  }
  function triggered() {
    var ctx = window.dash_clientside.callback_context;
    return ((ctx && ctx.triggered) || []).map(function (t) { return t.prop_id; }).join(" ");
  }
  function visibleRoot() {
    var root = document.getElementById("slides-root");
    return root && !root.hidden ? root : null;
  }
  function toggleFullscreen() {
    if (document.fullscreenElement) { document.exitFullscreen(); }
    else if (document.documentElement.requestFullscreen) {
      document.documentElement.requestFullscreen().catch(function () { /* refused: fine */ });
    }
  }
  function press(id) {
    var el = document.getElementById(id);
    if (el) { el.click(); }
  }

  window.dash_clientside = Object.assign({}, window.dash_clientside, {
    slides: {
      step: function (_prev, _next, _ticks, slides, _first, _last, index) {
        var n = (slides || []).length, i = index || 0, trig = triggered();
        if (trig.indexOf("slides-first.") >= 0) { i = 0; }
        else if (trig.indexOf("slides-last.") >= 0) { i = n - 1; }
        else if (trig.indexOf("slides-next.") >= 0) { i = i + 1; }
        else if (trig.indexOf("slides-prev.") >= 0) { i = i - 1; }
        else if (trig.indexOf("slides-timer.") >= 0) { i = n ? (i + 1) % n : 0; }
        return Math.max(0, Math.min(i, n - 1));
      },
      show: function (index, slides) {
        var all = slides || [], s = all[index || 0];
        if (!s) { return ["", "", "", "", {data: [], layout: {}}, "", ""]; }
        return [s.title, s.context, s.key_value, s.key_label, s.figure, s.source,
                ((index || 0) + 1) + " / " + all.length];
      },
      fullscreen: function () { toggleFullscreen(); return window.dash_clientside.no_update; },
      mine: function (clear, search, label) {
        if (clear && triggered().indexOf("slides-mine-clear.") >= 0) { writeDeck([]); }
        var deck = readDeck(), base = String(label || "").replace(/ \(\d+\)$/, "");
        var href = deck.length ? path("/trinh-chieu") + query(search, {deck: deck.join(","), auto: null})
                               : path("/trinh-chieu") + query(search, {deck: null});
        return [href, base + " (" + deck.length + ")"];
      },
      /* chart card: server PNG/SVG links with the current filters; "+ Trình chiếu" */
      card: function (nAdd, search, id, label) {
        var key = id.key, deck = readDeck();
        if (nAdd && triggered().indexOf("chart-add-slide") >= 0 && deck.indexOf(key) < 0) {
          deck.push(key);
          writeDeck(deck);
        }
        var filters = query(search, {deck: null, auto: null});
        var base = String(label || "");
        return [path("/export/chart/" + key + ".png") + filters,
                path("/export/chart/" + key + ".svg") + filters,
                path("/trinh-chieu") + query(search, {deck: deck.join(","), auto: null}), base,
                deck.indexOf(key) >= 0 ? {} : {display: "none"}];
      }
    }
  });

  document.addEventListener("keydown", function (e) {
    var root = visibleRoot();
    if (!root || e.altKey || e.ctrlKey || e.metaKey) { return; }
    var tag = (e.target && e.target.tagName) || "";
    if (tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT") { return; }
    var id = null;
    if (NEXT[e.key]) { id = "slides-next"; }
    else if (PREV[e.key]) { id = "slides-prev"; }
    else if (e.key === "Home") { id = "slides-first"; }
    else if (e.key === "End") { id = "slides-last"; }
    else if (e.key === "Escape" || e.key === "Esc") { id = "slides-exit"; }
    else if (e.key === "f" || e.key === "F") { e.preventDefault(); toggleFullscreen(); return; }
    if (!id) { return; }
    e.preventDefault();  /* no page scroll on Space/Page Down, no native button click */
    if (document.activeElement && root.contains(document.activeElement)) {
      document.activeElement.blur();
    }
    press(id);
  });

  document.addEventListener("click", function (e) {
    var open = e.target && e.target.closest &&
      e.target.closest("a[id*='chart-open-slides'], a#slides-mine");
    if (open) {  /* the deck may have grown on another card since this link was drawn */
      open.setAttribute("href", path("/trinh-chieu") + query(window.location.search,
                                                       {deck: readDeck().join(","), auto: null}));
      return;
    }
    var stage = e.target && e.target.closest && e.target.closest(".slide-stage, .slide-head");
    if (!stage || !visibleRoot() || e.target.closest("a, button")) { return; }
    press(e.clientX < window.innerWidth * 0.25 ? "slides-prev" : "slides-next");
  });
})();
