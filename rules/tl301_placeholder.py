from collections.abc import Iterator

from targetlint.model import HEADER_TEXT_FIELDS
from targetlint.rule import Finding, Rule, Severity
from targetlint.text import may_hold_placeholders, offset_span, placeholders
from targetlint.values import ValueKind

# Besides the header's text: split-column forms write 计量单位 and 运算符 apart from the value.
_INDICATOR_FIELDS = ("name", "value", "unit", "operator", "note")
_ROW_FIELDS = tuple(field for field in _INDICATOR_FIELDS if field != "value")


class Placeholder(Rule):
    """模板占位符：申报表中留有未替换的模板文字。

    **作用**：在任意文本字段与指标值（含计量单位、运算符、备注列和每个区域目标值）中查找模板
    占位符：“xx”“XX”“××”“**”“(≥**株)”“**月**日”“待定”“TBD” 等（模式见词表
    `placeholder-patterns`，可在配置中扩充）；紧挨着的几个标记（如“**月**日”）
    算一处。核心指标标记 ★ 不是占位符。只有单位、数量级或比较符号而没有数字的指标值
    （“平方米”“万元”“≤%”）是没填完的模板，同样报告。

    **为什么重要**：占位符说明申报表照模板填写后未核对，“购置xx个专用设备”这样的
    目标无法考核，评审会直接退回。

    **示例**：
    ```yaml
    年度总体目标: 全年按计划购置xx个专用设备……
    ```

    **修复方法**：把占位符换成实际的数字、日期或名称。
    ---
    Placeholder: template text left in the declaration.

    **What it does**: finds template placeholders in any text field and
    value (unit, operator and note columns and every
    区域目标值 included): "xx", "XX", "××",
    "**", "(≥**株)", "**月**日", "待定", "TBD" and the like (patterns in the
    `placeholder-patterns` vocabulary list, which a configuration can
    extend); marks a character or two apart ("**月**日") count as one. The ★
    core-indicator marker is not one. A value that is only a unit, a
    magnitude or a sign with no number ("平方米", "万元", "≤%") is a template
    left blank and is reported too.

    **Why it matters**: a placeholder shows the template was filled in and
    never checked; "购置xx个专用设备" cannot be assessed.

    **Example**:
    ```yaml
    年度总体目标: 全年按计划购置xx个专用设备……
    ```

    **How to fix**: replace the placeholder with the real number, date or name.
    """

    code = "TL301"
    name = "placeholder"
    severity = Severity.ERROR

    def check(self, declaration, source) -> Iterator[Finding]:
        texts = declaration.texts(_INDICATOR_FIELDS)
        texts += [view.value or "" for view in declaration.judged_values() if view.area is not None]
        if may_hold_placeholders(texts, self.vocabulary):
            lines = source.source.lines
            for field in HEADER_TEXT_FIELDS:
                yield from self._scan(getattr(declaration, field), declaration.span(field), lines, None)
            for indicator in declaration.indicators():
                for field in _ROW_FIELDS:
                    yield from self._scan(getattr(indicator, field), indicator.span(field), lines, indicator)
                # 指标值 and each 区域目标值, each at its own place (an area's finding names the area).
                for view in indicator.judged():
                    yield from self._scan(view.value, view.span("value"), lines, view)
        for indicator in declaration.judged_values():
            value = indicator.parsed
            # "≤**万元" is one placeholder, reported above; "万元" alone is a blank template too.
            if value is None or value.kind is not ValueKind.UNIT_ONLY or placeholders(value.raw, self.vocabulary):
                continue
            yield self.report(
                indicator.span("value"),
                f"指标“{indicator.name}”的值“{value.raw}”只有单位或符号，没有数字：模板未填写完",
                f"the value '{value.raw}' of '{indicator.name}' is a unit or a sign with no number: the template "
                "was not filled in",
                indicator=indicator,
            )

    def _scan(self, text, span, lines, indicator):
        if not text:
            return
        for offset, found in placeholders(text, self.vocabulary):
            yield self.report(
                offset_span(span, offset, len(found), text, lines),
                f"模板占位符“{found}”未替换",
                f"template placeholder '{found}' left in",
                indicator=indicator,
                subject=found,
            )


RULES = [Placeholder]
