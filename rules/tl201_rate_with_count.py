from collections.abc import Iterator

from targetlint.measurability import pieces, value_artefact
from targetlint.rule import Finding, Rule, Severity, Suggestion
from targetlint.values import IndicatorValue, UnitClass

from ._suggestions import count_name, count_unit, sign


class RateWithCount(Rule):
    """比率指标填了数量：名称是“…率/比例/占比”，指标值却是人数、次数等数量。

    **作用**：名称以 率、比例、比率、占比、比重 或计量性的“…度”（满意度、认可度、
    完成度…）结尾的指标，其值带有计数单位（人、人次、场、个…），或是没有单位、
    却超过 100 的有界比率（合格率、达标率…），即报告；一格多值（“2~3个/1~2个”）
    逐个检查。“年度…数”“完成进度 25%”不会触发。

    **为什么重要**：“培训人数达标率 ≥250”既不是比率也说不清口径：年终无法判断
    是否达成，评审最常见的退回理由之一。

    **示例**：
    ```yaml
    - 三级指标: 培训人数达标率
      指标值: ≥250
    - 三级指标: 老年节活动举办完成率
      指标值: ">200.00(人)"
    ```

    **修复方法**：二选一：改名为数量指标（“培训人数 ≥250人”），或把值改为比率
    （“培训人数达标率 100%”）。
    ---
    Rate with a count: a rate-named indicator whose value is a headcount or a count.

    **What it does**: reports indicators whose name ends in 率, 比例, 比率,
    占比, 比重 or a measuring …度 (满意度, 认可度, 完成度 …) when the value
    carries a count unit (人, 人次, 场, 个 …), or is a unitless number above
    100 for a bounded rate (合格率, 达标率 …); each value of a multi-value
    cell ("2~3个/1~2个") is checked. "年度…数" and "完成进度 25%" do not
    trigger it.

    **Why it matters**: "培训人数达标率 ≥250" is neither a rate nor a defined
    count, so nobody can tell at year end whether it was met; reviewers
    reject it routinely.

    **Example**:
    ```yaml
    - 三级指标: 培训人数达标率
      指标值: ≥250
    - 三级指标: 老年节活动举办完成率
      指标值: ">200.00(人)"
    ```

    **How to fix**: either rename it as a count ("培训人数 ≥250人") or give
    a rate ("培训人数达标率 100%").
    """

    code = "TL201"
    name = "rate-with-count"
    severity = Severity.ERROR

    def check(self, declaration, source) -> Iterator[Finding]:
        for indicator in declaration.judged_values():
            facts = indicator.facts
            if not facts.is_rate or indicator.parsed is None:
                continue
            if value_artefact(indicator, self.vocabulary, declaration.year):
                continue  # "95100": two cells run together (TL304), not a headcount
            value = next((p for p in pieces(indicator.parsed) if _is_count(p, facts.is_bounded_rate)), None)
            if value is not None:
                counted = value.unit_class == UnitClass.COUNT
                what_zh = (
                    f"计数单位“{value.unit}”：{indicator.parsed.raw}"
                    if counted
                    else f"超过 100 的无单位数值 {value.raw}"
                )
                what_en = (
                    f"the count unit '{value.unit}': {indicator.parsed.raw}"
                    if counted
                    else f"a unitless number above 100 ({value.raw})"
                )
                yield self.report(
                    indicator.span("value"),
                    f"比率指标“{indicator.name}”的值是数量（{what_zh}），应为百分比，或改为数量指标",
                    f"rate indicator '{indicator.name}' has a count for a value ({what_en}); give a percentage or "
                    "rename it as a count",
                    indicator=indicator,
                    suggestion=_suggestion(indicator, counted),
                )


def _suggestion(indicator, counted: bool) -> Suggestion:
    """培训人数达标率 ≥250 → 写成百分比（≥N%），或改名为 培训人数 并写 ≥250人."""
    value = indicator.parsed
    counts = count_name(indicator.name or "", indicator.facts.rate_word)
    unit = "" if counted else (count_unit(counts) or "")
    count = f"{value.raw}{unit}"
    percent = f"{sign(value)}N%"
    if counts:
        zh = f"写成百分比（{percent}），或改名为 {counts} 并写 {count}"
        en = f"write a percentage ({percent}), or rename it {counts} and write {count}"
    else:
        zh = f"写成百分比（{percent}），或改为数量指标并写 {count}"
        en = f"write a percentage ({percent}), or make it a count and write {count}"
    if not counted and not unit:
        zh, en = zh + "（加上计量单位）", en + " (with its unit)"
    return Suggestion(zh, en)


def _is_count(value: IndicatorValue, bounded: bool) -> bool:
    if value.number is None:
        return False
    if value.unit_class == UnitClass.COUNT:
        return True
    # Above 100 with no unit, a bounded rate can only be a headcount; an
    # unbounded one (增长率 150) may be over-achievement.
    return value.unit is None and bounded and max(value.number, value.upper or 0) > 100


RULES = [RateWithCount]
