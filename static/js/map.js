// The journey map's editing behaviour. Everything here has a keyboard or no-JavaScript path
// in the page itself (menus, "Move" buttons in the card panel); this adds drag and drop,
// click-to-add in empty cells, the side panel's closing and the undo toast's timer.

function post(url, values, target) {
  return htmx.ajax("POST", url, { values, target: target || "#card_panel", swap: target ? "innerHTML" : "none" });
}

function panelShows(cardId) {
  return document.querySelector(`#card_panel [data-card="${cardId}"]`) !== null;
}

function moveCard(event) {
  const card = event.item;
  const list = event.to;
  if (event.from === list && event.oldIndex === event.newIndex) return;
  const grid = document.getElementById("map_grid");
  const id = card.dataset.id;
  post(
    grid.dataset.cardMoveUrl.replace("{id}", id),
    {
      stage: list.dataset.stage,
      channel: list.dataset.channel,
      position: event.newIndex,
      version: card.dataset.version,
    },
    panelShows(id) ? "#card_panel" : null,
  );
}

function moveAxis(kind) {
  return (event) => {
    if (event.oldIndex === event.newIndex) return;
    const grid = document.getElementById("map_grid");
    const item = event.item;
    // The stage row starts with the corner cell; positions count stages only.
    const position = kind === "stage" ? event.newIndex - 1 : event.newIndex;
    // The header as source: the request carries the grid's persona (its hx-vals).
    // The grid carries each move's URL with "{id}" to fill in (core/urls.py).
    const url = grid.dataset[`${kind}MoveUrl`].replace("{id}", item.dataset.id);
    htmx.ajax("POST", url, {
      source: item,
      values: { position, version: item.dataset.version },
      target: "#map_grid",
      swap: "outerHTML",
    });
  };
}

function makeSortable(root) {
  const grid = root.id === "map_grid" ? root : root.closest?.("#map_grid");
  if (typeof Sortable === "undefined" || !grid || !("editable" in grid.dataset)) return;
  const lists = root.matches?.("ul.cards") ? [root] : root.querySelectorAll("ul.cards");
  for (const list of lists) {
    Sortable.create(list, {
      group: "cards",
      animation: 150,
      // Pointer events rather than the HTML drag API: the same on mouse, touch and pen.
      forceFallback: true,
      fallbackOnBody: true,
      // An empty cell takes a card dropped anywhere near it, not only on its thin list.
      emptyInsertThreshold: 48,
      ghostClass: "touchpoint--ghost",
      filter: "button, input, textarea, select, summary",
      preventOnFilter: false,
      onEnd: moveCard,
    });
  }
  if (root !== grid) return;
  const stages = grid.querySelector("tr.map-stages");
  if (stages) {
    Sortable.create(stages, { draggable: "th.stage", handle: ".grip", animation: 150, forceFallback: true, onEnd: moveAxis("stage") });
  }
  const lanes = grid.querySelector("tbody.map-lanes");
  if (lanes) {
    Sortable.create(lanes, { draggable: "tr[data-id]", handle: ".grip", animation: 150, forceFallback: true, onEnd: moveAxis("channel") });
  }
}

// Cells come back out of band after each change: htmx.onLoad sees every new one.
htmx.onLoad((element) => {
  if (element.matches?.("#map_grid, td.cell, ul.cards")) makeSortable(element);
  else if (element.querySelector?.("#map_grid")) makeSortable(element.querySelector("#map_grid"));
});

// A click on the empty part of a cell asks for its "Add card" form, as on a whiteboard.
document.addEventListener("click", (event) => {
  const cell = event.target.closest("td.cell");
  if (!cell || event.target.closest("li, form, a, button")) return;
  cell.querySelector("a.add-card")?.click();
});

// Enter adds the card, Shift+Enter keeps a line break in the title, Escape gives up.
document.addEventListener("keydown", (event) => {
  const field = event.target.closest?.(".add-card-form textarea");
  if (field && event.key === "Enter" && !event.shiftKey) {
    event.preventDefault();
    field.form.requestSubmit();
  }
  if (field && event.key === "Escape") {
    field.form.querySelector("[data-cancel-add]").click();
    return;
  }
  if (event.key === "Escape" && document.querySelector("#card_panel .card-panel-body")) {
    closePanel();
  }
});

function closePanel() {
  const panel = document.getElementById("card_panel");
  const cardId = panel.querySelector("[data-card]")?.dataset.card;
  panel.replaceChildren();
  document.querySelector(".touchpoint--open")?.classList.remove("touchpoint--open");
  document.querySelector(`#card-${cardId} .touchpoint-title a`)?.focus();
}

document.addEventListener("click", (event) => {
  if (!event.target.closest("[data-close-panel]")) return;
  event.preventDefault();
  closePanel();
});

// A card panel that just opened takes the focus, so keyboard users land in it.
document.addEventListener("htmx:afterSwap", (event) => {
  if (event.detail.target?.id === "card_panel" && event.detail.requestConfig?.verb === "get") {
    event.detail.target.querySelector("input:not([type=hidden]), textarea, a")?.focus();
  }
});

// The undo toast leaves after a few seconds, unless the pointer or the focus is on it.
htmx.onLoad((element) => {
  const toast = element.querySelector?.("[data-undo-seconds]") || (element.matches?.("[data-undo-seconds]") && element);
  if (!toast) return;
  const hide = () => {
    if (toast.matches(":hover, :focus-within")) return setTimeout(hide, 1000);
    toast.remove();
  };
  setTimeout(hide, Number(toast.dataset.undoSeconds) * 1000);
});

// The card whose panel is open stands out on the grid, also after its cell is drawn again.
function markOpenCard() {
  const openId = document.querySelector("#card_panel [data-card]")?.dataset.card;
  for (const card of document.querySelectorAll(".touchpoint--open")) {
    if (card.dataset.id !== openId) card.classList.remove("touchpoint--open");
  }
  const open = openId && document.getElementById(`card-${openId}`);
  open?.classList.add("touchpoint--open");
  return open;
}

document.addEventListener("htmx:afterSettle", markOpenCard);

// A link to a card (`?card=`) opens the page on it: the card is brought into view.
document.addEventListener("DOMContentLoaded", () => {
  markOpenCard()?.scrollIntoView({ block: "center" });
});
