from collections.abc import Iterator
from typing import Literal

from targetlint.options import rule_options
from targetlint.rule import Finding, Rule, Severity


@rule_options
class Options:
    # When a declaration counts as annual, so that both plan dates must lie in
    # 申报年度: "nature" — its 项目性质 holds a word of the vocabulary list
    # `annual-natures` (经常性…); "always" — every declaration with 申报年度;
    # "never" — only the overlap check applies.
    annual_when: Literal["nature", "always", "never"] = "nature"


class DateRange(Rule):
    """计划日期有误：开始晚于完成，或日期与申报年度不符。

    **作用**：
    - 计划开始日期晚于计划完成日期时报告（位置指向完成日期）。
    - 写了申报年度时，项目计划期间必须与申报年度有交集：2023 年的申报表，项目却
      在 2022 年底前就已结束（或 2024 年才开始），即报告。
    - 年度项目的两个日期都必须落在申报年度内。怎样算年度项目由选项
      `annual-when` 决定：默认 `nature`，即项目性质含词表 `annual-natures` 中的
      词（“经常性专项业务费”等经常性项目按年申报、按年安排资金）；
      一次性项目和跨年度项目可以合法地跨年，只做上一条的交集检查。

    **为什么重要**：申报表申请的是某一年的资金；开始晚于结束的期间不存在，期间
    与申报年度不符通常是沿用旧表忘了改日期，年终评价会按错误的期间考核。

    **示例**：
    ```yaml
    申报年度: 2023
    项目性质: 经常性专项业务费
    计划开始日期: 2023-01-01
    计划完成日期: 2024-06-30
    ```

    **修复方法**：改正日期；项目确实跨年时，把项目性质写为一次性或跨年度项目，
    或在配置中把 `annual-when` 设为 `never`。

    **选项**：`annual-when`（`nature` | `always` | `never`，默认 `nature`）。
    ---
    Date range: start after end, or dates that do not fit the declared year.

    **What it does**:
    - reports a 计划开始日期 later than the 计划完成日期 (at the end date);
    - when 申报年度 is given, the planned period must overlap that year: a
      2023 declaration for a project that ended in 2022 (or starts in 2024)
      is reported;
    - for an annual project both dates must lie within 申报年度. Which
      projects are annual is the option `annual-when`: by default `nature`,
      a 项目性质 holding a word of the vocabulary list `annual-natures`
      (recurring projects such as 经常性专项业务费 are declared and funded one
      year at a time). One-off and multi-year projects may legitimately span
      years and get only the overlap check.

    **Why it matters**: a declaration asks for one year's money. A period
    that ends before it starts does not exist, and a period that misses the
    declared year is usually last year's form with the dates left unchanged;
    the year-end evaluation would judge the wrong period.

    **Example**:
    ```yaml
    申报年度: 2023
    项目性质: 经常性专项业务费
    计划开始日期: 2023-01-01
    计划完成日期: 2024-06-30
    ```

    **How to fix**: correct the dates; for a project that really spans
    years, state a one-off or multi-year 项目性质, or set `annual-when` to
    `never`.

    **Options**: `annual-when` (`nature` | `always` | `never`, default `nature`).
    """

    code = "TL402"
    name = "date-range"
    severity = Severity.ERROR
    options: Options  # self.options, typed (declared before the alias below shadows the class)
    Options = Options

    def check(self, declaration, source) -> Iterator[Finding]:
        start, end, year = declaration.start_date, declaration.end_date, declaration.year
        if start is not None and end is not None and start > end:
            yield self.report(
                declaration.span("end_date"),
                f"计划完成日期 {end} 早于计划开始日期 {start}：请改正日期",
                f"the planned end date {end} is before the start date {start}; correct the dates",
                subject=f"{start}/{end}",
            )
            return
        if not isinstance(year, int) or (start is None and end is None):
            return
        if self._annual(declaration):
            for field, date, zh, en in (
                ("start_date", start, "计划开始日期", "start date"),
                ("end_date", end, "计划完成日期", "end date"),
            ):
                if date is not None and date.year != year:
                    yield self.report(
                        declaration.span(field),
                        f"年度项目（{declaration.nature}）的{zh} {date} 不在申报年度 {year} 年内：请改正日期，"
                        "或说明项目跨年",
                        f"the {en} {date} of an annual project ({declaration.nature}) is outside the declared year "
                        f"{year}; correct it, or declare a multi-year project",
                        subject=str(date),
                    )
            return
        if end is not None and end.year < year:
            yield self.report(
                declaration.span("end_date"),
                f"计划完成日期 {end} 早于申报年度 {year} 年：项目期间与申报年度没有交集，请改正日期或申报年度",
                f"the planned end date {end} is before the declared year {year}: the project period misses the year; "
                "correct the dates or the year",
                subject=str(end),
            )
        elif start is not None and start.year > year:
            yield self.report(
                declaration.span("start_date"),
                f"计划开始日期 {start} 晚于申报年度 {year} 年：项目期间与申报年度没有交集，请改正日期或申报年度",
                f"the planned start date {start} is after the declared year {year}: the project period misses the "
                "year; correct the dates or the year",
                subject=str(start),
            )

    def _annual(self, declaration) -> bool:
        when = self.options.annual_when
        if when == "always":
            return True
        if when == "never" or not declaration.nature:
            return False
        return any(word in declaration.nature for word in self.vocabulary.annual_natures)


RULES = [DateRange]
