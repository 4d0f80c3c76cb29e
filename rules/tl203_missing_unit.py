from collections.abc import Iterator

from targetlint.measurability import is_money, pieces, value_artefact
from targetlint.rule import Finding, FixSafety, Rule, Severity, Suggestion
from targetlint.value_fixes import percent_fix
from targetlint.values import IndicatorValue, ValueKind

from ._suggestions import count_unit


class MissingUnit(Rule):
    """缺少单位：数值后没有计量单位或百分号。

    **作用**：比率指标的数值没有 %（如“整改率 100”“上报及时率 90”），或指标值只是一个
    光秃秃的数字、既无单位也无比较符号（如“申报人数 200”“召开场次 5”）时报告；一格多值
    逐个检查。带比较符号的计数（“案件完成数 ≥2200”）同样要写单位；只有数量级没有
    货币的金额（“300万”）和没有主单位的单价（“≤15.5/人次”）也报告。名称括注里写了
    单位的（“开展修复工程(个) ≥1”“项目开展率(%) 100”）不报告。
    值为 0 的发生数（“事故发生数 0”）不需要单位，不报告。

    同一缺陷只报一次：无单位且超过 100 的有界比率由 TL201 报告；写成 1 或 0.9 的比率
    由 TL206 报告；满意度指标（“满意度 90”）由 TL211 报告。

    **为什么重要**：没有单位，“100”可以是 100%、100 人或 100 次，年终无法对照考核。

    **示例**：
    ```yaml
    - 三级指标: 审计/评价发现问题整改率
      指标值: 100
    - 三级指标: 工作会议召开场次
      指标值: 5
    ```

    **修复方法**：写明单位：比率写 %（“100%”），数量写 人、人次、场、个 等，并写出比较
    符号（“≥5场”）。
    ---
    Missing unit: a number with no unit or percent sign.

    **What it does**: reports rate values without % ("整改率 100", "上报及时率
    90") and values that are a bare number with neither unit nor comparison
    ("申报人数 200", "召开场次 5"); each value of a multi-value cell is
    checked. A count with a comparison ("案件完成数 ≥2200") needs its unit
    too, and so do an amount with a magnitude but no currency ("300万") and
    a per-unit amount with no head unit ("≤15.5/人次"). A unit written in the
    name's brackets ("开展修复工程(个) ≥1", "项目开展率(%) 100") counts. A zero
    count ("事故发生数 0") needs no unit and is not reported.

    One finding per defect: unitless bounded rates above 100 are TL201's,
    rates written as 1 or 0.9 are TL206's, satisfaction indicators
    ("满意度 90") are TL211's.

    **Why it matters**: without a unit "100" may mean 100%, 100 people or
    100 times; nobody can assess it at year end.

    **Example**:
    ```yaml
    - 三级指标: 审计/评价发现问题整改率
      指标值: 100
    - 三级指标: 工作会议召开场次
      指标值: 5
    ```

    **How to fix**: state the unit: % for rates ("100%"), 人, 人次, 场, 个 …
    for counts, with a comparison ("≥5场").
    """

    code = "TL203"
    name = "missing-unit"
    severity = Severity.WARNING
    fixable = FixSafety.UNSAFE

    def check(self, declaration, source) -> Iterator[Finding]:
        for indicator in declaration.judged_values():
            value, facts = indicator.parsed, indicator.facts
            # "开展修复工程(个) ≥1": the unit is in the name's brackets.
            if value is None or facts.measures_satisfaction or facts.bracket_unit:
                continue
            if value_artefact(indicator, self.vocabulary, declaration.year):
                continue  # "88100", a date serial: a conversion's artefact (TL304), not a missing unit
            mixed = next((p for p in pieces(value) if p.unit_conflict), None)
            if mixed is not None:
                yield self.report(
                    indicator.span("value"),
                    f"指标“{indicator.name}”的值“{value.raw}”写了两个互相矛盾的单位（{mixed.unit}）：请只保留所衡量的那一个",
                    f"the value '{value.raw}' of '{indicator.name}' has two contradicting units ({mixed.unit}); "
                    "keep the one it measures",
                    indicator=indicator,
                )
                continue
            if not any(self._missing(p, facts) for p in pieces(value)):
                continue
            raw, unit = value.raw, count_unit(indicator.name)
            if facts.is_rate:
                zh, en = "应写明 %（如“100%”）", 'add % ("100%")'
                suggestion = Suggestion(f"写作 {raw}%", f"write {raw}%")
            elif facts.is_amount or any(is_money(p) for p in pieces(value)):
                zh, en = "应写明货币单位（元、万元、元/人）", "add the currency (元, 万元, 元/人)"
                suggestion = Suggestion(f"写作 {raw}元 或 {raw}万元", f"write {raw}元 or {raw}万元")
            elif any(p.operator is not None for p in pieces(value)):
                zh, en = "应写明计量单位（人、人次、场、个…）", "add a unit (人, 人次, 场, 个 …)"
                suggestion = (
                    Suggestion(f"写作 {raw}{unit}", f"write {raw}{unit}")
                    if unit
                    else Suggestion(f"写明单位，如 {raw}个、{raw}人", f"add the unit, e.g. {raw}个 or {raw}人")
                )
            else:
                zh, en = (
                    "应写明计量单位（人、人次、场、个…）和比较符号",
                    "add a unit (人, 人次, 场, 个 …) and a comparison",
                )
                shown = f"≥{raw}{unit or '个'}"
                suggestion = Suggestion(
                    f"写明比较符号和单位，如 {shown}", f"add a comparison and the unit, e.g. {shown}"
                )
            yield self.report(
                indicator.span("value"),
                f"指标“{indicator.name}”的值“{value.raw}”没有单位，{zh}",
                f"the value '{value.raw}' of '{indicator.name}' has no unit; {en}",
                indicator=indicator,
                fix=percent_fix(indicator, self.vocabulary) if facts.is_rate else None,
                suggestion=suggestion,
            )

    @staticmethod
    def _missing(value: IndicatorValue, facts) -> bool:
        if value.kind not in (ValueKind.NUMBER, ValueKind.RANGE) or value.number is None:
            return False
        # "≤15.5/人次" is per 人次 of what? A per-unit with no head unit is no unit.
        if value.unit is not None and not value.unit.startswith("/"):
            return False
        if value.number == 0 and not value.upper:
            return False
        if facts.is_rate:
            # 0 < n ≤ 1 is a scale question (TL206); above 100 on a bounded
            # rate it is a headcount (TL201).
            return not (0 < value.number <= 1 or (facts.is_bounded_rate and max(value.number, value.upper or 0) > 100))
        # "案件受理数 ≥500" still needs its unit (件? 宗?): the comparison says
        # nothing about what is counted.
        return True


RULES = [MissingUnit]
