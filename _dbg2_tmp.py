from playwright.sync_api import sync_playwright
import json
ARGS = ["--no-sandbox", "--disable-gpu"]
def graph(key): return f"[id='{json.dumps({'key': key, 'type': 'chart-graph'}, separators=(',', ':'))}']"
with sync_playwright() as p:
    b = p.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
    pg = b.new_page(viewport={"width": 1600, "height": 1000})
    pg.on("console", lambda m: print("CONSOLE", m.type, m.text[:200]))
    pg.goto("http://127.0.0.1:8062/vung-mien?from=2025-01-01&to=2025-12-31")
    pg.wait_for_selector(f"{graph('regions-map')} .main-svg .gtitle", timeout=20000)
    pg.wait_for_load_state("networkidle")
    info = pg.eval_on_selector(f"{graph('regions-map')} .js-plotly-plot", """(gd) => {
        const xa = gd._fullLayout.xaxis, ya = gd._fullLayout.yaxis; const r = gd.getBoundingClientRect();
        return {x: xa.range, y: ya.range, off: [xa._offset, ya._offset, xa._length, ya._length], r: [r.left, r.top], z: gd.data[1].z, cd: gd.data[1].customdata};
    }""")
    print(info)
    pos = pg.eval_on_selector(f"{graph('regions-map')} .js-plotly-plot", """(gd, xy) => {
        const xa = gd._fullLayout.xaxis, ya = gd._fullLayout.yaxis;
        const r = gd.getBoundingClientRect();
        return [r.left + xa._offset + xa.l2p(xy[0]), r.top + ya._offset + ya.l2p(xy[1])];
    }""", [0, 1])
    print(pos)
    pg.evaluate("() => window.scrollTo(0,0)")
    pg.mouse.move(pos[0], pos[1]); pg.wait_for_timeout(500)
    pg.screenshot(path="/tmp/q/hover.png")
    pg.on("request", lambda r: r.method == "POST" and print("REQ", (r.post_data or "")[:600]))
    pg.on("response", lambda r: r.request.method == "POST" and print("RESP", r.status, r.text()[:400]))
    pg.mouse.click(pos[0], pos[1]); pg.wait_for_timeout(3000)
    print(pg.url)
    b.close()
