from targetlint.rule import Rule, Severity


class RuleCrashed(Rule):
    """规则出错：某条规则在检查时抛出异常或返回了无效结果。

    **作用**：由引擎报告，不由本规则检查。某条规则（内置或插件）抛出异常、返回的
    不是 Finding、或指向文件之外的位置时，引擎将其记为一条本代码的发现，注明规则与
    插件名，其余规则照常运行，运行结束时以退出码 2 表示内部错误。

    **为什么重要**：一条有缺陷的规则不应让整个检查中断，也不应悄悄漏报。

    **示例**：第三方规则包在某个申报表上抛出 `ZeroDivisionError`。

    **修复方法**：把发现中的信息报告给该插件的维护者；临时可用 `ignore` 关闭该规则。
    ---
    Rule crashed: a rule raised or returned garbage while checking.

    **What it does**: reported by the engine, not checked by this rule. When
    a rule (built-in or from a plugin) raises, yields something that is not a
    Finding, or points outside the file, the engine records one finding with
    this code naming the rule and its plugin; every other rule still runs,
    and the run exits 2 to signal an internal error.

    **Why it matters**: one broken rule must neither stop the check nor
    silently drop findings.

    **Example**: a third-party pack raises `ZeroDivisionError` on a declaration.

    **How to fix**: report the finding to the plugin's maintainers; `ignore`
    the rule meanwhile.
    """

    code = "TL009"
    name = "rule-crashed"
    severity = Severity.ERROR

    def check(self, declaration, source):
        return iter(())


RULES = [RuleCrashed]
