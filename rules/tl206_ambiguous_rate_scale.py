from collections.abc import Iterator

from targetlint.measurability import pieces
from targetlint.rule import Finding, FixSafety, Rule, Severity
from targetlint.value_fixes import fraction_as_percent_fix
from targetlint.values import IndicatorValue, ValueKind


class AmbiguousRateScale(Rule):
    """比率写成小数：比率指标的值是 0 到 1 之间、没有 % 的数字（“完成率 1”“合格率 0.9”）。

    **作用**：比率指标（…率、比例、占比、满意度…）的值是大于 0、不超过 1 的无单位数字时
    报告，满意度指标也由本规则报告。“0”（“错误率 0”）和带 % 的值不会触发。

    **为什么重要**：“培训工作完成率 1”是 100% 还是 1%？电子表格把 100% 存成 1，导出后
    单位就丢了；年终评价时两种读法差一百倍。

    **示例**：
    ```yaml
    - 三级指标: 培训工作完成率
      指标值: 1
    - 三级指标: 监测数据合格率
      指标值: 0.9
    ```

    **修复方法**：写成百分数：“=100%”“≥90%”。
    ---
    Ambiguous rate scale: a rate written as a fraction ("完成率 1", "合格率 0.9").

    **What it does**: reports rate indicators (…率, 比例, 占比, 满意度 …)
    whose value is a unitless number above 0 and at most 1; satisfaction
    indicators included. "0" ("错误率 0") and values with % do not trigger
    it.

    **Why it matters**: is "培训工作完成率 1" 100% or 1%? Spreadsheets store
    100% as 1 and the unit is lost on export; the two readings differ a
    hundredfold at year end.

    **Example**:
    ```yaml
    - 三级指标: 培训工作完成率
      指标值: 1
    - 三级指标: 监测数据合格率
      指标值: 0.9
    ```

    **How to fix**: write a percentage: "=100%", "≥90%".
    """

    code = "TL206"
    name = "ambiguous-rate-scale"
    severity = Severity.WARNING
    fixable = FixSafety.UNSAFE

    def check(self, declaration, source) -> Iterator[Finding]:
        for indicator in declaration.judged_values():
            if not indicator.facts.is_rate or indicator.parsed is None:
                continue
            value = next((p for p in pieces(indicator.parsed) if _fraction(p)), None)
            if value is None or value.number is None:  # _fraction() admits only values with a number
                continue
            percent = _as_percent(value.number)
            yield self.report(
                indicator.span("value"),
                f"比率指标“{indicator.name}”的值“{indicator.parsed.raw}”没有 %，是 {percent}% 还是 "
                f"{_plain(value.number)}%？请写成百分数，如“{percent}%”",
                f"the rate '{indicator.name}' has the unitless value '{indicator.parsed.raw}': {percent}% or "
                f'{_plain(value.number)}%? Write a percentage such as "{percent}%"',
                indicator=indicator,
                fix=fraction_as_percent_fix(indicator, self.vocabulary),
            )


def _fraction(value: IndicatorValue) -> bool:
    if value.kind not in (ValueKind.NUMBER, ValueKind.RANGE) or value.unit is not None or value.number is None:
        return False
    return 0 < value.number <= 1 and (value.upper is None or value.upper <= 1)


def _as_percent(number: float) -> str:
    return _plain(round(number * 100, 6))


def _plain(number: float) -> str:
    return f"{number:g}"


RULES = [AmbiguousRateScale]
