from collections.abc import Iterator

from targetlint.rule import Finding, Rule, Severity


class GenericGoal(Rule):
    """空泛的总体目标：年度总体目标既没有可衡量的目标，也没有具体产出。

    **作用**：年度总体目标中既找不到“数字 + 单位”的目标（“培训150人次”
    “满意度达到90%”“完成两场宣传”），也没有点名任何具体产出或活动（报告、会议、
    培训班、设备、系统、调研……，词表 `goal-output-words`）时，给出提示。年份、
    序号不算目标。

    **为什么重要**：总体目标概括这笔钱一年要办成什么；“本部门农民工工作年度工作
    任务顺利完成。”对任何项目、任何年份都成立，评审和年终评价无从对照，也无法
    判断指标是否覆盖了目标。

    **示例**：
    ```yaml
    年度总体目标: 本部门农民工工作年度工作任务顺利完成。
    ```

    **修复方法**：写出当年要完成的主要产出及其数量和效果，如“举办农民工技能
    培训4期、培训400人次，培训合格率不低于90%”，并与绩效指标一一对应。

    ---
    Generic goal: an overall goal with nothing measurable and no concrete output.

    **What it does**: reports (as information) a 年度总体目标 in which there is
    no number with a unit ("培训150人次", "满意度达到90%", "完成两场宣传") and
    no concrete output or activity is named (报告, 会议, 培训班, 设备, 系统,
    调研 …, vocabulary list `goal-output-words`). Years and list numbers are
    not targets.

    **Why it matters**: the overall goal sums up what the money achieves in
    the year; "本部门农民工工作年度工作任务顺利完成。" is true of any project in
    any year, so neither the review nor the year-end evaluation can hold the
    project to it, nor tell whether the indicators cover it.

    **Example**:
    ```yaml
    年度总体目标: 本部门农民工工作年度工作任务顺利完成。
    ```

    **How to fix**: state the year's main outputs with their quantities and
    effects ("举办农民工技能培训4期、培训400人次，培训合格率不低于90%"), each
    matched by an indicator.
    """

    code = "TL303"
    name = "generic-goal"
    severity = Severity.INFO
    # Info, not warning: a prose goal is weak but reviewers still accept it
    # when the indicator table carries the numbers.

    def check(self, declaration, source) -> Iterator[Finding]:
        facts = declaration.goal_facts
        if facts is None or not facts.generic:
            return
        goal = declaration.goal
        shown = goal if len(goal) <= 30 else goal[:30] + "…"
        yield self.report(
            declaration.span("goal"),
            f"年度总体目标“{shown}”空泛：没有可衡量的目标，也没有具体产出；请写明当年的主要产出、数量和效果",
            f"the overall goal '{shown}' is generic: nothing measurable and no concrete output; state the year's main "
            "outputs with quantities and effects",
            subject=goal,
        )


RULES = [GenericGoal]
