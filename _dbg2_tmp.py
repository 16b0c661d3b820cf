from playwright.sync_api import sync_playwright
ARGS = ["--no-sandbox", "--disable-gpu"]
with sync_playwright() as p:
    b = p.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
    pg = b.new_page(viewport={"width": 1920, "height": 1080})
    pg.goto("http://127.0.0.1:8060/chat-luong")
    pg.wait_for_selector(".ag-row", timeout=30000)
    pg.wait_for_load_state("networkidle")
    el = pg.locator(".table-card").first
    el.scroll_into_view_if_needed(); pg.wait_for_timeout(1000)
    el.screenshot(path="/tmp/qp/table.png")
    b.close()
