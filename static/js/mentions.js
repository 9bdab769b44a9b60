// "@" and the start of a name in a comment box suggests workspace members; arrows choose,
// Enter or Tab (or a click) writes "@Name ". The server finds the mentions in the text itself,
// so typing a full name without picking it works too.

const MENTION_QUERY = /(?:^|[\s(«“"'])@([^\s@]*(?: [^\s@]*)?)$/u;
let listbox = null;
let field = null;
let timer = null;

function queryAt(textarea) {
  const before = textarea.value.slice(0, textarea.selectionStart);
  const match = before.match(MENTION_QUERY);
  return match ? { text: match[1], start: before.length - match[1].length - 1 } : null;
}

function close() {
  if (!listbox) return;
  field.removeAttribute("aria-activedescendant");
  field.setAttribute("aria-expanded", "false");
  listbox.remove();
  listbox = null;
}

function options() {
  return listbox ? [...listbox.querySelectorAll("[role=option]")] : [];
}

function activate(index) {
  const all = options();
  if (!all.length) return;
  const next = (index + all.length) % all.length;
  all.forEach((option, i) => option.setAttribute("aria-selected", String(i === next)));
  field.setAttribute("aria-activedescendant", all[next].id);
}

function choose(option) {
  const query = queryAt(field);
  if (!query) return close();
  const name = option.dataset.name;
  const after = field.value.slice(field.selectionStart);
  field.value = `${field.value.slice(0, query.start)}@${name} ${after}`;
  const caret = query.start + name.length + 2;
  field.setSelectionRange(caret, caret);
  close();
  field.focus();
}

function show(textarea, members) {
  close();
  if (!members.length) return;
  field = textarea;
  listbox = document.createElement("ul");
  listbox.id = `${textarea.id}-suggestions`;
  listbox.className = "mention-suggestions";
  listbox.setAttribute("role", "listbox");
  listbox.setAttribute("aria-label", textarea.dataset.mentionsLabel || "Members");
  members.forEach((member, i) => {
    const option = document.createElement("li");
    option.id = `${listbox.id}-${i}`;
    option.setAttribute("role", "option");
    option.dataset.name = member.name;
    option.innerHTML = "<strong></strong> <span></span>";
    option.querySelector("strong").textContent = member.name;
    option.querySelector("span").textContent = member.email;
    // mousedown, not click: the textarea must keep the focus and its caret.
    option.addEventListener("mousedown", (event) => {
      event.preventDefault();
      choose(option);
    });
    listbox.append(option);
  });
  textarea.setAttribute("aria-controls", listbox.id);
  textarea.setAttribute("aria-expanded", "true");
  textarea.after(listbox);
  activate(0);
}

function suggest(textarea) {
  const query = queryAt(textarea);
  if (!query) return close();
  clearTimeout(timer);
  timer = setTimeout(async () => {
    const url = `${textarea.dataset.mentions}?${new URLSearchParams({ q: query.text })}`;
    const response = await fetch(url, { headers: { Accept: "application/json" } });
    if (!response.ok || queryAt(textarea)?.text !== query.text) return;
    show(textarea, (await response.json()).members);
  }, 120);
}

document.addEventListener("input", (event) => {
  if (event.target.matches?.("textarea[data-mentions]")) suggest(event.target);
});

document.addEventListener("focusout", (event) => {
  if (event.target === field) close();
});

// Captured before the map's own keys, so Escape closes the suggestions, not the card panel.
document.addEventListener(
  "keydown",
  (event) => {
    if (!listbox || event.target !== field) return;
    const current = options().findIndex((option) => option.getAttribute("aria-selected") === "true");
    const moves = { ArrowDown: current + 1, ArrowUp: current - 1 };
    if (event.key in moves) activate(moves[event.key]);
    else if (event.key === "Enter" || event.key === "Tab") choose(options()[Math.max(current, 0)]);
    else if (event.key === "Escape") close();
    else return;
    event.preventDefault();
    event.stopPropagation();
  },
  true,
);
