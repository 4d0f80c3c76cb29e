from collections.abc import Iterator
from dataclasses import field

from targetlint.form_fields import TableKind
from targetlint.options import rule_options
from targetlint.rule import Finding, Rule, Severity
from targetlint.text import stray_marks
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
    "年度履职目标": "goal",
    "整体绩效目标": "goal",
    "绩效指标": "has_indicators",
    "表类型": "table_kind",
    "部门名称": "department_name",
    "补助区域": "areas",
    "下达单位": "issued_to",
    "实施期": "period",
    "实施期目标": "period_goal",
    "实施期资金": "period_funds",
    "实施期绩效指标": "period_level1s",
}


@rule_options
class Options:
    required: list[str] = field(default_factory=lambda: ["项目名称", "绩效指标"])  # 项目支出 tables
    required_department: list[str] = field(default_factory=lambda: ["部门名称", "绩效指标"])  # 部门整体 tables
    required_transfer: list[str] = field(default_factory=lambda: ["项目名称", "绩效指标"])  # 转移支付 tables


class MissingField(Rule):
    """缺少必填字段：申报表或指标缺少必须填写的内容。

    **作用**：报告缺少必填字段的申报表，以及缺少 三级指标 或 指标值 的指标（有
    区域目标值的指标可以不填指标值）。必填字段随表类型而定：项目支出表默认为
    项目名称、绩效指标；部门整体表为 部门名称、绩效指标；转移支付表为 项目名称、
    绩效指标。可通过选项增加，如 年度总体目标、项目资金、补助区域。

    **为什么重要**：没有名称的申报表无法被引用；没有指标值的指标无法在年终评价时
    对照，评审会直接退回。

    **示例**：
    ```yaml
    - 三级指标: 培训完成率
    ```

    **修复方法**：补齐字段；指标值应写明可考核的目标，如 `≥95%`。

    **选项**：`required`、`required-department`、`required-transfer`：项目支出、
    部门整体、转移支付表的必填字段（中文标签）。
    ---
    Missing field: a declaration or an indicator lacks required content.

    **What it does**: reports declarations without a required field and
    indicators without 三级指标 or 指标值 (one with 区域目标值 may leave
    指标值 out). The required fields follow the table's kind: 项目名称 and
    绩效指标 for a 项目支出 table, 部门名称 and 绩效指标 for 部门整体, 项目名称
    and 绩效指标 for 转移支付. Add more with the options, e.g. 年度总体目标,
    项目资金, 补助区域.

    **Why it matters**: a nameless declaration cannot be referenced, and an
    indicator without a value cannot be assessed at year end.

    **Example**:
    ```yaml
    - 三级指标: 培训完成率
    ```

    **How to fix**: fill the field in; a value states a checkable target,
    such as `≥95%`.

    **Options**: `required`, `required-department`, `required-transfer`:
    the declaration fields (form labels) a 项目支出, 部门整体 or 转移支付 table
    must have.
    """

    code = "TL003"
    name = "missing-field"
    severity = Severity.ERROR
    options: Options  # self.options, typed (declared before the alias below shadows the class)
    Options = Options

    def check(self, declaration, source) -> Iterator[Finding]:
        kind = declaration.kind
        required = {
            TableKind.PROJECT: self.options.required,
            TableKind.DEPARTMENT: self.options.required_department,
            TableKind.TRANSFER: self.options.required_transfer,
        }[kind]
        for label in required:
            attribute = _DECLARATION_FIELDS.get(label)
            if attribute is not None and not getattr(declaration, attribute):
                table_zh, table_en = ("申报表", "declaration")
                if kind != TableKind.PROJECT:
                    table_zh, table_en = f"{kind}表", f"{kind} table"
                yield self.report(
                    declaration.span(),
                    f"{table_zh}缺少必填字段“{label}”",
                    f"the {table_en} has no '{label}'",
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
            if (indicator.parsed is None or indicator.parsed.kind == ValueKind.EMPTY) and not indicator.area_values:
                if stray_marks(indicator.value, self.vocabulary):
                    continue  # "？？？？": a value lost to a broken encoding is TL304's
                yield self.report(
                    indicator.span("value"),
                    f"指标“{indicator.name or ''}”缺少“指标值”",
                    f"indicator '{indicator.name or ''}' has no 指标值 (value)",
                    indicator=indicator,
                    subject="指标值",
                )


RULES = [MissingField]
