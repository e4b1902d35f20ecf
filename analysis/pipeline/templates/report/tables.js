// Search and sort for a report's tables, offline. Inlined into each report by analysis.pipeline.rendering and
// allowed by its sha256 in the page's Content-Security-Policy; this script's text is the same in every report.
// The script element's data-fold holds pairs of characters, a Traditional one and its Simplified form (OpenCC t2s,
// for the characters of the page's tables): the query and the cells are both folded with it, so either script finds
// both forms.
(function () {
  "use strict";
  var fold = {};
  var pairs = Array.from(document.currentScript.dataset.fold || "");
  for (var i = 0; i + 1 < pairs.length; i += 2) fold[pairs[i]] = pairs[i + 1];

  function folded(text) {
    return Array.from(text.toLowerCase(), function (c) { return fold[c] || c; }).join("");
  }

  // 41,550 · −2.5 · 5.2% read as numbers; anything else (or an empty cell) as null
  function number(text) {
    var t = text.replace(/[,\s%]/g, "").replace("\u2212", "-");
    return t !== "" && isFinite(t) ? Number(t) : null;
  }

  function compare(a, b) {
    var x = number(a), y = number(b);
    if (x !== null && y !== null) return x - y;
    if (x !== null || y !== null) return x !== null ? -1 : 1; // numbers before text
    return a.localeCompare(b, "zh");
  }

  function enhance(table, n) {
    var body = table.tBodies[0];
    if (!body || !table.tHead) return;
    var rows = Array.from(body.rows);
    var keys = rows.map(function (row) { return folded(row.textContent); });

    var label = document.createElement("label");
    label.className = "table-search";
    var box = document.createElement("input");
    box.type = "search";
    box.id = "table-search-" + n;
    box.placeholder = "Search this table (either script)";
    var count = document.createElement("span");
    count.className = "table-count";
    count.textContent = rows.length + " rows";
    label.append("Search: ", box, count);
    table.parentNode.insertBefore(label, table);

    box.addEventListener("input", function () {
      var query = folded(box.value.trim());
      var shown = 0;
      rows.forEach(function (row, r) {
        row.hidden = query !== "" && keys[r].indexOf(query) < 0;
        if (!row.hidden) shown += 1;
      });
      count.textContent = query === "" ? rows.length + " rows" : shown + " of " + rows.length + " rows";
    });

    Array.from(table.tHead.rows).forEach(function (headRow) {
      Array.from(headRow.cells).forEach(function (th) {
        if (th.textContent.trim() === "" || th.colSpan > 1) return;
        th.tabIndex = 0;
        th.classList.add("sortable");
        th.setAttribute("aria-sort", "none");
        function sort() {
          var ascending = th.getAttribute("aria-sort") !== "ascending";
          table.tHead.querySelectorAll("th[aria-sort]").forEach(function (h) { h.setAttribute("aria-sort", "none"); });
          th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
          var column = th.cellIndex;
          var order = rows.map(function (row, r) { return r; });
          order.sort(function (a, b) {
            var x = rows[a].cells[column], y = rows[b].cells[column];
            var c = compare(x ? x.textContent.trim() : "", y ? y.textContent.trim() : "");
            return (ascending ? c : -c) || a - b; // ties keep the table's own order
          });
          order.forEach(function (r) { body.appendChild(rows[r]); });
        }
        th.addEventListener("click", sort);
        th.addEventListener("keydown", function (event) {
          if (event.key === "Enter" || event.key === " ") { event.preventDefault(); sort(); }
        });
      });
    });
  }

  document.querySelectorAll(".jp-OutputArea-output table").forEach(enhance);
})();
