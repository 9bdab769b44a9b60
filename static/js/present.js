// Presentation mode (templates/sharing/present.html): the arrow keys follow the Previous and
// Next links, which htmx swaps in place so full screen holds; the button asks for full screen.
(function () {
  "use strict";

  function follow(rel) {
    const link = document.querySelector(`#presentation a[rel="${rel}"]`);
    if (link) link.click();
  }

  document.addEventListener("keydown", (event) => {
    if (event.altKey || event.ctrlKey || event.metaKey || event.target.closest("input, select, textarea")) return;
    if (event.key === " " && event.target.closest("a, button, summary")) return;
    if (event.key === "ArrowRight" || event.key === "PageDown" || event.key === " ") {
      event.preventDefault();
      follow("next");
    } else if (event.key === "ArrowLeft" || event.key === "PageUp") {
      event.preventDefault();
      follow("prev");
    }
  });

  function showButton(root) {
    const button = root.querySelector("[data-fullscreen]");
    if (!button || !document.fullscreenEnabled) return;
    button.hidden = false;
    button.setAttribute("aria-pressed", document.fullscreenElement ? "true" : "false");
  }

  document.addEventListener("click", (event) => {
    if (!event.target.closest("[data-fullscreen]")) return;
    if (document.fullscreenElement) document.exitFullscreen();
    else document.documentElement.requestFullscreen();
  });

  document.addEventListener("fullscreenchange", () => showButton(document));

  htmx.onLoad((root) => {
    showButton(document);
    // After a swap, the new slide takes the focus, so a screen reader reads it.
    if (root.id === "presentation") root.focus();
  });
})();
