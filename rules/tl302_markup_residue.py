from collections.abc import Iterator
from dataclasses import fields

from targetlint.cleanup import without_markup
from targetlint.model import HEADER_TEXT_FIELDS, LABEL, Declaration
from targetlint.rule import Finding, Fix, FixSafety, Rule, Severity
from targetlint.text import markup, may_hold_markup, offset_span
from targetlint.values import parse_value

# An indicator's fields a rich-text editor's export can leave tags in, besides the header's text.
_INDICATOR_FIELDS = ("name", "value", "note")
_KIND_ZH = {"html": "HTML", "latex": "LaTeX"}


class MarkupResidue(Rule):
    """排版残留：文本或指标值中留有 HTML 标签、实体或 LaTeX 公式。

    **作用**：在申报表的文本字段（年度总体目标、项目名称等）以及指标名称、指标值、
    备注中查找 HTML（`<p>`、`</p>`、`&nbsp;`）和 LaTeX（`$\\geq 80\\%$`、`\\leq`）
    残留。每个字段报告一次，位置指向第一处残留（多行文本指向字段值）。

    **为什么重要**：这些符号来自富文本编辑器或公式工具的导出，公开的申报表和
    评审系统里会原样显示成“<p>……</p>”“$\\geq 80\\%$”，既难读，也说明内容未经
    核对；指标值里的公式还会让“≥80%”无法被识别为数值。

    **示例**：
    ```yaml
    年度总体目标: <p>切实履行纪检监察组监督执纪问责的主体责任……</p>
    - 三级指标: 培训合格率
      指标值: $\\geq 80\\%$
    ```

    **修复方法**：删除标签与实体，把公式改写为普通字符：“≥80%”。
    ---
    Markup residue: HTML tags or entities, or LaTeX, left in text or values.

    **What it does**: looks for HTML (`<p>`, `</p>`, `&nbsp;`) and LaTeX
    (`$\\geq 80\\%$`, `\\leq`) in the declaration's text fields (年度总体目标,
    项目名称 …) and in indicator names, values and notes. It reports each
    field once, at its first residue (at the value for multi-line text).

    **Why it matters**: the residue comes from rich-text editors and formula
    tools; published declarations and review systems show "<p>…</p>" and
    "$\\geq 80\\%$" verbatim, which reads badly and shows nobody checked the
    text. In a value, a formula also hides the number "≥80%".

    **Example**:
    ```yaml
    年度总体目标: <p>切实履行纪检监察组监督执纪问责的主体责任……</p>
    - 三级指标: 培训合格率
      指标值: $\\geq 80\\%$
    ```

    **How to fix**: delete the tags and entities, and write formulas as plain
    characters: "≥80%".
    """

    code = "TL302"
    name = "markup-residue"
    severity = Severity.WARNING
    fixable = FixSafety.SAFE

    def check(self, declaration, source) -> Iterator[Finding]:
        if not may_hold_markup("\n".join(declaration.texts(_INDICATOR_FIELDS))) and not any(
            i.parsed is not None and i.parsed.markup for i in declaration.judged_values()
        ):
            return
        lines = source.source.lines
        for field in HEADER_TEXT_FIELDS:
            yield from self._scan(getattr(declaration, field), declaration.span(field), lines, None, field)
        for indicator in declaration.judged_values():
            yield from self._scan(indicator.name, indicator.span("name"), lines, indicator, "name")
            parsed = indicator.parsed
            found = self._scan(indicator.value, indicator.span("value"), lines, indicator, "value")
            first = next(found, None)
            if first is not None:
                yield first
            elif parsed is not None and parsed.markup:
                # The grammar strips more residue than the scanner knows
                # ("&ge;", "\\sim"); the value is then located as a whole.
                yield self.report(
                    indicator.span("value"),
                    f"指标“{indicator.name}”的值“{parsed.raw}”含 {_KIND_ZH.get(parsed.markup, parsed.markup)} "
                    "排版残留：请改写为普通字符",
                    f"the value '{parsed.raw}' of '{indicator.name}' holds {parsed.markup} markup residue; write it "
                    "as plain characters",
                    indicator=indicator,
                    subject=parsed.raw,
                    fix=_plain_fix(indicator.value, indicator.span("value"), "value", self.vocabulary),
                )
            yield from self._scan(indicator.note, indicator.span("note"), lines, indicator, "note")

    def _scan(self, text, span, lines, indicator, field):
        if not text or not isinstance(text, str):
            return
        found = markup(text)
        if not found:
            return
        kinds = "、".join(dict.fromkeys(_KIND_ZH[k] for k, _ in found))
        kinds_en = " and ".join(dict.fromkeys(_KIND_ZH[k] for k, _ in found))
        fragments = list(dict.fromkeys(f for _, f in found))
        shown = "”“".join(fragments[:3]) + ("”等" if len(fragments) > 3 else "”")
        shown_en = "', '".join(fragments[:3]) + ("' …" if len(fragments) > 3 else "'")
        kinds_found = {k for k, _ in found}
        todo = "；".join(
            t
            for k, t in (("html", "删除 HTML 标签与实体"), ("latex", "把公式改写为普通字符（如“≥80%”）"))
            if k in kinds_found
        )
        todo_en = "; ".join(
            t
            for k, t in (
                ("html", "delete the HTML tags and entities"),
                ("latex", "write formulas as plain characters (≥80%)"),
            )
            if k in kinds_found
        )
        first = min(found, key=lambda item: text.find(item[1]))[1]
        offset = text.find(first)
        where = f"指标“{indicator.name}”的{_FIELD_ZH[field]}" if indicator is not None else _FIELD_ZH[field]
        where_en = f"the {field} of '{indicator.name}'" if indicator is not None else _FIELD_EN[field]
        yield self.report(
            offset_span(span, offset, len(first), text, lines),
            f"{where}含 {kinds} 排版残留（“{shown}）：请{todo}",
            f"{where_en} holds {kinds_en} markup residue ('{shown_en}); {todo_en}",
            indicator=indicator,
            subject=first,
            fix=_plain_fix(text, span, field, self.vocabulary),
        )


def _plain_fix(text, span, field, vocabulary) -> Fix | None:
    # The fix edits the whole field, wherever the finding points inside it.
    plain = without_markup(text)
    if plain is None:
        return None
    if field == "value":
        # A value's fix must be read by the grammar as the same target.
        before, after = parse_value(text, vocabulary=vocabulary), parse_value(plain, vocabulary=vocabulary)

        def meaning(v):
            return (v.kind, v.operator, v.number, v.upper, v.unit, v.multiplier, v.words)

        if after.markup or meaning(before) != meaning(after):
            return None
    return Fix(span, plain, FixSafety.SAFE, "删除排版残留", "remove the markup residue")


# Every header text field by its label on the form (补助区域 too), and an
# indicator's fields by theirs.
_HEADER_LABELS = {f.name: f.metadata[LABEL] for f in fields(Declaration) if f.name in HEADER_TEXT_FIELDS}
_FIELD_ZH = {**_HEADER_LABELS, "name": "名称", "value": "指标值", "note": "备注"}
_FIELD_EN = {field: f"{label} ({field})" for field, label in _HEADER_LABELS.items()}

RULES = [MarkupResidue]
