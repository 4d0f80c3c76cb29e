from collections.abc import Iterator

from targetlint.rule import Finding, Rule, Severity


class FundsExceedPeriod(Rule):
    """年度资金超过实施期资金：年度资金申请总额大于整个实施期的资金总额。

    **作用**：申报表同时填了 项目资金 和 实施期资金 时，年度资金申请总额大于
    实施期资金总额即报告；当年财政拨款大于实施期的财政拨款也报告。位置在年度金额上。

    **为什么重要**：实施期资金是各年度资金之和，一年不可能超过全期。超过说明
    中期、年度两栏填反或抄错，预算安排无从核对。

    **示例**：
    ```yaml
    项目资金:
      年度资金申请总额: 1898000.00
    实施期资金:
      资金总额: 449800.00
    ```

    **修复方法**：核对两栏金额（注意万元与元的换算）；实施期资金应不小于年度资金。
    ---
    Annual funds exceed the period's: the year's total is larger than the whole period's.

    **What it does**: when a declaration gives both 项目资金 and 实施期资金,
    reports a 年度资金申请总额 larger than the period's total, and a
    当年财政拨款 larger than the period's, at the annual amount.

    **Why it matters**: the period's funds are the sum of its years; one year
    cannot exceed them. It means the 中期 and 年度 columns were swapped or
    mistyped, and the budget cannot be reconciled.

    **Example**:
    ```yaml
    项目资金:
      年度资金申请总额: 1898000.00
    实施期资金:
      资金总额: 449800.00
    ```

    **How to fix**: check both amounts (and the 万元 to 元 conversion); the
    period's funds are at least the year's.
    """

    code = "TL407"
    name = "funds-exceed-period"
    severity = Severity.ERROR

    def check(self, declaration, source) -> Iterator[Finding]:
        year, period = declaration.funds, declaration.period_funds
        if year is None or period is None:
            return
        for field, label_zh, label_en in (
            ("total", "年度资金申请总额", "the total requested"),
            ("appropriation", "当年财政拨款", "the appropriation"),
        ):
            annual, whole = getattr(year, field), getattr(period, field)
            if annual is None or whole is None or annual <= whole:
                continue
            yield self.report(
                year.span(field),
                f"{label_zh} {annual:,.2f} 元大于实施期的 {whole:,.2f} 元：实施期资金应不小于年度资金，请核对两栏金额",
                f"{label_en}, {annual:,.2f} 元, is larger than the whole period's {whole:,.2f} 元; check both amounts",
                subject=f"{annual}",
            )


RULES = [FundsExceedPeriod]
