from collections.abc import Iterator

from targetlint.rule import Finding, Rule, Severity
from targetlint.vocabulary import Level1Kind, Level2Kind


def timeliness_home(declaration):
    """(产出 Level1, 时效 Level2) where a misfiled timeliness indicator belongs.

    Either may be None: the declaration has no 时效 category yet, or no 产出
    at all. A future (unsafe) fix moves the indicator's list item there, or
    creates 时效指标 under 产出; the message names the same destination.
    """
    output = next((level1 for level1 in declaration.level1s if level1.kind == Level1Kind.OUTPUT), None)
    timeliness = next(
        (
            level2
            for level2 in declaration.categories()
            if level2.kind == Level2Kind.TIMELINESS and level2.home == Level1Kind.OUTPUT
        ),
        None,
    )
    return output, timeliness


class MisfiledTimeliness(Rule):
    """时效指标放错类别：及时率、按期、完成时间等时效类指标不在“时效指标”下。

    **作用**：名称衡量完成时间的指标——含 及时率、及时性、及时度、准时率、按期、按时、
    如期、完成时间、完成时限，或“及时…率”“及时…性”（如“资金及时拨付率”）——
    放在时效指标以外的二级下（质量、数量、成本、效益……）时报告，位置在指标名称。
    说明改进幅度的名称（“审批时限压缩率”“办理时间缩短”）是效益，不报告；
    衡量满意度的名称（“对办事及时性的满意度”）由 TL105 判断；所在分类不规范时由 TL103 报告。

    **为什么重要**：时效指标单独考核进度；放在成本或质量下，成本和质量没有被真正衡量，
    进度也不在应有的位置被评价。

    **示例**：
    ```yaml
    成本指标:
      - 三级指标: 机关纪委-纪检监察培训及时率
        指标值: 100%
    ```

    **修复方法**：把该指标移到产出指标下的“时效指标”；原类别若因此变空，补上真正衡量
    该类别的指标（成本类写金额，如“人均培训成本 ≤500元/人”）。
    ---
    Misfiled timeliness: a 及时率 / 按期 / 完成时间 indicator outside 时效指标.

    **What it does**: reports, at the indicator's name, indicators that
    measure when work is done — names with 及时率, 及时性, 及时度, 准时率,
    按期, 按时, 如期, 完成时间, 完成时限, or a 及时 rate or …性 such as
    "资金及时拨付率" — filed under any 二级 other than 时效 (质量, 数量,
    成本, 效益 …). Names that report an improvement ("审批时限压缩率",
    "办理时间缩短") are effects and pass; names that measure satisfaction
    ("对办事及时性的满意度") are TL105's; non-standard categories are TL103's.

    **Why it matters**: timeliness is assessed on its own; filed under cost
    or quality it leaves that category unmeasured and the schedule assessed
    in the wrong place.

    **Example**:
    ```yaml
    成本指标:
      - 三级指标: 机关纪委-纪检监察培训及时率
        指标值: 100%
    ```

    **How to fix**: move it to 时效指标 under 产出指标; if that empties its
    category, add an indicator that measures it (for cost, an amount such as
    "人均培训成本 ≤500元/人").
    """

    code = "TL104"
    name = "misfiled-timeliness"
    severity = Severity.WARNING

    def check(self, declaration, source) -> Iterator[Finding]:
        output, timeliness = timeliness_home(declaration)
        for indicator in declaration.indicators():
            facts, level1, level2 = indicator.facts, indicator.level1, indicator.level2
            if not facts.measures_timeliness or facts.measures_satisfaction:
                continue
            if level1 is None or level2 is None or level1.kind is None or level2.kind is None:
                continue
            if level2.kind == Level2Kind.TIMELINESS:
                continue
            if timeliness is not None:
                to_zh = f"“{timeliness.label}”（第 {timeliness.span().line} 行）"
                to_en = f"'{timeliness.label}' (line {timeliness.span().line})"
            else:
                to_zh = f"“{output.label if output else '产出指标'}”下新建的“时效指标”"
                to_en = f"a new 时效指标 under '{output.label if output else '产出指标'}'"
            yield self.report(
                indicator.span("name"),
                f"时效类指标“{indicator.name}”放在了“{level1.label}/{level2.label}”下：请移到{to_zh}",
                f"timeliness indicator '{indicator.name}' is filed under '{level1.label}/{level2.label}'; move it to "
                f"{to_en}",
                indicator=indicator,
                subject=indicator.name,
            )


RULES = [MisfiledTimeliness]
