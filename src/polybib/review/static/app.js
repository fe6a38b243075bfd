// polybib review: the page.  Plain JavaScript, no framework, no network but the app itself.
// Every piece of data is put into the page with textContent or as an input's value, never
// as HTML, so a reference that contains markup is shown as text.
"use strict";

const TOKEN = document.querySelector('meta[name="polybib-token"]').content;
const $ = (id) => document.getElementById(id);
const state = {
  records: [], selected: -1, meta: null, style: "", scheme: "",
  selection: null,          // {start, end} in the selected record's original text
  labelKeys: {},            // key → field ("" for no field)
  detailsSeq: 0,
};

// ------------------------------------------------------------------ talking to the app

async function api(path, options = {}) {
  const headers = Object.assign({ "X-Polybib-Token": TOKEN }, options.headers || {});
  let body = options.body;
  if (options.json !== undefined) {
    headers["Content-Type"] = "application/json";
    body = JSON.stringify(options.json);
  }
  const response = await fetch(path, { method: options.method || (body ? "POST" : "GET"), headers, body,
                                       credentials: "same-origin", cache: "no-store" });
  if (options.raw) {
    if (!response.ok) throw new Error(await response.text());
    return response;
  }
  let data;
  try { data = await response.json(); } catch (e) { data = { error: `${response.status} ${response.statusText}` }; }
  if (!response.ok || data.error) throw new Error(data.error || `${response.status}`);
  return data;
}

function say(message, isError = false) {
  const status = $("status");
  status.textContent = message;
  status.classList.toggle("error", isError);
}

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (key === "text") node.textContent = value;
    else if (key === "class") node.className = value;
    else if (key.startsWith("data-")) node.setAttribute(key, value);
    else if (key === "lang") { if (value) node.lang = value; }
    else node[key] = value;
  }
  for (const child of children) if (child) node.append(child);
  return node;
}

// ------------------------------------------------------------------ the list

function summary(record) {
  const author = record.fields.find((f) => f.name === "author" || f.name === "editor");
  const title = record.fields.find((f) => f.name === "title");
  const first = author && author.value.length ? (author.value[0].family || author.value[0].literal || "") : "";
  return [first, title ? title.value : ""].filter(Boolean).join(" — ") || record.id || "(empty record)";
}

// The original text cut where fields start and end, each piece tagged with its field and
// its offset in the text (data-s), so a selection maps back to offsets in the original.
function tokenNodes(record) {
  const frag = document.createDocumentFragment();
  const text = record.text;
  if (!text) {
    frag.append(el("span", { text: summary(record) }));
    return frag;
  }
  const piece = (start, end, field) => {
    if (end <= start) return;
    const span = document.createElement("span");
    span.textContent = text.slice(start, end);
    span.dataset.s = start;
    if (field) span.dataset.f = field;
    if (field && record.uncertain.includes(field)) span.className = "uncertain";
    frag.append(span);
  };
  let pos = 0;
  for (const [start, end, field] of record.spans) {      // sorted, never overlapping
    if (start < pos) continue;
    piece(pos, start, null);
    piece(start, end, field);
    pos = end;
  }
  piece(pos, text.length, null);
  return frag;
}

function listItem(record) {
  const item = el("div", { class: "item", "data-index": record.index, lang: record.language });
  item.tabIndex = -1;
  item.append(el("div", { class: "text" }, tokenNodes(record)));
  const meta = el("div", { class: "meta" }, el("span", { class: "key", text: record.id }),
                  el("span", { text: record.type }));
  if (record.uncertain.length) meta.append(el("span", { class: "badge uncertain", text: `${record.uncertain.length} uncertain` }));
  if (record.low_confidence) meta.append(el("span", { class: "badge uncertain", title: "the parser recognised little of this reference",
                                                      text: `low confidence ${record.low_confidence}` }));
  if (record.corrected) meta.append(el("span", { class: "badge corrected", text: "corrected" }));
  if (record.reviewed) meta.append(el("span", { class: "badge reviewed", text: "checked" }));
  item.append(meta);
  if (record.index === state.selected) item.classList.add("selected");
  return item;
}

function drawList() {
  const list = $("list");
  const frag = document.createDocumentFragment();
  for (const record of state.records) frag.append(listItem(record));
  list.replaceChildren(frag);
  drawCounts();
}

