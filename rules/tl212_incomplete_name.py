from collections.abc import Iterator

from targetlint.measurability import pieces
from targetlint.rule import Finding, Rule, Severity
from targetlint.values import ValueKind


class IncompleteName(Rule):
    """指标名称不完整：值是百分数，名称却没有说明比的是什么（“人才调查数据使用单位 ≥95%”）。

    **作用**：指标值是百分数，而三级指标名称以一个名词结尾、没有计量对象（率、比例、
    度、性、情况、数、金额…，词表 `measure-heads`、`rate-endings`、`count-endings`）时
    报告。名称末尾的括注（“培训工作及时性（按照工作计划…）”）不计。带数量单位的值
    （“召开相关会议 ≥4次”）由单位说明了计量对象，不会触发。

    **为什么重要**：“使用单位 ≥95%”是单位的 95% 使用了数据，还是使用单位的满意度达到
    95%？名称不说明计量对象，年终评价只能猜。

    **示例**：
    ```yaml
    - 三级指标: 人才调查数据使用单位
      指标值: ≥95%
    ```

    **修复方法**：在名称中写出所测的量：“人才调查数据使用单位满意度 ≥95%”或
    “人才调查数据使用率 ≥95%”。
    ---
    Incomplete name: a percentage whose indicator name says nothing about what it is a percentage of.

    **What it does**: reports indicators whose value is a percentage while
    the 三级指标 name ends in a plain noun instead of a measure (率, 比例,
    度, 性, 情况, 数, 金额 …; word lists `measure-heads`, `rate-endings`,
    `count-endings`). A trailing bracketed note ("培训工作及时性（按照工作计划…）")
    is ignored. Values with a count unit ("召开相关会议 ≥4次") name their
    measure through the unit and do not trigger it.

    **Why it matters**: does "使用单位 ≥95%" mean 95% of units used the
    data, or that users are 95% satisfied? A name that does not say what is
    measured leaves the year-end evaluation guessing.

    **Example**:
    ```yaml
    - 三级指标: 人才调查数据使用单位
      指标值: ≥95%
    ```

    **How to fix**: name the measure: "人才调查数据使用单位满意度 ≥95%" or
    "人才调查数据使用率 ≥95%".
    """

    code = "TL212"
    name = "incomplete-name"
    severity = Severity.INFO

    def check(self, declaration, source) -> Iterator[Finding]:
        for indicator in declaration.indicators():
            value = indicator.parsed
            # A name that is a statement is TL218's.
            if value is None or indicator.facts.names_measure or indicator.facts.statement or not indicator.name:
                continue
            if not any(p.percent is not None and p.kind in (ValueKind.NUMBER, ValueKind.RANGE) for p in pieces(value)):
                continue
            yield self.report(
                indicator.span("name"),
                f"指标名称“{indicator.name}”没有说明所测的量，值“{value.raw}”是什么的百分比？请在名称中写出计量对象，如“…率”“…满意度”",
                f"the name '{indicator.name}' does not say what is measured: '{value.raw}' is a percentage of what? "
                "Name the measure, such as '…率' or '…满意度'",
                indicator=indicator,
            )


RULES = [IncompleteName]
