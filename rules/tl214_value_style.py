from collections.abc import Iterator

from targetlint.options import rule_options
from targetlint.rule import Finding, Fix, FixSafety, Rule, Severity
from targetlint.values import IndicatorValue, Operator, ValueKind, parse_value


class ValueStyle(Rule):
    """指标值写法不统一（可选规则）：“=100(%)”“=7.00(人)”写作“100%”“7人”。

    **作用**：默认不启用（`--extend-select TL214` 开启）。数值的单位写在括号里
    （“=100(%)”“>85(%)”“=2.00(场)”），或数值前有多余的“=”（“=90%”）时报告，并给出
    统一写法：比较符号（= 除外）、数值、单位，数值去掉末尾多余的 0。带“约”、
    限定词（每月、人均）、万/亿等数量级或文字比较词的值不报告。

    **为什么重要**：“=100(%)”是预算系统导出的格式，含义没有问题，所以本规则默认关闭；
    对外发布或人工维护的申报表统一写成“100%”更易读，也便于比对。

    **示例**：
    ```yaml
    - 三级指标: 合同应审尽审率
      指标值: =100(%)
    - 三级指标: 法治工作培训、执法培训完成场数
      指标值: =2.00(场)
    ```

    **修复方法**：写作“100%”“2场”。开启本规则后 `targetlint check --fix` 会自动改写。

    **选项**：`keep_equals: true` 保留“=”。
    ---
    Value style (opt-in): "=100(%)" and "=7.00(人)" written as "100%" and "7人".

    **What it does**: off by default (`--extend-select TL214` turns it on).
    Reports numbers whose unit is in brackets ("=100(%)", ">85(%)",
    "=2.00(场)") or that carry a redundant "=" ("=90%"), and offers one
    style: the comparison sign (except =), the number without trailing
    zeros, the unit. Values with 约, a qualifier (每月, 人均), a magnitude
    (万, 亿) or a worded operator are left alone.

    **Why it matters**: "=100(%)" is what budget systems export and means
    the same, so the rule is off by default; published or hand-kept
    declarations read better and compare more easily as "100%".

    **Example**:
    ```yaml
    - 三级指标: 合同应审尽审率
      指标值: =100(%)
    - 三级指标: 法治工作培训、执法培训完成场数
      指标值: =2.00(场)
    ```

    **How to fix**: write "100%" and "2场". With the rule on,
    `targetlint check --fix` rewrites them.

    **Options**: `keep_equals: true` keeps the "=".
    """

    code = "TL214"
    name = "value-style"
    severity = Severity.INFO
    fixable = FixSafety.SAFE
    default_enabled = False

    @rule_options
    class Options:
        keep_equals: bool = False

    options: Options

    def check(self, declaration, source) -> Iterator[Finding]:
        for indicator in declaration.judged_values():
            value = indicator.parsed
            if value is None or indicator.operator or indicator.unit or not _plain_number(value):
                continue
            redundant_equals = value.operator is Operator.EQ and not self.options.keep_equals
            if not (value.bracketed_unit or redundant_equals):
                continue
            styled = self._styled(value)
            if styled is None or styled == indicator.value:
                continue
            yield self.report(
                indicator.span("value"),
                f"指标“{indicator.name}”的值 {indicator.value} 可统一写作 {styled}",
                f"the value {indicator.value} of '{indicator.name}' can be written {styled}",
                indicator=indicator,
                fix=Fix(indicator.span("value"), styled, FixSafety.SAFE, f"改写为“{styled}”", f"write '{styled}'"),
            )

    def _styled(self, value: IndicatorValue) -> str | None:
        sign = ""
        if value.operator is not None and (value.operator is not Operator.EQ or self.options.keep_equals):
            sign = value.operator.value
        number = value.number
        assert number is not None  # _plain_number() admitted only values with a number
        digits = str(int(number)) if number.is_integer() else repr(number)
        styled = f"{sign}{digits}{value.unit or ''}"
        # Only a rewrite the grammar reads as the same target is offered.
        again = parse_value(styled, vocabulary=self.vocabulary)

        def meaning(v):
            return (
                v.kind,
                v.operator if v.operator is not Operator.EQ else None,
                v.number,
                v.unit,
                v.multiplier,
                v.approximate,
            )

        return styled if meaning(again) == meaning(value) else None


def _plain_number(value: IndicatorValue) -> bool:
    """A number the style can rebuild from its parts without losing a word."""
    return (
        value.kind is ValueKind.NUMBER
        and value.number is not None
        and not value.from_yaml_number
        and value.multiplier == 1
        and not value.approximate
        and not value.qualifiers
        and not value.subject
        and not value.words
        and not value.markup
        and not value.parts
        and (
            value.operator_text is None or (value.operator is not None and value.operator_text == value.operator.value)
        )
    )


RULES = [ValueStyle]
