// Print buttons ([data-print]) need window.print(), so they stay hidden until this script runs.
for (const button of document.querySelectorAll("[data-print]")) {
  button.hidden = false;
  button.addEventListener("click", () => window.print());
}
