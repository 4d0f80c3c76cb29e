from collections.abc import Iterator

from targetlint.measurability import is_money
from targetlint.model import Indicator
from targetlint.rule import Finding, Rule, Severity
from targetlint.values import IndicatorValue, Operator, UnitClass

# Exact values only: a bound ("≤2万元") allows any smaller product.
_EXACT = (None, Operator.EQ)
# Rounding in the table ("0.33万元/人") is no contradiction.
_TOLERANCE = 0.01


def _exact(value: IndicatorValue | None) -> bool:
    return value is not None and value.is_numeric and value.upper is None and value.operator in _EXACT


class UnitCostProduct(Rule):
    """单位成本乘以数量与同表的总成本矛盾。

    **作用**：同一申报表中，一个单位成本（“人均培训成本 =800元/人”，单位带“/人”）、
    一个与其分母单位相同的数量（“培训人数 =50人”）和一个总成本（金额、不带“/”）都是
    确切值时，核对 单位成本 × 数量 = 总成本（误差 1% 以内）；不符即在总成本处报告。
    带 ≥、≤ 的界限值、单位成本或总成本不止一个、同单位的数量不止一个时不判断。
    区域目标值逐区域核对：该区域的值与不分区域的指标值（如统一的补助标准）一起判断。

    **为什么重要**：评审会把这三个数相乘核对；乘不回总数，说明至少一个数抄错，
    成本目标也就无法作为考核依据。

    **示例**：
    ```yaml
    - 三级指标: 培训人数
      指标值: =40人
    - 三级指标: 人均培训成本
      指标值: =0.05万元/人
    - 三级指标: 培训总成本
      指标值: =3万元
    ```

    **修复方法**：核对三个数，改正抄错的一处：40人 × 500元/人 = 2万元。

    **修复安全性**：不提供自动修复：不知道错的是哪一个数。
    ---
    Unit cost product: a unit cost times a count contradicts the total cost in the same table.

    **What it does**: when a declaration states exactly (no ≥ or ≤) a unit
    cost ("人均培训成本 =800元/人", a unit with "/人"), a count in the same
    unit as its denominator ("培训人数 =50人") and a total cost (money with
    no "/"), checks unit cost × count = total within 1%; a mismatch is
    reported at the total. Bounds, several unit costs or totals, or several
    counts in that unit are not judged. 区域目标值 are checked area by area:
    an area's values together with the rows that have no areas (one 补助标准
    for every area).

    **Why it matters**: reviewers multiply these three numbers; when the
    product is not the total, one of them was mistyped and the cost target
    cannot be assessed.

    **Example**:
    ```yaml
    - 三级指标: 培训人数
      指标值: =40人
    - 三级指标: 人均培训成本
      指标值: =0.05万元/人
    - 三级指标: 培训总成本
      指标值: =3万元
    ```

    **How to fix**: check the three numbers and correct the wrong one:
    40人 × 500元/人 = 2万元.

    **Fix safety**: no automatic fix: which number is wrong is unknown.
    """

    code = "TL410"
    name = "unit-cost-product"
    severity = Severity.WARNING

    def check(self, declaration, source) -> Iterator[Finding]:
        # The values judged together: the rows' 指标值, and per area that area's
        # 区域目标值 beside the rows with no areas (a 补助标准 of 2000元/人 holds
        # for every area). An area is judged only where one of the three
        # numbers is its own, so the rows' 指标值 are not judged twice.
        values = list(declaration.judged_values())
        groups: dict[str | None, list[Indicator]] = {None: [v for v in values if v.area is None]}
        shared = [v for v in values if v.area is None and not v.area_values]
        for view in values:
            if view.area is not None:
                groups.setdefault(view.area, list(shared)).append(view)
        for area, group in groups.items():
            finding = self._judge(group, area)
            if finding is not None:
                yield finding

    def _judge(self, values: list[Indicator], area: str | None) -> Finding | None:
        exact = [(i, i.parsed) for i in values if i.parsed is not None and _exact(i.parsed)]
        money = [(i, v) for i, v in exact if is_money(v) and v.unit_class is UnitClass.MONEY]
        unit_costs = [(i, v) for i, v in money if "/" in (v.unit or "")]
        totals = [(i, v) for i, v in money if "/" not in (v.unit or "")]
        # One of each, or which unit cost makes which total is a guess.
        if len(unit_costs) != 1 or len(totals) != 1:
            return None
        ((total, total_value),), ((unit_cost, cost_value),) = totals, unit_costs
        per = (cost_value.unit or "").split("/", 1)[1]
        counts = [(i, v) for i, v in exact if v.unit == per and v.unit_class is UnitClass.COUNT]
        if len(counts) != 1:
            return None
        ((count, count_value),) = counts
        if area is not None and area not in (count.area, unit_cost.area, total.area):
            return None
        product = (cost_value.amount or 0) * (count_value.amount or 0)
        stated = total_value.amount or 0
        if abs(product - stated) <= _TOLERANCE * max(abs(product), abs(stated)):
            return None
        # A total shared by every area is reported once per area it contradicts, naming it.
        where = "" if area is None or total.area is not None else area
        return self.report(
            total.span("value"),
            f"“{count.name}”{count_value.raw} × “{unit_cost.name}”{cost_value.raw} = {product:,.2f} 元，"
            f"与总成本“{total.name}”{total_value.raw}（{stated:,.2f} 元）不符：请核对三个数"
            + (f"（区域：{where}）" if where else ""),
            f"'{count.name}' {count_value.raw} × '{unit_cost.name}' {cost_value.raw} = {product:,.2f} 元, "
            f"not the total '{total.name}' {total_value.raw} ({stated:,.2f} 元); check the three numbers"
            + (f" (area: {where})" if where else ""),
            indicator=total,
        )


RULES = [UnitCostProduct]
