// "Export PNG": the form works without this script (the browser downloads the picture). With
// it, the page says the picture is being made, then hands over the file, or says what went wrong.
document.addEventListener("submit", async (event) => {
  const form = event.target.closest("form[data-picture-export]");
  if (!form) return;
  event.preventDefault();
  const status = form.querySelector("[role=status]");
  const button = form.querySelector("button[type=submit]");
  const url = `${form.action}?${new URLSearchParams(new FormData(form))}`;
  button.disabled = true;
  form.setAttribute("aria-busy", "true");
  status.textContent = form.dataset.preparing;
  try {
    const response = await fetch(url, { credentials: "same-origin" });
    if (!response.ok) throw new Error(await response.text());
    const disposition = response.headers.get("Content-Disposition") || "";
    const name = /filename="?([^";]+)"?/.exec(disposition);
    const link = document.createElement("a");
    link.href = URL.createObjectURL(await response.blob());
    link.download = name ? name[1] : "journey.png";
    // Clicked outside the document, so the click does not close the menu (js/menus.js).
    link.click();
    setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
    status.textContent = form.dataset.done;
  } catch (error) {
    status.textContent = `${form.dataset.failed} ${error.message}`;
  } finally {
    button.disabled = false;
    form.removeAttribute("aria-busy");
  }
});
