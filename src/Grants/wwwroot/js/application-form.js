// Live budget sums and "add row" buttons for the application form. The server computes the same
// sums (Applications/Budget.cs); these are only shown while typing, never posted.
(function () {
  "use strict";
  var form = document.getElementById("application-form");
  if (!form) return;
  var fmt = new Intl.NumberFormat("sv-SE", { maximumFractionDigits: 0 });
  function kronor(n) { return fmt.format(n).replace(/\u00a0|\u202f/g, " ") + " kronor"; }
  // Amounts may be typed with spaces ("508 000"), as the server's parser (Shared/Amounts.cs) accepts.
  var negative = false;
  function num(input) {
    var v = parseInt(String(input.value).replace(/[\s\u00a0\u202f]|kr(onor)?$/gi, "").replace("\u2212", "-"), 10);
    if (isNaN(v)) return 0;
    if (v < 0) { negative = true; return 0; }
    return v;
  }

  function recompute() {
    var totalCosts = 0, totalIncome = 0;
    negative = false;
    form.querySelectorAll("[data-budget-year]").forEach(function (year) {
      var costs = 0, income = 0;
      year.querySelectorAll("input.cost").forEach(function (i) { costs += num(i); });
      year.querySelectorAll("input.income").forEach(function (i) { income += num(i); });
      year.querySelector('[data-sum="costs"]').textContent = kronor(costs);
      year.querySelector('[data-sum="net"]').textContent = kronor(costs - income);
      var y = year.querySelector("input.year");
      year.querySelector("[data-year-label]").textContent = y && y.value ? y.value : "";
      totalCosts += costs; totalIncome += income;
    });
    document.getElementById("total-costs").textContent = kronor(totalCosts);
    document.getElementById("total-income").textContent = kronor(totalIncome);
    document.getElementById("total-net").textContent = kronor(totalCosts - totalIncome);
    var warn = document.getElementById("budget-negative");
    if (warn) warn.hidden = !negative;
  }

  // Clone the last row of a list and give it the next index in names, ids and label targets.
  function addRow(containerSelector, rowSelector, listName, reset) {
    var container = form.querySelector(containerSelector);
    var rows = container.querySelectorAll(rowSelector);
    var last = rows[rows.length - 1];
    var index = rows.length;
    var clone = last.cloneNode(true);
    var nameRe = new RegExp(listName + "\\[\\d+\\]", "g");
    var idRe = new RegExp(listName + "_\\d+__", "g");
    clone.querySelectorAll("[name],[id],[for],[aria-describedby]").forEach(function (el) {
      ["name", "id", "for", "aria-describedby"].forEach(function (attr) {
        var v = el.getAttribute(attr);
        if (v) el.setAttribute(attr, v.replace(nameRe, listName + "[" + index + "]").replace(idRe, listName + "_" + index + "__"));
      });
    });
    clone.querySelectorAll(".field-error").forEach(function (e) { e.remove(); });
    clone.querySelectorAll("[aria-invalid]").forEach(function (e) { e.removeAttribute("aria-invalid"); });
    clone.querySelectorAll(".field--error").forEach(function (e) { e.classList.remove("field--error"); });
    reset(clone, index);
    last.parentNode.insertBefore(clone, last.nextSibling);
    var first = clone.querySelector("input,select,textarea");
    if (first) first.focus();
    return clone;
  }

  form.addEventListener("input", function (e) {
    if (e.target.matches("input.cost, input.income, input.year")) recompute();
  });

  // Budget years follow the project period: while the years have not been typed by hand, a changed start date
  // moves them so the first budget year is the project's start year.
  var start = document.getElementById("Form_Project_StartDate");
  var yearsTouched = false;
  form.addEventListener("input", function (e) { if (e.target.matches("input.year")) yearsTouched = true; });
  if (start) start.addEventListener("change", function () {
    var y = parseInt(String(start.value).slice(0, 4), 10);
    if (isNaN(y) || yearsTouched) return;
    form.querySelectorAll("input.year").forEach(function (input, i) { input.value = String(y + i); });
    recompute();
  });

  var addYear = form.querySelector("[data-add-year]");
  if (addYear) addYear.addEventListener("click", function () {
    addRow("[data-budget]", "[data-budget-year]", "Budget", function (clone) {
      var year = clone.querySelector("input.year");
      var prev = parseInt(year.value, 10);
      clone.querySelectorAll("input").forEach(function (i) { i.value = "0"; });
      year.value = isNaN(prev) ? "" : String(prev + 1);
    });
    recompute();
  });

  var addFunder = form.querySelector("[data-add-funder]");
  if (addFunder) addFunder.addEventListener("click", function () {
    addRow("[data-financing]", "[data-funder]", "Financing", function (clone, index) {
      clone.querySelectorAll("input").forEach(function (i) { i.value = i.getAttribute("inputmode") === "numeric" ? "0" : ""; });
      clone.querySelector("select").selectedIndex = 0;
      clone.querySelector("legend").textContent = "Finansiär " + (index + 1);
    });
  });

  var addGoal = form.querySelector("[data-add-goal]");
  if (addGoal) addGoal.addEventListener("click", function () {
    var goals = form.querySelector("#goals");
    var fields = goals.querySelectorAll(".field");
    var index = fields.length;
    var clone = fields[fields.length - 1].cloneNode(true);
    var input = clone.querySelector("input");
    input.name = "Form.Project.Goals[" + index + "]";
    input.id = "Form_Project_Goals_" + index + "_";
    input.value = "";
    input.removeAttribute("aria-describedby");
    input.removeAttribute("aria-invalid");
    clone.classList.remove("field--error");
    clone.querySelectorAll(".field-error").forEach(function (e) { e.remove(); });
    var label = clone.querySelector("label");
    label.setAttribute("for", input.id);
    label.textContent = "Mål " + (index + 1);
    fields[fields.length - 1].after(clone);
    input.focus();
  });

  var summary = document.getElementById("error-summary");
  if (summary) summary.focus();
  recompute();
})();

// The live eligibility check: after a pause in typing the form is posted to the page's Check handler
// (nothing is stored) and the findings replace the content of an aria-live region.
(function () {
  "use strict";
  var form = document.getElementById("application-form");
  var live = document.getElementById("eligibility-live");
  if (!form || !live) return;
  var timer = null, running = null;
  function check() {
    if (running) running.abort();
    running = new AbortController();
    var data = new FormData(form);
    fetch(window.location.pathname + "?handler=Check", { method: "POST", body: data, credentials: "same-origin", signal: running.signal })
      .then(function (r) { return r.ok ? r.text() : Promise.reject(r.status); })
      .then(function (html) { live.innerHTML = html; live.setAttribute("data-checked", "true"); })
      .catch(function (e) { if (e && e.name === "AbortError") return; live.textContent = "Förhandsbedömningen kunde inte hämtas just nu."; });
  }
  function schedule() { clearTimeout(timer); timer = setTimeout(check, 600); }
  form.addEventListener("input", schedule);
  form.addEventListener("change", schedule);
  check();
})();
