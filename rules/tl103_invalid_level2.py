from collections.abc import Iterator

from targetlint.names import (
    LEVEL1_KINDS,
    UnprintedLevels,
    level2_kinds,
    level_printed,
    older_template_placement,
    unprinted_levels,
)
from targetlint.rule import Finding, Rule, Severity
from targetlint.vocabulary import Level1Kind, Level2Kind


def _listed(kinds) -> str:
    return "、".join(f"{kind}指标" for kind in kinds)


class InvalidLevel2(Rule):
    """二级指标不属于所在的一级指标：未知的二级分类、放错一级的二级分类，或未知的一级分类。

    **作用**：按规范化后的标签判断分类（空格、“(必填)”之类的后缀、末尾的“指标”不影响判断，
    “经济效益”与“经济效益指标”相同）。报告：
    - 一级指标下的未知二级分类，如效益指标下的“运行效益指标”；
    - 放错一级的二级分类，如产出指标下的“社会效益指标”、效益指标下的“时效指标”；
    - 不认识的一级分类（在该一级的键处报告，其下的二级不再逐一报告）；
    - 新旧格式混用：申报表已有一级“成本指标”，产出指标下又有二级“成本指标”。

    旧版官方模板的格式不是错误：满意度作为效益指标下的二级（“社会公众或服务对象满意度
    指标”）只作提示，说明这是旧模板格式；一级名称重复作二级（“满意度指标/满意度指标”
    “成本指标/成本指标”）不报告。

    合法的二级：产出 → 数量、质量、时效、成本（旧格式）；效益 → 经济效益、社会效益、
    生态效益、可持续影响；满意度 → 服务对象满意度；成本（新格式）→ 经济成本、社会成本、
    生态环境成本。

    整张表都不印二级（三级指标直接列在一级下）是较早的表格格式，只在第一处报一次（提示）；
    个别指标没有二级时说“没有写二级”；完全不分级的清单由 TL101 报告。

    **为什么重要**：分类决定指标如何被审核和评价：放错或自创的分类让评审无法对照
    规范检查完整性，也常常说明指标本身放错了位置。

    **示例**：
    ```yaml
    效益指标:
      运行效益指标:
        - 三级指标: 设备运行稳定性
          指标值: 稳定
    ```

    **修复方法**：改用规范的二级分类，把指标移到合适的类别下，如把“设备运行稳定性”
    移到“可持续影响指标”或产出指标下的“质量指标”。
    ---
    Invalid 二级: an unknown 二级, a 二级 under the wrong 一级, or an unknown 一级.

    **What it does**: judges categories by their normalised labels (spaces,
    suffixes such as "(必填)" and a trailing 指标 do not matter; "经济效益"
    is "经济效益指标"). It reports:
    - an unknown 二级 under a 一级, such as "运行效益指标" under 效益指标;
    - a 二级 under the wrong 一级, such as "社会效益指标" under 产出指标 or
      "时效指标" under 效益指标;
    - an unknown 一级 (at that 一级's key; its 二级 are not reported one by one);
    - mixed layouts: a 二级 成本指标 under 产出指标 in a declaration that
      already has a 一级 成本指标.

    An older official template's layout is no error: satisfaction as a 二级
    under 效益 ("社会公众或服务对象满意度指标") is an info naming the layout;
    a 一级 name repeated as its 二级 ("满意度指标/满意度指标",
    "成本指标/成本指标") is not reported.

    Valid 二级: 产出 → 数量, 质量, 时效, 成本 (older layout); 效益 → 经济效益,
    社会效益, 生态效益, 可持续影响; 满意度 → 服务对象满意度; 成本 (newer
    layout) → 经济成本, 社会成本, 生态环境成本.

    A table that prints no 二级 at all (三级 straight under each 一级) is an
    older layout, reported once, at the first, as info; a blank 二级 among
    printed ones says the indicators lack a 二级; a list with no levels at all
    is TL101's.

    **Why it matters**: the category decides how an indicator is reviewed
    and assessed; a misplaced or invented category keeps reviewers from
    checking completeness against the guidance, and often means the
    indicators under it are misfiled too.

    **Example**:
    ```yaml
    效益指标:
      运行效益指标:
        - 三级指标: 设备运行稳定性
          指标值: 稳定
    ```

    **How to fix**: use the standard 二级 and move the indicators where they
    belong, e.g. "设备运行稳定性" under 可持续影响指标, or under 质量指标 of
    产出指标.
    """

    code = "TL103"
    name = "invalid-level2"
    severity = Severity.WARNING

    def check(self, declaration, source) -> Iterator[Finding]:
        cost_level1 = next((level1 for level1 in declaration.level1s if level1.kind == Level1Kind.COST), None)
        categories = [c for level1 in declaration.level1s for c in level1.categories]
        layout = unprinted_levels([one.label for one in declaration.level1s], [c.label for c in categories])
        if layout is UnprintedLevels.NONE_PRINTED:
            return  # a list with no levels at all: TL101 says so, once
        if layout is UnprintedLevels.NO_LEVEL2:
            # A layout, said once for the table, not a bad label per 一级.
            yield self.report(
                categories[0].span(),
                "指标表没有二级指标：三级指标直接列在一级指标下，是较早的表格格式；换用现行模板时请按二级分类"
                "（如数量、质量、时效指标）填写",
                "the table prints no 二级: its indicators sit straight under each 一级, an older layout; when you "
                "change templates, file them under 二级 (数量, 质量, 时效 …)",
                subject="",
                severity=Severity.INFO,
            )
        for level1 in declaration.level1s:
            if level1.kind is None:
                yield self.report(
                    level1.span(),
                    f"一级指标“{level1.label}”不是规范的一级分类（{_listed(LEVEL1_KINDS)}）：请改用规范名称",
                    f"'{level1.label}' is no standard 一级 ({_listed(LEVEL1_KINDS)}); use a standard one",
                    subject=level1.label,
                )
                continue
            valid = _listed(level2_kinds(level1.kind))
            for level2 in level1.categories:
                if layout is UnprintedLevels.NO_LEVEL2:
                    continue
                if older_template_placement(level1.kind, level2.kind):
                    # A layout an older official template printed is never an error, nor a misfiling.
                    yield self.report(
                        level2.span(),
                        f"“{level2.label}”写在“{level1.label}”下是旧版模板的格式：现行模板把满意度指标设为一级指标，"
                        "换用新模板时请移出",
                        f"'{level2.label}' under '{level1.label}' is an older template's layout; current templates "
                        "make 满意度指标 a 一级 of its own, so move it when you change templates",
                        subject=level2.label,
                        severity=Severity.INFO,
                    )
                    continue
                message = self._judge(level1, level2, valid, cost_level1)
                if message is not None:
                    yield self.report(level2.span(), *message, subject=level2.label)

    def _judge(self, level1, level2, valid: str, cost_level1) -> tuple[str, str] | None:
        where = f"“{level1.label}”"
        if not level_printed(level2.label):
            return (
                f"{where}下有指标没有写二级指标：请归入 {valid} 之一",
                f"some indicators under '{level1.label}' have no 二级; file them under one of {valid}",
            )
        if level2.kind is None:
            return (
                f"二级指标“{level2.label}”不是{where}下的规范分类（{valid}）：请改用规范分类并相应移动指标",
                f"'{level2.label}' is no standard 二级 under '{level1.label}' ({valid}); use a standard one and move "
                "its indicators",
            )
        if level2.home == level1.kind:
            if level2.kind == Level2Kind.COST and cost_level1 is not None:
                return (
                    f"本申报表已在第 {cost_level1.span().line} 行设一级“{cost_level1.label}”，"
                    f"产出指标下的二级“{level2.label}”"
                    "混用了旧格式：请把其中的指标移到一级成本指标下的经济成本指标",
                    f"this declaration has a 一级 '{cost_level1.label}' on line {cost_level1.span().line}; the 二级 "
                    f"'{level2.label}' under 产出 mixes in the older layout: move its indicators to 经济成本 under "
                    "the 一级 成本指标",
                )
            return None
        if level2.kind == Level2Kind.COST and level1.kind == Level1Kind.COST:
            return (
                f"一级成本指标下的二级应为 {valid}，而不是“{level2.label}”：货币成本请写在经济成本指标下",
                f"the 二级 under a 一级 成本指标 are {valid}, not '{level2.label}'; put monetary costs under "
                "经济成本指标",
            )
        return (
            f"二级指标“{level2.label}”属于{level2.home}指标，不应放在{where}下（此处应为 "
            f"{valid}）：请移到{level2.home}指标下",
            f"'{level2.label}' belongs under {level2.home}指标, not under '{level1.label}' (which takes {valid}); "
            "move it",
        )


RULES = [InvalidLevel2]