function drawCounts() {
  const uncertain = state.records.reduce((n, r) => n + r.uncertain.length, 0);
  const corrected = state.records.filter((r) => r.corrected).length;
  $("counts").textContent = `${state.records.length} references · ${uncertain} uncertain fields · ${corrected} corrected`;
}

function replaceRecord(record) {
  state.records[record.index] = record;
  const old = $("list").querySelector(`.item[data-index="${record.index}"]`);
  if (old) old.replaceWith(listItem(record));
  drawCounts();
  if (record.index === state.selected) drawRecord();
}

// ------------------------------------------------------------------ one record

function select(index, focusField) {
  if (index < 0 || index >= state.records.length) return;
  const previous = $("list").querySelector(".item.selected");
  if (previous) previous.classList.remove("selected");
  state.selected = index;
  state.selection = null;
  localStorage.setItem("polybib-review-selected", String(index));
  const item = $("list").querySelector(`.item[data-index="${index}"]`);
  if (item) { item.classList.add("selected"); item.scrollIntoView({ block: "nearest" }); }
  drawRecord();
  if (focusField) {
    const row = $("fields").querySelector(`.fields-row[data-field="${CSS.escape(focusField)}"]`);
    const input = row && row.querySelector("input, select");
    if (input) input.focus();
  }
  loadDetails();
}

function drawRecord() {
  const record = state.records[state.selected];
  $("empty").hidden = !!record;
  $("record").hidden = !record;
  if (!record) return;
  $("record-id").textContent = record.id;
  $("origin").textContent = record.origin;
  $("type").value = record.type;
  $("reviewed").textContent = record.reviewed ? "Checked ✓" : "Mark as checked";
  const source = $("source");
  source.lang = record.language || "";
  source.replaceChildren(record.text ? tokenNodes(record) : el("em", { text: "No original text: this record was read from a data file." }));
  drawFields(record);
}

function drawFields(record) {
  const box = $("fields");
  const frag = document.createDocumentFragment();
  for (const field of record.fields) frag.append(fieldRow(field));
  box.replaceChildren(frag);
}

function fieldRow(field) {
  const row = el("div", { class: "fields-row" + (field.uncertain ? " uncertain" : ""), "data-field": field.name });
  const name = el("div", {}, el("span", { class: "fname", "data-f": field.name, text: field.name }));
  if (!field.located) name.append(el("span", { class: "unplaced", text: "not in the text" }));
  row.append(name);
  let editor;
  if (field.kind === "names") editor = namesEditor(field);
  else {
    const value = field.kind === "date" ? field.value.text : field.value;
    editor = el("input", { type: "text", value, lang: "" });
    editor.setAttribute("aria-label", field.name);
    if (field.kind === "date") editor.placeholder = "2019, 2019-02-11, 11.02.2019";
    editor.addEventListener("change", () => saveField(field.name, editor.value));
  }
  row.append(editor);
  const remove = el("button", { type: "button", class: "quiet", text: "✕", title: `remove ${field.name}` });
  remove.addEventListener("click", () => saveField(field.name, field.kind === "names" ? [] : ""));
  row.append(remove);
  return row;
}

function namesEditor(field) {
  const box = el("div", { class: "names" });
  const names = field.value.map((n) => Object.assign({}, n));
  const save = () => saveField(field.name, names.filter((n) => Object.values(n).some((v) => v && v.trim())));
  names.forEach((name, i) => {
    const literal = !!name.literal;
    const row = el("div", { class: "name-row" + (literal ? " literal" : "") });
    const input = (part, label) => {
      const box = el("input", { type: "text", value: name[part] || "", placeholder: label });
      box.setAttribute("aria-label", `${field.name} ${i + 1} ${label}`);
      box.addEventListener("change", () => { name[part] = box.value; save(); });
      return box;
    };
    if (literal) row.append(input("literal", "organisation"));
    else row.append(input("family", "family"), input("given", "given"));
    const up = el("button", { type: "button", class: "quiet", text: "↑", title: "move up" });
    up.disabled = i === 0;
    up.addEventListener("click", () => { names.splice(i - 1, 0, names.splice(i, 1)[0]); save(); });
    const down = el("button", { type: "button", class: "quiet", text: "↓", title: "move down" });
    down.disabled = i === names.length - 1;
    down.addEventListener("click", () => { names.splice(i + 1, 0, names.splice(i, 1)[0]); save(); });
    const drop = el("button", { type: "button", class: "quiet", text: "−", title: "remove this name" });
    drop.addEventListener("click", () => { names.splice(i, 1); save(); });
    row.append(up, down, drop);
    box.append(row);
  });
  const add = el("button", { type: "button", class: "quiet", text: "+ person" });
  add.addEventListener("click", () => { names.push({ family: "?", given: "" }); save(); });
  const addOrg = el("button", { type: "button", class: "quiet", text: "+ organisation" });
  addOrg.addEventListener("click", () => { names.push({ literal: "?" }); save(); });
  box.append(el("div", {}, add, addOrg));
  return box;
}

