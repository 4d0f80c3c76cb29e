from collections.abc import Iterator

from targetlint.measurability import states_time
from targetlint.rule import Finding, Rule, Severity
from targetlint.vocabulary import Level2Kind


class NotTimeliness(Rule):
    """时效指标下放了与时间无关的指标。

    **作用**：放在“时效指标”下的三级指标，名称不涉及时间（及时、时间、期限、周期、
    进度、日期…，词表 `time-name-words`、`timeliness-words`），指标值也不是期限、
    时长、频次或“及时”“按期完成”这类时间用语时报告，如时效指标下的“资金支付情况
    100%”“群众获得感提升 明显”。反方向（时效类指标放在了别处）由 TL104 报告。

    **为什么重要**：时效指标考核的是“什么时候完成”。与时间无关的指标放在这里，既
    没有考核时效，又让它本该所在的数量、质量或效益类别缺了一项。

    **示例**：
    ```yaml
    产出指标:
      时效指标:
        - 三级指标: 补助资金兑付情况
          指标值: 100%
    ```

    **修复方法**：把指标移到它所衡量的类别（完成率、支付率 → 数量指标；效果 →
    效益指标），时效指标写明期限或及时率，如“补助资金兑付及时率 100%”“9月30日前
    兑付完毕”。

    **修复安全性**：不提供自动修复：该移到哪一类，要看指标本身。
    ---
    Not timeliness: an indicator under 时效 that is not about time.

    **What it does**: reports indicators filed under 时效指标 whose name does
    not speak of time (及时, 时间, 期限, 周期, 进度, 日期 …; word lists
    `time-name-words`, `timeliness-words`) and whose value is no deadline,
    duration, frequency or word of timeliness ("及时", "按期完成"), such as
    "资金支付情况 100%" or "群众获得感提升 明显" under 时效. The opposite case,
    a timeliness measure filed elsewhere, is TL104's.

    **Why it matters**: a timeliness indicator says when the work is done.
    Something else filed there measures no timeliness, and leaves a gap in
    the 数量, 质量 or 效益 category it belongs to.

    **Example**:
    ```yaml
    产出指标:
      时效指标:
        - 三级指标: 补助资金兑付情况
          指标值: 100%
    ```

    **How to fix**: move the indicator to the category it measures (a
    completion or payment rate → 数量指标; an effect → 效益指标) and state a
    deadline or an on-time rate under 时效: "补助资金兑付及时率 100%",
    "9月30日前兑付完毕".

    **Fix safety**: no automatic fix: where it belongs depends on the
    indicator.
    """

    code = "TL115"
    name = "not-timeliness"
    severity = Severity.WARNING

    def check(self, declaration, source) -> Iterator[Finding]:
        for indicator in declaration.indicators():
            level2, value = indicator.level2, indicator.parsed
            if level2 is None or level2.kind != Level2Kind.TIMELINESS or not indicator.name:
                continue
            if indicator.facts.about_time or (value is not None and states_time(value, self.vocabulary)):
                continue
            yield self.report(
                indicator.span("name"),
                f"“{indicator.name}”与时间无关，却放在了“{indicator.level1.label}/{level2.label}”下：请移到它所衡量的"
                "类别，时效指标写明期限或及时率",
                f"'{indicator.name}' is not about time but is filed under '{indicator.level1.label}/{level2.label}'; "
                "move it to the category it measures and state a deadline or an on-time rate under 时效",
                indicator=indicator,
                subject=indicator.name,
            )


RULES = [NotTimeliness]
