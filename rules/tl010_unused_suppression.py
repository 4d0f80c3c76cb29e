from targetlint.rule import Rule, Severity


class UnusedSuppression(Rule):
    """未使用的抑制注释：`# targetlint: disable=…` 没有抑制任何问题。

    **作用**：由抑制层报告，不由本规则检查。一条 `disable` 或 `disable-file` 注释
    （或其中的某个代码）在本次检查中没有抑制任何问题时报告；注释中的代码或规则名不存在、
    指令无法识别（如 `disabel=`）、或单独一行的注释之后再没有内容时也报告。只判断对该
    文件启用的规则：用 `--select` 只运行部分规则时，其他规则的抑制注释不会被误报。

    **为什么重要**：问题修好后留下的抑制注释会悄悄地屏蔽以后再出现的同类问题；
    拼错的代码则让作者以为问题已被抑制。ruff（RUF100）、sqlfluff 和 ESLint 都会报告这类注释。

    **示例**：
    ```yaml
    - 三级指标: 培训人数
      指标值: ≥250人  # targetlint: disable=TL203 -- 单位已补齐，注释却留着
    ```

    **修复方法**：删除该注释或其中多余的代码；拼错的代码改为 `targetlint rules` 列出的
    代码或规则名。本规则可在配置中关闭（`ignore`、`per-file-ignores`），不能用行内注释抑制。
    ---
    Unused suppression: a `# targetlint: disable=…` comment suppresses nothing.

    **What it does**: reported by the suppression layer, not checked by this
    rule. Reports a `disable` or `disable-file` comment (or a code in it)
    that suppressed nothing in this run, a code or rule name that does not
    exist, a directive that cannot be read (such as `disabel=`), and a
    directive alone on a line with nothing after it. Only rules enabled for
    the file are judged, so a run with `--select` does not flag suppressions
    of the rules it left out.

    **Why it matters**: a suppression left behind after the defect was fixed
    silently hides the next defect of that kind, and a misspelt code makes
    the author believe a finding is suppressed when it is not. ruff (RUF100),
    sqlfluff and ESLint report these too.

    **Example**:
    ```yaml
    - 三级指标: 培训人数
      指标值: ≥250人  # targetlint: disable=TL203 -- the unit was added, the comment stayed
    ```

    **How to fix**: delete the comment or the codes it no longer needs; correct
    a misspelt code to one `targetlint rules` lists. The rule can be turned off
    in configuration (`ignore`, `per-file-ignores`), not by an inline comment.
    """

    code = "TL010"
    name = "unused-suppression"
    severity = Severity.WARNING

    def check(self, declaration, source):
        return iter(())


RULES = [UnusedSuppression]
