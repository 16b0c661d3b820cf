"""Build forged Dash callback requests for every registered callback (from app.callback_map and
the component ids found in the page layouts), and read what comes back, downloads included."""

from __future__ import annotations

import base64
import dataclasses
import io
import json

import dash

from tests.auth.conftest import _id_str, _outputs

WILD = ("MATCH", "ALL", "ALLSMALLER")


_IDS: dict[int, list] = {}


def layout_ids(app) -> list:
    """Every component id of the shell and of every page layout (rendered in open mode)."""
    if id(app) not in _IDS:
        _IDS[id(app)] = _layout_ids(app)
    return _IDS[id(app)]


def _layout_ids(app) -> list:
    from chibo.dashboard import runtime
    from chibo.dashboard.components import shell

    open_rt = dataclasses.replace(runtime.of(app.server), open_access=True)
    with app.server.test_request_context("/"), runtime.bound(open_rt):
        trees = [shell.layout()] + [p["layout"](lang="vi") for p in dash.page_registry.values()]
    ids = []
    for tree in trees:
        for c in [tree, *tree._traverse()] if hasattr(tree, "_traverse") else []:
            i = getattr(c, "id", None)
            if i is not None:
                ids.append(i)
    return ids


def _pattern(s):
    if isinstance(s, str) and s.startswith("{"):
        return json.loads(s)
    return s


def _wild(p) -> dict:
    return {k: v[0] for k, v in p.items() if isinstance(v, list)} if isinstance(p, dict) else {}


def _concretes(pattern: dict, ids: list) -> list[dict]:
    fixed = {k: v for k, v in pattern.items() if not isinstance(v, list)}
    return [i for i in ids if isinstance(i, dict) and set(i) == set(pattern)
            and all(i[k] == v for k, v in fixed.items())]


def requests_for(key: str, cb: dict, ids: list, value) -> list[dict]:
    """Request bodies for callback `key`; value(id, prop) gives each input/state value."""
    outs = _outputs(key)
    specs = [("out", o) for o in outs] + [("in", i) for i in cb["inputs"]] + \
            [("state", s) for s in cb["state"]]
    match_pattern = next((_pattern(x["id"] if k != "out" else _split_id(x))
                          for k, x in specs
                          if "MATCH" in _wild(_pattern(x["id"] if k != "out" else _split_id(x))).values()),
                         None)
    bindings = [{}]
    if match_pattern is not None:
        wild = [k for k, v in _wild(match_pattern).items() if v == "MATCH"]
        bindings = [{k: c[k] for k in wild} for c in _concretes(match_pattern, ids)]
    bodies = []
    for b in bindings:
        def entry(ident, prop, with_value, b=b):
            p = _pattern(ident)
            if isinstance(p, dict) and _wild(p):
                if "ALL" in _wild(p).values():
                    return [entry(c, prop, with_value) for c in _concretes(p, ids)]
                p = {k: (b[k] if isinstance(v, list) else v) for k, v in p.items()}
            e = {"id": p, "property": prop}
            if with_value:
                e["value"] = p if prop == "id" else value(p, prop)
            return e

        outputs = [entry(_split_id(o), o.rsplit(".", 1)[1].split("@")[0], False) for o in outs]
        inputs = [entry(i["id"], i["property"], True) for i in cb["inputs"]]
        state = [entry(s["id"], s["property"], True) for s in cb["state"]]
        first = inputs[0] if inputs else None
        changed = []
        if isinstance(first, dict):
            changed = [f"{_id_str(first['id'])}.{first['property']}"]
        elif isinstance(first, list) and first:
            changed = [f"{_id_str(first[0]['id'])}.{first[0]['property']}"]
        bodies.append({"output": key, "outputs": outputs if key.startswith("..") else outputs[0],
                       "inputs": inputs, "state": state, "changedPropIds": changed})
    return bodies


def each_trigger(body: dict) -> list[dict]:
    """The body once per input as the trigger (e.g. the CSV and the XLSX button)."""
    out = []
    for i in body["inputs"]:
        if isinstance(i, dict):
            out.append({**body, "changedPropIds": [f"{_id_str(i['id'])}.{i['property']}"]})
    return out or [body]


def _split_id(o: str):
    if o.startswith("{"):
        return o.rsplit("}.", 1)[0] + "}"
    return o.rsplit(".", 1)[0]


def post(client, body: dict):
    return client.post("/_dash-update-component", data=json.dumps(body),
                       content_type="application/json")


def response_text(resp) -> str:
    """The response as readable text: JSON unescaped, downloads decoded (CSV, XLSX)."""
    raw = resp.get_data(as_text=True)
    try:
        doc = json.loads(raw)
    except ValueError:
        return raw
    parts = [json.dumps(doc, ensure_ascii=False)]
    for d in _walk(doc):
        if isinstance(d, dict) and "content" in d and d.get("base64"):
            parts.append(decode_download(d))
    return "\n".join(parts)


def decode_download(d: dict) -> str:
    blob = base64.b64decode(d["content"])
    if str(d.get("filename", "")).endswith(".xlsx"):
        import pandas as pd

        sheets = pd.read_excel(io.BytesIO(blob), sheet_name=None, engine="calamine")
        return "\n".join(df.to_csv(index=False) for df in sheets.values())
    return blob.decode("utf-8-sig", errors="replace")


def downloads(resp) -> list[dict]:
    try:
        doc = json.loads(resp.get_data(as_text=True))
    except ValueError:
        return []
    return [d for d in _walk(doc) if isinstance(d, dict) and "content" in d and "filename" in d]


def _walk(x):
    yield x
    if isinstance(x, dict):
        for v in x.values():
            yield from _walk(v)
    elif isinstance(x, list):
        for v in x:
            yield from _walk(v)
