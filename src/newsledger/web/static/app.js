// newsledger page script: draws the company timeline from the JSON block.
// Loaded as a file (the CSP forbids inline scripts); reads data, never HTML.
(function () {
  "use strict";
  var canvas = document.getElementById("timeline-chart");
  var block = document.getElementById("timeline-data");
  if (!canvas || !block) { return; }
  var box = canvas.closest(".chart-box");
  var data;
  try { data = JSON.parse(block.textContent || "{}"); } catch (e) { data = null; }
  if (!data || typeof window.Chart !== "function") {
    if (box) { box.classList.add("no-chart"); }
    return;
  }
  function points(series) {
    return (series || []).map(function (p) {
      return { x: Date.parse(p.x + "T00:00:00Z"), y: p.y, label: String(p.label), href: String(p.href) };
    });
  }
  var jobs = points(data.jobs);
  var money = points(data.money);
  var all = jobs.concat(money).map(function (p) { return p.x; });
  var day = 24 * 3600 * 1000;
  var lo = all.length ? Math.min.apply(null, all) - 60 * day : undefined;
  var hi = all.length ? Math.max.apply(null, all) + 60 * day : undefined;
  function isoDay(ms) { return new Date(ms).toISOString().slice(0, 10); }
  function safeHref(h) { return h.charAt(0) === "/" && h.charAt(1) !== "/" ? h : null; }

  var chart = new window.Chart(canvas, {
    data: {
      datasets: [
        { type: "bar", label: "Jobs cut", data: jobs, yAxisID: "jobs", parsing: false,
          backgroundColor: "rgba(194,65,12,0.75)", barThickness: 14, minBarLength: 4 },
        { type: "scatter", label: "Money lost or charged (US$ m)", data: money, yAxisID: "money",
          parsing: false, backgroundColor: "rgba(124,58,237,0.85)", pointRadius: 7, pointHoverRadius: 9 }
      ]
    },
    options: {
      maintainAspectRatio: false,
      animation: false,
      interaction: { mode: "nearest", intersect: true },
      scales: {
        x: { type: "linear", min: lo, max: hi, ticks: { callback: isoDay, maxTicksLimit: 6 } },
        jobs: { type: "linear", position: "left", beginAtZero: true, title: { display: true, text: "jobs" } },
        money: { type: "linear", position: "right", beginAtZero: true, grid: { drawOnChartArea: false },
                 title: { display: true, text: "US$ m" } }
      },
      plugins: {
        tooltip: { callbacks: {
          title: function (items) { return items.length ? isoDay(items[0].raw.x) : ""; },
          label: function (item) { return item.raw.label; }
        } }
      },
      onHover: function (evt, active) { canvas.style.cursor = active.length ? "pointer" : "default"; },
      onClick: function (evt, active) {
        if (!active.length) { return; }
        var p = active[0];
        var target = safeHref(chart.data.datasets[p.datasetIndex].data[p.index].href);
        if (target) { window.location.assign(target); }
      }
    }
  });
  canvas.setAttribute("data-jobs-points", String(jobs.length));
  canvas.setAttribute("data-money-points", String(money.length));
}());
