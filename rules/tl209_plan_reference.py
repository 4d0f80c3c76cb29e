from collections.abc import Iterator

from targetlint.measurability import pieces
from targetlint.rule import Finding, Rule, Severity
from targetlint.values import ValueKind


class PlanReference(Rule):
    """引用计划代替目标值：指标值写“按年度计划”等，而不写出目标本身。

    **作用**：指标值把目标推给计划或规定（按年度计划、按计划、按要求、按规定处理、
    符合…要求）时报告，一格多值中的一项也算。词表见 `plan-references`、
    `plan-reference-leads` 与 `plan-reference-heads`。

    **为什么重要**：申报表本身就是目标的载体；“按年度计划”让评审和年终评价都无从
    对照，计划变了目标也随之变了。

    **示例**：
    ```yaml
    - 三级指标: 评审项目完成数
      指标值: 按年度计划
    ```

    **修复方法**：写出计划中的数字，如“≥30个”；确实无法预知时写下限或区间并在备注
    说明依据。
    ---
    Plan reference: the value defers to a plan instead of stating the target.

    **What it does**: reports values that hand the target to a plan or a rule
    (按年度计划, 按计划, 按要求, 按规定处理, 符合…要求), also as one value
    of a multi-value cell. Word lists: `plan-references`,
    `plan-reference-leads` and `plan-reference-heads`.

    **Why it matters**: the declaration is where the target lives; "按年度计划"
    leaves reviewers and the year-end evaluation nothing to compare against,
    and the target moves whenever the plan does.

    **Example**:
    ```yaml
    - 三级指标: 评审项目完成数
      指标值: 按年度计划
    ```

    **How to fix**: write the plan's number ("≥30个"); where it cannot be
    known yet, give a floor or a range and explain it in 备注.
    """

    code = "TL209"
    name = "plan-reference"
    severity = Severity.ERROR

    def check(self, declaration, source) -> Iterator[Finding]:
        for indicator in declaration.judged_values():
            if indicator.parsed is not None and any(
                p.kind == ValueKind.PLAN_REFERENCE for p in pieces(indicator.parsed)
            ):
                yield self.report(
                    indicator.span("value"),
                    f"指标“{indicator.name}”的值“{indicator.parsed.raw}”引用计划而未写出目标：请写明具体数值",
                    f"the value '{indicator.parsed.raw}' of '{indicator.name}' refers to a plan instead of stating a "
                    "target; write the number",
                    indicator=indicator,
                )


RULES = [PlanReference]
