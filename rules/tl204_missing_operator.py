from collections.abc import Iterator

from targetlint.measurability import pieces
from targetlint.options import rule_options
from targetlint.rule import Finding, Rule, Severity, Suggestion
from targetlint.values import IndicatorValue, UnitClass, ValueKind


@rule_options
class Options:
    # A percentage without a sign is read as the target rate itself ("95%" = "=95%").
    percent_implies_equal: bool = True


class MissingOperator(Rule):
    """缺少比较符号：数值前后没有 ≥ ≤ = > < 或“不少于”“以上”等文字。

    **作用**：带单位的数值（“3个”“12场”“600人次”“5天”）既无比较符号（≥ ≤ = > <），
    也无文字比较（不少于、不低于、至少、以上、以内、控制在…）时报告。百分数默认读作
    目标值本身（“100%”即“=100%”），不报告，见选项。

    同一缺陷只报一次：区间（“2~3个”）已写明上下限；值为 0 的数量只能是 =0；约数由
    TL208 报告；无单位的数字由 TL203、TL206、TL201 或 TL211 报告；比率指标填了数量由
    TL201 报告。这些情况本规则都不报告。

    **为什么重要**：“12场”是至少 12 场还是恰好 12 场？新版预算系统要求每个指标填写
    “指标值类型”（≥、≤、=），缺少它年终评价时就会有争议。

    **示例**：
    ```yaml
    - 三级指标: 各类宣传活动举办场次
      指标值: 12场
    ```

    **修复方法**：写明比较符号：下限写“≥12场”，上限写“≤5天”，确切值写“=1份”。

    **启用**：默认不启用（旧版申报表的数量大多不写符号），用 `--extend-select TL204`
    或配置启用；采用新版“指标值类型”列的单位建议启用。

    **选项**：`percent-implies-equal`（默认 `true`）：不带符号的百分数读作“=”，不报告；
    设为 `false` 时“95%”“100%”也要求写明符号。
    ---
    Missing operator: a number with no ≥ ≤ = > < and no textual comparison.

    **What it does**: reports numbers with a unit ("3个", "12场", "600人次",
    "5天") that carry neither a comparison sign (≥ ≤ = > <) nor a textual
    one (不少于, 不低于, 至少, 以上, 以内, 控制在 …). A percentage reads as
    the target rate itself by default ("100%" is "=100%") and is not
    reported; see Options.

    One finding per defect: a range ("2~3个") states its bounds; a zero
    count can only mean =0; approximations are TL208's; unitless numbers
    are TL203's, TL206's, TL201's or TL211's; a count in a rate is TL201's.
    This rule reports none of these.

    **Why it matters**: is "12场" at least twelve or exactly twelve? Newer
    budget systems make every indicator state its 指标值类型 (≥, ≤, =);
    without it the year-end evaluation has room to argue.

    **Example**:
    ```yaml
    - 三级指标: 各类宣传活动举办场次
      指标值: 12场
    ```

    **How to fix**: write the comparison: a floor "≥12场", a ceiling
    "≤5天", an exact value "=1份".

    **Enabling**: off by default (older forms write most counts without a
    sign); turn it on with `--extend-select TL204` or in the configuration.
    Recommended where forms have the newer 指标值类型 column.

    **Options**: `percent-implies-equal` (default `true`): a percentage
    without a sign reads as "=" and is not reported; with `false`, "95%"
    and "100%" must state their sign too.
    """

    code = "TL204"
    name = "missing-operator"
    severity = Severity.INFO
    # Older forms write most counts without a sign ("3个"); reporting every one
    # by default would bury the defects reviewers actually send back.
    default_enabled = False
    options: Options  # self.options, typed (declared before the alias below shadows the class)
    Options = Options

    def check(self, declaration, source) -> Iterator[Finding]:
        for indicator in declaration.judged_values():
            value = indicator.parsed
            if value is None or not any(self._missing(p, indicator.facts.is_rate) for p in pieces(value)):
                continue
            yield self.report(
                indicator.span("value"),
                f"指标“{indicator.name}”的值“{value.raw}”没有比较符号：请写明 ≥、≤ 或 =（下限、上限或确切值）",
                f"the value '{value.raw}' of '{indicator.name}' has no comparison; write ≥, ≤ or = (a floor, a "
                "ceiling or an exact value)",
                indicator=indicator,
                suggestion=Suggestion(
                    f"写作 ≥{value.raw}（下限）、≤{value.raw}（上限）或 ={value.raw}（确切值）",
                    f"write ≥{value.raw} (a floor), ≤{value.raw} (a ceiling) or ={value.raw} (exact)",
                ),
            )

    def _missing(self, value: IndicatorValue, rate: bool) -> bool:
        if value.kind != ValueKind.NUMBER or value.operator is not None or value.number is None:
            return False
        if value.unit is None or value.approximate or value.number == 0:
            return False
        if rate and value.unit_class is UnitClass.COUNT:
            return False  # a count in a rate is TL201's: the value is rewritten, operator and all
        return not (value.percent is not None and self.options.percent_implies_equal)


RULES = [MissingOperator]
