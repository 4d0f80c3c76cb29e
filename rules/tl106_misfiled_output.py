from collections.abc import Iterator

from targetlint.rule import Finding, Rule, Severity
from targetlint.values import Operator, UnitClass
from targetlint.vocabulary import Level1Kind, Level2Kind


def _output(indicator, kind: str) -> bool:
    level1, level2 = indicator.level1, indicator.level2
    return level1 is not None and level2 is not None and level1.kind == Level1Kind.OUTPUT and level2.kind == kind


class MisfiledOutput(Rule):
    """产出指标放错二级：质量类比率放在“数量指标”下，或人数、人次等计数放在“质量指标”下。

    **作用**：在产出指标下报告两种错放，位置在指标名称：
    - 数量指标下的质量类比率：合格率、准确率、达标率、优良率、通过率、差错率……
      （如“退休证印制准确率”）；
    - 质量指标下的计数：人数、人次、场次、学时，以及其他产出的个数、件数、问题数
      （如“纪检监察、政风行风培训人次数 230人”“整改问题数 15个”），名称不是计数时看单位
      （人、人次、场、个、批次……）。

    不报告：数量指标下的“完成率”“覆盖率”“到位率”等——用完成率表达计划数量的完成程度
    是常见且被接受的写法；“培训人数达标率”“出勤人次达标率”衡量的是人数是否达到计划，
    属于数量；质量指标下的事故、差错、投诉等不良事件计数（“车辆事故发生数 0”），
    以及目标为 0 或上限（≤）的计数，它们控制的是质量；获奖、荣誉、示范等称号的个数
    （“获省部级奖项数”）衡量的是质量。

    **为什么重要**：数量指标说明做了多少，质量指标说明做得多好；错放后两类都没有
    被真正衡量，年终评价时无法分别考核。

    **示例**：
    ```yaml
    数量指标:
      - 三级指标: 退休证印制准确率
        指标值: ≥90%
    质量指标:
      - 三级指标: 纪检监察、政风行风培训人次数
        指标值: 230人
    ```

    **修复方法**：把质量类比率移到质量指标，把人数、人次移到数量指标；如质量指标因此变空，
    写明质量要求，如“培训考核合格率 ≥95%”。
    ---
    Misfiled output: a quality rate under 数量指标, or a headcount under 质量指标.

    **What it does**: reports, at the indicator's name, two misfilings
    under 产出指标:
    - a quality rate under 数量指标: 合格率, 准确率, 达标率, 优良率, 通过率,
      差错率 … (e.g. "退休证印制准确率");
    - a count under 质量指标: people, attendances, sessions, hours, and any
      other output counted (e.g. "纪检监察、政风行风培训人次数 230人",
      "整改问题数 15个"), judged by the unit (人, 人次, 场, 个, 批次 …) when
      the name is not a count.

    Not reported: 完成率, 覆盖率, 到位率 … under 数量指标 — expressing a
    planned quantity as its completion rate is common and accepted practice;
    "培训人数达标率" and "出勤人次达标率", which measure a headcount against
    its plan and so are quantities; counts of adverse events under 质量指标
    (事故, 差错, 投诉: "车辆事故发生数 0"), and counts targeted at 0 or
    capped (≤), which control quality; counts of awards, honours and
    distinctions won ("获省部级奖项数"), which measure it.

    **Why it matters**: 数量 says how much was done, 质量 how well; misfiled,
    neither is really measured and they cannot be assessed apart at year end.

    **Example**:
    ```yaml
    数量指标:
      - 三级指标: 退休证印制准确率
        指标值: ≥90%
    质量指标:
      - 三级指标: 纪检监察、政风行风培训人次数
        指标值: 230人
    ```

    **How to fix**: move quality rates to 质量指标 and headcounts to
    数量指标; if that empties 质量指标, state a quality requirement such as
    "培训考核合格率 ≥95%".
    """

    code = "TL106"
    name = "misfiled-output"
    severity = Severity.WARNING

    def check(self, declaration, source) -> Iterator[Finding]:
        for indicator in declaration.indicators():
            facts = indicator.facts
            where = f"{indicator.level1.label}/{indicator.level2.label}" if indicator.level2 else ""
            if _output(indicator, Level2Kind.QUANTITY) and facts.is_quality_rate:
                yield self.report(
                    indicator.span("name"),
                    f"质量类比率“{indicator.name}”放在了“{where}”下：请移到质量指标",
                    f"quality rate '{indicator.name}' is filed under '{where}'; move it to 质量指标",
                    indicator=indicator,
                    subject=indicator.name,
                )
            elif _output(indicator, Level2Kind.QUALITY) and self._headcount(indicator):
                yield self.report(
                    indicator.span("name"),
                    f"计数指标“{indicator.name}”（人数、人次、场次等）放在了“{where}”下：请移到数量指标，质量指标写明质量要求",
                    f"count '{indicator.name}' (people, attendances, sessions) is filed under '{where}'; "
                    "move it to 数量指标 and state a quality requirement under 质量指标",
                    indicator=indicator,
                    subject=indicator.name,
                )

    def _headcount(self, indicator) -> bool:
        facts, value = indicator.facts, indicator.parsed
        if facts.is_rate or facts.is_defect or facts.is_distinction:
            return False
        # A zero or capped count limits something unwanted: a quality target.
        if value is not None and (value.number == 0 or value.operator in (Operator.LE, Operator.LT)):
            return False
        # Any count of output is volume, not quality: "整改问题数 15个", "检测样品 ≥200批次".
        if facts.is_headcount or facts.is_count:
            return True
        return value is not None and (
            value.unit in self.vocabulary.headcount_units or value.unit_class is UnitClass.COUNT
        )


RULES = [MisfiledOutput]
