// Live updates: the page follows its stream (htmx's SSE extension opens it on <body>, see
// live/templatetags/live_tags.py) and fetches again only the fragments a change touches, each
// drawn by the server for this viewer's role. The viewer's own work comes first: a fragment
// with unsaved text, focus or a drag in progress is refreshed once they are done with it, and
// the card panel is never replaced under their text (a notice tells them instead).

(() => {
  const body = document.body;
  if (!body.hasAttribute("sse-connect")) return;
  const live = body.dataset;
  // The map page gets its changed cells, summary row and curve drawn for it in its stream
  // (live/pushing.py) instead of fetching them itself after each change.
  const pushed = live.livePush === "1";
  const hooked = new WeakSet();
  const waiting = new Map();
  let lastReportedCard = null;
  let deletedMeanwhile = null;

  // ---- what the viewer is doing ----

  function dirty(field) {
    if (field.type === "hidden" || field.disabled) return false;
    if (field.type === "checkbox" || field.type === "radio") return field.checked !== field.defaultChecked;
    if (field.tagName === "SELECT") return [...field.options].some((option) => option.selected !== option.defaultSelected);
    return field.value !== field.defaultValue;
  }

  function busy(element) {
    if (!element) return false;
    const focused = document.activeElement;
    if (focused && element.contains(focused) && focused.matches("input, textarea, select")) return true;
    return [...element.querySelectorAll("input, textarea, select")].some(dirty);
  }

  const dragging = () => document.querySelector(".sortable-chosen, .sortable-fallback") !== null;

  // ---- refreshing fragments, when the viewer is free ----

  // Changes come in bursts (a move touches two cells, a drag renumbers a column): what they ask
  // for is gathered a moment, so each fragment is fetched once per burst.
  const GATHER_MS = 40;
  let flushSoon = null;

  function whenFree(key, target, run) {
    waiting.set(key, { target, run });
    flushIn(GATHER_MS);
  }

  function flushIn(ms) {
    if (!flushSoon) flushSoon = setTimeout(flush, ms);
  }

  function flush() {
    flushSoon = null;
    const wholeGrid = waiting.has("grid");
    for (const [key, job] of waiting) {
      const element = job.target();
      if (!element || (wholeGrid && key.startsWith("cell:"))) {
        waiting.delete(key);
      } else if (!dragging() && !busy(element)) {
        waiting.delete(key);
        job.run(element);
      }
    }
    if (waiting.size) flushIn(500);
  }

  function fetchInto(url, selector, options = {}) {
    const focused = document.activeElement;
    return htmx.ajax("GET", url, { target: selector, swap: "outerHTML", ...options }).then(() => {
      // A fragment that arrives must not take the focus from where the viewer is.
      if (focused && focused !== document.activeElement && document.contains(focused)) focused.focus();
    });
  }

  const grid = () => document.getElementById("map_grid");

  function refreshCell(id) {
    whenFree(`cell:${id}`, () => document.getElementById(id), () =>
      fetchInto(`${location.pathname}?cell=${id}`, `#${id}`, { source: grid() }).then(cellRedrawn),
    );
  }

  function refreshGrid() {
    whenFree("grid", grid, (element) => {
      const { scrollLeft, scrollTop } = element;
      fetchInto(location.pathname, "#map_grid", { source: element }).then(() => {
        grid().scrollLeft = scrollLeft;
        grid().scrollTop = scrollTop;
        markPresence();
      });
    });
  }

  function refreshPersonas() {
    const bar = () => document.getElementById("persona_bar");
    whenFree("personas", bar, () => fetchInto(location.pathname + location.search, "#persona_bar", { select: "#persona_bar" }));
  }

  let changedSoon = null;
  function mapChanged() {
    // The summary row and the curve listen for mapChanged (maps/responses.py): at most a few
    // times a second, however many changes arrive.
    changedSoon ??= setTimeout(() => {
      changedSoon = null;
      htmx.trigger(body, "mapChanged", { live: true });
    }, 250);
  }

  // An edit's answer asks the summary row and the curve to fetch themselves (mapChanged); on a
  // map page whose stream is open the server pushes them drawn already, so they are not
  // fetched twice. When the stream is down, they fetch as on a page without live updates.
  let streaming = false;
  document.addEventListener(
    "mapChanged",
    (event) => {
      if (pushed && streaming && !event.detail?.live) event.stopImmediatePropagation();
    },
    true,
  );

  // Parts drawn for this page by the server: each replaces its namesake once the viewer is not
  // busy with it (the latest drawing of a part wins); a card now in a pushed cell leaves the
  // cell it was in. A curve comparing personas is this viewer's choice: it stays.
  function onFragments(data) {
    if (String(data.journey) !== live.liveJourney || !grid()) return;
    const box = document.createElement("template");
    box.innerHTML = data.html;
    for (const fresh of [...box.content.children]) {
      if (!fresh.id) continue;
      whenFree(`push:${fresh.id}`, () => document.getElementById(fresh.id), (old) => place(old, fresh));
    }
  }

  function place(old, fresh) {
    if (old.hasAttribute("data-comparing")) return;
    if (fresh.matches("td.cell")) {
      for (const card of fresh.querySelectorAll("[data-id][id^='card-']")) {
        const stale = document.getElementById(card.id);
        if (stale && !old.contains(stale)) stale.remove();
      }
    }
    old.dispatchEvent(new CustomEvent("live:beforeReplace", { bubbles: true }));
    htmx.swap(old, fresh.outerHTML, { swapStyle: "outerHTML" });
    if (fresh.matches("td.cell")) cellRedrawn();
  }

  // ---- the card panel ----

  // The page's words, translated by the server (templates/live/head.html).
  const said = (kind) => document.getElementById("live-texts")?.content.querySelector(`[data-text="${kind}"]`)?.textContent;

  const openCard = () => document.querySelector("#card_panel [data-card]")?.dataset.card;

  function notice(kind) {
    const panel = document.querySelector("#card_panel .card-panel-body");
    const text = said(kind);
    if (!panel || !text) return;
    panel.querySelector(".live-notice")?.remove();
    const message = document.createElement("p");
    message.className = "message message--warning live-notice";
    message.setAttribute("role", "alert");
    message.textContent = text;
    panel.querySelector(".card-panel-head")?.after(message);
  }

  function cardChanged(cardId, byMe, deleted) {
    if (!cardId || cardId !== openCard() || byMe) return;
    const panel = document.getElementById("card_panel");
    if (deleted) return notice(busy(panel) ? "deleted" : "gone");
    if (busy(panel)) return notice("changed");
    const link = document.querySelector(`#card-${cardId} a[hx-get]`);
    if (!link) return;
    fetchInto(link.getAttribute("hx-get"), "#card_panel", { swap: "innerHTML" }).then(() => notice("updated"));
  }

  // ---- each kind of change ----

  function onCard(change) {
    const cells = new Set();
    const card = change.id && document.getElementById(`card-${change.id}`);
    if (card) cells.add(card.closest("td.cell")?.id);
    if (String(change.persona) === live.livePersona) cells.add(`cell-${change.stage}-${change.channel}`);
    const byMe = String(change.actor) === live.liveUser;
    // A deleted card's id is gone with it: the open card missing from its redrawn cell tells.
    if (change.verb === "deleted" && !byMe) deletedMeanwhile = openCard();
    if (!pushed) {
      for (const id of cells) if (id && document.getElementById(id)) refreshCell(id);
      if (cells.size) mapChanged();
    }
    if (change.verb !== "deleted") cardChanged(String(change.id), byMe, false);
  }

  function cellRedrawn() {
    markPresence();
    const open = openCard();
    if (deletedMeanwhile && open === deletedMeanwhile && !document.getElementById(`card-${open}`)) {
      deletedMeanwhile = null;
      cardChanged(open, false, true);
    }
  }

  function onNotes(change) {
    const cardId = String(change.touchpoint);
    const cell = document.getElementById(`card-${cardId}`)?.closest("td.cell");
    if (!pushed) {
      if (cell) refreshCell(cell.id);
      mapChanged();
    }
    cardChanged(cardId, String(change.actor) === live.liveUser, false);
  }

  function onActivityPage() {
    whenFree("activity", () => document.getElementById("main"), () =>
      fetchInto(location.pathname + location.search, "#main", { select: "#main" }),
    );
  }

  function onBoard() {
    const board = () => document.getElementById("board");
    whenFree("board", board, () => htmx.trigger("#board_filters", "change"));
  }

  function onMap(kind, change) {
    if (!grid()) return;
    if (kind === "touchpoint") onCard(change);
    else if (kind === "frictionnote" || kind === "comment") onNotes(change);
    else if (kind === "stage" || kind === "channel") refreshGrid();
    else if (kind === "journey") {
      refreshPersonas();
      refreshGrid();
    } else if (kind === "persona") refreshPersonas();
  }

  function onChange(kind, change) {
    const ofThisJourney = !live.liveJourney || String(change.journey) === live.liveJourney;
    if (live.livePage === "frictions:board") onBoard();
    else if (live.livePage === "journeys:activity" && ofThisJourney) onActivityPage();
    else if (ofThisJourney || kind === "persona") onMap(kind, change);
  }

  function resync() {
    if (grid()) {
      refreshPersonas();
      refreshGrid();
      mapChanged();
      htmx.trigger("#presence", "sse:presence");
    } else if (live.livePage === "frictions:board") onBoard();
    else if (live.livePage === "journeys:activity") onActivityPage();
  }

  // ---- the stream ----

  function resumeFrom(eventId) {
    // If the browser must open a new stream (not only reconnect), it starts after this event.
    if (!eventId) return;
    const url = new URL(body.getAttribute("sse-connect"), location.href);
    url.searchParams.delete("t");
    url.searchParams.set("since", eventId);
    body.setAttribute("sse-connect", url.pathname + url.search);
  }

  const KINDS = ["touchpoint", "stage", "channel", "journey", "persona", "frictionnote", "comment"];

  body.addEventListener("htmx:sseOpen", (event) => {
    const source = event.detail.source;
    streaming = true;
    if (hooked.has(source)) return;
    hooked.add(source);
    for (const kind of KINDS) {
      source.addEventListener(kind, (message) => {
        resumeFrom(message.lastEventId);
        onChange(kind, JSON.parse(message.data));
      });
    }
    source.addEventListener("fragments", (message) => onFragments(JSON.parse(message.data)));
    source.addEventListener("resync", resync);
  });

  body.addEventListener("htmx:sseError", () => {
    streaming = false;
  });

  body.addEventListener("htmx:sseClose", (event) => {
    streaming = false;
    if (event.detail.type !== "message") return;
    // The server ended the stream: this member no longer has access to the workspace.
    const text = said("end");
    const messages = document.getElementById("messages");
    if (!text || !messages) return;
    const message = document.createElement("p");
    message.className = "message message--warning";
    message.textContent = text;
    messages.replaceChildren(message);
  });

  // ---- presence: who is here, and which card each has open ----

  function markPresence() {
    for (const marker of document.querySelectorAll(".presence-marker")) marker.remove();
    for (const person of document.querySelectorAll("#presence [data-cards]")) {
      for (const cardId of person.dataset.cards.split(" ").filter(Boolean)) {
        const title = document.querySelector(`#card-${cardId} .touchpoint-title`);
        if (!title) continue;
        const marker = document.createElement("span");
        marker.className = "presence-marker avatar avatar--user";
        marker.title = person.dataset.name;
        // The presence list by the title says who is here in words; this is its picture.
        marker.setAttribute("aria-hidden", "true");
        marker.textContent = person.dataset.initial;
        title.prepend(marker);
      }
    }
  }

  function reportOpenCard() {
    if (!live.liveTab || !document.getElementById("presence")) return;
    const card = openCard() || "";
    if (card === lastReportedCard) return;
    lastReportedCard = card;
    const url = document.getElementById("presence").getAttribute("hx-get");
    htmx.ajax("POST", url, { source: body, values: { tab: live.liveTab, card }, swap: "none" });
  }

  document.addEventListener("htmx:afterSettle", (event) => {
    if (event.detail.target?.id === "presence") markPresence();
    reportOpenCard();
  });
  document.addEventListener("DOMContentLoaded", () => {
    const panel = document.getElementById("card_panel");
    if (panel) new MutationObserver(reportOpenCard).observe(panel, { childList: true });
  });
  document.addEventListener("focusout", () => waiting.size && flushIn(0));
})();
