from collections.abc import Iterator

from targetlint.rule import Finding, Fix, FixSafety, Rule, Severity


class LabelWhitespace(Rule):
    """类别名称中有空格：“服务对象满意度 指标”“产出 指标”。

    **作用**：一级、二级指标的名称（绩效指标下的键）含有空格、全角空格或制表符时
    报告，并给出去掉空格的写法。两个英文单词之间的空格保留。去掉空格后与同级已有
    名称重复的，只报告、不自动修复。

    **为什么重要**：targetlint 判断类别时会忽略空格，但汇总表、预算系统和人工检索按
    原文比较：“服务对象满意度 指标”与“服务对象满意度指标”会被当成两个类别。空格多是
    从 PDF、Excel 复制时带进来的。

    **示例**：
    ```yaml
    满意度指标:
      服务对象满意度 指标:
        - 三级指标: 调解仲裁工作服务态度满意度
          指标值: ≥90%
    ```

    **修复方法**：删去名称中的空格（“服务对象满意度指标”）。`targetlint check --fix`
    会自动改正，只改这个键。
    ---
    Label whitespace: a category label with spaces in it ("服务对象满意度 指标").

    **What it does**: reports 一级 and 二级 labels (the keys under 绩效指标)
    holding spaces, ideographic spaces or tabs, and offers the label without
    them. A space between two Latin words stays. When the label without
    spaces is already a sibling's, the finding has no fix.

    **Why it matters**: targetlint ignores spaces when it judges categories,
    but summary sheets, budget systems and people searching compare the text:
    "服务对象满意度 指标" and "服务对象满意度指标" count as two categories.
    The spaces usually come from copying out of PDF or Excel.

    **Example**:
    ```yaml
    满意度指标:
      服务对象满意度 指标:
        - 三级指标: 调解仲裁工作服务态度满意度
          指标值: ≥90%
    ```

    **How to fix**: delete the spaces ("服务对象满意度指标").
    `targetlint check --fix` does it, editing only that key.
    """

    code = "TL110"
    name = "label-whitespace"
    severity = Severity.INFO
    fixable = FixSafety.SAFE

    def check(self, declaration, source) -> Iterator[Finding]:
        for level1 in declaration.level1s:
            yield from self._labels([level1], [item.label for item in declaration.level1s], "一级")
            yield from self._labels(level1.categories, [c.label for c in level1.categories], "二级")

    def _labels(self, records, siblings: list[str], level: str) -> Iterator[Finding]:
        for record in records:
            label = record.label
            tight = _without_spaces(label)
            if tight == label:
                continue
            fix = None
            if tight and tight not in siblings:
                fix = Fix(record.span("key"), tight, FixSafety.SAFE, f"改为“{tight}”", f"rename to '{tight}'")
            level_en = "level-1" if level == "一级" else "level-2"
            yield self.report(
                record.span("key"),
                f"{level}指标名称“{label}”中有空格，应写作“{tight}”",
                f"the {level_en} label '{label}' contains whitespace; write '{tight}'",
                subject=label,
                fix=fix,
            )


def _without_spaces(label: str) -> str:
    # A space between two Latin words ("Service Quality") is part of the name.
    out: list[str] = []
    for i, ch in enumerate(label):
        if ch.isspace():
            before = label[:i].rstrip()[-1:]
            after = label[i:].lstrip()[:1]
            if before.isascii() and before.isalpha() and after.isascii() and after.isalpha() and out and out[-1] != " ":
                out.append(" ")
            continue
        out.append(ch)
    return "".join(out).strip()


RULES = [LabelWhitespace]
