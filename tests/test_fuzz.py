"""Fuzzing: whatever bytes arrive, load → every built-in rule → every reporter
answers without an exception, and every finding points inside the file.

Three sources of input: arbitrary bytes; the bundled example mutated the way
hand edits and bad merges break files; and structured declarations generated
field by field (right and wrong types, every encoding we read). The normal
suite runs a modest number of examples; ``scripts/fuzz.py`` runs the same
strategies for as long as you like.
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from targetlint.engine import Engine
from targetlint.plugins import load_catalogue
from targetlint.reporters import BINARY_FORMATS, FORMATS, ReportContext, get_renderer
from targetlint.source import decode

EXAMPLE = (Path(__file__).resolve().parent.parent / "fixtures" / "example.yaml").read_bytes()

_ENGINE: Engine | None = None


def engine() -> Engine:
    global _ENGINE
    if _ENGINE is None:
        registry = load_catalogue()
        assert not registry.errors, registry.errors
        _ENGINE = Engine([cls() for cls in registry.sorted_rules()])
    return _ENGINE


class Escape(AssertionError):
    """A property of the pipeline failed for one input."""


def check_bytes(data: bytes, name: str = "fuzz.yaml", binary: bool = False) -> int:
    """Run the whole check path on ``data``; raise :class:`Escape` if any
    property fails. Returns the number of findings. ``binary``: also render
    the workbook format, which takes ~40 ms a call and would dominate a
    fuzzing run (its text goes through one sanitiser, tested on its own)."""
    source = decode(data, name)
    result = engine().check(source)
    lines = source.text.split("\n")
    for finding in result.findings:
        line, column, end_line, end_column = finding.span
        where = f"{finding.code} at {tuple(finding.span)} (file has {len(lines)} lines)"
        if not (1 <= line <= len(lines) and 1 <= end_line <= len(lines)):
            raise Escape(f"line outside the file: {where}")
        if not (column >= 1 and end_column >= 1 and (end_line, end_column) >= (line, column)):
            raise Escape(f"invalid columns: {where}")
        # Columns count code points, so they fit the line they are on.
        if column > len(lines[line - 1]) + 1 or end_column > len(lines[end_line - 1]) + 1:
            raise Escape(f"column past the end of its line: {where}")
    if result.crashed:
        crashes = [f.message_en for f in result.findings if f.code == "TL009"]
        raise Escape(f"a built-in rule or the loader crashed: {crashes}")
    for fmt in FORMATS:
        if fmt in BINARY_FORMATS and not binary:
            continue
        for color, show_source, lang in ((False, False, "zh"), (True, True, "en")):
            context = ReportContext(
                lang=lang,
                color=color,
                show_source=show_source,
                files_checked=1,
                declarations_checked=result.declarations,
                sources={source.path: source.lines}.get,
            )
            output = get_renderer(fmt)(result.findings, context)
            if not isinstance(output, bytes if fmt in BINARY_FORMATS else str):
                raise Escape(f"reporter {fmt} returned {type(output).__name__}")
    return len(result.findings)


# -- strategies ---------------------------------------------------------

# Pieces that matter to the YAML scanner or to the value grammar.
YAML_PIECES = [
    "\n",
    "\n  ",
    "\n    - ",
    "  ",
    "\t",
    ": ",
    ":",
    "- ",
    "-",
    "---\n",
    "...\n",
    "--- ",
    "[",
    "]",
    "{",
    "}",
    ",",
    '"',
    "'",
    "|",
    ">",
    "&a ",
    "*a",
    "!!python/object:os.system ",
    "!x ",
    "!!str ",
    "!!binary ",
    "%YAML 1.1\n",
    "#",
    "? ",
    "~",
    "null",
    "\r\n",
    "\r",
    "\x85",
    "\u2028",
    "\ufeff",
    "\x00",
    "\x07",
    "\ufffe",
    "\\",
    "\\u",
    "<<: ",
    "1e309",
    ".nan",
    ".inf",
    "-0",
    "0x1F",
    "12345678901234567890",
    "2023-02-30",
    "2023-01-01",
]
VALUE_PIECES = [
    "≥",
    "≤",
    ">=",
    "<=",
    "＞",
    "=",
    "不少于",
    "不超过",
    "以上",
    "以下",
    "约",
    "左右",
    "余",
    "多",
    "每月",
    "人均",
    "0",
    "1",
    "2.5",
    "90",
    "100",
    "250",
    "2200",
    "1732000.00",
    "二",
    "两",
    "十",
    "万",
    "亿",
    "%",
    "％",
    "个",
    "人",
    "人次",
    "台",
    "元",
    "万元",
    "天",
    "年",
    "月",
    "日",
    "前",
    "底",
    "~",
    "～",
    "-",
    "—",
    "/",
    "、",
    "，",
    "(",
    ")",
    "（",
    "）",
    "提高",
    "健全",
    "合格",
    "完整",
    "按年度计划",
    "按规定",
    "较上年",
    "增长",
    "不高于前3年最高值",
    "xx",
    "XX",
    "××",
    "$\\geq 80\\%$",
    "<b>",
    "</b>",
    "&nbsp;",
    " ",
    "\n",
    "2023年12月31日",
    "2023.07-2024.01",
]
FIELD_KEYS = [
    "申报年度",
    "项目名称",
    "项目性质",
    "项目类别",
    "主管部门",
    "实施单位",
    "计划开始日期",
    "计划完成日期",
    "项目资金",
    "年度总体目标",
    "绩效指标",
    "year",
    "name",
    "funds",
    "indicators",
    "项目编号",
    "",
]
FUNDS_KEYS = ["年度资金申请总额", "当年财政拨款", "上年结转资金", "其他资金", "total", "合计"]
INDICATOR_KEYS = ["三级指标", "指标值", "计量单位", "运算符", "指标性质", "备注", "name", "value", "权重"]
LEVEL1 = ["产出指标", "效益指标", "满意度指标", "成本指标", "项目完成指标", "效果指标", "其他", ""]
LEVEL2 = [
    "数量指标",
    "质量指标",
    "时效指标",
    "成本指标",
    "经济效益指标",
    "社会效益指标",
    "服务对象满意度指标",
    "经济成本",
    "别的",
]

value_text = st.one_of(
    st.lists(st.sampled_from(VALUE_PIECES), max_size=8).map("".join),
    st.text(max_size=30),
)
scalar = st.one_of(
    value_text,
    st.integers(min_value=-(10**25), max_value=10**25),
    st.floats(allow_nan=True, allow_infinity=True),
    st.none(),
    st.booleans(),
    st.dates(),
)


def _tree(children):
    return st.one_of(
        st.lists(children, max_size=3), st.dictionaries(st.one_of(value_text, st.integers()), children, max_size=3)
    )


anything = st.recursive(scalar, _tree, max_leaves=8)


@st.composite
def indicator(draw):
    keys = draw(st.lists(st.sampled_from(INDICATOR_KEYS), min_size=0, max_size=5, unique=True))
    return {key: draw(st.one_of(value_text, value_text, scalar, anything)) for key in keys}


@st.composite
def declaration(draw):
    document: dict = {}
    for key in draw(st.lists(st.sampled_from(FIELD_KEYS), max_size=12, unique=True)):
        if key in ("绩效指标", "indicators"):
            document[key] = draw(
                st.one_of(
                    st.dictionaries(
                        st.sampled_from(LEVEL1),
                        st.one_of(
                            st.dictionaries(
                                st.sampled_from(LEVEL2),
                                st.one_of(st.lists(st.one_of(indicator(), anything), max_size=4), anything),
                                max_size=3,
                            ),
                            anything,
                        ),
                        max_size=3,
                    ),
                    anything,
                )
            )
        elif key in ("项目资金", "funds"):
            document[key] = draw(st.one_of(st.dictionaries(st.sampled_from(FUNDS_KEYS), scalar, max_size=4), anything))
        else:
            document[key] = draw(st.one_of(scalar, scalar, anything))
    return document


def dump(documents: list, flow: bool) -> str:
    from ruamel.yaml import YAML

    yaml = YAML(typ="safe", pure=True)
    yaml.allow_unicode = True
    yaml.default_flow_style = flow
    stream = io.StringIO()
    yaml.dump_all(documents, stream)
    return stream.getvalue()


ENCODINGS = ["utf-8", "utf-8", "utf-8", "utf-8-sig", "gb18030", "utf-16", "utf-16-be", "utf-32"]


@st.composite
def structured(draw) -> bytes:
    documents = draw(st.lists(st.one_of(declaration(), declaration(), anything), min_size=1, max_size=3))
    text = dump(documents, draw(st.booleans()))
    encoding = draw(st.sampled_from(ENCODINGS))
    # Encodings that cannot hold every generated character fall back to UTF-8.
    try:
        data = text.encode(encoding, "surrogatepass")
    except UnicodeEncodeError:
        data = text.encode("utf-8", "surrogatepass")
    if encoding == "utf-16-be":
        data = b"\xfe\xff" + data
    return data


@st.composite
def mutated(draw, seed: bytes = EXAMPLE) -> bytes:
    text = seed.decode("utf-8")
    for _ in range(draw(st.integers(min_value=1, max_value=6))):
        position = draw(st.integers(min_value=0, max_value=len(text)))
        action = draw(st.sampled_from(["insert", "delete", "duplicate", "indent", "swap", "truncate"]))
        if action == "insert":
            piece = draw(st.one_of(st.sampled_from(YAML_PIECES), st.sampled_from(VALUE_PIECES), st.text(max_size=5)))
            text = text[:position] + piece + text[position:]
        elif action == "delete":
            text = text[:position] + text[position + draw(st.integers(min_value=1, max_value=20)) :]
        elif action == "duplicate":
            end = min(len(text), position + draw(st.integers(min_value=1, max_value=200)))
            text = text[:end] + text[position:end] + text[end:]
        elif action == "indent":
            lines = text.split("\n")
            index = position % max(len(lines), 1)
            lines[index] = draw(st.sampled_from(["", " ", "  ", "\t", "    ", "-", "- "])) + lines[index].lstrip(" ")
            text = "\n".join(lines)
        elif action == "swap":
            lines = text.split("\n")
            i, j = position % len(lines), draw(st.integers(min_value=0, max_value=len(lines) - 1))
            lines[i], lines[j] = lines[j], lines[i]
            text = "\n".join(lines)
        else:
            text = text[:position]
    data = text.encode("utf-8", "surrogatepass")
    if draw(st.integers(min_value=0, max_value=9)) == 0:
        # Byte-level damage: a cut through a multi-byte character, a stray byte.
        position = draw(st.integers(min_value=0, max_value=len(data)))
        data = data[:position] + draw(st.binary(max_size=3)) + data[position:]
    return data


raw_bytes = st.one_of(
    st.binary(max_size=2000),
    st.text(max_size=500).map(lambda t: t.encode("utf-8", "surrogatepass")),
    st.lists(st.sampled_from(YAML_PIECES + VALUE_PIECES), max_size=60).map(
        lambda p: "".join(p).encode("utf-8", "surrogatepass")
    ),
)

SETTINGS = settings(
    max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large]
)


@SETTINGS
@given(raw_bytes)
def test_arbitrary_bytes(data):
    check_bytes(data)


@SETTINGS
@given(mutated())
def test_mutated_example(data):
    check_bytes(data)


@SETTINGS
@given(structured())
def test_structured_declarations(data):
    check_bytes(data)


def test_the_example_itself_is_clean_of_crashes():
    assert check_bytes(EXAMPLE, binary=True) >= 2


@pytest.mark.slow
@settings(max_examples=20_000, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.one_of(raw_bytes, mutated(), structured()))
def test_fuzz_marathon(data):
    check_bytes(data)


# -- configuration files and rule files ----------------------------------

CONFIG_EXAMPLE = """# targetlint configuration
select: [TL1, TL2, TL301]
extend-select: [TL404]
ignore: [TL207]
fail-on: warning
lang: en
exclude: ["drafts/**", "*.tmp.yaml"]
per-file-ignores:
  "archive/*.yaml": [TL201, vague-word]