// Changes go to the server one at a time, in the order they were made: each answer redraws
// the record, so an answer overtaking a later change would show the record without it.
let changes = Promise.resolve();
function inTurn(task) {
  changes = changes.then(task, task);
  return changes;
}

function edit(path, json, done) {
  const index = state.selected;
  return inTurn(() => sendEdit(index, path, json, done));
}

async function sendEdit(index, path, json, done) {
  try {
    const data = await api(`/api/records/${index}/${path}`, { json });
    replaceRecord(data.record);
    say(done);
    if (index === state.selected) loadDetails();
  } catch (e) { say(e.message, true); }
}

function undo() {
  return inTurn(sendUndo);
}

async function sendUndo() {
  try {
    const data = await api("/api/undo", { method: "POST" });
    replaceRecord(data.record);
    if (data.record.index !== state.selected) select(data.record.index);
    else loadDetails();
    say("undone");
  } catch (e) { say(e.message, true); }
}

function saveField(name, value) {
  const record = state.records[state.selected];
  const field = record.fields.find((f) => f.name === name);
  const json = { name, value };
  if (field && field.kind === "date") json.value = { text: value };
  return edit("field", json, `${name} saved`);
}

// ------------------------------------------------------------------ labelling a selection

function offsetIn(node, offset) {
  // the offset in the original text of a point inside the source element
  let span = node.nodeType === Node.TEXT_NODE ? node.parentElement : node;
  if (span === $("source")) {
    const child = span.childNodes[Math.min(offset, span.childNodes.length - 1)];
    if (!child || !child.dataset) return null;
    return Number(child.dataset.s) + (offset >= span.childNodes.length ? child.textContent.length : 0);
  }
  if (!span || span.dataset.s === undefined) return null;
  if (node.nodeType === Node.TEXT_NODE) return Number(span.dataset.s) + offset;
  return Number(span.dataset.s) + (offset > 0 ? span.textContent.length : 0);   // the token element itself
}

function readSelection() {
  const sel = window.getSelection();
  if (!sel || sel.rangeCount === 0 || sel.isCollapsed) return null;
  const range = sel.getRangeAt(0);
  const source = $("source");
  if (!source.contains(range.startContainer) || !source.contains(range.endContainer)) return null;
  const start = offsetIn(range.startContainer, range.startOffset);
  const end = offsetIn(range.endContainer, range.endOffset);
  if (start === null || end === null || end <= start) return null;
  return { start, end };
}

document.addEventListener("selectionchange", () => {
  const found = readSelection();
  if (found) state.selection = found;
  else if (!document.activeElement || !$("labels").contains(document.activeElement)) state.selection = null;
  $("labels").classList.toggle("armed", !!state.selection);
});

function label(field) {
  const sel = state.selection || readSelection();
  if (!sel) { say("Select words in the original text first", true); return; }
  state.selection = null;
  window.getSelection().removeAllRanges();
  edit("label", { start: sel.start, end: sel.end, field }, field ? `labelled as ${field}` : "taken out of every field");
}

function drawLabels() {
  const box = $("labels");
  for (const { field, key } of state.meta.labels) {
    state.labelKeys[key] = field;
    const button = el("button", { type: "button", "data-f": field || "other", "data-label": field },
                      document.createTextNode(field || "no field"), el("kbd", { text: key }));
    button.addEventListener("mousedown", (e) => e.preventDefault());   // keep the text selected
    button.addEventListener("click", () => label(field));
    box.append(button);
  }
}

// ------------------------------------------------------------------ details

