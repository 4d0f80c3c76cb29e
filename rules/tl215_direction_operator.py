from collections.abc import Iterator

from targetlint.form_fields import Direction
from targetlint.rule import Finding, Rule, Severity
from targetlint.values import Operator

# The operators each direction contradicts: more is better wants a floor (≥),
# less is better a ceiling (≤).
_CONTRADICTED = {
    Direction.POSITIVE: (Operator.LE, Operator.LT),
    Direction.NEGATIVE: (Operator.GE, Operator.GT),
}


class DirectionOperator(Rule):
    """指标方向与比较符号矛盾：反向指标写 ≥，或正向指标写 ≤。

    **作用**：指标填了 指标方向 时，与指标值（或 运算符 列）的比较符号对照：
    正向（越大越好）配 ≤ 或 <、反向（越小越好）配 ≥ 或 > 即报告，位置在指标方向上。
    中性指标、没有比较符号的值不检查；区域目标值逐个对照。

    **为什么重要**：方向决定年终怎样算“达成”。正向指标写“≤”等于把目标写成上限，
    超额完成反而算未达成；两者必有一处填错。

    **示例**：
    ```yaml
    - 三级指标: 项目建设成本
      指标值: ≥65万元
      指标方向: 反向
    ```

    **修复方法**：核对方向和比较符号：成本、投诉、事故等越少越好的指标写“反向”
    和“≤”，数量、覆盖率等越多越好的指标写“正向”和“≥”。
    ---
    Direction contradicts the operator: a 反向 indicator with ≥, or a 正向 one with ≤.

    **What it does**: when an indicator gives its 指标方向, compares it with
    the comparison of its value (or its 运算符 column): 正向 (more is better)
    with ≤ or <, and 反向 (less is better) with ≥ or >, are reported at the
    direction. 中性 indicators and values without a comparison are not
    checked; area targets are compared one by one.

    **Why it matters**: the direction decides how achievement is scored. A
    正向 target written "≤" is a ceiling, so over-achieving counts as a miss;
    one of the two is wrong.

    **Example**:
    ```yaml
    - 三级指标: 项目建设成本
      指标值: ≥65万元
      指标方向: 反向
    ```

    **How to fix**: make them agree: costs, complaints and accidents (less is
    better) take 反向 and ≤; counts and coverage (more is better) take 正向 and ≥.
    """

    code = "TL215"
    name = "direction-operator"
    severity = Severity.ERROR

    def check(self, declaration, source) -> Iterator[Finding]:
        for indicator in declaration.indicators():
            contradicted = _CONTRADICTED.get(indicator.direction)
            if contradicted is None:
                continue
            values = [indicator.parsed, *indicator.area_values.values()]
            clash = next((v for v in values if v is not None and v.operator in contradicted), None)
            if clash is None:
                continue
            wanted = "≥" if indicator.direction is Direction.POSITIVE else "≤"
            yield self.report(
                indicator.span("direction"),
                f"指标“{indicator.name or ''}”的方向是{indicator.direction}，比较符号却是“{clash.operator}”"
                f"（{clash.raw}）：{indicator.direction}指标应写“{wanted}”，请核对方向或比较符号",
                f"indicator '{indicator.name or ''}' is {indicator.direction} but its comparison is "
                f"'{clash.operator}' ({clash.raw}); a {indicator.direction} target takes '{wanted}': "
                "check which is wrong",
                indicator=indicator,
                subject=f"{indicator.direction}{clash.operator}",
            )


RULES = [DirectionOperator]