severity:
  unknown-key: info
rules:
  TL301:
    placeholder-patterns: ["^待定$", "X{3,}"]
vocabulary:
  vague_words: [较好, 基本]
rule-files: [rules.yaml]
""".encode()
RULE_FILE_EXAMPLE = (Path(__file__).resolve().parent / "declarative" / "example-rules.yaml").read_bytes()


def check_config_bytes(data: bytes, directory: Path) -> None:
    """Load ``data`` as ``.targetlint.yaml``: a located configuration error
    or a configuration, never another exception."""
    from targetlint import config

    path = directory / ".targetlint.yaml"
    path.write_bytes(data)
    config.clear_caches()
    try:
        config.load_config(str(path))
    except config.ConfigError as error:
        for lang in ("zh", "en"):
            if not isinstance(error.message(lang), str):
                raise Escape("a configuration error without a message") from None


def check_rule_file_bytes(data: bytes, directory: Path) -> None:
    """Load ``data`` as a rule file: rules or located errors, never an exception."""
    from targetlint.declarative.loader import load_rule_file

    path = directory / "rules.yaml"
    path.write_bytes(data)
    loaded = load_rule_file(str(path))
    for error in loaded.errors:
        if not (isinstance(error.line, int) and error.line >= 1 and isinstance(error.message("en"), str)):
            raise Escape(f"a rule-file error without a location: {error!r}")


@SETTINGS
@given(st.one_of(raw_bytes, mutated(CONFIG_EXAMPLE)))
def test_configuration_files(tmp_path_factory, data):
    check_config_bytes(data, tmp_path_factory.mktemp("config"))


@SETTINGS
@given(st.one_of(raw_bytes, mutated(RULE_FILE_EXAMPLE)))
def test_rule_files(tmp_path_factory, data):
    check_rule_file_bytes(data, tmp_path_factory.mktemp("rules"))


# -- workbooks, the HTML report and editor documents ------------------------

# Text meant to break out of where it is shown: markup, script, CI and
# terminal control, the largest cells Excel allows.
HOSTILE = [
    "</script><script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "<!--",
    "-->",
    "]]>",
    "&lt;b&gt;",
    '"><svg onload=alert(1)>',
    "javascript:alert(1)",
    "\u2028",
    "\x1b]52;c;aGk=\x07",
    '=HYPERLINK("http://x")',
    "=1/0",
    "'",
    "x" * 3000,
]
hostile_text = st.one_of(
    st.sampled_from(HOSTILE),
    st.lists(st.sampled_from(HOSTILE + VALUE_PIECES), min_size=1, max_size=4).map("".join),
    value_text,
)
WORKBOOK_BUILDERS = [
    "split_columns",
    "department",
    "areas",
    "merged_goal_and_funds_block",
    "signatures_and_formula",
    "midterm_beside_annual",
    "long_term_then_annual",
]


@st.composite
def workbooks(draw) -> bytes:
    """A corpus-like workbook with cells overwritten, rows inserted and ranges
    merged at random; sometimes its zip damaged byte by byte."""
    from tests import workbooks as builders

    book = getattr(builders, draw(st.sampled_from(WORKBOOK_BUILDERS)))()
    sheet = book.active
    cell_value = st.one_of(
        hostile_text, st.integers(min_value=-(10**20), max_value=10**20), st.floats(), st.dates(), st.none()
    )
    for _ in range(draw(st.integers(min_value=0, max_value=12))):
        row, column = draw(st.integers(1, 40)), draw(st.integers(1, 12))
        action = draw(st.sampled_from(["set", "set", "set", "insert", "delete", "merge", "sheet"]))
        try:
            if action == "set":
                sheet.cell(row=row, column=column).value = draw(cell_value)
            elif action == "insert":
                sheet.insert_rows(row, draw(st.integers(1, 3)))
            elif action == "delete":
                sheet.delete_rows(row, draw(st.integers(1, 3)))
            elif action == "merge":
                sheet.merge_cells(
                    start_row=row,
                    start_column=column,
                    end_row=row + draw(st.integers(0, 3)),
                    end_column=column + draw(st.integers(0, 3)),
                )
            else:
                book.create_sheet(draw(st.text(min_size=1, max_size=10).filter(lambda t: not set(t) & set("[]:*?/\\"))))
        except Exception:  # openpyxl refused the edit itself (an illegal character, a merged cell …)
            continue
    stream = io.BytesIO()
    try:
        book.save(stream)
    except Exception:  # openpyxl could not write what the edits made: a truncated zip instead
        return b"PK\x03\x04"
    data = stream.getvalue()
    if draw(st.integers(min_value=0, max_value=4)) == 0:
        for _ in range(draw(st.integers(min_value=1, max_value=5))):
            # (The zip's length varies with the time openpyxl stamps in it:
            # a position drawn within a fixed range keeps the draws the same.)
            position = draw(st.integers(min_value=0, max_value=1 << 20)) % len(data)
            data = data[:position] + draw(st.binary(min_size=1, max_size=4)) + data[position + 1 :]
    return data


raw_workbooks = st.one_of(st.binary(max_size=2000).map(lambda data: b"PK\x03\x04" + data), workbooks())


def check_workbook_bytes(data: bytes, directory: Path) -> int:
    """``targetlint import`` of ``data`` as an .xlsx: YAML or a clean error
    (exit 0, 1 or 2), never an exception; the YAML written goes through the
    whole check path, and ``check`` of the workbook itself answers too."""
    from targetlint.importer import run_import

    source = directory / "book.xlsx"
    source.write_bytes(data)
    output = directory / "book.yaml"
    if output.exists():
        output.unlink()
    out, err = io.StringIO(), io.StringIO()
    code = run_import(str(source), str(output), split=False, force=True, stdout=out, stderr=err)
    if code not in (0, 1, 2):
        raise Escape(f"import exited {code!r}")
    if "Traceback" in err.getvalue():
        raise Escape(f"import printed a traceback: {err.getvalue()[-500:]}")
    found = check_bytes(data, "book.xlsx")
    if output.exists():
        found += check_bytes(output.read_bytes(), "book.yaml")
    return found


_ALLOWED_TAGS: set[str] | None = None


def _report_asset(name: str) -> str:
    from importlib import resources

    return resources.files("targetlint.reporters").joinpath("assets", name).read_text(encoding="utf-8")


def _allowed_tags() -> set[str]:
    """Every tag targetlint itself writes into the report: the page template's
    and those the report's and the rule documentation's code spells out."""
    global _ALLOWED_TAGS
    if _ALLOWED_TAGS is None:
        import inspect
        import re

        from targetlint.reporters import html as html_report
        from targetlint.reporters import prose

        written = _report_asset("report.html") + inspect.getsource(html_report) + inspect.getsource(prose)
        _ALLOWED_TAGS = {tag.lower() for tag in re.findall(r"</?([a-zA-Z][a-zA-Z0-9-]*)", written)}
    return _ALLOWED_TAGS


def stray_markup(page: str) -> set[str]:
    """Tags in the report ``page`` that targetlint does not write, and the
    embedded data's ``<`` (which could end its script element)."""
    import re

    script, css = _report_asset("report.js"), _report_asset("report.css")
    head, _, rest = page.partition('<script type="application/json" id="report-data">')
    data_json, _, tail = rest.partition("</script>")
    written = (head + tail).replace(script, "").replace(css, "")
    tags = {tag.lower() for tag in re.findall(r"<\s*/?\s*([a-zA-Z][a-zA-Z0-9-]*)", written)}
    return tags - _allowed_tags() | ({"< in the data"} if "<" in data_json else set())


