from collections.abc import Iterator

from targetlint.measurability import pieces
from targetlint.options import rule_options
from targetlint.rule import Finding, Rule, Severity
from targetlint.values import IndicatorValue, UnitClass, ValueKind


@rule_options
class Options:
    # No official minimum exists (≥85–95% is habit), so none is imposed unless asked.
    minimum: float | None = None


class SatisfactionFormat(Rule):
    """满意度不是百分数：满意度指标的值写成“提高”“90”“良好”等，而不是“≥90%”。

    **作用**：以满意度为计量对象的指标（名称以 满意度、满意率、满意程度 等结尾，词表
    `satisfaction-measures`；“满意度调查次数”不算）的值不是百分数时报告：方向词
    （“提高”）、无单位的数字（“90”）、等级、句子或其他单位。

    本规则负责满意度指标的一切格式问题，TL203（缺单位）、TL207（无法衡量）、
    TL210（整句）对满意度指标不再报告。以下更具体的缺陷仍由各自规则报告、本规则不重复：
    引用计划（TL209）、写成 1 或 0.9（TL206）、人数或超过 100 的无单位数（TL201）、
    超过 100%（TL205）。

    **为什么重要**：满意度通过问卷测得，结果是比例；“提高”或“90”无法与调查结果对照。

    **示例**：
    ```yaml
    - 三级指标: 社区工作者满意度
      指标值: 提高
    - 三级指标: 养保-退休人员满意度
      指标值: 90
    ```

    **修复方法**：写成百分数并带比较符号，如“≥90%”。

    **选项**：`minimum`（默认不设）：满意度目标的下限（百分数，如 `85`），低于它即报告。
    没有官方规定的最低值，默认不检查。
    ---
    Satisfaction format: a satisfaction value that is not a percentage ("提高", "90", "良好").

    **What it does**: reports indicators whose measure is satisfaction (the
    name ends in 满意度, 满意率, 满意程度 …, word list
    `satisfaction-measures`; "满意度调查次数" is a count) when the value is
    not a percentage: a direction ("提高"), a unitless number ("90"), a
    grade, a sentence or another unit.

    This rule owns every format problem of a satisfaction indicator:
    TL203 (missing unit), TL207 (unmeasurable) and TL210 (narrative) stay
    quiet on them. More specific defects stay with their own rules and are
    not repeated here: plan references (TL209), 1 or 0.9 (TL206),
    headcounts or unitless numbers above 100 (TL201), values above 100%
    (TL205).

    **Why it matters**: satisfaction is measured by survey and comes out as
    a share; "提高" or "90" cannot be compared with the survey result.

    **Example**:
    ```yaml
    - 三级指标: 社区工作者满意度
      指标值: 提高
    - 三级指标: 养保-退休人员满意度
      指标值: 90
    ```

    **How to fix**: write a percentage with a comparison, such as "≥90%".

    **Options**: `minimum` (unset by default): the lowest acceptable
    satisfaction target in percent (e.g. `85`); lower targets are
    reported. No official minimum exists, so none is checked by default.
    """

    code = "TL211"
    name = "satisfaction-format"
    severity = Severity.WARNING
    options: Options  # self.options, typed (declared before the alias below shadows the class)
    Options = Options

    def check(self, declaration, source) -> Iterator[Finding]:
        minimum = self.options.minimum
        for indicator in declaration.judged_values():
            facts, value = indicator.facts, indicator.parsed
            if not facts.measures_satisfaction or value is None:
                continue
            parts = pieces(value)
            if any(_owned_elsewhere(p, facts) for p in parts):
                continue
            percents = [p.percent for p in parts if p.percent is not None and p.kind != ValueKind.RELATIVE]
            if not percents:
                yield self.report(
                    indicator.span("value"),
                    f"满意度指标“{indicator.name}”的值“{value.raw}”不是百分数：满意度由问卷测得，请写成“≥90%”这样的百分数",
                    f"the satisfaction indicator '{indicator.name}' has the value '{value.raw}', not a percentage; "
                    'satisfaction comes from a survey, write a percentage such as "≥90%"',
                    indicator=indicator,
                )
            elif minimum is not None and min(percents) < minimum:
                yield self.report(
                    indicator.span("value"),
                    f"满意度指标“{indicator.name}”的目标“{value.raw}”低于设定的下限 {minimum:g}%",
                    f"the satisfaction target '{value.raw}' of '{indicator.name}' is below the configured minimum of "
                    f"{minimum:g}%",
                    indicator=indicator,
                )


def _owned_elsewhere(value: IndicatorValue, facts) -> bool:
    """Defects a more specific rule reports for any rate, satisfaction included."""
    if value.kind in (ValueKind.PLAN_REFERENCE, ValueKind.EMPTY):
        return True  # TL209; a missing value is TL003's
    if value.number is None or not facts.is_rate or value.kind not in (ValueKind.NUMBER, ValueKind.RANGE):
        return False
    if value.unit_class is UnitClass.COUNT:
        return True  # TL201
    if value.unit is None:
        top = max(value.number, value.upper or 0)
        return 0 < value.number <= 1 or (facts.is_bounded_rate and top > 100)  # TL206, TL201
    return False


RULES = [SatisfactionFormat]