async function loadDetails() {
  const index = state.selected;
  if (index < 0) return;
  const seq = ++state.detailsSeq;
  const query = new URLSearchParams({ style: state.style, scheme: state.scheme });
  let data;
  try { data = await api(`/api/records/${index}/details?${query}`); }
  catch (e) { say(e.message, true); return; }
  if (seq !== state.detailsSeq) return;              // another record or style was asked for since
  const r = data.renderings;
  $("style-name").textContent = r.style;
  $("scheme-name").textContent = r.scheme;
  const original = $("render-original");
  original.textContent = r.original || r.original_error || "";
  original.classList.toggle("error", !r.original);
  const romanized = $("render-romanized");
  romanized.textContent = r.romanized || r.romanized_error || "";
  romanized.classList.toggle("error", !r.romanized);
  const table = $("romanization");
  table.replaceChildren(...data.romanization.map((row) =>
    el("tr", {}, el("td", { "data-f": row.name, text: row.name }), el("td", { text: row.before }), el("td", { text: row.after }))));
  const lint = $("lint");
  lint.replaceChildren(...(data.lint.length ? data.lint.map((f) => {
    const item = el("li", { class: `finding sev-${f.severity}`, "data-code": f.code },
                    el("span", { class: "code", text: f.code }), document.createTextNode(` ${f.message} `));
    if (f.fix && f.safe) {
      const button = el("button", { type: "button", class: "fix", text: `Fix: ${f.fix}` });
      button.addEventListener("click", () => edit("fix", { index: f.index, code: f.code }, `${f.code} fixed`));
      item.append(button);
    } else if (f.fix) item.append(el("small", { text: ` (unsafe fix, not offered: ${f.fix})` }));
    return item;
  }) : [el("li", { class: "sev-info", text: "No findings." })]));
  drawLinks(data.links);
}

function drawLinks(links) {
  $("links").replaceChildren(...(links.length ? links.map((l) => {
    const cls = l.status === "ok" ? "status-ok" : (["skipped", "excluded"].includes(l.status) ? "status-none" : "status-bad");
    return el("li", {}, el("span", { class: cls, text: l.status }), document.createTextNode(` ${l.field}: ${l.url} `),
              el("small", { text: l.detail || "" }));
  }) : [el("li", { class: "sev-info", text: "No URL or DOI." })]));
}

// ------------------------------------------------------------------ navigation

function uncertainPlaces() {
  const places = [];
  for (const record of state.records) for (const field of record.uncertain) places.push([record.index, field]);
  return places;
}

function moveUncertain(step) {
  const places = uncertainPlaces();
  if (!places.length) { say("No uncertain fields."); return; }
  const focused = document.activeElement && document.activeElement.closest && document.activeElement.closest(".fields-row");
  const current = focused ? focused.dataset.field : (state.lastUncertain && state.lastUncertain[0] === state.selected
                                                      ? state.lastUncertain[1] : null);
  let at = places.findIndex(([i, f]) => i === state.selected && f === current);
  if (at < 0) {
    at = step > 0 ? places.findIndex(([i]) => i >= state.selected) - 1 : places.findIndex(([i]) => i >= state.selected);
    if (at < -1) at = step > 0 ? places.length - 1 : 0;
  }
  const [index, field] = places[(at + step + places.length) % places.length];
  state.lastUncertain = [index, field];
  if (index !== state.selected) select(index, field);
  else {
    const row = $("fields").querySelector(`.fields-row[data-field="${CSS.escape(field)}"]`);
    const input = row && row.querySelector("input, select");
    if (input) input.focus();
  }
  say(`uncertain: ${field}`);
}

document.addEventListener("keydown", (e) => {
  if (e.ctrlKey || e.metaKey || e.altKey) return;
  const typing = e.target.closest && e.target.closest("input, textarea, select");
  if (e.key === "Escape") { if (typing) e.target.blur(); return; }
  if (typing) return;
  if (state.labelKeys[e.key] !== undefined && (state.selection || readSelection())) {
    e.preventDefault();
    label(state.labelKeys[e.key]);
    return;
  }
  if (e.key === "j") select(Math.min(state.selected + 1, state.records.length - 1));
  else if (e.key === "k") select(Math.max(state.selected - 1, 0));
  else if (e.key === "]") moveUncertain(1);
  else if (e.key === "[") moveUncertain(-1);
  else if (e.key === "x" && state.selected >= 0) $("reviewed").click();
  else if (e.key === "z") undo();
  else if (e.key === "?") $("help").showModal();
  else return;
  e.preventDefault();
});

// ------------------------------------------------------------------ import, export

async function reloadRecords(selectIndex) {
  const data = await api("/api/records");
  state.records = data.records;
  if (data.messages.length) say(data.messages[data.messages.length - 1]);
  drawList();
  const index = Math.min(selectIndex, state.records.length - 1);
  if (index >= 0) select(index);
  else { state.selected = -1; drawRecord(); }
}