def check_html_report(data: bytes, name: str = "fuzz.yaml") -> int:
    """The HTML report of ``data``'s findings: nothing from the file becomes
    markup (every tag in the page is one targetlint writes) and the embedded
    data cannot close its script element."""
    from targetlint.lint import lint
    from targetlint.reporters import html as html_report

    result = lint(decode(data, name), name, engine())
    context = ReportContext(files_checked=1, declarations_checked=result.declarations, projects=result.projects)
    for lang in ("zh", "en"):
        context.lang = lang
        stray = stray_markup(html_report.render(result.findings, context))
        if stray:
            raise Escape(f"text from the file became markup in the report: {sorted(stray)}")
    return len(result.findings)


@st.composite
def half_typed(draw, seed: bytes = EXAMPLE) -> str:
    """A document as an editor holds it while someone types: the example cut
    anywhere, with a piece being typed at the cut and edits elsewhere."""
    text = draw(mutated(seed)).decode("utf-8", "replace") if draw(st.booleans()) else seed.decode("utf-8")
    cut = draw(st.integers(min_value=0, max_value=len(text)))
    typing = draw(st.lists(st.one_of(st.sampled_from(YAML_PIECES + VALUE_PIECES), hostile_text), max_size=3))
    return text[:cut] + "".join(typing) + (text[cut:] if draw(st.booleans()) else "")


