from collections.abc import Iterator

from targetlint.names import NameStatement
from targetlint.rule import Finding, Rule, Severity

# Why the name is no measure, as the message says it.
_REASONS = {
    NameStatement.CLAUSE: ("含有分句，是一句话", "holds a clause break, so it is a sentence"),
    NameStatement.GOAL: ("以目标动词开头，是一个目标", "opens with a goal verb, so it states a goal"),
    NameStatement.REFERENCE: ("引用规定或计划", "defers to a rule or a plan"),
    NameStatement.TASK: ("是一项工作任务", "is a task"),
    NameStatement.ACTION: ("只是一个动作", "is only an action"),
    NameStatement.TARGET: ("把目标数值写进了名称", "has the target written into it"),
}


class StatementName(Rule):
    """指标名称是一句陈述，而不是所测的量。

    **作用**：三级指标名称不说明计量什么、比较什么，而是一句目标、任务或动作时报告，
    不论指标值是什么。判断依据（词表 `name-goal-verbs`、`name-reference-words`、
    `name-task-endings`、`name-clause-breaks`、`manner-words`）：

    - 名称中有分句标点（，。；），且最后一个分句不是比率、数量或金额；
    - 以目标动词开头（提升…水平、保障…运转、促进…发展）；
    - 含“按照”“符合”“控制在”等引用规定的词；
    - 以产出动词开头、以“工作”“任务”结尾（开展…工作）；
    - 方式词加动作（按时兑付），没有计量对象；
    - 名称里写了目标数值（走访农户300户）。

    比率、数量和金额名称（“完成改造户数”“提升率”“保障对象人数”）说明了所测的量，
    不会触发。名称末尾的括注不计。本规则报告的名称不再由 TL212 报告。

    **为什么重要**：指标名称应是可计量的量（“…率”“…人数”“…金额”）。一句目标或
    任务作名称时，年终评价不知道该数什么、比什么，指标值也就无从核对。

    **示例**：
    ```yaml
    - 三级指标: 提升社区养老服务水平
      指标值: ≥90%
    - 三级指标: 走访困难农户300户
      指标值: ≥300户
    ```

    **修复方法**：把名称改成所测的量，目标和任务写进年度总体目标：“社区养老服务
    覆盖率 ≥90%”“走访困难农户户数 ≥300户”。

    **修复安全性**：不提供自动修复：名称要改成什么，只有填报人知道。
    ---
    Statement name: the indicator name is a statement, not a measure.

    **What it does**: reports 三级指标 names that state a goal, a task or an
    action instead of saying what is counted or compared, whatever the value.
    Signals (word lists `name-goal-verbs`, `name-reference-words`,
    `name-task-endings`, `name-clause-breaks`, `manner-words`):

    - a clause break (，。；) inside the name whose last clause is not a
      rate, a count or an amount;
    - a goal verb first (提升…水平, 保障…运转, 促进…发展);
    - a rule or plan reference (按照, 符合, 控制在);
    - an output verb with a task noun at the end (开展…工作);
    - a manner word and a verb with nothing counted (按时兑付);
    - the target's number written into the name (走访农户300户).

    Rate, count and amount names ("完成改造户数", "提升率", "保障对象人数") say
    what is measured and pass. A trailing bracketed note is ignored. A name
    reported here is not also reported by TL212.

    **Why it matters**: an indicator name should be a measurable quantity
    (…率, …人数, …金额). With a goal or a task as its name, the year-end
    evaluation does not know what to count or compare, so the value cannot be
    checked.

    **Example**:
    ```yaml
    - 三级指标: 提升社区养老服务水平
      指标值: ≥90%
    - 三级指标: 走访困难农户300户
      指标值: ≥300户
    ```

    **How to fix**: name the quantity and move the goal or task to the
    year's overall goal: "社区养老服务覆盖率 ≥90%", "走访困难农户户数 ≥300户".

    **Fix safety**: no automatic fix: only the author knows what the name
    should measure.
    """

    code = "TL218"
    name = "statement-name"
    severity = Severity.WARNING

    def check(self, declaration, source) -> Iterator[Finding]:
        for indicator in declaration.indicators():
            statement = indicator.facts.statement
            if statement is None or not indicator.name:
                continue
            zh, en = _REASONS[statement]
            yield self.report(
                indicator.span("name"),
                f"指标名称“{indicator.name}”{zh}，没有说明所测的量：请改为可计量的名称（如“…率”“…人数”“…金额”），"
                "目标和任务写进年度总体目标",
                f"the indicator name '{indicator.name}' {en} and does not say what is measured; name a quantity "
                "(…率, …人数, …金额) and move the goal or task to the overall goal",
                indicator=indicator,
                subject=indicator.name,
            )


RULES = [StatementName]
