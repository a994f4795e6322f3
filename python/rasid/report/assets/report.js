/* rasid report: the page's behaviour (written for rasid; runs offline, no libraries).
 *
 * The events, boundaries and provenance are the JSON in #rasid-data, the articles' text the
 * packed block #rasid-texts. One filter state drives the figures, the map, the timeline and
 * the table; clicking an event (map or table) shows it in its article with every field's
 * span highlighted. Needs a browser with DecompressionStream (2023 or later). */
(function () {
  "use strict";
  const DATA = JSON.parse(document.getElementById("rasid-data").textContent);
  const EVENTS = DATA.events;
  // The articles' text is one gzip'd UTF-8 string in base64 (#rasid-texts); DATA.docs says
  // where each article is in its bytes ([start, end, published]). It is unpacked after the
  // page is drawn (decompression streams in chunks, so the page stays responsive) and each
  // article is decoded when it is first read; the evidence view and text search wait for it.
  let textBytes = null;
  let docsPromise = null;
  const decodedDocs = new Map();
  const utf8 = new TextDecoder();
  function loadDocs() {
    if (!docsPromise) {
      const packed = document.getElementById("rasid-texts").textContent.trim();
      let gz;
      if (Uint8Array.fromBase64) gz = Uint8Array.fromBase64(packed);
      else {
        const binary = atob(packed);
        gz = new Uint8Array(binary.length);
        for (let k = 0; k < binary.length; k++) gz[k] = binary.charCodeAt(k);
      }
      const stream = new Blob([gz]).stream().pipeThrough(new DecompressionStream("gzip"));
      docsPromise = new Response(stream).arrayBuffer().then((buffer) => { textBytes = new Uint8Array(buffer); });
    }
    return docsPromise;
  }
  // {text, published} of an article, once the texts are unpacked (undefined before, or when
  // the report has no text for it)
  function docOf(id) {
    if (!textBytes || !DATA.docs || !Object.prototype.hasOwnProperty.call(DATA.docs, id)) return undefined;
    let doc = decodedDocs.get(id);
    if (!doc) {
      const [start, end, published] = DATA.docs[id];
      doc = { text: utf8.decode(textBytes.subarray(start, end)), published: published };
      decodedDocs.set(id, doc);
    }
    return doc;
  }
  const TYPES = ["rocket_attack", "missile_attack", "drone_attack", "air_strike", "shelling",
    "ied_attack", "armed_clash", "other_attack"];
  const TYPE_NAMES = { rocket_attack: "Rocket attack", missile_attack: "Missile attack",
    drone_attack: "Drone attack", air_strike: "Air strike", shelling: "Shelling",
    ied_attack: "IED attack", armed_clash: "Armed clash", other_attack: "Other attack" };
  const TYPE_COLOURS = { rocket_attack: "#d62728", missile_attack: "#9467bd",
    drone_attack: "#ff7f0e", air_strike: "#1f77b4", shelling: "#8c564b",
    ied_attack: "#2ca02c", armed_clash: "#e377c2", other_attack: "#7f7f7f" };
  // Field span colours: [fill, underline/label].
  const FIELD_COLOURS = { "place": ["#bfe3f2", "#1f7fa6"], "launched from": ["#c4eee4", "#2a9d8f"],
    "date": ["#e2d6f5", "#7b5cb8"], "munitions": ["#ffe0b8", "#d46f00"],
    "killed": ["#ffc2c2", "#c0392b"], "wounded": ["#ffd6e5", "#c2255c"],
    "actor": ["#d3efbf", "#4c8a2a"], "claim": ["#ecdcc0", "#8d6e3f"],
    "accused": ["#dddddd", "#555555"] };
  const COUNTRY_NAMES = { IQ: "Iraq", SY: "Syria", JO: "Jordan", TR: "Turkey", IR: "Iran",
    SA: "Saudi Arabia", KW: "Kuwait", LB: "Lebanon", IL: "Israel", PS: "Palestine" };
  const PAGE = 100;

  const $ = (id) => document.getElementById(id);
  const esc = (s) => String(s == null ? "" : s).replace(/[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c]));
  const fmtCount = (c) => c == null ? "" :
    (c[1] == null ? "≥" + c[0] : (c[0] === c[1] ? String(c[0]) : c[0] + "–" + c[1])) +
    (c[2] ? " (approx.)" : "");
  const countMin = (c) => (c == null ? -1 : c[0]);
  const govKey = (e) => (e.loc && e.loc.admin1 ? e.loc.country + "|" + e.loc.admin1 : "");
  const govName = (key) => { const [c, a] = key.split("|"); return a + " (" + (COUNTRY_NAMES[c] || c) + ")"; };
  const isDay = (d) => typeof d === "string" && d.length === 10;
  const located = (e) => e.loc && typeof e.loc.lat === "number" && typeof e.loc.lon === "number";

  // ---------------------------------------------------------------- filters
  const state = { from: "", to: "", types: new Set(TYPES), actor: "", claim: "", gov: "",
    bg: "all", q: "", sortKey: "date", sortDir: 1, page: 0, selected: -1 };
  let filtered = EVENTS.slice();

  // search ignores harakat and tatweel and folds alef and alef maqsura forms, as rasid's
  // normalization does, so «اربيل» finds «أربيل»
  const fold = (s) => s.toLowerCase().replace(/[\u064B-\u0652\u0670\u0640]/g, "")
    .replace(/[\u0623\u0625\u0622\u0671]/g, "\u0627").replace(/\u0649/g, "\u064A");

  function haystack(e) {
    if (e._hay === undefined) {
      const doc = docOf(e.doc);
      e._hay = fold([e.summary, e.id, e.doc, e.actor, e.claim, e.target, e.loc && e.loc.name,
        e.loc && e.loc.name_ar, e.loc && e.loc.admin1, (e.accused || []).join(" "),
        doc ? doc.text : e.ev.map((c) => c[2]).join(" ")].join("\u0001"));
    }
    return e._hay;
  }

  function passes(e) {
    if (!state.types.has(e.type)) return false;
    if (state.bg === "hide" && e.bg) return false;
    if (state.bg === "only" && !e.bg) return false;
    if (state.from || state.to) {
      if (!e.date) return false;
      // a month or year is kept when any of its days is in the range
      const first = e.date.length === 4 ? e.date + "-01-01" : e.date.length === 7 ? e.date + "-01" : e.date;
      const last = e.date.length === 4 ? e.date + "-12-31" : e.date.length === 7 ? e.date + "-31" : e.date;
      if (state.from && last < state.from) return false;
      if (state.to && first > state.to) return false;
    }
    if (state.actor && e.actor !== state.actor) return false;
    if (state.claim && e.claim !== state.claim) return false;
    if (state.gov && govKey(e) !== state.gov) return false;
    if (state.q && haystack(e).indexOf(state.q) < 0) return false;
    return true;
  }

  function tally(key) {
    const m = new Map();
    for (const e of EVENTS) { const k = key(e); if (k) m.set(k, (m.get(k) || 0) + 1); }
    return [...m.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  }

  function fillSelect(id, entries, label) {
    const sel = $(id);
    for (const [k, n] of entries) {
      const o = document.createElement("option");
      o.value = k; o.textContent = (label ? label(k) : k) + " — " + n;
      sel.appendChild(o);
    }
  }

  function setupFilters() {
    const present = new Map(tally((e) => e.type));
    $("f-types").innerHTML = TYPES.filter((t) => present.has(t)).map((t) =>
      '<label><input type="checkbox" data-type="' + t + '" checked><span class="swatch" style="background:' +
      TYPE_COLOURS[t] + '"></span>' + TYPE_NAMES[t] + ' <span class="note" id="tc-' + t + '"></span></label>').join("");
    fillSelect("f-actor", tally((e) => e.actor));
    fillSelect("f-claim", tally((e) => e.claim));
    fillSelect("f-gov", tally(govKey), govName);
    const dated = EVENTS.filter((e) => isDay(e.date)).map((e) => e.date).sort();
    if (dated.length) {
      for (const id of ["f-from", "f-to"]) { $(id).min = dated[0]; $(id).max = dated[dated.length - 1]; }
    }
    $("f-types").addEventListener("change", (ev) => {
      const t = ev.target.dataset.type;
      if (ev.target.checked) state.types.add(t); else state.types.delete(t);
      update();
    });
    const bind = (id, key, evname) => $(id).addEventListener(evname || "change", () => {
      state[key] = $(id).value; update();
    });
    bind("f-from", "from"); bind("f-to", "to"); bind("f-actor", "actor");
    bind("f-claim", "claim"); bind("f-gov", "gov"); bind("f-bg", "bg");
    let timer = 0;
    $("f-q").addEventListener("input", () => {
      clearTimeout(timer);
      timer = setTimeout(() => { state.q = fold($("f-q").value.trim()); update(); }, 150);
    });
    $("f-reset").addEventListener("click", () => {
      for (const id of ["f-from", "f-to", "f-actor", "f-claim", "f-gov", "f-q"]) $(id).value = "";
      $("f-bg").value = "all";
      for (const box of $("f-types").querySelectorAll("input")) box.checked = true;
      Object.assign(state, { from: "", to: "", actor: "", claim: "", gov: "", bg: "all", q: "" });
      state.types = new Set(TYPES);
      update();
    });
  }

  function update() {
    if (state.q && !textBytes) { loadDocs().then(update); return; } // search reads the articles
    filtered = EVENTS.filter(passes);
    state.page = 0;
    renderFigures(); updateMap(); renderTimeline(); renderTable();
  }

  // ---------------------------------------------------------------- figures
  function renderFigures() {
    const docs = new Set(filtered.map((e) => e.doc));
    const days = filtered.filter((e) => e.date).map((e) => e.date).sort();
    const span = days.length ? days[0] + " – " + days[days.length - 1] : "no dates";
    const byType = new Map(TYPES.map((t) => [t, 0]));
    const byGov = new Map();
    for (const e of filtered) {
      byType.set(e.type, byType.get(e.type) + 1);
      const g = govKey(e); if (g) byGov.set(g, (byGov.get(g) || 0) + 1);
    }
    for (const t of TYPES) { const el = $("tc-" + t); if (el) el.textContent = "(" + byType.get(t) + ")"; }
    const fig = (n, label, id) => '<div class="figure"' + (id ? ' id="' + id + '"' : "") + "><b>" + n + "</b><span>" + label + "</span></div>";
    const govs = [...byGov.entries()].sort((a, b) => b[1] - a[1]).slice(0, 8);
    $("figures").innerHTML =
      fig(filtered.length + (filtered.length !== EVENTS.length ? " / " + EVENTS.length : ""), "events", "fig-events") +
      fig(docs.size, "articles", "fig-articles") +
      fig(esc(span), "date span", "fig-span") +
      fig(filtered.filter(located).length, "on the map", "fig-located") +
      fig(filtered.filter((e) => e.bg).length, "background", "fig-bg") +
      '<div class="figure wide" id="fig-types"><span>by type</span><div class="bars">' +
      TYPES.filter((t) => byType.get(t)).map((t) => '<span class="swatch" style="background:' + TYPE_COLOURS[t] +
        '"></span>' + TYPE_NAMES[t] + " <b style=\"display:inline;font-size:12px\" data-type=\"" + t + "\">" + byType.get(t) + "</b>").join(" &nbsp; ") +
      '</div></div><div class="figure wide" id="fig-govs"><span>by governorate</span><div class="bars">' +
      (govs.map(([g, n]) => esc(govName(g)) + " <b style=\"display:inline;font-size:12px\">" + n + "</b>").join(" &nbsp; ") || "none") +
      "</div></div>";
  }

  // ---------------------------------------------------------------- map
  const B = DATA.boundaries;
  // the boundaries' frame, widened to take in any event that lies outside it
  let [W0, S0, E0, N0] = B.frame;
  for (const e of EVENTS) {
    if (!located(e)) continue;
    W0 = Math.min(W0, e.loc.lon - 0.5); E0 = Math.max(E0, e.loc.lon + 0.5);
    S0 = Math.min(S0, e.loc.lat - 0.5); N0 = Math.max(N0, e.loc.lat + 0.5);
  }
  const K = Math.cos(((S0 + N0) / 2) * Math.PI / 180);
  const SCALE = 60; // user units per degree of latitude
  const FULL = [0, 0, (E0 - W0) * K * SCALE, (N0 - S0) * SCALE];
  let view = FULL.slice();
  const px = (lon) => ((lon - W0) * K * SCALE);
  const py = (lat) => ((N0 - lat) * SCALE);
  const ringPath = (rings) => rings.map((r) => "M" + r.map((p) => px(p[0]).toFixed(1) + " " + py(p[1]).toFixed(1)).join("L") + "Z").join("");
  const eventRadius = (e) => Math.min(14, 4 + 1.8 * Math.sqrt(Math.max(0, countMin(e.killed)) + Math.max(0, countMin(e.wounded))));
  let circles = [];

  function drawMap() {
    const svg = $("map");
    svg.setAttribute("viewBox", view.join(" "));
    const k = unitsPerPixel(); // measured while the map is empty: a cheap layout
    const focus = new Set(["IQ", "SY"]);
    const parts = [];
    for (const c of B.countries) {
      parts.push('<path class="country' + (focus.has(c.iso) ? " focus" : "") + '" fill-rule="evenodd" d="' +
        ringPath(c.rings) + '"><title>' + esc(c.name_en) + "</title></path>");
    }
    for (const g of B.governorates) {
      parts.push('<path class="gov" data-gov="' + esc(g.country + "|" + g.name_en) + '" fill-rule="evenodd" d="' +
        ringPath(g.rings) + '"><title>' + esc(g.name_en) + "</title></path>");
    }
    for (const g of B.governorate_centroids) {
      parts.push('<circle class="govpt" data-gov="' + esc(g.country + "|" + g.name_en) + '" cx="' + px(g.lon).toFixed(1) +
        '" cy="' + py(g.lat).toFixed(1) + '" r="0"><title>' + esc(g.name_en) + "</title></circle>");
    }
    for (const [name, lon, lat] of [["IRAQ", 43.2, 33.3], ["SYRIA", 38.4, 35.2]]) {
      parts.push('<text class="label" x="' + px(lon) + '" y="' + py(lat) + '" font-size="' + (11 * k).toFixed(2) + '">' + name + "</text>");
    }
    // biggest first, so small marks stay clickable on top
    const onMap = EVENTS.filter(located).sort((a, b) => eventRadius(b) - eventRadius(a) || a.i - b.i);
    for (const e of onMap) {
      parts.push('<circle class="ev' + (e.bg ? " bg" : "") + '" data-i="' + e.i + '" cx="' + px(e.loc.lon).toFixed(2) +
        '" cy="' + py(e.loc.lat).toFixed(2) + '" r="' + (eventRadius(e) * k).toFixed(2) + '" fill="' + TYPE_COLOURS[e.type] + '"></circle>');
    }
    svg.innerHTML = parts.join("");
    circles = [...svg.querySelectorAll("circle.ev")];
    const unlocated = EVENTS.length - onMap.length;
    $("map-note").textContent = (unlocated ? unlocated + " event(s) without coordinates are not on the map. " : "") +
      "Boundaries: " + B.credit + ". Mark size: killed + wounded (lower bounds); dashed: background event. " +
      "Governorate counts: Syria's governorates are circles at their centres (no open polygons).";
    $("map-legend").innerHTML = TYPES.filter((t) => EVENTS.some((e) => e.type === t)).map((t) =>
      '<span><span class="swatch" style="background:' + TYPE_COLOURS[t] + '"></span>' + TYPE_NAMES[t] + "</span>").join("");
    svg.addEventListener("click", (ev) => {
      if (dragMoved) return;
      const t = ev.target;
      if (t.classList.contains("ev")) select(+t.dataset.i, true);
      else if (t.dataset.gov && $("choropleth").checked) {
        $("f-gov").value = t.dataset.gov; state.gov = t.dataset.gov; update();
      }
    });
    setupZoom(svg);
    $("choropleth").addEventListener("change", updateMap);
    $("map-reset").addEventListener("click", () => { view = FULL.slice(); applyView(); });
  }

  // map units per screen pixel (the view is fitted whole, centred: one scale)
  function unitsPerPixel() {
    const box = $("map").getBoundingClientRect();
    return box.width && box.height ? Math.max(view[2] / box.width, view[3] / box.height) : view[2] / FULL[2];
  }

  function applyView() {
    const svg = $("map");
    svg.setAttribute("viewBox", view.join(" "));
    // marks keep their size on screen (radii in pixels) whatever the zoom
    const k = unitsPerPixel();
    for (const c of circles) {
      const e = EVENTS[+c.dataset.i];
      c.setAttribute("r", (eventRadius(e) * k).toFixed(2));
    }
    svg.querySelectorAll(".label").forEach((l) => l.setAttribute("font-size", (11 * k).toFixed(2)));
    if ($("choropleth").checked) updateMap();
  }

  let dragMoved = false;
  function setupZoom(svg) {
    const toUser = (ev) => {
      const r = svg.getBoundingClientRect();
      // preserveAspectRatio xMidYMid meet: one scale, centred
      const s = Math.max(view[2] / r.width, view[3] / r.height);
      const ox = (r.width * s - view[2]) / 2, oy = (r.height * s - view[3]) / 2;
      return [view[0] - ox + (ev.clientX - r.left) * s, view[1] - oy + (ev.clientY - r.top) * s, s];
    };
    svg.addEventListener("wheel", (ev) => {
      ev.preventDefault();
      const [ux, uy] = toUser(ev);
      const f = ev.deltaY < 0 ? 0.8 : 1.25;
      const w = Math.min(FULL[2], Math.max(FULL[2] / 64, view[2] * f));
      const h = w * FULL[3] / FULL[2];
      const ratio = w / view[2];
      view = [ux - (ux - view[0]) * ratio, uy - (uy - view[1]) * ratio, w, h];
      applyView();
    }, { passive: false });
    let start = null;
    svg.addEventListener("pointerdown", (ev) => { start = [ev.clientX, ev.clientY, view[0], view[1], toUser(ev)[2]]; dragMoved = false; });
    svg.addEventListener("pointermove", (ev) => {
      if (!start) return;
      const dx = ev.clientX - start[0], dy = ev.clientY - start[1];
      if (Math.abs(dx) + Math.abs(dy) > 3) dragMoved = true;
      if (dragMoved) { view[0] = start[2] - dx * start[4]; view[1] = start[3] - dy * start[4]; svg.setAttribute("viewBox", view.join(" ")); }
    });
    const end = () => { start = null; setTimeout(() => { dragMoved = false; }, 0); };
    svg.addEventListener("pointerup", end);
    svg.addEventListener("pointerleave", end);
  }

  function updateMap() {
    const on = new Uint8Array(EVENTS.length);
    for (const e of filtered) on[e.i] = 1;
    const choro = $("choropleth").checked;
    for (const c of circles) c.classList.toggle("off", choro || !on[+c.dataset.i]);
    const counts = new Map();
    for (const e of filtered) { const g = govKey(e); if (g) counts.set(g, (counts.get(g) || 0) + 1); }
    const max = Math.max(1, ...counts.values());
    const k = unitsPerPixel();
    const shade = (n) => n ? "hsl(8, 75%, " + (92 - 55 * Math.sqrt(n / max)).toFixed(0) + "%)" : "none";
    for (const p of $("map").querySelectorAll(".gov, .govpt")) {
      const n = counts.get(p.dataset.gov) || 0;
      p.classList.toggle("choro", choro);
      p.querySelector("title").textContent = govName(p.dataset.gov) + ": " + n + " event(s)";
      if (p.tagName === "path") p.style.fill = choro ? shade(n) : "";
      else {
        p.style.fill = choro ? shade(n) : "";
        p.setAttribute("r", choro && n ? ((5 + 12 * Math.sqrt(n / max)) * k).toFixed(2) : 0);
      }
    }
  }

  // ---------------------------------------------------------------- timeline
  const DAY = 86400000;
  const parseDay = (d) => Date.UTC(+d.slice(0, 4), +d.slice(5, 7) - 1, +d.slice(8, 10));
  const iso = (t) => new Date(t).toISOString().slice(0, 10);
  const allDays = EVENTS.filter((e) => isDay(e.date)).map((e) => parseDay(e.date));
  const T0 = allDays.reduce((a, b) => Math.min(a, b), Infinity), T1 = allDays.reduce((a, b) => Math.max(a, b), -Infinity);
  const UNIT = (T1 - T0) / DAY <= 92 ? "day" : (T1 - T0) / DAY <= 3 * 366 ? "week" : "month";
  function binStart(t) {
    if (UNIT === "day") return t;
    const d = new Date(t);
    if (UNIT === "week") return t - ((d.getUTCDay() + 6) % 7) * DAY; // Monday
    return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
  }
  function nextBin(t) {
    if (UNIT === "day") return t + DAY;
    if (UNIT === "week") return t + 7 * DAY;
    const d = new Date(t); return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
  }
  const BINS = [];
  if (allDays.length) for (let t = binStart(T0); t <= T1; t = nextBin(t)) BINS.push(t);

  function renderTimeline() {
    const svg = $("timeline");
    const width = svg.clientWidth || 800, height = 170, left = 30, bottom = 22, top = 8;
    svg.setAttribute("viewBox", "0 0 " + width + " " + height);
    const index = new Map(BINS.map((t, i) => [t, i]));
    const stacks = BINS.map(() => ({}));
    let coarse = 0;
    for (const e of filtered) {
      if (!isDay(e.date)) { if (e.date) coarse++; continue; }
      const s = stacks[index.get(binStart(parseDay(e.date)))];
      const key = e.type + (e.bg ? "|bg" : "");
      s[key] = (s[key] || 0) + 1;
    }
    const totals = stacks.map((s) => Object.values(s).reduce((a, b) => a + b, 0));
    const max = Math.max(1, ...totals);
    const bw = (width - left - 4) / Math.max(1, BINS.length);
    const h = height - bottom - top;
    const parts = ['<defs><pattern id="hatch" width="4" height="4" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">' +
      '<rect width="2" height="4" fill="#fff" opacity=".7"></rect></pattern></defs>'];
    BINS.forEach((t, i) => {
      let y = top + h;
      const x = left + i * bw;
      for (const bg of [false, true]) {
        for (const type of TYPES) {
          const n = stacks[i][type + (bg ? "|bg" : "")] || 0;
          if (!n) continue;
          const bh = n / max * h;
          y -= bh;
          const title = iso(t) + " (" + UNIT + "): " + n + " " + TYPE_NAMES[type] + (bg ? ", background" : "");
          parts.push('<rect class="bar' + (bg ? " bg" : "") + '" data-bin="' + iso(t) + '" x="' + x.toFixed(1) + '" y="' + y.toFixed(1) +
            '" width="' + Math.max(1, bw - 1).toFixed(1) + '" height="' + bh.toFixed(1) + '" fill="' + TYPE_COLOURS[type] + '"><title>' + title + "</title></rect>");
          if (bg) parts.push('<rect x="' + x.toFixed(1) + '" y="' + y.toFixed(1) + '" width="' + Math.max(1, bw - 1).toFixed(1) +
            '" height="' + bh.toFixed(1) + '" fill="url(#hatch)" pointer-events="none"></rect>');
        }
      }
    });
    parts.push('<text class="axis" x="2" y="' + (top + 8) + '">' + max + "</text>");
    parts.push('<line x1="' + left + '" x2="' + (width - 4) + '" y1="' + (top + h) + '" y2="' + (top + h) + '" stroke="#999"></line>');
    const ticks = Math.min(BINS.length, Math.floor(width / 90));
    for (let k = 0; k < ticks; k++) {
      const i = Math.round(k * (BINS.length - 1) / Math.max(1, ticks - 1));
      const x = Math.min(left + i * bw, width - 64); // the last date stays inside
      parts.push('<text class="axis" x="' + x.toFixed(1) + '" y="' + (height - 6) + '">' + iso(BINS[i]) + "</text>");
    }
    svg.innerHTML = parts.join("");
    $("timeline-unit").textContent = BINS.length ? "events per " + UNIT + "; hatched: background events; click a bar to filter its " + UNIT : "";
    $("timeline-note").textContent = (coarse ? coarse + " event(s) dated only to a month or year are not on the timeline. " : "") +
      (filtered.filter((e) => !e.date).length ? filtered.filter((e) => !e.date).length + " event(s) have no date." : "");
  }

  function setupTimeline() {
    $("timeline").addEventListener("click", (ev) => {
      const bin = ev.target.dataset && ev.target.dataset.bin;
      if (!bin) return;
      const t = parseDay(bin);
      state.from = bin; state.to = iso(nextBin(t) - DAY);
      $("f-from").value = state.from; $("f-to").value = state.to;
      update();
    });
  }

  // ---------------------------------------------------------------- table
  const SORT_VALUE = {
    date: (e) => e.date || "", type: (e) => TYPE_NAMES[e.type], place: (e) => (e.loc && e.loc.name) || "",
    admin1: (e) => (e.loc && e.loc.admin1) || "", killed: (e) => countMin(e.killed),
    wounded: (e) => countMin(e.wounded), mun: (e) => countMin(e.mun),
    actor: (e) => e.actor || e.claim || "", summary: (e) => e.summary,
  };

  function renderTable() {
    const get = SORT_VALUE[state.sortKey], dir = state.sortDir;
    // events without the value (no date, no place, no figure) stay last either way
    const missing = (v) => v === "" || v === -1;
    const rows = filtered.slice().sort((a, b) => {
      const x = get(a), y = get(b);
      if (missing(x) !== missing(y)) return missing(x) ? 1 : -1;
      return (x < y ? -dir : x > y ? dir : 0) || a.i - b.i;
    });
    const pages = Math.max(1, Math.ceil(rows.length / PAGE));
    state.page = Math.min(state.page, pages - 1);
    const shown = rows.slice(state.page * PAGE, state.page * PAGE + PAGE);
    document.querySelector("#events tbody").innerHTML = shown.map((e) =>
      '<tr data-i="' + e.i + '" class="' + (e.bg ? "bgrow" : "") + (e.i === state.selected ? " selected" : "") + '">' +
      "<td>" + esc(e.date || "—") + "</td>" +
      '<td><span class="swatch" style="background:' + TYPE_COLOURS[e.type] + '"></span>' + TYPE_NAMES[e.type] +
      (e.bg ? ' <span class="tag-bg">background</span>' : "") + "</td>" +
      "<td>" + esc(e.loc ? e.loc.name : "—") + "</td>" +
      "<td>" + esc(e.loc && e.loc.admin1 ? e.loc.admin1 : "") + "</td>" +
      '<td class="num">' + esc(fmtCount(e.killed)) + '</td><td class="num">' + esc(fmtCount(e.wounded)) +
      '</td><td class="num">' + esc(fmtCount(e.mun)) + "</td>" +
      "<td>" + esc(e.actor || "") + (e.claim ? (e.actor ? "; " : "") + "claim: " + esc(e.claim) : "") + "</td>" +
      "<td>" + esc(e.summary) + (e.problems ? ' <span class="warn" title="spans do not match the article">⚠</span>' : "") + "</td></tr>").join("");
    $("table-count").textContent = rows.length + " event(s)";
    $("page-info").textContent = "page " + (state.page + 1) + " of " + pages;
    for (const th of document.querySelectorAll("#events th")) {
      th.classList.toggle("sorted-asc", th.dataset.key === state.sortKey && dir > 0);
      th.classList.toggle("sorted-desc", th.dataset.key === state.sortKey && dir < 0);
    }
  }

  function setupTable() {
    document.querySelector("#events thead").addEventListener("click", (ev) => {
      const key = ev.target.dataset.key;
      if (!key) return;
      state.sortDir = state.sortKey === key ? -state.sortDir : 1;
      state.sortKey = key; state.page = 0;
      renderTable();
    });
    document.querySelector("#events tbody").addEventListener("click", (ev) => {
      const tr = ev.target.closest("tr");
      if (tr) select(+tr.dataset.i, false);
    });
    $("page-prev").addEventListener("click", () => { if (state.page > 0) { state.page--; renderTable(); } });
    $("page-next").addEventListener("click", () => {
      if ((state.page + 1) * PAGE < filtered.length) { state.page++; renderTable(); }
    });
  }

  // ---------------------------------------------------------------- evidence
  function articleHtml(e) {
    const doc = docOf(e.doc);
    // without the article, the evidence clauses are all there is to show
    const pieces = doc ? [[0, doc.text]] : e.ev.slice().sort((a, b) => a[0] - b[0]).map((c) => [c[0], c[2]]);
    const out = [];
    pieces.forEach(([base, text], n) => {
      if (n) out.push('<span class="gap">…</span>');
      const end = base + text.length;
      const cuts = new Set([base, end]);
      for (const s of e.spans) if (s[1] < end && s[2] > base) { cuts.add(Math.max(base, s[1])); cuts.add(Math.min(end, s[2])); }
      for (const c of e.ev) if (c[0] < end && c[1] > base) { cuts.add(Math.max(base, c[0])); cuts.add(Math.min(end, c[1])); }
      const points = [...cuts].sort((a, b) => a - b);
      for (let k = 0; k + 1 < points.length; k++) {
        const a = points[k], b = points[k + 1];
        const piece = esc(text.slice(a - base, b - base));
        const inEvidence = e.ev.some((c) => c[0] <= a && c[1] >= b);
        const covering = [];
        e.spans.forEach((s, idx) => { if (s[1] <= a && s[2] >= b) covering.push(idx); });
        let html = piece;
        if (covering.length) {
          // the innermost (shortest) span gives the colour
          const inner = covering.slice().sort((x, y) => (e.spans[x][2] - e.spans[x][1]) - (e.spans[y][2] - e.spans[y][1]))[0];
          const [fill, line] = FIELD_COLOURS[e.spans[inner][0]] || ["#eee", "#999"];
          const starting = covering.filter((idx) => e.spans[idx][1] === a).map((idx) => e.spans[idx][0]);
          html = '<mark data-spans="' + covering.join(" ") + '" data-fields="' + covering.map((idx) => e.spans[idx][0]).join("|") +
            '" style="--c:' + fill + ";--c2:" + line + '"' + (starting.length ? ' data-label="' + esc(starting.join(" + ")) + '"' : "") + ">" + piece + "</mark>";
        }
        out.push(inEvidence ? '<span class="evidence">' + html + "</span>" : html);
      }
    });
    return { html: out.join(""), whole: !!doc };
  }

  function relatedList(title, list) {
    if (!list.length) return "";
    return "<div><b>" + title + "</b><ul>" + list.map((o) => '<li><a data-i="' + o.i + '">' + esc(o.summary) + "</a></li>").join("") + "</ul></div>";
  }

  function select(i, fromMap) {
    state.selected = i;
    for (const c of circles) c.classList.toggle("selected", +c.dataset.i === i);
    for (const tr of document.querySelectorAll("#events tbody tr")) tr.classList.toggle("selected", +tr.dataset.i === i);
    loadDocs().then(() => { if (state.selected === i) showEvidence(i, fromMap); });
  }

  function showEvidence(i, fromMap) {
    const e = EVENTS[i];
    const spanned = new Set(e.spans.map((s) => s[0]));
    const key = (label) => spanned.has(label) ? '<span class="field-key" style="--c:' + FIELD_COLOURS[label][0] + ";--c2:" + FIELD_COLOURS[label][1] + '">' + label + "</span>" : label;
    const rows = [
      ["Type", TYPE_NAMES[e.type] + (e.bg ? " (background: an earlier event recalled)" : "")],
      [key("date"), esc(e.date || "unknown") + (e.prec && e.prec !== "day" ? " (" + esc(e.prec) + ")" : "")],
      [key("place"), e.loc ? [e.loc.name, e.loc.admin1, COUNTRY_NAMES[e.loc.country] || e.loc.country]
        .filter((v, k, all) => v && all.indexOf(v) === k).map(esc).join(", ") +
        (located(e) ? " (" + e.loc.lat.toFixed(3) + ", " + e.loc.lon.toFixed(3) + "; " + esc(e.loc.precision || "") + ")" : "") : "—"],
      [key("munitions"), esc(fmtCount(e.mun) || "—") + (e.weapon ? " · " + esc(e.weapon.replace(/_/g, " ")) : "")],
      [key("killed"), esc(fmtCount(e.killed) || "—")],
      [key("wounded"), esc(fmtCount(e.wounded) || "—")],
      [key("actor"), esc(e.actor || "—")],
      [key("claim"), esc(e.claim || "—")],
    ];
    if (e.accused.length) rows.push([key("accused"), esc(e.accused.join("; "))]);
    if (e.launch) rows.push([key("launched from"), esc(e.launch)]);
    if (e.target) rows.push(["Target", '<span dir="auto">' + esc(e.target) + "</span>"]);
    if (e.outcome) rows.push(["Outcome", esc(e.outcome)]);
    rows.push(["Ids", "event " + esc(e.id) + " · article " + esc(e.doc) + (e.cluster ? " · cluster " + esc(e.cluster) : "") +
      (e.conf != null ? " · confidence " + esc(e.conf) : "")]);
    const art = articleHtml(e);
    const doc = docOf(e.doc);
    const sameDoc = EVENTS.filter((o) => o.doc === e.doc && o.i !== i);
    const sameCluster = e.cluster ? EVENTS.filter((o) => o.cluster === e.cluster && o.i !== i) : [];
    $("evidence").innerHTML = '<div class="panel-head"><h2>Evidence</h2></div>' +
      '<div class="ev-head"><div class="summary">' + esc(e.summary) + "</div></div>" +
      '<dl class="ev-fields">' + rows.map(([k, v]) => "<dt>" + k + "</dt><dd>" + v + "</dd>").join("") + "</dl>" +
      (e.problems ? '<p class="warn">These spans do not match this article and are not shown: ' + esc(e.problems.join("; ")) + "</p>" : "") +
      '<p class="note">' + (art.whole ? "Article " + esc(e.doc) + (doc.published ? ", published " + esc(doc.published) : "") +
        "; the evidence clauses are underlined in yellow." : "The article is not in this report (give --docs): the evidence clauses only.") + "</p>" +
      '<div class="article" dir="rtl" lang="ar" data-doc="' + esc(e.doc) + '" data-event="' + i + '">' + art.html + "</div>" +
      '<div class="related">' + relatedList("Other events of this article", sameDoc) +
      relatedList("Same event in other reports (dedup cluster)", sameCluster.filter((o) => o.doc !== e.doc)) + "</div>";
    // bring the first highlight into the panel's view without scrolling the page
    const panel = $("evidence");
    const first = panel.querySelector(".article mark") || panel.querySelector(".article .evidence");
    if (first) {
      const box = first.getBoundingClientRect(), outer = panel.getBoundingClientRect();
      panel.scrollTop += box.top - outer.top - panel.clientHeight / 3;
    }
    if (!fromMap) panel.scrollIntoView({ block: "nearest" });
  }

  function setupEvidence() {
    $("evidence").addEventListener("click", (ev) => {
      const a = ev.target.closest("a[data-i]");
      if (a) select(+a.dataset.i, false);
    });
  }

  // ---------------------------------------------------------------- provenance
  function renderProvenance() {
    const p = Object.assign({}, DATA.provenance, { "map boundaries": B.credit });
    const val = (v) => Array.isArray(v) ? v.map(esc).join("<br>") : esc(v);
    $("provenance").innerHTML = "<summary>Provenance</summary><dl>" +
      Object.entries(p).map(([k, v]) => "<dt>" + esc(k) + "</dt><dd>" + val(v) + "</dd>").join("") + "</dl>" +
      (DATA.problems.length ? '<p class="warn">' + DATA.problems.length + " span(s) do not match their article.</p>" : "");
  }

  setupFilters(); drawMap(); setupTimeline(); setupTable(); setupEvidence(); renderProvenance();
  update();
  // scriptMs: navigation to the end of this script; frameMs: to the first frame after it
  // (read by the benchmark). The articles are unpacked once that frame is drawn.
  window.rasidReport = { select: select, state: state, filtered: () => filtered, docs: loadDocs,
    scriptMs: performance.now(), frameMs: null };
  requestAnimationFrame(() => { window.rasidReport.frameMs = performance.now(); setTimeout(loadDocs); });
})();
