"""Document text: decoding (UTF-8, BOM, Windows-1258) to NFC with look-alike characters repaired
(Ð U+00D0 for Đ, no-break spaces), HTML to text with the stdlib html.parser, Markdown markup
removed, and page chrome stripped (menus, visitor counters, comment forms, link lists, "related
articles" footers, breadcrumbs).
"""
import re
import unicodedata
from html.parser import HTMLParser
from pathlib import Path

from .pasted import pasted

SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm")

# Elements never part of an article, and class/id words that mark chrome containers.
SKIP_TAGS = {"script", "style", "nav", "footer", "form", "aside", "select", "button", "noscript",
             "iframe", "svg", "template", "textarea", "input", "label", "menu"}
CHROME_ATTR_RE = re.compile(
    r"menu|navbar|(?<!sub)nav|sidebar|comment|footer|counter|thong-?ke|visitor|breadcrumb|share|"
    r"related|widget|banner|advert|poll|binh-?chon|lien-?ket|social|tags?\b", re.IGNORECASE)
BLOCK_TAGS = {"p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr",
              "table", "section", "article", "header", "main", "blockquote", "figure",
              "figcaption", "dd", "dt", "dl", "pre", "hr", "title", "time"}
VOID_TAGS = {"br", "hr", "img", "input", "meta", "link", "area", "base", "col", "embed",
             "source", "track", "wbr"}

# A line starting one of these ends the article: everything after it is page footer.
FOOTER_RE = re.compile(
    r"^\s*(?:\d+\s+)?(?:Thống kê truy cập|Ý KIẾN BẠN ĐỌC|Ý kiến bạn đọc|Bài cùng chuyên mục|"
    r"Các tin mới|Các tin khác|Tin khác|Tin mới hơn|Tin cũ hơn|Tin đã đưa|Các tin đã đưa|Bài khác|"
    r"Các bài khác|Bài viết khác|Tin cùng chuyên mục|Tin liên quan|Bài viết liên quan|Đọc tiếp|"
    r"Có thể bạn quan tâm|Phản hồi\s*$|Thông tin người gửi|Liên kết website|LIÊN KẾT WEB|"
    r"Xem nhiều nhất|Tin đọc nhiều|Go top|\[Trở về\]|Hiện tại không có bình chọn|"
    r"Gửi bình luận|Bình luận\s*$|Viết bình luận)", re.IGNORECASE)
# The same markers glued to the end of the last line ("Minh PhươngCó thể bạn quan tâm").
FOOTER_TAIL_RE = re.compile(r"(?:Có thể bạn quan tâm|Tin liên quan|Các tin khác)\s*$")
# Lines of page furniture dropped wherever they are.
CHROME_LINE_RE = re.compile(
    r"^\s*(?:Phiên bản mobile|Mode:.*|MENU|Trang chủ(?:\s*[»>›/|].*)?|Xem với cỡ chữ|In bài.*|"
    r"Chia sẻ.*|Gửi email.*|(?:>>\s*)?(?:Xem thêm|Đọc thêm|Bài liên quan|Tin liên quan)\s*:.*|"
    r"Tra cứu .*|VIDEO CLIPS|select|Chọn cỡ chữ.*|Lượt xem:?\s*\d+|Số lượt xem.*)\s*$", re.IGNORECASE)
COUNTER_RE = re.compile(r"\s*(?:Lượt xem|Lượt đọc|Số lượt xem|Lượt truy cập)\s*:?\s*[\d.]+", re.IGNORECASE)
MD_RES = [
    (re.compile(r"!\[[^\]]*\]\([^)]*\)"), ""),                 # images
    (re.compile(r"\[([^\]]+)\]\([^)]*\)"), r"\1"),             # links keep their text
    (re.compile(r"^\s{0,3}#{1,6}\s*", re.MULTILINE), ""),              # headings
    (re.compile(r"^\s*(?:[-*+]|>)\s+", re.MULTILINE), ""),             # bullets, quotes
    (re.compile(r"(\*\*|__|\*|`)(?=\S)(.+?)(?<=\S)\1"), r"\2"),  # emphasis, code
    (re.compile(r"^\s*(?:-{3,}|\*{3,}|```.*)\s*$", re.MULTILINE), ""),  # rules, fences
]


