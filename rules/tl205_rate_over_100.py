from collections.abc import Iterator

from targetlint.measurability import pieces
from targetlint.rule import Finding, Rule, Severity
from targetlint.values import Operator, ValueKind


class RateOver100(Rule):
    """比率超过 100%：不能超过 100% 的比率（合格率、及时率、满意度…）填了超过 100% 的值。

    **作用**：有界比率（合格率、及时率、满意度、覆盖率、知晓率、到位率…）的百分数
    超过 100%，或写成“>100%”时报告为错误；写成“≥100%”（只能是恰好 100%）时报告为
    警告。可以超过 100% 的比率（增长率、增幅、节支率、完成率、执行率…，词表
    `unbounded-rates`）不会触发；“较上年提高 5%”这类变化量也不会触发。无单位、超过 100
    的数值由 TL201 报告。

    **为什么重要**：合格率 120% 是不可能达到、也无法评价的目标；“≥100%”说明填报人
    没有想清楚目标，评审会要求改正。

    **示例**：
    ```yaml
    - 三级指标: 培训覆盖率
      指标值: 120%
    - 三级指标: 项目验收合格率
      指标值: ≥100%
    ```

    **修复方法**：有界比率的目标不超过 100%：“=100%”或“≥95%”；若确实要表达超额，
    改用完成率、增长率等可以超过 100% 的指标。越低越好的比率（事故发生率、投诉率、
    逾期发放率…，词表 `defect-words`、`delay-words`，名称中没有处理、整改等词表
    `remedy-words` 的动作）写上限：“=0%”或“≤N%”。
    ---
    Rate over 100%: a rate that cannot exceed 100% (合格率, 及时率, 满意度 …) has a value above it.

    **What it does**: reports a percentage above 100%, or ">100%", on a
    bounded rate (合格率, 及时率, 满意度, 覆盖率, 知晓率, 到位率 …) as an
    error, and "≥100%" (which can only mean exactly 100%) as a warning.
    Rates that may exceed 100% (增长率, 增幅, 节支率, 完成率, 执行率 …,
    word list `unbounded-rates`) do not trigger it, nor do changes such as
    "较上年提高5%". Unitless numbers above 100 are TL201's.

    **Why it matters**: a 120% pass rate can neither be reached nor
    assessed; "≥100%" shows the target was not thought through, and
    reviewers send it back.

    **Example**:
    ```yaml
    - 三级指标: 培训覆盖率
      指标值: 120%
    - 三级指标: 项目验收合格率
      指标值: ≥100%
    ```

    **How to fix**: keep a bounded rate at or below 100%: "=100%" or
    "≥95%"; to express over-achievement use a rate that may exceed 100%
    (完成率, 增长率). A rate of something that should not happen (事故发生率,
    投诉率, 逾期发放率 …; `defect-words`, `delay-words`, with no action on
    it from `remedy-words` such as 处理 or 整改) takes a ceiling: "=0%" or
    "≤N%".
    """

    code = "TL205"
    name = "rate-over-100"
    severity = Severity.ERROR

    def check(self, declaration, source) -> Iterator[Finding]:
        for indicator in declaration.judged_values():
            if not indicator.facts.is_bounded_rate or indicator.parsed is None:
                continue
            worst: Severity | None = None
            for value in pieces(indicator.parsed):
                if value.kind not in (ValueKind.NUMBER, ValueKind.RANGE) or value.percent is None:
                    continue
                top = max(value.percent, value.percent_upper or 0)
                if top > 100 or (top == 100 and value.operator is Operator.GT):
                    worst = Severity.ERROR
                    break
                if top == 100 and value.operator is Operator.GE and value.upper is None:
                    worst = Severity.WARNING
            if worst is None:
                continue
            raw, name = indicator.parsed.raw, indicator.name
            if indicator.facts.is_adverse_rate:
                # "=100%" would ask for every case to go wrong: the target is a ceiling.
                zh = f"“{name}”是越低越好的比率，不能超过 100%，“{raw}”等于要求全部出问题：请写上限，如“=0%”或“≤N%”"
                en = (
                    f"'{name}' is a rate of something that should not happen and cannot exceed 100%; '{raw}' asks "
                    'for every case to go wrong: give a ceiling such as "=0%" or "≤N%"'
                )
            elif worst is Severity.ERROR:
                zh = (
                    f"比率“{name}”不能超过 100%，指标值“{raw}”无法达到：请改为不超过 100% 的目标，"
                    "超额完成请改用完成率或增长率"
                )
                en = (
                    f"'{name}' cannot exceed 100%, so the target '{raw}' cannot be met; give a target of at most 100%, "
                    "or use a completion or growth rate for over-achievement"
                )
            else:
                zh = f"比率“{name}”不能超过 100%，“{raw}”只能是恰好 100%：请写“=100%”"
                en = f"'{name}' cannot exceed 100%, so '{raw}' can only mean exactly 100%; write \"=100%\""
            yield self.report(indicator.span("value"), zh, en, indicator=indicator, severity=worst)


RULES = [RateOver100]
