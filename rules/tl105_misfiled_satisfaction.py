from collections.abc import Iterator

from targetlint.rule import Finding, Rule, Severity
from targetlint.vocabulary import Level1Kind, Level2Kind


def _in_satisfaction(indicator) -> bool:
    # A 服务对象满意度 二级 misplaced under another 一级 is TL103's finding;
    # its indicators are still satisfaction indicators in a satisfaction category.
    return indicator.level1.kind == Level1Kind.SATISFACTION or indicator.level2.kind == Level2Kind.SERVICE_SATISFACTION


def _measure(facts) -> tuple[str, str] | None:
    """What a name under 满意度 measures instead of satisfaction, if it says."""
    if facts.is_count or facts.is_headcount:
        return "数量", "a count"
    if facts.is_effect:
        return "效果", "an effect"
    if facts.is_rate:
        return f"比率（{facts.rate_word}）", f"a rate ({facts.rate_word})"
    return None


class MisfiledSatisfaction(Rule):
    """满意度指标放错类别：满意度指标不在“满意度指标”下，或满意度指标下放了别的指标。

    **作用**：两种情况都报告，位置在指标名称：
    - 名称以 满意度、满意率、满意程度 等结尾的指标放在满意度指标以外，
      如社会效益指标下的“市民对空气质量改善的满意程度”；
    - 满意度指标下的指标名称表明它衡量的是别的东西：计数（“居保-发生重大集访矛盾次数”）、
      效果或影响（“数字人社转型对人社服务质量影响”）、与满意无关的比率（“政策知晓率”）。

    提到满意度但衡量别的东西的名称（“满意度调查覆盖率”）不算满意度指标；认可度、
    好评率、投诉等满意度的替代指标放在满意度指标下不报告；只写了评价主体的名称
    （“数据使用单位”）也不报告。时效类名称由 TL104 判断。

    **为什么重要**：满意度是一级指标，单独评分；放在效益下的满意度会被当作效益评价，
    放在满意度下的计数或效果则让满意度一栏实际上没有衡量任何人的评价。

    **示例**：
    ```yaml
    满意度指标:
      服务对象满意度指标:
        - 三级指标: 居保-发生重大集访矛盾次数
          指标值: 0
    效益指标:
      社会效益指标:
        - 三级指标: 市民对空气质量改善的满意程度
          指标值: ≥85%
    ```

    **修复方法**：把满意度指标移到“满意度指标/服务对象满意度指标”下；把计数、效果类指标
    移到衡量它的产出或效益类别下，并在满意度指标下写明对谁的满意度，如
    “参保居民满意度 ≥90%”。
    ---
    Misfiled satisfaction: a satisfaction indicator outside 满意度, or something else under 满意度.

    **What it does**: reports, at the indicator's name, both directions:
    - an indicator whose name ends in 满意度, 满意率, 满意程度 … filed
      outside 满意度指标, such as "市民对空气质量改善的满意程度" under
      社会效益指标;
    - an indicator under 满意度指标 whose name says it measures something
      else: a count ("居保-发生重大集访矛盾次数"), an effect or impact
      ("数字人社转型对人社服务质量影响"), or a rate unrelated to
      satisfaction ("政策知晓率").

    Names that mention satisfaction but measure something else
    ("满意度调查覆盖率") are not satisfaction indicators; stand-ins such as
    认可度, 好评率 and complaints pass under 满意度, and so does a name that
    only names who is asked ("数据使用单位"). Timeliness names are TL104's.

    **Why it matters**: 满意度 is a 一级 scored on its own; satisfaction
    filed under 效益 is assessed as an effect, and a count or an effect filed
    under 满意度 leaves that column measuring nobody's judgment.

    **Example**:
    ```yaml
    满意度指标:
      服务对象满意度指标:
        - 三级指标: 居保-发生重大集访矛盾次数
          指标值: 0
    效益指标:
      社会效益指标:
        - 三级指标: 市民对空气质量改善的满意程度
          指标值: ≥85%
    ```

    **How to fix**: move satisfaction indicators to 满意度指标 /
    服务对象满意度指标; move counts and effects to the 产出 or 效益 category
    that measures them, and state under 满意度 whose satisfaction is meant,
    e.g. "参保居民满意度 ≥90%".
    """

    code = "TL105"
    name = "misfiled-satisfaction"
    severity = Severity.ERROR

    def check(self, declaration, source) -> Iterator[Finding]:
        for indicator in declaration.indicators():
            facts, level1, level2 = indicator.facts, indicator.level1, indicator.level2
            if level1 is None or level2 is None or level1.kind is None:
                continue
            where = f"{level1.label}/{level2.label}"
            if not _in_satisfaction(indicator):
                if facts.measures_satisfaction:
                    yield self.report(
                        indicator.span("name"),
                        f"满意度指标“{indicator.name}”放在了“{where}”下：请移到满意度指标/服务对象满意度指标",
                        f"satisfaction indicator '{indicator.name}' is filed under '{where}'; move it to "
                        "满意度指标/服务对象满意度指标",
                        indicator=indicator,
                        subject=indicator.name,
                    )
                continue
            if facts.is_satisfaction or facts.is_satisfaction_proxy or facts.measures_timeliness:
                continue
            measure = _measure(facts)
            if measure is None:
                continue
            yield self.report(
                indicator.span("name"),
                f"“{indicator.name}”衡量的是{measure[0]}，不是满意度，不应放在“{where}”下："
                "请移到衡量它的产出或效益类别，满意度指标下写明对谁的满意度",
                f"'{indicator.name}' measures {measure[1]}, not satisfaction, and does not belong under '{where}'; "
                "move it to the 产出 or 效益 category that measures it and state whose satisfaction is meant",
                indicator=indicator,
                subject=indicator.name,
            )


RULES = [MisfiledSatisfaction]
