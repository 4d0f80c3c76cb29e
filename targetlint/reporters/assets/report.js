// targetlint report: builds the per-project tables from the embedded data,
// a page of projects at a time, and filters them. Text is only ever set with
// textContent, so nothing from a declaration is read as markup.
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("report-data").textContent);
  var S = data.strings;
  var PAGE = 100; // projects per page
  var SEVERITY_CLASS = ["error", "warning", "info"];
  var list = document.getElementById("project-list");
  var controls = {
    severity: document.getElementById("filter-severity"),
    rule: document.getElementById("filter-rule"),
    department: document.getElementById("filter-department"),
    search: document.getElementById("search"),
    failedOnly: document.getElementById("failed-only"),
  };
  var matches = []; // [project index, [finding indices]]
  var page = 0;

  // Lower-cased text of each finding and project, for the search box; built once.
  var findingText = data.findings.map(function (f) {
    return [f[1], f[2], f[3], f[4], f[5], f[6], f[7], f[8]].join("\n").toLowerCase();
  });
  var projectText = data.projects.map(function (p) {
    return [p[0], p[1], p[2]].join("\n").toLowerCase();
  });

  function format(template, values) {
    return template.replace(/\{(\w+)\}/g, function (_, key) {
      return String(values[key]);
    });
  }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function filter() {
    var severity = controls.severity.value;
    var rule = controls.rule.value;
    var department = controls.department.value;
    var search = controls.search.value.trim().toLowerCase();
    var failedOnly = controls.failedOnly.checked;
    var findingFilter = severity !== "" || rule !== "" || search !== "";
    var shownFindings = 0;
    matches = [];
    for (var p = 0; p < data.projects.length; p++) {
      var project = data.projects[p];
      if (department !== "" && project[1] !== department) continue;
      if (failedOnly && !project[3]) continue;
      var projectMatches = search !== "" && projectText[p].indexOf(search) >= 0;
      var kept = [];
      for (var i = project[4]; i < project[5]; i++) {
        var finding = data.findings[i];
        if (severity !== "" && SEVERITY_CLASS[finding[0]] !== severity) continue;
        if (rule !== "" && finding[1] !== rule) continue;
        if (search !== "" && !projectMatches && findingText[i].indexOf(search) < 0) continue;
        kept.push(i);
      }
      // With a filter on findings, a project shows only if some finding matched.
      if (findingFilter && kept.length === 0 && !(projectMatches && severity === "" && rule === "")) continue;
      matches.push([p, kept]);
      shownFindings += kept.length;
    }
    document.getElementById("shown").textContent = format(S.shown, {
      findings: shownFindings,
      projects: matches.length,
    });
    document.getElementById("shown").dataset.findings = shownFindings;
    document.getElementById("shown").dataset.projects = matches.length;
    page = 0;
    draw();
  }

  function table(indices) {
    var t = element("table", "findings");
    var head = t.createTHead().insertRow();
    [S.severity, S.level1, S.level2, S.level3, S.value, S.problem, S.how_to_fix, S.rule, S.location].forEach(
      function (label) {
        head.appendChild(element("th", "", label));
      }
    );
    var body = t.createTBody();
    indices.forEach(function (i) {
      var f = data.findings[i];
      var row = body.insertRow();
      row.className = "finding " + SEVERITY_CLASS[f[0]];
      row.appendChild(element("td", "severity", data.severities[f[0]]));
      [f[2], f[3], f[4], f[5], f[6], f[7]].forEach(function (text) {
        row.appendChild(element("td", "", text));
      });
      var ruleCell = element("td", "rule");
      var link = element("a", "", f[1]);
      link.href = "#rule-" + f[1];
      ruleCell.appendChild(link);
      row.appendChild(ruleCell);
      row.appendChild(element("td", "location", f[8]));
    });
    return t;
  }

  function draw() {
    var pages = Math.max(1, Math.ceil(matches.length / PAGE));
    page = Math.min(Math.max(page, 0), pages - 1);
    var fragment = document.createDocumentFragment();
    matches.slice(page * PAGE, (page + 1) * PAGE).forEach(function (match) {
      var project = data.projects[match[0]];
      var section = element("section", "project " + (project[3] ? "failed" : "passed"));
      var title = element("h3", "", project[0] + " ");
      title.appendChild(element("span", "badge", project[3] ? S.failed : S.passed));
      section.appendChild(title);
      section.appendChild(element("p", "meta", project[1] + " · " + project[2]));
      if (match[1].length) section.appendChild(table(match[1]));
      else section.appendChild(element("p", "clean", S.no_findings));
      fragment.appendChild(section);
    });
    list.replaceChildren(fragment);
    document.getElementById("page").textContent = format(S.page, { page: page + 1, pages: pages });
    document.getElementById("previous").disabled = page === 0;
    document.getElementById("next").disabled = page >= pages - 1;
  }

  var pending = null;
  controls.search.addEventListener("input", function () {
    clearTimeout(pending);
    pending = setTimeout(filter, 150);
  });
  [controls.severity, controls.rule, controls.department, controls.failedOnly].forEach(function (control) {
    control.addEventListener("change", filter);
  });
  document.getElementById("previous").addEventListener("click", function () {
    page -= 1;
    draw();
    list.scrollIntoView();
  });
  document.getElementById("next").addEventListener("click", function () {
    page += 1;
    draw();
    list.scrollIntoView();
  });
  filter();
  document.body.dataset.ready = "1";
})();
