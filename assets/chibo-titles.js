/* chibo: a chart card's title, subtitle and footnote wrap to the card's width. Plotly draws each
   as one SVG text (charts/theme.py `frame`: "<b>title</b><br><span style='font-size:13px'>
   subtitle</span>", and the footnote annotation), which never wraps: on a phone a long subtitle
   (a rate chart's ends with its formula) was cut at the card's edge. After each drawing, words
   that would pass the edge go to a new line (<br>, as the server writes its own breaks) and the
   top (bottom) margin grows by the lines added, so the legend and the plot make room; the
   figure's own texts are kept to wrap again when the card is resized. No network, no libraries. */
(function () {
  "use strict";
  var measure = document.createElement("canvas").getContext("2d");
  var TOKENS = /(<[^>]*>)|([^<]+)/g;
  var LINE_SPACING = 1.3;  /* plotly.js: a line is 1.3 em of the text's font */
  var PAD = 6;  /* px kept free at the right edge */

  function plain(text) {
    return text.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, "\"")
      .replace(/&#39;/g, "'").replace(/&amp;/g, "&");
  }

  /* a text's markup with <br> put before each word that would end past `width` px */
  function wrapped(text, width, font) {
    var out = "", x = 0, bold = 0, sizes = [font.size], added = 0, match;
    function widthOf(s) {
      measure.font = (bold ? "bold " : "") + sizes[sizes.length - 1] + "px " + font.family;
      return measure.measureText(plain(s)).width;
    }
    TOKENS.lastIndex = 0;
    while ((match = TOKENS.exec(text)) !== null) {
      var tag = match[1];
      if (tag) {
        var name = tag.replace(/^<\/?\s*([a-zA-Z]+).*$/, "$1").toLowerCase(), closing = tag[1] === "/";
        if (name === "br") { x = 0; }
        else if (name === "b") { bold += closing ? -1 : 1; }
        else if (name === "span" && closing) { if (sizes.length > 1) { sizes.pop(); } }
        else if (name === "span") {
          var size = /font-size:\s*([\d.]+)px/.exec(tag);
          sizes.push(size ? parseFloat(size[1]) : sizes[sizes.length - 1]);
        }
        out += tag;
        continue;
      }
      match[2].split(" ").forEach(function (word, i) {
        var w = widthOf(word);
        if (i > 0) {
          var space = widthOf(" ");
          if (x > 0 && x + space + w > width) { out += "<br>"; x = 0; added += 1; }
          else { out += " "; x += space; }
        }
        out += word;
        x += w;
      });
    }
    return {text: out, added: added};
  }

  function titleText(layout) {
    var title = layout && layout.title;
    return typeof title === "string" ? title : (title && title.text) || "";
  }

  /* what may wrap: the title (its top margin grows) and the footnote (theme.py's annotation
     under the plot, 12 px from the figure's left edge: the bottom margin grows) */
  function texts(gd) {
    var full = gd._fullLayout, size = full._size || full.margin;
    var found = [{key: "title.text", text: titleText(gd.layout), font: full.title.font, margin: "t",
                  left: (typeof full.title.x === "number" ? full.title.x : 0.5) * full.width}];
    (gd.layout.annotations || []).forEach(function (a, i) {
      var drawn = (full.annotations || [])[i];
      if (a.name === "footnote" && a.text && drawn) {
        found.push({key: "annotations[" + i + "].text", text: a.text, font: drawn.font, margin: "b",
                    left: size.l + (drawn.xshift || 0) + (drawn.x || 0) * size.w});
      }
    });
    return found.filter(function (t) { return t.text; });
  }

  function fit(gd) {
    var full = gd._fullLayout;
    if (!full || !full.width || !gd.layout) { return; }
    var found = texts(gd), shown = found.map(function (t) { return t.text; }).join("\n");
    if (shown !== gd.chiboWrapped || gd.chiboWrapped === gd.chiboOriginal) {
      /* a figure from the server (or one this script left as it was): its own texts and margins */
      var margin = gd.layout.margin || {};
      gd.chiboOriginal = shown;
      gd.chiboTexts = found.map(function (t) { return t.text; });
      gd.chiboMargin = {t: margin.t === undefined ? full.margin.t : margin.t,
                        b: margin.b === undefined ? full.margin.b : margin.b};
    }
    var update = {}, grow = {t: 0, b: 0}, lines = [];
    found.forEach(function (t, i) {
      var font = {size: t.font.size, family: t.font.family};
      var result = wrapped(gd.chiboTexts[i] || t.text, full.width - t.left - PAD, font);
      update[t.key] = result.text;
      grow[t.margin] += result.added * LINE_SPACING * font.size;
      lines.push(result.text);
    });
    var next = lines.join("\n");
    gd.chiboWrapped = next;
    if (next === shown) { return; }
    update["margin.t"] = gd.chiboMargin.t + grow.t;
    update["margin.b"] = gd.chiboMargin.b + grow.b;
    window.Plotly.relayout(gd, update);
  }

  function hook(gd) {
    if (gd.chiboTitles || typeof gd.on !== "function" || !window.Plotly) { return; }
    gd.chiboTitles = true;
    gd.on("plotly_afterplot", function () { fit(gd); });
    fit(gd);
  }

  var pending = false;
  function scan() {
    pending = false;
    document.querySelectorAll(".chart-card .js-plotly-plot").forEach(hook);
  }
  function start() {
    new MutationObserver(function () {
      if (!pending) { pending = true; window.setTimeout(scan, 50); }
    }).observe(document.body, {childList: true, subtree: true});
    scan();
  }
  if (document.body) { start(); } else { document.addEventListener("DOMContentLoaded", start); }
})();
