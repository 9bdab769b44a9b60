// A request that fails (a role that does not allow it, something deleted meanwhile, a lost
// connection, a server error) says so in a message, instead of a click that does nothing.

function showRequestError(status) {
  const texts = document.getElementById("request-errors")?.content;
  const text = texts?.querySelector(`[data-status="${status}"]`) || texts?.querySelector('[data-status=""]');
  const messages = document.getElementById("messages");
  if (!text || !messages) return;
  const message = document.createElement("p");
  message.className = "message message--error";
  message.textContent = text.textContent;
  messages.replaceChildren(message);
}

document.addEventListener("htmx:responseError", (event) => showRequestError(event.detail.xhr.status));
document.addEventListener("htmx:sendError", () => showRequestError(0));
