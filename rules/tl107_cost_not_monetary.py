from collections.abc import Iterator

from targetlint.measurability import is_money, value_artefact
from targetlint.rule import Finding, Rule, Severity
from targetlint.values import IndicatorValue, Operator, ValueKind
from targetlint.vocabulary import MONETARY_COST_KINDS, Vocabulary

# 二级 whose indicators state money: MONETARY_COST_KINDS. 社会成本 and
# 生态环境成本 are, by the 2025 guidance, negative effects on society and the
# environment, rarely in 元.


# Values whose one defect another rule reports: one defect, one finding.
_OWNED_ELSEWHERE = (ValueKind.EMPTY, ValueKind.UNIT_ONLY, ValueKind.NARRATIVE, ValueKind.PLAN_REFERENCE)


def _monetary(value: IndicatorValue) -> bool:
    if value.kind == ValueKind.COMPOUND:
        return any(_monetary(part) for part in value.parts)
    return is_money(value)


def controls_cost(value: IndicatorValue, vocabulary: Vocabulary) -> bool:
    """Whether a value caps or cuts a cost against something stated: a
    ceiling against a baseline ("不高于前3年最高值", "不超过批复预算"), a
    reduction ("较上年下降5%"), or a budget, price or quota ("控制在预算以内",
    "符合财政定额标准", "不超过年度预算的100%")."""
    if value.kind == ValueKind.COMPOUND:
        return any(controls_cost(part, vocabulary) for part in value.parts)
    if value.kind == ValueKind.RELATIVE:
        if value.operator in (Operator.LE, Operator.LT):
            return True
        if any(word in text for text in value.words for word in vocabulary.cost_reduction_words):
            return True
    said = [text for text in (value.baseline, value.subject, *value.words) if text]
    # A clause keeps no words of its own; "执行政府采购价" still names a price.
    if value.kind == ValueKind.NARRATIVE:
        said.append(value.raw)
    return any(word in text for text in said for word in vocabulary.cost_control_words)


class CostNotMonetary(Rule):
    """成本指标没有金额：成本类指标的值既没有货币单位，也不是成本控制要求。

    **作用**：检查产出指标下的二级“成本指标”（旧格式）和一级成本指标下的“经济成本指标”
    （新格式）中的指标。指标值带有货币单位（元、万元、元/人、万元/公里……），或是成本控制的
    写法（“不高于前3年最高值”“不超过批复预算”“控制在预算以内”“较上年下降5%”
    “符合财政定额标准”）时不报告。否则报告，位置在指标值：
    - 名称是与资金相关的比率（“培训班次预算执行率 ≥90%”“资金到位率”）时为提示（info）：
      这是常见的替代写法，但没有说明花多少钱；
    - 其他情况为警告，如“机关纪委-纪检监察培训及时率 100%”“廉政风险防范意识 提升”。

    社会成本、生态环境成本衡量对社会和环境的负面影响，通常不以金额表示，不检查。

    **为什么重要**：成本指标要回答“花多少钱、单位成本多少”；执行率只说明钱花出去了，
    及时率之类根本与成本无关，评审无法据此判断成本是否合理、是否超支。

    **示例**：
    ```yaml
    成本指标:
      - 三级指标: 培训班次预算执行率
        指标值: ≥90%
      - 三级指标: 机关纪委-纪检监察培训及时率
        指标值: 100%
    ```

    **修复方法**：写明金额或成本控制要求，如“人均培训成本 ≤500元/人”“培训总成本 ≤12万元”
    “差旅费不高于前3年平均值”；与成本无关的指标移到它所衡量的类别。
    ---
    Cost not monetary: a cost indicator whose value has no money unit and states no cost control.

    **What it does**: checks the indicators under 成本指标 as a 二级 of
    产出 (older layout) and under 经济成本指标 of the 一级 成本指标 (newer
    layout). A value with a money unit (元, 万元, 元/人, 万元/公里 …) or
    written as a cost control ("不高于前3年最高值", "不超过批复预算",
    "控制在预算以内", "较上年下降5%", "符合财政定额标准") passes. Otherwise
    it reports at the value:
    - as info when the name is a money-related rate ("培训班次预算执行率
      ≥90%", "资金到位率"), a common stand-in that still says nothing about
      how much is spent;
    - as a warning otherwise, e.g. "机关纪委-纪检监察培训及时率 100%",
      "廉政风险防范意识 提升".

    社会成本 and 生态环境成本 measure harm to society and the environment,
    rarely in money, and are not checked.

    **Why it matters**: a cost indicator answers how much is spent and at
    what unit cost; an execution rate only says the money went out, and a
    timeliness rate is not about cost at all, so reviewers cannot judge
    whether the cost is reasonable or overran.

    **Example**:
    ```yaml
    成本指标:
      - 三级指标: 培训班次预算执行率
        指标值: ≥90%
      - 三级指标: 机关纪委-纪检监察培训及时率
        指标值: 100%
    ```

    **How to fix**: state an amount or a cost control ("人均培训成本
    ≤500元/人", "培训总成本 ≤12万元", "差旅费不高于前3年平均值"); move
    indicators unrelated to cost to the category they measure.
    """

    code = "TL107"
    name = "cost-not-monetary"
    severity = Severity.WARNING

    def check(self, declaration, source) -> Iterator[Finding]:
        for indicator in declaration.indicators():
            level2, value = indicator.level2, indicator.parsed
            if level2 is None or level2.kind not in MONETARY_COST_KINDS:
                continue
            if value is None or value.kind in _OWNED_ELSEWHERE:
                continue  # a missing value is TL003's, a blank template TL301's, a sentence TL210's, a plan TL209's
            if _monetary(value) or controls_cost(value, self.vocabulary):
                continue
            if value_artefact(indicator, self.vocabulary, declaration.year):
                continue  # "88100…": cells run together (TL304); no reading of a cost is possible
            facts = indicator.facts
            if facts.is_rate and facts.mentions_money:
                yield self.report(
                    indicator.span("value"),
                    f"成本指标“{indicator.name}”用比率“{value.raw}”代替了金额：可以保留，但请写明成本，如“人均成本 "
                    "≤N元/人”",
                    f"cost indicator '{indicator.name}' gives a rate ({value.raw}) instead of an amount; "
                    "keep it if you like, but state the cost, e.g. a unit cost in 元/人",
                    indicator=indicator,
                    severity=Severity.INFO,
                )
                continue
            yield self.report(
                indicator.span("value"),
                f"成本指标“{indicator.name}”的值“{value.raw}”既没有金额单位（元、万元、元/人），也不是成本控制要求"
                "（不高于…基准、控制在预算以内）：请写明金额，或把指标移到它所衡量的类别",
                f"cost indicator '{indicator.name}' has neither a money unit (元, 万元, 元/人) nor a cost control "
                f"(a ceiling against a baseline or budget) in '{value.raw}'; state an amount or move it to the "
                "category it measures",
                indicator=indicator,
            )


RULES = [CostNotMonetary]