class _Node:
    def __init__(self, tag: str, attrs: dict, parent: "_Node | None"):
        self.tag, self.attrs, self.parent = tag, attrs, parent
        self.children: list[_Node | str] = []


class _TreeBuilder(HTMLParser):
    """A forgiving element tree: unclosed tags are closed by their parent's end tag."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = self.current = _Node("#root", {}, None)

    def handle_starttag(self, tag, attrs):
        node = _Node(tag, dict(attrs), self.current)
        self.current.children.append(node)
        if tag not in VOID_TAGS:
            self.current = node

    def handle_endtag(self, tag):
        node = self.current
        while node is not None and node.tag != tag:
            node = node.parent
        if node is not None and node.parent is not None:
            self.current = node.parent

    def handle_data(self, data):
        self.current.children.append(data)


def _text_of(node: _Node) -> str:
    return "".join(c if isinstance(c, str) else _text_of(c) for c in node.children)


def _link_text(node: _Node) -> str:
    if node.tag == "a":
        return _text_of(node)
    return "".join(_link_text(c) for c in node.children if not isinstance(c, str))


def _inside(node: _Node, tags: set[str]) -> bool:
    parent = node.parent
    while parent is not None:
        if parent.tag in tags:
            return True
        parent = parent.parent
    return False


def _is_chrome(node: _Node) -> bool:
    if node.tag in SKIP_TAGS:
        return True
    if node.tag == "header" and not _inside(node, {"article"}):
        return True  # the site's masthead; an article's own header is kept
    marker = " ".join(str(node.attrs.get(k) or "") for k in ("class", "id", "role"))
    if marker.strip() and CHROME_ATTR_RE.search(marker):
        return True
    if node.tag in ("ul", "ol", "table", "div"):  # link lists: (almost) all text is link text
        text = re.sub(r"\s+", "", _text_of(node))
        links = re.sub(r"\s+", "", _link_text(node))
        return bool(text) and len(links) >= 0.8 * len(text) and len(text) > 0
    return False


def _has(node: _Node, tag: str) -> bool:
    return any(not isinstance(c, str) and (c.tag == tag or _has(c, tag)) for c in node.children)


def _render(node: _Node, out: list[str], skip: frozenset = frozenset()) -> None:
    cells = 0  # a table's cells in a row: "Tổng số đảng viên | 9.400"
    for child in node.children:
        if isinstance(child, str):
            out.append(re.sub(r"\s+", " ", child))
        elif child.tag not in skip and not _is_chrome(child):
            if child.tag in ("td", "th"):
                out.append(" | " if cells else "")
                cells += 1
            block = child.tag in BLOCK_TAGS
            if block:
                out.append("\n\n" if child.tag in ("p", "h1", "h2", "h3", "title") else "\n")
            if child.tag == "li":
                out.append("- ")  # a list item, kept with the paragraph introducing the list
            _render(child, out, skip)
            if block and child.tag != "br":  # a line break, not a paragraph's end
                out.append("\n\n" if child.tag in ("p", "h1", "h2", "h3", "title") else "\n")


def html_to_text(html: str) -> str:
    """Visible article text of an HTML page, one block per line, chrome elements left out."""
    builder = _TreeBuilder()
    builder.feed(html)
    builder.close()
    out: list[str] = []
    # the page <title> repeats the headline (plus the site name) when there is an <h1>
    _render(builder.root, out, frozenset({"title"}) if _has(builder.root, "h1") else frozenset())
    return "".join(out)


def markdown_to_text(md: str) -> str:
    """Plain text of Markdown: soft-wrapped lines joined, link texts kept, markup removed."""
    md = re.sub(r"(?<=\S)[ \t]*\n(?=[ \t]*[^\s#>*+\-|`\d])", " ", md)
    for pattern, repl in MD_RES:
        md = pattern.sub(repl, md)
    return md


def strip_chrome(text: str) -> str:
    """Cut the page footer (counters, comment forms, related links) and drop furniture lines."""
    lines = []
    for line in text.splitlines():
        if FOOTER_RE.match(line):
            break
        tail = FOOTER_TAIL_RE.search(line)
        if tail:
            lines.append(line[:tail.start()])
            break
        if CHROME_LINE_RE.match(line) or (line.isupper() and line.rstrip().endswith("!")):
            continue  # furniture, or a banner slogan in capitals
        lines.append(COUNTER_RE.sub("", line).rstrip())
    text = "\n".join(lines)
    text = re.sub(r"[ \t\u00a0]+", " ", text)
    text = re.sub(r" *\n *", "\n", text)
    return re.sub(r"\n{3,}", "\n\n", text).strip() + "\n"


# Look-alikes pasted pages carry: Icelandic eth (U+00D0/U+00F0) for Đ/đ, no-break and zero-width
# spaces, soft hyphens.
_LOOKALIKES = str.maketrans({"\u00d0": "Đ", "\u00f0": "đ", "\u00a0": " ", "\u202f": " ",
                             "\u200b": None, "\u200c": None, "\u200d": None, "\ufeff": None,
                             "\u00ad": None})


# A photo caption inside a sentence: "(ảnh: Hội nghị tổng kết năm 2023)".
_CAPTION_RE = re.compile(r"\s*\((?:ảnh|Ảnh|ẢNH)(?: minh họa| minh hoạ)?\s*:[^()\n]*\)")


_SPACES_RE = re.compile(r"[ \t]{2,}")
# Bold marks of Markdown pasted into plain text ("**Tổng số đảng viên:** 38").
_BOLD_RE = re.compile(r"\*\*(?=\S)|(?<=\S)\*\*")
# A table pasted from a word processor or a spreadsheet: cells apart by tabs, read as " | ".
_TAB_CELLS_RE = re.compile(r"(?<=\S) *\t[ \t]*(?=\S)")
# The same table pasted as text aligned by spaces: a line with two or more gaps of 3+ spaces.
_ALIGNED_ROW_RE = re.compile(r"^[^\n]*\S {3,}(?=\S)[^\n]*\S {3,}\S[^\n]*$", re.MULTILINE)  # "2022     9     312"
_GAP_RE = re.compile(r"(?<=\S) {3,}(?=\S)")
# Two columns aligned by spaces, a label and its count ("Tổng số đảng viên          12 480"): a run
# of lines with one gap, two or more of them ending with a number.
_ALIGNED_PAIRS_RE = re.compile(r"(?:^[^\n]*\S {2,}\S[^\n]*(?:\n|$)){2,}", re.MULTILINE)
_PAIR_GAP_RE = re.compile(r"(?<=\S) {2,}(?=\S)")  # a long label may leave two spaces
_ENDS_WITH_COUNT_RE = re.compile(r"\S {3,}\d[\d., ]*$", re.MULTILINE)
# In a table's row, its index ("STT") before the label, and a unit cell between the label and
# the count ("4 | Tổng số đảng viên | người | 61.905"): the label is what the count counts.
_ROW_INDEX_RE = re.compile(r"^(?:STT|TT|\d{1,2}(?:\.\d{1,2})*\.?) \| (?=\D)", re.MULTILINE)  # also "1.1"
_UNIT_CELL_RE = re.compile(r" \| (?:người|đồng chí|đảng viên|tổ chức|chi bộ|đảng bộ|Đơn vị tính|ĐVT)"
                           r"(?= \| (?:\d|Số lượng))", re.IGNORECASE)


# A table exported with semicolons ("1;Tổng số đảng viên;1.342;"): two or more, none followed by a
# space (prose writes "; "), read as cells apart by tabs.
_SEMICOLON_ROW_RE = re.compile(r"^[^;\n]*;(?! )[^;\n]*;(?! )[^\n]*$", re.MULTILINE)
_PROSE_OR_HTML_RE = re.compile(r"; |&#?\w+;|<")  # "…; …", "&nbsp;", "<br/>": no exported row
# Dotted leaders of a printed profile ("Số lượng đảng viên: ............ 21.406"): read as ": ".
_LEADER_RE = re.compile(r"[ \t]*:?[ \t]*(?:(?:\.[ \t]?){4,}|(?:…[ \t]?){2,})[.… \t]*(?=\d)")


def _table_cells(text: str) -> str:
    text = _LEADER_RE.sub(": ", text)
    text = _SEMICOLON_ROW_RE.sub(lambda m: "\t".join(
        c.strip() for c in m.group(0).split(";")) if not _PROSE_OR_HTML_RE.search(m.group(0)) else m.group(0), text)
    if "   " in text:  # a line with its own cell marks "|" is padded, not aligned, by its spaces
        text = _ALIGNED_ROW_RE.sub(lambda m: _GAP_RE.sub("\t", m.group(0)) if "|" not in m.group(0)
                                   else m.group(0), text)
        text = _ALIGNED_PAIRS_RE.sub(lambda m: "".join(
            line if "|" in line else _PAIR_GAP_RE.sub("\t", line) for line in m.group(0).splitlines(True))
            if len(_ENDS_WITH_COUNT_RE.findall(m.group(0))) >= 2 else m.group(0), text)
    if "\t" in text:
        text = _TAB_CELLS_RE.sub(" | ", text)
    return _UNIT_CELL_RE.sub("", _ROW_INDEX_RE.sub("", text)) if " | " in text else text


def repair(text: str) -> str:
    """NFC text with look-alike characters replaced ("Ðảng" → "Đảng", no-break spaces → spaces),
    cells apart by tabs or aligned by spaces (not in a row marked by "|": spaces pad it) joined by " | "
    (a pasted table; its row index and unit column dropped), words hyphenated across lines joined
    ("đảng vi-" / "ên"), bold marks "**" off, runs of spaces or tabs made one space, "60 phần trăm"
    written "60%", a comma before "trong đó", any bullet "- ", and photo captions inside sentences
    dropped; HTML entities decoded, a page break and its running header dropped."""
    text = pasted(text)
    text = _table_cells(unicodedata.normalize("NFC", text).translate(_LOOKALIKES))
    text = _HYPHEN_BREAK_RE.sub(lambda m: "" if text[m.end()].islower() else m.group(0), text)
    text = _SPACES_RE.sub(" ", _BOLD_RE.sub("", text))
    text = _BULLET_RE.sub("- ", _BREAKDOWN_OPEN_RE.sub(", ", _PERCENT_WORDS_RE.sub("%", _CAPTION_RE.sub("", text))))
    return text


# Automatic captions and transcripts without punctuation: a share said in words ("hơn 60 phần trăm" is
# "hơn 60%"), and "trong đó" opening a breakdown with no comma before it ("… 3.600 đảng viên trong đó …").
_PERCENT_WORDS_RE = re.compile(r"(?<=\d)\s*phần trăm(?![\wđ])", re.IGNORECASE)
_BREAKDOWN_OPEN_RE = re.compile(r"(?<=[^\W\d_])[ \t]+(?=trong đó\s)")
# Any bullet a page or a word processor puts before a list's item ("▪", "■", "●", "◆", "►", "➤", "✓"): "- ".
_BULLET_RE = re.compile(r"^[ \t]*[▪▫■□●○◆◇►▶▸▹➤➢✓✔☑⁃‣◾◽◦][ \t]*", re.MULTILINE)


def decode(raw: bytes) -> str:
    """Bytes to NFC text: UTF-8 (with or without BOM), else Windows-1258."""
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("cp1258", errors="replace")
    return unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))


# A page's source pasted into a text file: it opens with a block element ("<h1>…", "<table>").
_PASTED_HTML_RE = re.compile(r"\s*(?:<!doctype html|<(?:html|head|body|article|section|div|h[1-6]|p|"
                             r"table|ul|header|main)(?:\s[^<>]*)?>)", re.IGNORECASE)
# A word hyphenated across the lines of a scanned page: "41.356 đảng vi-\nên" is "viên".
_HYPHEN_BREAK_RE = re.compile(r"(?<=[^\W\d_])-\n(?=[^\W\d_])")


def read_document(path) -> str:
    """Text of a .txt, .md or .html document: decoded, NFC, markup and page chrome stripped."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise ValueError(f"Không đọc được loại tệp {suffix!r} (chỉ .txt, .md, .html) / "
                         f"unsupported file type {suffix!r} (only .txt, .md, .html): {path}")
    text = repair(decode(path.read_bytes()))
    if suffix in (".html", ".htm") or _PASTED_HTML_RE.match(text):
        text = html_to_text(text)
    elif suffix in (".md", ".markdown"):
        text = markdown_to_text(text)
    return repair(strip_chrome(text))


def document_paths(paths) -> list[Path]:
    """The documents named: files as given, folders expanded to their readable files (sorted)."""
    out: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            out.extend(sorted(f for f in p.rglob("*") if f.is_file()
                              and f.suffix.lower() in SUFFIXES))
        else:
            out.append(p)
    return out
