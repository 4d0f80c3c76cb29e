from collections.abc import Iterator

from targetlint.rule import Finding, Fix, FixSafety, Rule, Severity, Suggestion
from targetlint.values import parse_value


class NonstandardOperator(Rule):
    """比较符号写法不规范：用 >=、<=、≧、＞ 等代替了申报表的 ≥、≤、>、<、=。

    **作用**：指标值或“运算符”列里的比较符号是 ASCII 组合（>=、<=、=>、==）、
    全角符号（＞、＜、＝、＞＝）或异体（≧、≦、⩾、⩽）时报告，并给出申报表的标准
    写法。“不少于”“以上”这类文字写法是规范的中文表达，不报告；LaTeX、HTML 残留由
    TL302 处理。

    **为什么重要**：含义没有变化，但同一份申报表里 “>=90%” 与 “≥90%” 混用，会让汇总、
    比对和系统导入出错（部分系统只认 ≥ ≤）。

    **示例**：
    ```yaml
    - 三级指标: 服务对象满意度
      指标值: ">=90%"
    - 三级指标: 投诉率
      指标值: ≦5%
    ```

    **修复方法**：改为标准符号（“≥90%”“≤5%”）。`targetlint check --fix` 会自动改正，
    只替换符号本身，其余文字、引号和注释保持不变。
    ---
    Nonstandard operator: >=, <=, ≧, ＞ … where the form uses ≥, ≤, >, <, =.

    **What it does**: reports comparison signs in a value or in the 运算符
    column written as ASCII pairs (>=, <=, =>, ==), full-width signs (＞,
    ＜, ＝, ＞＝) or variants (≧, ≦, ⩾, ⩽), and offers the form's sign.
    Worded operators such as 不少于 or 以上 are proper Chinese and pass;
    LaTeX and HTML residue is TL302's.

    **Why it matters**: the meaning is unchanged, but ">=90%" beside "≥90%"
    in one batch trips up aggregation, comparison and import into budget
    systems, some of which accept only ≥ and ≤.

    **Example**:
    ```yaml
    - 三级指标: 服务对象满意度
      指标值: ">=90%"
    - 三级指标: 投诉率
      指标值: ≦5%
    ```

    **How to fix**: write the standard sign ("≥90%", "≤5%").
    `targetlint check --fix` does it, replacing only the sign; the rest of
    the text, its quotes and comments stay as they are.
    """

    code = "TL213"
    name = "nonstandard-operator"
    severity = Severity.INFO
    fixable = FixSafety.SAFE

    def check(self, declaration, source) -> Iterator[Finding]:
        for indicator in declaration.judged_values():
            value = indicator.parsed
            if value is None or value.markup:
                continue
            spellings = {
                p.operator_text: p.operator
                for p in (value, *value.parts)
                if p.operator is not None
                and p.operator_text
                and _is_sign(p.operator_text)
                and p.operator_text != p.operator.value
            }
            for written, operator in spellings.items():
                field, current = (
                    ("operator", indicator.operator) if indicator.operator == written else ("value", indicator.value)
                )
                fix = None
                if current:
                    fixed = _replaced(current, written, operator.value, field, self.vocabulary)
                    if fixed is not None:
                        fix = Fix(
                            indicator.span(field),
                            fixed,
                            FixSafety.SAFE,
                            f"把“{written}”改为“{operator.value}”",
                            f"replace '{written}' with '{operator.value}'",
                        )
                suggestion = (
                    Suggestion(f"写作 {fix.replacement}", f"write {fix.replacement}")
                    if fix is not None
                    else Suggestion(
                        f"把“{written}”改为“{operator.value}”", f"replace '{written}' with '{operator.value}'"
                    )
                )
                yield self.report(
                    indicator.span(field),
                    f"指标“{indicator.name}”的比较符号“{written}”不规范，应写作“{operator.value}”",
                    f"the comparison sign '{written}' of '{indicator.name}' is nonstandard; write '{operator.value}'",
                    indicator=indicator,
                    subject=written,
                    fix=fix,
                    suggestion=suggestion,
                )


def _is_sign(text: str) -> bool:
    # Worded operators (不少于, 以上) are the form's own language, not a misspelling.
    return all(not ch.isalnum() for ch in text)


def _replaced(current: str, written: str, canonical: str, field: str, vocabulary) -> str | None:
    """``current`` with every ``written`` sign standardised, if that keeps the
    value's meaning as the grammar reads it."""
    if field == "operator":
        return canonical if current == written else None
    fixed = current.replace(written, canonical)
    before, after = parse_value(current, vocabulary=vocabulary), parse_value(fixed, vocabulary=vocabulary)

    def same(v):
        return (
            v.kind,
            v.operator,
            v.number,
            v.upper,
            v.unit,
            v.multiplier,
            tuple(p.operator for p in v.parts),
            tuple(p.number for p in v.parts),
        )

    return fixed if same(before) == same(after) else None


RULES = [NonstandardOperator]
