// Sortable tables, and a record of what rendered (chart sizes and data points) on the root
// element, so a headless browser test can check the charts were laid out, not only parsed.
(function () {
  function text(td) { return td ? td.textContent.trim() : ""; }
  function key(v) {
    var n = parseFloat(v.replace(/[^0-9.eE+-]/g, ""));
    return /^[-+]?[0-9.,]+/.test(v) && !isNaN(n) ? n : v.toLowerCase();
  }
  document.querySelectorAll("table.sortable").forEach(function (table) {
    table.querySelectorAll("th").forEach(function (th, col) {
      th.addEventListener("click", function () {
        var body = table.tBodies[0];
        var asc = !th.classList.contains("asc");
        table.querySelectorAll("th").forEach(function (h) { h.classList.remove("asc", "desc"); });
        th.classList.add(asc ? "asc" : "desc");
        Array.from(body.rows).sort(function (a, b) {
          var x = key(text(a.cells[col])), y = key(text(b.cells[col]));
          return (x < y ? -1 : x > y ? 1 : 0) * (asc ? 1 : -1);
        }).forEach(function (row) { body.appendChild(row); });
      });
    });
  });
  var rendered = 0;
  document.querySelectorAll("svg.chart").forEach(function (svg) {
    var box = svg.getBoundingClientRect();
    var points = svg.querySelectorAll(".pt");
    var drawn = 0;
    points.forEach(function (p) {
      var b = p.getBoundingClientRect();
      if (b.width > 0 || b.height > 0) { drawn++; }
    });
    svg.setAttribute("data-rendered-size", Math.round(box.width) + "x" + Math.round(box.height));
    svg.setAttribute("data-rendered-points", String(drawn));
    if (box.width > 0 && box.height > 0 && drawn > 0) { rendered++; }
  });
  document.documentElement.setAttribute("data-charts-rendered", String(rendered));
})();
