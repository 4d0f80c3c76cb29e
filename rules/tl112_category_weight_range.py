from collections.abc import Iterator
from decimal import Decimal

from targetlint.rule import Finding, Rule, Severity


class CategoryWeightRange(Rule):
    """类别分值超出标注范围：类别名称标了分值范围，其下指标分值合计却不在范围内。

    **作用**：一级或二级指标的名称印有分值或分值范围（“成本指标(0-20)分”
    “产出指标 (40-50)分”）时，把该类别下各指标的分值相加；合计小于下限或大于上限
    即报告，位置在类别名称上。类别下没有任何指标填分值时不检查。

    **为什么重要**：表样规定了每类指标的分值区间，超出区间说明分值分配不符合
    表样要求，年终自评的权重结构也就失衡。

    **示例**：
    ```yaml
    绩效指标:
      成本指标(0-20)分:
        经济成本指标:
          - 三级指标: 项目建设成本
            指标值: ≤65万元
            分值: 30
    ```

    **修复方法**：调整该类指标的分值，使合计落在名称标注的范围内。
    ---
    Category weight range: a category's weights fall outside the range its label prints.

    **What it does**: when a 一级 or 二级 label prints a score or a score
    range ("成本指标(0-20)分", "产出指标 (40-50)分"), adds up the weights of
    the indicators under it and reports a sum below the lower or above the
    upper bound, at the label. A category none of whose indicators carries
    a weight is not checked.

    **Why it matters**: the form sets each category's share of the score;
    a sum outside it breaks the form's weighting and the year-end scoring.

    **Example**:
    ```yaml
    绩效指标:
      成本指标(0-20)分:
        经济成本指标:
          - 三级指标: 项目建设成本
            指标值: ≤65万元
            分值: 30
    ```

    **How to fix**: adjust the category's weights so that their sum lies in
    the printed range.
    """

    code = "TL112"
    name = "category-weight-range"
    severity = Severity.WARNING

    def check(self, declaration, source) -> Iterator[Finding]:
        for level1 in declaration.level1s:
            rows = [i for level2 in level1.categories for i in level2.indicators]
            yield from self._judge(level1, rows)
            for level2 in level1.categories:
                yield from self._judge(level2, level2.indicators)

    def _judge(self, category, rows) -> Iterator[Finding]:
        allowed = category.weight_range
        if allowed is None:
            return
        weights = [i.weight for i in rows if i.weight is not None]
        if not weights:
            return
        total = sum(weights, Decimal(0))
        if allowed.low <= total <= allowed.high:
            return
        yield self.report(
            category.span(),
            f"“{category.label}”下各指标分值合计 {_shown(total)}，不在标注的 {allowed} 分之内：请调整该类指标的分值",
            f"the weights under '{category.label}' add up to {_shown(total)}, outside the printed {allowed}; "
            "adjust the category's weights",
            subject=category.label,
        )


def _shown(number: Decimal) -> str:
    return f"{number.normalize():f}"


RULES = [CategoryWeightRange]
