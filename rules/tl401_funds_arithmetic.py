from collections.abc import Iterator
from decimal import Decimal

from targetlint.rule import Finding, Rule, Severity

_FEN = Decimal("0.01")


class FundsArithmetic(Rule):
    """资金合计不符：年度资金申请总额不等于当年财政拨款、上年结转资金与其他资金之和。

    **作用**：填了总额和至少一项来源时，核对“年度资金申请总额 = 当年财政拨款 +
    上年结转资金 + 其他资金”，精确到分（按四舍五入到 0.01 元比较），未填的来源按 0 计：
    “总额 100万、财政拨款 80万”而别无其他，加不回总额。不符即报告，位置指向年度资金
    申请总额。只填总额时不检查。

    **为什么重要**：申报总额是预算安排的依据；分项加不回总额，说明某一项抄错或
    漏改，评审必须退回核实，绩效目标与资金也就对不上。

    **示例**：
    ```yaml
    项目资金:
      年度资金申请总额: 1732000.00
      当年财政拨款: 1700000.00
      上年结转资金: 0.00
      其他资金: 0.00
    ```

    **修复方法**：核对四个金额，改正写错的一项，使总额等于三项之和。
    ---
    Funds arithmetic: the total requested is not the sum of its sources.

    **What it does**: when the total and at least one source of 项目资金 are
    given, checks 年度资金申请总额 = 当年财政拨款 + 上年结转资金 + 其他资金 to
    the fen (amounts rounded to 0.01 元), a blank source counting as 0: a
    total of 100万 with 80万 appropriated and nothing else cannot add up. A
    mismatch is reported at the total. A total alone is not checked.

    **Why it matters**: the total is what the budget allocates; parts that do
    not add up mean one amount was mistyped or left unchanged, so reviewers
    send the declaration back and the targets no longer match the money.

    **Example**:
    ```yaml
    项目资金:
      年度资金申请总额: 1732000.00
      当年财政拨款: 1700000.00
      上年结转资金: 0.00
      其他资金: 0.00
    ```

    **How to fix**: check the four amounts and correct the wrong one so the
    total equals the sum of the three sources.
    """

    code = "TL401"
    name = "funds-arithmetic"
    severity = Severity.ERROR

    def check(self, declaration, source) -> Iterator[Finding]:
        funds = declaration.funds
        if funds is None:
            return
        written = (funds.appropriation, funds.carryover, funds.other)
        # A total alone states no split to check; once any source is written,
        # a blank one adds nothing, so "总额 100万, 财政拨款 80万" cannot add up.
        if funds.total is None or all(p is None for p in written):
            return
        parts = tuple(Decimal(0) if p is None else p.quantize(_FEN) for p in written)
        total = funds.total.quantize(_FEN)
        summed = sum(parts, Decimal(0))
        if total == summed:
            return
        gap = total - summed
        blank_zh = "（未填的项按 0 计）" if None in written else ""
        blank_en = " (a blank source counts as 0)" if None in written else ""
        yield self.report(
            funds.span("total"),
            f"年度资金申请总额 {total} 元不等于当年财政拨款 {parts[0]} + 上年结转资金 {parts[1]} + 其他资金 "
            f"{parts[2]} = {summed} 元{blank_zh}（相差 {gap} 元）：请核对各项金额",
            f"the total requested, {total} 元, is not the appropriation {parts[0]} + carryover {parts[1]} + other "
            f"{parts[2]} = {summed} 元{blank_en} (off by {gap}); check the amounts",
            subject=str(total),
        )


RULES = [FundsArithmetic]
