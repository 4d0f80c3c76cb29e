from collections.abc import Iterator
from decimal import Decimal

from targetlint.measurability import is_money
from targetlint.rule import Finding, Rule, Severity
from targetlint.values import Operator
from targetlint.vocabulary import MONETARY_COST_KINDS, Level1Kind


class CostExceedsBudget(Rule):
    """成本超出预算：成本指标的金额大于本项目的年度资金申请总额。

    **作用**：成本类指标（成本指标 / 经济成本下的指标，或名称含“成本”“费用”等，
    词表 `cost-name-words`）的值是金额时，按单位换算为元（“万元”乘 10000），
    大于年度资金申请总额即报告。单位成本不比较：值的单位是“元/人”之类、值带
    “人均”“每…”等范围词，或名称含“人均”“单位”“单价”“标准”等（词表
    `unit-cost-words`）。“≤ X”按上限 X 比较，区间按下限比较。

    **为什么重要**：项目的总成本或任一分项成本不可能超过它申请的全部资金；超出
    通常是单位写错（元写成万元）或数字多了一位，成本控制目标也就失去意义。

    **示例**：
    ```yaml
    项目资金:
      年度资金申请总额: 470000.00
    绩效指标:
      成本指标:
        经济成本指标:
          - 三级指标: 设备购置总成本
            指标值: ≤470万元
    ```

    **修复方法**：核对单位与数字（上例应为 ≤47万元）；确为单位成本的，写明单位
    （“元/台”）或在名称中写明“单位成本”。
    ---
    Cost exceeds budget: a cost indicator's amount is above the declaration's funds.

    **What it does**: for cost indicators (under 成本指标 / 经济成本, or named
    with 成本, 费用 …, vocabulary list `cost-name-words`) whose value is an
    amount of money, converts it to 元 (万元 × 10000) and reports it when it
    is above the 年度资金申请总额. Unit costs are never compared: a unit like
    元/人, a scope word such as 人均 or 每… in the value, or a name holding
    人均, 单位, 单价, 标准 … (vocabulary list `unit-cost-words`). "≤ X" is
    compared by its cap X, a range by its lower bound.

    **Why it matters**: neither the project's total cost nor any part of it
    can exceed all the money it asks for; when it does, the unit is usually
    wrong (元 written as 万元) or a digit too many, and the cost target means
    nothing.

    **Example**:
    ```yaml
    项目资金:
      年度资金申请总额: 470000.00
    绩效指标:
      成本指标:
        经济成本指标:
          - 三级指标: 设备购置总成本
            指标值: ≤470万元
    ```

    **How to fix**: check the unit and the digits (≤47万元 above); for a unit
    cost, write its unit ("元/台") or say 单位成本 in the name.
    """

    code = "TL405"
    name = "cost-exceeds-budget"
    severity = Severity.ERROR

    def check(self, declaration, source) -> Iterator[Finding]:
        funds = declaration.funds
        if funds is None or funds.total is None:
            return
        budget = funds.total
        for indicator in declaration.judged_values():
            value = indicator.parsed
            # "300万" is 3,000,000 (万 is a magnitude, not the unit).
            if value is None or not value.is_numeric or not is_money(value):
                continue
            if not self._is_cost(indicator) or self._is_unit_cost(indicator):
                continue
            amount = Decimal(str(value.number)) * value.multiplier
            if value.operator is Operator.LT and amount <= budget:
                continue
            if amount <= budget:
                continue
            yield self.report(
                indicator.span("value"),
                f"成本指标“{indicator.name}”的值“{value.raw}”（{amount:,.2f} 元）超过年度资金申请总额 {budget:,.2f} "
                "元：请核对单位和数字，单位成本请写明单位（如“元/人”）",
                f"the cost indicator '{indicator.name}' is '{value.raw}' ({amount:,.2f} 元), above the total "
                f"requested ({budget:,.2f} 元); check the unit and digits, and write a unit cost's unit (元/人)",
                indicator=indicator,
            )

    def _is_cost(self, indicator) -> bool:
        level1, level2 = indicator.level1, indicator.level2
        if (level2 is not None and level2.kind in MONETARY_COST_KINDS) or (
            level1 is not None and level1.kind == Level1Kind.COST
        ):
            return True
        return any(word in indicator.name for word in self.vocabulary.cost_name_words) if indicator.name else False

    def _is_unit_cost(self, indicator) -> bool:
        value = indicator.parsed
        words = self.vocabulary.unit_cost_words
        if value.unit and "/" in value.unit:
            return True
        if any(q.startswith(w) for q in value.qualifiers for w in words):
            return True
        return bool(indicator.name) and any(word in indicator.name for word in words)


RULES = [CostExceedsBudget]
