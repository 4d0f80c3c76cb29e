from collections.abc import Iterator

from targetlint.rule import Finding, Rule, Severity


def _reported_inside(source, declaration, start: int, end: int) -> bool:
    # A category whose content the loader rejected (a scalar where a list
    # belongs, items that are not mappings) is TL004's finding, not an empty one.
    return any(
        problem.document == declaration.index and start <= problem.span.line <= end for problem in source.problems
    )


class EmptyCategory(Rule):
    """空类别：发布了二级指标（或一级指标）却没有任何指标。

    **作用**：二级指标的值为空（`质量指标:` 后什么也没有，或 `[]`）时提示，位置在该二级的键；
    一级指标下一个二级也没有时，在一级的键处提示。内容类型不对的类别（如写成了一段文字）
    由 TL004 报告，这里不重复。空的成本类别同时会被 TL102 视为缺少成本指标。

    **为什么重要**：空类别通常是模板留下的或漏填的：评审会问这一类为何没有指标；
    要么补上指标，要么删掉这一行。

    **示例**：
    ```yaml
    产出指标:
      数量指标:
        - 三级指标: 培训人次
          指标值: ≥200人次
      质量指标:
    ```

    **修复方法**：补上该类的指标（如“培训考核合格率 ≥95%”），或删除空类别。
    ---
    Empty category: a 二级 (or 一级) published with no indicator.

    **What it does**: notes a 二级 whose value is empty (nothing after
    `质量指标:`, or `[]`), at that 二级's key, and a 一级 with no 二级 at all,
    at the 一级's key. A category of the wrong type (a sentence instead of a
    list) is TL004's and not repeated here. An empty cost category also
    counts as a missing cost for TL102.

    **Why it matters**: an empty category is usually left over from a
    template or forgotten; reviewers ask why the category has no indicator.
    Fill it or remove the line.

    **Example**:
    ```yaml
    产出指标:
      数量指标:
        - 三级指标: 培训人次
          指标值: ≥200人次
      质量指标:
    ```

    **How to fix**: add the category's indicators ("培训考核合格率 ≥95%"),
    or delete the empty category.
    """

    code = "TL108"
    name = "empty-category"
    severity = Severity.INFO

    def check(self, declaration, source) -> Iterator[Finding]:
        for level1 in declaration.level1s:
            if not level1.categories:
                if not _reported_inside(source, declaration, level1.span().line, level1.end_line):
                    yield self.report(
                        level1.span(),
                        f"一级指标“{level1.label}”下没有任何二级指标和指标：请补上指标，或删除该类别",
                        f"the 一级 '{level1.label}' has no 二级 and no indicator; fill it or delete it",
                        subject=level1.label,
                    )
                continue
            for level2 in level1.categories:
                if level2.indicators or _reported_inside(source, declaration, level2.span().line, level2.end_line):
                    continue
                yield self.report(
                    level2.span(),
                    f"二级指标“{level1.label}/{level2.label}”下没有任何指标：请补上指标，或删除该类别",
                    f"the 二级 '{level1.label}/{level2.label}' holds no indicator; fill it or delete it",
                    subject=level2.label,
                )


RULES = [EmptyCategory]