_CHECKER = None


def check_editor_document(text: str, directory: Path) -> int:
    """What the language server does with a document: check it, then build
    the edit of each fix and of all safe fixes. Never an exception; every
    finding inside the document, every edit inside its text."""
    global _CHECKER
    from targetlint.editor import DocumentChecker

    if _CHECKER is None:
        _CHECKER = DocumentChecker(load_catalogue())
    (directory / ".git").mkdir(exist_ok=True)  # configuration discovery stops here
    path = str(directory / "doc.yaml")
    checked = _CHECKER.check(path, text)
    # Findings count the lines of the text as read (every break YAML knows is
    # one); the server maps them to the editor's (tests/test_server.py).
    lines = decode(text.encode("utf-8", "surrogatepass"), path).text.split("\n")
    for finding in checked.findings:
        if not (1 <= finding.span.line <= max(len(lines), 1) and 1 <= finding.span.end_line <= max(len(lines), 1)):
            raise Escape(f"{finding.code} at {tuple(finding.span)} outside the document ({len(lines)} lines)")
    edits = [_CHECKER.fix(checked, finding) for finding in checked.findings[:5] if finding.fix is not None]
    edits.append(_CHECKER.fix_all(checked))
    for edit in edits:
        if edit is not None and not (0 <= edit.start <= edit.end <= len(text)):
            raise Escape(f"an edit outside the document: {edit}")
    return len(checked.findings)


@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
@given(raw_workbooks)
def test_workbooks(tmp_path_factory, data):
    check_workbook_bytes(data, tmp_path_factory.mktemp("book"))


@SETTINGS
@given(st.one_of(structured(), mutated(), half_typed().map(lambda t: t.encode("utf-8", "surrogatepass"))))
def test_html_report_escapes_what_files_hold(data):
    check_html_report(data)


def test_the_report_check_sees_markup():
    # The property itself: a tag the page does not write is caught, and a
    # '<' in the data; the example's page has neither.
    from targetlint.reporters import html as html_report

    page = html_report.render([], ReportContext())
    assert stray_markup(page) == set()
    assert stray_markup(page.replace("</body>", "<x-injected></body>")) == {"x-injected"}
    assert "< in the data" in stray_markup(page.replace('id="report-data">', 'id="report-data"><'))
    assert check_html_report(EXAMPLE) >= 2


@SETTINGS
@given(half_typed())
def test_editor_documents(tmp_path_factory, text):
    check_editor_document(text, tmp_path_factory.mktemp("doc"))
