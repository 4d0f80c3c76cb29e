from collections.abc import Iterator
from decimal import Decimal

from targetlint.rule import Finding, Rule, Severity


class AreaSum(Rule):
    """指标值与区域目标值之和不符：总的数量不等于各区域数量相加。

    **作用**：指标同时填了 指标值 和 区域目标值，且它们都是同一单位的数量
    （个、人、处…，或都没有单位）时，把各区域的值相加，与指标值比较；不等即报告，
    位置在指标值上。比率、金额以外的单位、区间和文字不比较。

    **为什么重要**：转移支付的总目标由各地目标汇总而来；加不回总数，说明某地的值
    或总数填错，下达后无法逐地考核。

    **示例**：
    ```yaml
    - 三级指标: 开展小型水利工程建设
      指标值: 8个
      区域目标值:
        甲镇: 1个
        乙镇: 2个
    ```

    **修复方法**：核对各区域的值和总数，使总数等于各区域之和。
    ---
    Area sum: the 指标值 is not the sum of its areas' counts.

    **What it does**: when an indicator gives both a 指标值 and 区域目标值,
    all counts in the same unit (个, 人, 处 …, or all without a unit), adds
    up the areas' values and reports a 指标值 that differs, at the value.
    Rates, ranges and words are not compared.

    **Why it matters**: a transfer's overall target is the sum of the areas'
    targets; when they do not add up, an area's value or the total is wrong
    and the areas cannot be assessed one by one.

    **Example**:
    ```yaml
    - 三级指标: 开展小型水利工程建设
      指标值: 8个
      区域目标值:
        甲镇: 1个
        乙镇: 2个
    ```

    **How to fix**: check the areas' values and the total so that the total
    is their sum.
    """

    code = "TL408"
    name = "area-sum"
    severity = Severity.ERROR

    def check(self, declaration, source) -> Iterator[Finding]:
        for indicator in declaration.indicators():
            total = indicator.parsed
            areas = list(indicator.area_values.values())
            if (
                not areas
                or total is None
                or not total.is_count
                or not all(a.is_count and a.unit == total.unit for a in areas)
            ):
                continue
            summed = sum((Decimal(str(a.amount)) for a in areas), Decimal(0))
            if Decimal(str(total.amount)) == summed:
                continue
            unit = total.unit or ""
            yield self.report(
                indicator.span("value"),
                f"指标“{indicator.name or ''}”的指标值“{total.raw}”不等于 {len(areas)} 个区域目标值之和 "
                f"{summed.normalize():f}{unit}：请核对各区域的值和总数",
                f"indicator '{indicator.name or ''}' targets {total.raw} in all, but its {len(areas)} areas add up to "
                f"{summed.normalize():f}{unit}; check the areas and the total",
                indicator=indicator,
            )


RULES = [AreaSum]
