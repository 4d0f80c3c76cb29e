from collections.abc import Iterator

from targetlint.names import indicator_key
from targetlint.rule import Finding, Rule, Severity
from targetlint.values import IndicatorValue, UnitClass, ValueKind

# Counts and amounts add up over the years, so a year cannot hold more than
# its period; rates and deadlines do not.
_ADDITIVE = (UnitClass.COUNT, UnitClass.MONEY)


class AnnualExceedsPeriod(Rule):
    """年度目标超过实施期目标：同一指标的年度值大于整个实施期的值。

    **作用**：申报表同时填了 绩效指标（年度）和 实施期绩效指标 时，按三级指标名称
    配对；两边都是同一单位的数量或金额（人、个、万元…），年度值大于实施期值即报告，
    位置在年度指标值上。区域目标值按区域与另一表同一区域的值比较。比率、期限、
    带“每年”“年均”等限定词的值不比较。

    **为什么重要**：实施期目标是各年度目标的总和；一年就超过整个实施期，说明
    年度值或实施期值有一处抄错（常见于中期、年度两栏错位）。

    **示例**：
    ```yaml
    绩效指标:
      产出指标:
        数量指标:
          - 三级指标: 培训人数
            指标值: ≥500人
    实施期绩效指标:
      产出指标:
        数量指标:
          - 三级指标: 培训人数
            指标值: ≥300人
    ```

    **修复方法**：核对两栏数值；实施期值应不小于当年值。
    ---
    Annual target exceeds the period's: a year's count or amount is larger than the whole period's.

    **What it does**: when a declaration has both 绩效指标 (the year) and
    实施期绩效指标 (the whole period), pairs indicators by 三级指标 name;
    where both are counts or amounts in the same unit (人, 个, 万元 …) and
    the year's is larger, reports it at the annual value. A 区域目标值 is
    compared with the same area's value in the other table. Rates, deadlines
    and values qualified "每年", "年均" … are not compared.

    **Why it matters**: the period's target is the sum of its years; a single
    year exceeding it means one of the two was mistyped (often the 中期 and
    年度 columns shifted against each other).

    **Example**:
    ```yaml
    绩效指标:
      产出指标:
        数量指标:
          - 三级指标: 培训人数
            指标值: ≥500人
    实施期绩效指标:
      产出指标:
        数量指标:
          - 三级指标: 培训人数
            指标值: ≥300人
    ```

    **How to fix**: check both values; the period's is at least the year's.
    """

    code = "TL406"
    name = "annual-exceeds-period"
    severity = Severity.ERROR

    def check(self, declaration, source) -> Iterator[Finding]:
        # Keyed by name and area: a 区域目标值 is compared with the same area's
        # in the other table (Indicator.judged), a 指标值 with the 指标值.
        period: dict[tuple[str, str | None], IndicatorValue] = {}
        for row in declaration.period_indicators():
            for indicator in row.judged():
                if indicator.name and _additive(indicator.parsed):
                    period.setdefault((indicator_key(indicator.name), indicator.area), indicator.parsed)
        if not period:
            return
        for indicator in declaration.judged_values():
            year = indicator.parsed
            whole = period.get((indicator_key(indicator.name), indicator.area)) if indicator.name else None
            if whole is None or not _additive(year) or year.unit != whole.unit:
                continue
            if year.amount <= whole.amount:
                continue
            yield self.report(
                indicator.span("value"),
                f"指标“{indicator.name}”的年度值“{year.raw}”大于实施期值“{whole.raw}”：实施期目标应不小于当年目标，"
                "请核对两栏数值",
                f"indicator '{indicator.name}' targets {year.raw} for the year but {whole.raw} for the whole period; "
                "the period's target cannot be smaller than the year's",
                indicator=indicator,
            )


def _additive(value: IndicatorValue | None) -> bool:
    return (
        value is not None
        and value.kind == ValueKind.NUMBER
        and value.amount is not None
        and value.unit_class in _ADDITIVE
        and not value.qualifiers
    )


RULES = [AnnualExceedsPeriod]
