from collections.abc import Iterator
from dataclasses import field

from targetlint.options import rule_options
from targetlint.rule import Finding, Rule, Severity
from targetlint.values import ValueKind

# Declaration fields by their form label, and the model attribute holding each.
_DECLARATION_FIELDS = {
    "申报年度": "year",
    "项目名称": "name",
    "项目性质": "nature",
    "项目类别": "category",
    "主管部门": "department",
    "实施单位": "implementer",
    "计划开始日期": "start_date",
    "计划完成日期": "end_date",
    "项目资金": "funds",
    "年度总体目标": "goal",
    "绩效指标": "has_indicators",
}


@rule_options
class Options:
    required: list[str] = field(default_factory=lambda: ["项目名称", "绩效指标"])


class MissingField(Rule):
    """缺少必填字段：申报表或指标缺少必须填写的内容。

    **作用**：报告缺少必填字段的申报表（默认：项目名称、绩效指标；可通过选项
    `required` 增加，如 年度总体目标、项目资金），以及缺少 三级指标 或 指标值 的指标。

    **为什么重要**：没有名称的申报表无法被引用；没有指标值的指标无法在年终评价时
    对照，评审会直接退回。

    **示例**：
    ```yaml
    - 三级指标: 培训完成率
    ```

    **修复方法**：补齐字段；指标值应写明可考核的目标，如 `≥95%`。

    **选项**：`required`：申报表层面的必填字段（中文标签）。
    ---
    Missing field: a declaration or an indicator lacks required content.

    **What it does**: reports declarations without a required field (by
    default 项目名称 and 绩效指标; add more with the `required` option, e.g.
    年度总体目标, 项目资金) and indicators without 三级指标 or 指标值.

    **Why it matters**: a nameless declaration cannot be referenced, and an
    indicator without a value cannot be assessed at year end.

    **Example**:
    ```yaml
    - 三级指标: 培训完成率
    ```

    **How to fix**: fill the field in; a value states a checkable target,
    such as `≥95%`.

    **Options**: `required`: declaration fields (form labels) that must be present.
    """

    code = "TL003"
    name = "missing-field"
    severity = Severity.ERROR
    options: Options  # self.options, typed (declared before the alias below shadows the class)
    Options = Options

    def check(self, declaration, source) -> Iterator[Finding]:
        for label in self.options.required:
            attribute = _DECLARATION_FIELDS.get(label)
            if attribute is not None and not getattr(declaration, attribute):
                yield self.report(
                    declaration.span(),
                    f"申报表缺少必填字段“{label}”",
                    f"the declaration has no '{label}'",
                    subject=label,
                )
        for indicator in declaration.indicators():
            if not (indicator.name or "").strip():
                yield self.report(
                    indicator.span(),
                    "指标缺少“三级指标”名称",
                    "the indicator has no 三级指标 (name)",
                    indicator=indicator,
                    subject="三级指标",
                )
            if indicator.parsed is None or indicator.parsed.kind == ValueKind.EMPTY:
                yield self.report(
                    indicator.span("value"),
                    f"指标“{indicator.name or ''}”缺少“指标值”",
                    f"indicator '{indicator.name or ''}' has no 指标值 (value)",
                    indicator=indicator,
                    subject="指标值",
                )


RULES = [MissingField]
