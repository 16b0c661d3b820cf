from tests.auth.test_enforcement import login, forge, _state, _export_bodies
def test_dbg(logins):
    bodies = _export_bodies(logins, _state())
    print("N", len(bodies))
    for name in ("ana", "lead"):
        client = login(logins, name)
        for body in bodies:
            r = forge.post(client, body)
            for d in forge.downloads(r):
                t = forge.decode_download(d)
                print(name, d["filename"], len(t), [n for n in ("Phú Thọ", "Đồng Ích", "Sở Tài chính", "Phòng Ngân sách", "Hà Nội") if n in t])
            if not forge.downloads(r): print(name, body["output"], r.status_code, r.get_data(as_text=True)[:200])
