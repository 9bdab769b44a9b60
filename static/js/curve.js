// Draws the emotion curves from the figure JSON that maps/curve_figure.py put beside each chart.
// The `emotion_curve` fragment is swapped by htmx after every map change, so charts are drawn on
// every htmx load and purged before a swap removes them; each one follows its container's width.
(function () {
  "use strict";

  const observers = new WeakMap();

  function draw(figureBox) {
    const chart = figureBox.querySelector(".curve-chart");
    const figure = JSON.parse(figureBox.querySelector('script[type="application/json"]').textContent);
    Plotly.react(chart, figure.data, figure.layout, figure.config);
    if (!observers.has(chart)) {
      // Plotly's own "responsive" only follows the window; the map's layout can change alone.
      const observer = new ResizeObserver(() => Plotly.Plots.resize(chart));
      observer.observe(chart);
      observers.set(chart, observer);
    }
  }

  function purge(root) {
    const charts = root.matches(".curve-chart") ? [root] : root.querySelectorAll(".curve-chart");
    for (const chart of charts) {
      observers.get(chart)?.disconnect();
      observers.delete(chart);
      Plotly.purge(chart);
    }
  }

  htmx.onLoad((root) => {
    const boxes = root.matches("[data-emotion-curve]") ? [root] : root.querySelectorAll("[data-emotion-curve]");
    boxes.forEach(draw);
  });

  document.addEventListener("htmx:beforeSwap", (event) => {
    if (event.detail.shouldSwap) purge(event.detail.target);
  });
  // A curve pushed by the live stream (static/js/live.js) replaces this one.
  document.addEventListener("live:beforeReplace", (event) => purge(event.target));
})();
