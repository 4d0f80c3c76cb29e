from collections.abc import Iterator

from targetlint.rule import Finding, Rule, Severity
from targetlint.text import offset_span


class StaleReference(Rule):
    """引用过期规划：总体目标依据的规划期在申报年度之前已经结束。

    **作用**：年度总体目标引用了带期间的规划、计划、纲要或方案（“2018-2022年
    干部教育培训规划”“‘十三五’规划”，词表 `goal-plan-words`），而该期间的最后
    一年早于申报年度时报告，位置指向引用处（多行目标指向字段值）。只写单一年份
    的引用不检查：“结合2022年…情况”常是背景而非依据。

    **为什么重要**：以过期规划为依据，说明目标沿用了旧表、没有对接现行规划；
    评审会要求说明当年的依据。

    **示例**：
    ```yaml
    申报年度: 2023
    年度总体目标: 按照上海市2018-2022年干部教育培训规划要求，……
    ```

    **修复方法**：改为引用现行规划（如 2023-2027 年规划）；新规划尚未出台时，
    写明过渡期的依据文件。
    ---
    Stale reference: the goal cites a plan whose period ended before the declared year.

    **What it does**: reports a 年度总体目标 that cites a plan, programme,
    outline or scheme with its period ("2018-2022年干部教育培训规划",
    "‘十三五’规划"; vocabulary list `goal-plan-words`) when the period's
    last year is before 申报年度, at the citation (at the value for a
    multi-line goal). A single year is not checked: "结合2022年…情况" is
    usually background, not the basis.

    **Why it matters**: resting on an expired plan shows the goal was copied
    from an old form and not tied to the current plan; reviewers ask for this
    year's basis.

    **Example**:
    ```yaml
    申报年度: 2023
    年度总体目标: 按照上海市2018-2022年干部教育培训规划要求，……
    ```

    **How to fix**: cite the current plan (such as the 2023-2027 one); while
    none has been issued, name the interim basis.
    """

    code = "TL403"
    name = "stale-reference"
    severity = Severity.WARNING

    def check(self, declaration, source) -> Iterator[Finding]:
        facts, year = declaration.goal_facts, declaration.year
        if facts is None or not isinstance(year, int):
            return
        for plan in facts.plans:
            if plan.last_year >= year:
                continue
            yield self.report(
                offset_span(
                    declaration.span("goal"), plan.start, plan.end - plan.start, declaration.goal, source.source.lines
                ),
                f"总体目标引用的“{plan.text}”（{plan.first_year}-{plan.last_year}年）在申报年度 {year} "
                "年之前已经结束：请改为引用现行规划",
                f"the goal cites '{plan.text}' ({plan.first_year}-{plan.last_year}), which ended before the declared "
                f"year {year}; cite the current plan",
                subject=plan.text,
            )


RULES = [StaleReference]
