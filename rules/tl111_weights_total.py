from collections.abc import Iterator
from decimal import Decimal

from targetlint.options import rule_options
from targetlint.rule import Finding, Rule, Severity


@rule_options
class Options:
    total: Decimal = Decimal(100)


class WeightsTotal(Rule):
    """权重合计不为 100：指标填了分值（权重），合计却不等于总分。

    **作用**：申报表的指标填写了 分值 / 权重 时，把所有指标的分值相加，与总分
    （默认 100，可用选项 `total` 改）比较；不等即报告，位置在“绩效指标”键上，并
    说明有几项指标没有填分值。没有任何指标填分值时不检查。

    **为什么重要**：分值是年终自评打分的依据。合计不是 100，自评得分就无法换算，
    往往说明漏填、多填了指标，或某一项分值抄错。

    **示例**：
    ```yaml
    绩效指标:
      产出指标:
        数量指标:
          - 三级指标: 行政村数量
            指标值: =11个
            权重: 10
        质量指标:
          - 三级指标: 保障村社区正常运转率
            指标值: ≥95%
            权重: 20
    ```

    **修复方法**：核对每项指标的分值，使合计等于总分；另有分值计在指标表之外
    （如“预算执行率 10分”）时，把 `total` 设为指标表的分值（如 90）。

    **选项**：`total`：指标分值应有的合计（默认 100）。
    ---
    Weights total: indicator weights (分值 / 权重) that do not add up to the total score.

    **What it does**: when indicators carry a 分值 / 权重, adds them up and
    compares the sum with the total score (100 by default; the `total`
    option changes it). A different sum is reported at the 绩效指标 key,
    with how many indicators have no weight. A table with no weights at all
    is not checked.

    **Why it matters**: weights are what the year-end self-evaluation scores
    against. A sum other than 100 cannot be scored, and usually means an
    indicator was left out, added, or its weight mistyped.

    **Example**:
    ```yaml
    绩效指标:
      产出指标:
        数量指标:
          - 三级指标: 行政村数量
            指标值: =11个
            权重: 10
        质量指标:
          - 三级指标: 保障村社区正常运转率
            指标值: ≥95%
            权重: 20
    ```

    **How to fix**: check each weight so that they add up to the total; when
    part of the score sits outside the table ("预算执行率 10分"), set `total`
    to the table's share (such as 90).

    **Options**: `total`: what the indicator weights should add up to (100 by default).
    """

    code = "TL111"
    name = "weights-total"
    severity = Severity.WARNING
    options: Options
    Options = Options

    def check(self, declaration, source) -> Iterator[Finding]:
        weights = [i.weight for i in declaration.indicators()]
        given = [w for w in weights if w is not None]
        if not given:
            return
        total = sum(given, Decimal(0))
        expected = self.options.total
        if total == expected:
            return
        missing = len(weights) - len(given)
        unweighted_zh = f"；另有 {missing} 项指标没有填分值" if missing else ""
        unweighted_en = f"; {missing} indicator(s) have no weight" if missing else ""
        yield self.report(
            declaration.span("indicators"),
            f"指标分值合计 {_shown(total)}，不等于总分 {_shown(expected)}{unweighted_zh}：请核对各项指标的分值",
            f"the indicator weights add up to {_shown(total)}, not the total score {_shown(expected)}{unweighted_en}; "
            "check each indicator's weight",
            subject=_shown(total),
        )


def _shown(number: Decimal) -> str:
    return f"{number.normalize():f}"


RULES = [WeightsTotal]
