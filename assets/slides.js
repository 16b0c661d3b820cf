/* chibo presentation mode (pages/slides.py) and "+ Trình chiếu" on chart cards
   (components/chart_card.py): clientside callbacks, the keys a presentation clicker sends, clicks.
   My deck lives in localStorage under DECK_KEY. No network, no libraries.
   Which slide is shown changes in one place, `go`, at once for each key, click or tick: Dash
   merges a callback requested again before it ran (and drops one still running), so a callback
   that added one to the index on a button's n_clicks lost a press that came quickly after
   another (→ then ← kept only the →). */
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
  /* the slide on screen and how many there are: set by `show` from the stores, and by `go` */
  var current = {index: 0, count: 0};
  function go(action) {
    var n = current.count, i = current.index;
    if (!n) { return; }  /* nothing drawn yet */
    if (action === "first") { i = 0; }
    else if (action === "last") { i = n - 1; }
    else if (action === "next") { i = i + 1; }
    else if (action === "prev") { i = i - 1; }
    else if (action === "tick") { i = (i + 1) % n; }
    i = Math.max(0, Math.min(i, n - 1));
    if (i === current.index) { return; }
    current.index = i;  /* the next key counts from here, before Dash has drawn this one */
    window.dash_clientside.set_props("slides-index", {data: i});
  }

  window.dash_clientside = Object.assign({}, window.dash_clientside, {
    slides: {
      tick: function () { go("tick"); },
      show: function (index, slides) {
        var all = slides || [], i = Math.max(0, Math.min(index || 0, all.length - 1)), s = all[i];
        current = {index: s ? i : 0, count: all.length};
        if (!s) { return ["", "", "", "", {data: [], layout: {}}, "", ""]; }
        return [s.title, s.context, s.key_value, s.key_label, s.figure, s.source,
                (i + 1) + " / " + all.length];
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
    var action = NEXT[e.key] ? "next" : PREV[e.key] ? "prev" : e.key === "Home" ? "first"
      : e.key === "End" ? "last" : e.key === "Escape" || e.key === "Esc" ? "exit" : null;
    if (e.key === "f" || e.key === "F") { e.preventDefault(); toggleFullscreen(); return; }
    if (!action) { return; }
    e.preventDefault();  /* no page scroll on Space/Page Down, no native button click */
    if (document.activeElement && root.contains(document.activeElement)) {
      document.activeElement.blur();
    }
    if (action === "exit") { press("slides-exit"); } else { go(action); }
  });

  document.addEventListener("click", function (e) {
    var open = e.target && e.target.closest &&
      e.target.closest("a[id*='chart-open-slides'], a#slides-mine");
    if (open) {  /* the deck may have grown on another card since this link was drawn */
      open.setAttribute("href", path("/trinh-chieu") + query(window.location.search,
                                                       {deck: readDeck().join(","), auto: null}));
      return;
    }
    if (!visibleRoot() || !e.target || !e.target.closest) { return; }
    var button = e.target.closest("#slides-prev, #slides-next");
    if (button) { go(button.id === "slides-prev" ? "prev" : "next"); return; }
    var stage = e.target.closest(".slide-stage, .slide-head");
    if (!stage || e.target.closest("a, button")) { return; }
    go(e.clientX < window.innerWidth * 0.25 ? "prev" : "next");
  });
})();
