from collections.abc import Iterator

from targetlint.measurability import pieces
from targetlint.rule import Finding, Rule, Severity, Suggestion

from ._suggestions import count_unit, sign


class CountWithPercent(Rule):
    """数量指标填了百分比：名称是“…数/人次/场次/个数”，指标值却是百分数。

    **作用**：名称以计数词结尾（…数、人数、人次、场次、个数、次数、数量…）的指标，
    其值是百分数（“%”“‰”）时报告；一格多值逐个检查。“指数”“系数”“倍数”“分数”
    不是计数，不会触发；“培训人次达标率”是比率，也不会触发。词表见
    `count-endings` 与 `non-count-endings`。

    **为什么重要**：“参与培训人数 95%”说不清是多少人：95% 的分母是什么、年终对照
    哪个数字，都无从判断。数量指标应写数量，比率应另设比率指标。

    **示例**：
    ```yaml
    - 三级指标: 工作会议出勤人次
      指标值: ≥95%
    ```

    **修复方法**：二选一：写出数量（“≥200人次”），或把名称改为比率
    （“工作会议出勤率 ≥95%”）。
    ---
    Count with a percentage: a count-named indicator whose value is a percentage.

    **What it does**: reports indicators whose name ends in a counting word
    (…数, 人数, 人次, 场次, 个数, 次数, 数量 …) when the value is a
    percentage (% or ‰); each value of a multi-value cell is checked.
    指数, 系数, 倍数 and 分数 are no counts and do not trigger it, nor does
    a rate such as "培训人次达标率". Word lists: `count-endings` and
    `non-count-endings`.

    **Why it matters**: "参与培训人数 95%" says nothing about how many people:
    95% of what, and which number to compare at year end, is anyone's guess.
    A count target states a count; a share belongs in a rate indicator.

    **Example**:
    ```yaml
    - 三级指标: 工作会议出勤人次
      指标值: ≥95%
    ```

    **How to fix**: either state the count ("≥200人次") or rename the
    indicator as a rate ("工作会议出勤率 ≥95%").
    """

    code = "TL202"
    name = "count-with-percent"
    severity = Severity.WARNING

    def check(self, declaration, source) -> Iterator[Finding]:
        for indicator in declaration.judged_values():
            value = indicator.parsed
            if not indicator.facts.is_count or value is None:
                continue
            if any(p.percent is not None for p in pieces(value)):
                yield self.report(
                    indicator.span("value"),
                    f"数量指标“{indicator.name}”的值“{value.raw}”是百分数：请写出数量（如人、人次、场、个），或把名称改为比率指标",
                    f"count indicator '{indicator.name}' has a percentage '{value.raw}' for a value; state the count "
                    "(人, 人次, 场, 个 …) or rename it as a rate",
                    indicator=indicator,
                    suggestion=_suggestion(indicator.name or "", value),
                )


def _suggestion(name: str, value) -> Suggestion:
    """培训人数 ≥90% → 写成数量（≥N人），或改名为 培训人数占比 并写 ≥90%."""
    unit = count_unit(name)
    count = f"{sign(value)}N{unit}" if unit else f"{sign(value)}N 加计量单位"
    count_en = f"{sign(value)}N{unit}" if unit else f"{sign(value)}N and its unit"
    return Suggestion(
        f"写成数量（{count}），或改名为 {name}占比 并写 {value.raw}",
        f"write the count ({count_en}), or rename it {name}占比 and write {value.raw}",
    )


RULES = [CountWithPercent]