async function parsePasted() {
  const text = $("paste").value;
  try {
    const data = await api("/api/import", { json: { text } });
    const first = state.records.length;
    $("paste").value = "";
    await reloadRecords(first);
    say(`${data.added} references added`);
  } catch (e) { say(e.message, true); }
}

async function upload(file) {
  try {
    const data = await api(`/api/upload?name=${encodeURIComponent(file.name)}`, { method: "POST", body: file,
                                                                                 headers: { "Content-Type": "application/octet-stream" } });
    const first = state.records.length;
    await reloadRecords(first);
    say(`${data.added} references added from ${file.name}`);
  } catch (e) { say(e.message, true); }
  $("upload").value = "";
}

async function download(kind) {
  try {
    const response = await api(`/api/export/${kind}`, { raw: true });
    const blob = await response.blob();
    const disposition = response.headers.get("Content-Disposition") || "";
    const match = /filename="([^"]+)"/.exec(disposition);
    const link = el("a", { href: URL.createObjectURL(blob), download: match ? match[1] : `export.${kind}` });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 10000);
    say(`exported ${link.download}`);
  } catch (e) { say(e.message, true); }
}

// ------------------------------------------------------------------ start

function fillSelect(select, options, chosen) {
  select.replaceChildren(...options.map(([value, text]) => el("option", { value, text })));
  if (chosen) select.value = chosen;
}

async function start() {
  state.meta = await api("/api/meta");
  const m = state.meta;
  state.style = localStorage.getItem("polybib-review-style") || m.defaults.style;
  state.scheme = localStorage.getItem("polybib-review-scheme") || m.defaults.scheme;
  fillSelect($("style"), m.styles.map((s) => [s, s]), state.style);
  fillSelect($("scheme"), m.schemes.map((s) => [s.id, s.id]), state.scheme);
  fillSelect($("type"), m.types.map((t) => [t, t]));
  fillSelect($("new-field"), m.variables.map((v) => [v, v]));
  drawLabels();
  $("style").addEventListener("change", () => { state.style = $("style").value; localStorage.setItem("polybib-review-style", state.style); loadDetails(); });
  $("scheme").addEventListener("change", () => { state.scheme = $("scheme").value; localStorage.setItem("polybib-review-scheme", state.scheme); loadDetails(); });
  $("type").addEventListener("change", () => edit("type", { type: $("type").value }, "type saved"));
  $("reviewed").addEventListener("click", () => {
    const record = state.records[state.selected];
    edit("reviewed", { reviewed: !record.reviewed }, record.reviewed ? "marked as not checked" : "marked as checked");
  });
  $("undo").addEventListener("click", undo);
  $("add-field").addEventListener("click", () => {
    const name = $("new-field").value;
    const value = $("new-value").value;
    let json = value;
    if (m.kinds[name] === "names")          // "Family, Given; Family, Given"
      json = value.split(";").map((p) => p.trim()).filter(Boolean).map((p) => {
        const [family, ...given] = p.split(",");
        return { family: family.trim(), given: given.join(",").trim() };
      });
    else if (m.kinds[name] === "date") json = { text: value };
    edit("field", { name, value: json }, `${name} added`).then(() => { $("new-value").value = ""; });
  });
  $("check-links").addEventListener("click", async () => {
    say("checking links…");
    try { const data = await api(`/api/records/${state.selected}/links`, { method: "POST" }); drawLinks(data.links); say("links checked"); }
    catch (e) { say(e.message, true); }
  });
  $("list").addEventListener("click", (e) => {
    const item = e.target.closest(".item");
    if (item) select(Number(item.dataset.index));
  });
  $("parse").addEventListener("click", parsePasted);
  $("upload").addEventListener("change", () => { if ($("upload").files[0]) upload($("upload").files[0]); });
  $("clear").addEventListener("click", async () => {
    if (!window.confirm("Remove every reference from this review?")) return;
    await api("/api/clear", { method: "POST" });
    await reloadRecords(-1);
  });
  for (const button of document.querySelectorAll("[data-export]"))
    button.addEventListener("click", () => download(button.dataset.export));
  $("help-button").addEventListener("click", () => $("help").showModal());
  $("help-close").addEventListener("click", () => $("help").close());
  const kept = Number(localStorage.getItem("polybib-review-selected") || "0");
  await reloadRecords(Number.isFinite(kept) ? kept : 0);
  document.body.dataset.ready = "true";
}

start().catch((e) => say(e.message, true));
