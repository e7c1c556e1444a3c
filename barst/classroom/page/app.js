// The phone page of a barst class session. A thin view: the laptop holds every rule; this page shows
// what it is sent and sends taps. No framework, no build step, nothing loaded from the internet.
// The only thing kept on the phone is a random token (sessionStorage), so a reload keeps its vote.
"use strict";
(() => {
  const BOOT = {  // words needed before the laptop has sent the phone's own (see assets/ui/phone-*.yaml)
    nl: {connecting: "Verbinden…", pin_title: "PIN", pin_hint: "Typ de PIN die op het grote scherm staat.",
         pin_wrong: "Die PIN klopt niet. Kijk nog eens op het scherm.", ended: "Deze les is afgelopen. Scan de nieuwe code op het scherm.",
         exit: "Nooduitgang", exit_title: "Even pauze.", exit_back: "Terug", exit_text: "Wil je met iemand praten? Deze mensen luisteren."},
    fr: {connecting: "Connexion…", pin_title: "PIN", pin_hint: "Tape le PIN affiché sur le grand écran.",
         pin_wrong: "Ce PIN n’est pas le bon. Regarde encore l’écran.", ended: "Cette séance est terminée. Scanne le nouveau code à l’écran.",
         exit: "Sortie de secours", exit_title: "Une pause.", exit_back: "Retour", exit_text: "Envie d’en parler à quelqu’un ? Ces personnes écoutent."},
    en: {connecting: "Connecting…", pin_title: "PIN", pin_hint: "Type the PIN shown on the big screen.",
         pin_wrong: "That PIN is not right. Look at the screen again.", ended: "This session has ended. Scan the new code on the screen.",
         exit: "Emergency exit", exit_title: "Time for a pause.", exit_back: "Back", exit_text: "Want to talk to someone? These people listen."},
    de: {connecting: "Verbinden…", pin_title: "PIN", pin_hint: "Tipp die PIN ein, die auf dem großen Bildschirm steht.",
         pin_wrong: "Diese PIN stimmt nicht. Schau noch einmal auf den Bildschirm.", ended: "Diese Sitzung ist vorbei. Scanne den neuen Code auf dem Bildschirm.",
         exit: "Notausgang", exit_title: "Kurz Pause.", exit_back: "Zurück", exit_text: "Möchtest du mit jemandem reden? Diese Menschen hören zu."},
  };
  const EMERGENCY = [{name: "112", number: "112", link: "tel:112", hours: ""}, {name: "101", number: "101", link: "tel:101", hours: ""}];
  const $ = (id) => document.getElementById(id);
  const store = (() => { try { return window.sessionStorage; } catch (e) { return null; } })();
  const keep = (k, v) => { try { if (store) store.setItem(k, v); } catch (e) { /* private mode */ } };
  const kept = (k) => { try { return store ? store.getItem(k) : null; } catch (e) { return null; } };

  const guessLang = () => {
    const wanted = (navigator.language || "nl").slice(0, 2).toLowerCase();
    return BOOT[wanted] ? wanted : "nl";
  };
  const newToken = () => {
    const bytes = new Uint8Array(16);
    crypto.getRandomValues(bytes);
    return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
  };
  const query = new URLSearchParams(location.search);
  const me = {
    token: kept("barst-token") || newToken(),
    pin: (query.get("pin") || kept("barst-pin") || "").replace(/\D/g, "").slice(0, 4),
    lang: kept("barst-lang") || guessLang(),
    langChosen: kept("barst-lang") !== null,
    words: {}, langs: [], lines: [], title: "",
    steps: [], at: 0, seq: 0, rulesSeen: kept("barst-rules") === "1", feedback: {},
    state: null, exitOpen: false, exitSent: false, ended: false, pinWrong: false, connected: false,
  };
  keep("barst-token", me.token);
  if (me.pin) keep("barst-pin", me.pin);
  if (query.has("pin")) history.replaceState(null, "", location.pathname);  // the PIN stays out of the history

  const word = (key) => me.words[key] || (BOOT[me.lang] || BOOT.nl)[key] || BOOT.en[key] || "";
  const fill = (key, values) => word(key).replace(/\{(\w+)\}/g, (_, name) => String(values[name] ?? ""));

  // --- the connection: reconnects after a drop, a locked screen or an app switch (iOS closes sockets) ---
  let ws = null, retry = 0, retryTimer = 0, syncTimer = 0;
  const connect = () => {
    clearTimeout(retryTimer);
    if (!me.pin || me.ended) { render(); return; }
    if (ws && (ws.readyState === WebSocket.OPEN || ws.readyState === WebSocket.CONNECTING)) return;
    const socket = new WebSocket(`ws://${location.host}/ws?pin=${encodeURIComponent(me.pin)}`);
    let opened = false;
    ws = socket;
    socket.onopen = () => {
      opened = true; retry = 0; me.connected = true; me.pinWrong = false;
      send({type: "hello", token: me.token, lang: me.lang});
    };
    socket.onmessage = (event) => {
      clearTimeout(syncTimer);
      let message;
      try { message = JSON.parse(event.data); } catch (e) { return; }
      if (message.type === "welcome") {
        me.words = message.words || {}; me.langs = message.langs || []; me.lines = message.helplines || [];
        me.title = message.title || ""; me.lang = message.lang || me.lang;
      } else if (message.type === "state") {
        me.state = message;
      } else if (message.type === "play") {
        const first = message.steps && message.steps[0];
        const same = first && me.steps[me.at] && JSON.stringify(first) === JSON.stringify(me.steps[me.at]);
        me.steps = message.steps || [];
        me.at = 0;
        me.seq += 1;
        if (!same) window.scrollTo(0, 0);
      }
      render();
    };
    socket.onclose = (event) => {
      if (ws !== socket) return;
      ws = null; me.connected = false;
      if (event.code === 4000) { me.ended = true; render(); return; }
      if (!opened) { checkPin(); return; }
      later();
    };
  };
  const later = () => {
    render();
    retry = Math.min(retry + 1, 6);
    retryTimer = setTimeout(connect, [0, 300, 700, 1500, 3000, 5000, 5000][retry]);
  };
  const checkPin = () => {  // a refused handshake looks like a network error to a page: ask plainly
    fetch(`/check?pin=${encodeURIComponent(me.pin)}`, {cache: "no-store"}).then((r) => {
      if (r.status === 403) { me.pinWrong = true; me.pin = ""; keep("barst-pin", ""); render(); } else later();
    }).catch(later);
  };
  const send = (message) => {
    if (ws && ws.readyState === WebSocket.OPEN) { ws.send(JSON.stringify(message)); return true; }
    connect();
    return false;
  };
  const wake = () => {
    if (document.visibilityState !== "visible") return;
    if (!ws || ws.readyState !== WebSocket.OPEN) { retry = 0; connect(); return; }
    send({type: "sync"});  // the socket may be dead without knowing it: no answer soon means reconnect
    clearTimeout(syncTimer);
    syncTimer = setTimeout(() => { if (ws) { const old = ws; ws = null; old.close(); } retry = 0; connect(); }, 3000);
  };
  document.addEventListener("visibilitychange", wake);
  window.addEventListener("pageshow", wake);
  window.addEventListener("online", wake);

  // --- drawing ---
  const views = ["pin-view", "lang-view", "wait-view", "vote-view", "play-view", "exit-view"];
  const show = (id) => views.forEach((v) => { $(v).hidden = v !== id; });
  const text = (id, value) => { $(id).textContent = value; };
  const button = (label, onTap, extra) => {
    const b = document.createElement("button");
    b.type = "button"; b.className = "big " + (extra || ""); b.textContent = label;
    b.addEventListener("click", onTap);
    return b;
  };

  const render = () => {
    document.documentElement.lang = me.lang;
    text("exit-word", word("exit"));
    text("title", me.title || "barst");
    text("lang-switch", me.langs.length > 1 ? word("lang_switch") : "");
    $("lang-switch").hidden = me.langs.length < 2;
    text("status", me.ended ? "" : me.connected ? "" : word(me.state ? "reconnecting" : "connecting") || word("connecting"));
    if (me.exitOpen) return renderExit();
    if (me.ended) { show("wait-view"); text("wait-title", word("ended")); text("wait-text", ""); return; }
    if (!me.pin) return renderPin();
    if (me.connected && me.langs.length > 1 && !me.langChosen) return renderLangs();
    const state = me.state;
    if (state && state.mode === "solo") return renderSolo(state);
    if (!state || state.phase === "waiting" || !state.question) {
      show("wait-view"); text("wait-title", word("wait_title")); text("wait-text", word("wait_text"));
      return;
    }
    renderVote(state);
  };

  const renderPin = () => {
    show("pin-view");
    text("pin-title", word("pin_title")); text("pin-hint", word("pin_hint"));
    $("pin-error").hidden = !me.pinWrong; text("pin-error", word("pin_wrong"));
  };

  const renderLangs = () => {
    show("lang-view");
    const box = $("langs");
    box.replaceChildren(...me.langs.map((l) => button(NAMES[l] || l, () => chooseLang(l), l === me.lang ? "chosen" : "")));
  };
  const NAMES = {nl: "Nederlands", fr: "Français", en: "English", de: "Deutsch"};
  const chooseLang = (lang) => {
    me.lang = lang; me.langChosen = true; keep("barst-lang", lang);
    send({type: "lang", lang});
    render();
  };

  const renderVote = (state) => {
    show("vote-view");
    const q = state.question;
    const open = state.phase === "vote";
    text("vote-prompt", q.prompt || "");
    text("vote-title", state.result ? word("result") : open ? word("vote_title") : word(state.phase === "paused" ? "vote_paused" : "vote_closed"));
    const box = $("choices");
    box.replaceChildren(...q.choices.map((c) => {
      const mine = state.vote === c.number;
      const won = state.result && state.result.number === c.number;
      const b = button("", () => vote(q.id, c.number), (mine ? "chosen " : "") + (won ? "won" : ""));
      const badge = document.createElement("span"); badge.className = "badge"; badge.textContent = String(c.number);
      const label = document.createElement("span"); label.className = "label"; label.textContent = c.label;
      b.append(badge, label);
      if (mine) { const tick = document.createElement("span"); tick.className = "tick"; tick.textContent = "✓ " + word("vote_mine"); b.append(tick); }
      b.disabled = !open;
      b.setAttribute("aria-pressed", mine ? "true" : "false");
      return b;
    }));
    let note = "";
    if (state.result) note = fill("result_label", {label: state.result.label}) + (state.result.lot ? " " + word("result_lot") : "");
    else if (open) note = state.vote ? fill("vote_yours", {n: state.vote}) : word("vote_hint");
    else if (state.phase === "paused") note = word("vote_paused_text");
    text("vote-note", note);
  };
  const vote = (question, choice) => {
    if (me.state && me.state.phase === "vote") {
      me.state = {...me.state, vote: choice};  // shown at once; the laptop's answer confirms it
      render();
    }
    send({type: "vote", question, choice});
  };

  const renderExit = () => {
    show("exit-view");
    text("exit-title", word("exit_title")); text("exit-text", word("exit_text")); text("exit-back", word("exit_back"));
    const lines = me.lines.length ? me.lines : EMERGENCY;
    $("lines").replaceChildren(...lines.map((line) => {
      const item = document.createElement("li");
      const link = document.createElement("a");
      link.href = line.link; link.className = "call";
      const number = document.createElement("span"); number.className = "number"; number.textContent = line.number;
      const name = document.createElement("span"); name.className = "name"; name.textContent = line.name;
      link.append(number, name);
      item.append(link);
      if (line.hours) { const h = document.createElement("p"); h.className = "hours"; h.textContent = line.hours; item.append(h); }
      return item;
    }));
  };


  // --- every pupil on their own phone: the laptop sends the screens, the page shows them in order ---
  const el = (tag, cls, content) => {
    const node = document.createElement(tag);
    if (cls) node.className = cls;
    if (content !== undefined) node.textContent = content;
    return node;
  };
  const play = (message) => send({type: "play", ...message});
  const nextStep = () => { me.at = Math.min(me.at + 1, me.steps.length - 1); window.scrollTo(0, 0); render(); };
  const waitWith = (title, body) => { show("wait-view"); text("wait-title", title); text("wait-text", body); };
  const meter = (m, after) => {
    const row = el("div", "meter");
    row.append(el("span", "meter-label", m.label));
    const bar = el("span", "meter-bar");
    const fill = el("span", "meter-fill");
    const value = after === undefined ? m.value : after;
    fill.style.width = `${Math.round(100 * (value - m.min) / Math.max(1, m.max - m.min))}%`;
    bar.append(fill);
    row.append(bar, el("span", "meter-number", `${value}/${m.max}`));
    return row;
  };

  const renderSolo = (state) => {
    if (state.phase === "feedback") {
      return state.feedback_done ? waitWith(word("fb_thanks"), "") : renderFeedback();
    }
    const step = me.steps[me.at];
    if (state.phase !== "play" || !step) return waitWith(word("wait_title"), word("none_open"));
    if (!me.rulesSeen && step.kind === "menu") return renderRules(step);
    show("play-view");
    const box = $("play-view");
    const parts = [];
    const more = me.at < me.steps.length - 1;
    if (step.kind === "menu") {
      parts.push(el("h1", "", word("menu_title")));
      for (const s of step.situations) {
        const card = el("div", "card");
        if (s.picture) { const img = el("img", "cover"); img.src = `/img/${s.picture}`; img.alt = ""; card.append(img); }
        card.append(el("h2", "", s.title), el("p", "", s.summary));
        if (s.notes) card.append(el("p", "muted", `${word("notes")} ${s.notes}`));
        card.append(el("p", "muted", fill("found", {found: s.found, total: s.total}) +
                                   (s.best === null || s.best === undefined ? "" : " · " + fill("best", {n: s.best}))));
        card.append(button(s.found ? word("replay") : word("play"), () => play({action: "start", situation: s.id}), "primary"));
        parts.push(card);
      }
    } else if (step.kind === "scene") {
      parts.push(el("p", "muted", step.title));
      if (step.picture) { const img = el("img", "picture"); img.src = `/img/${step.picture}`; img.alt = ""; parts.push(img); }
      if (step.speaker) parts.push(el("p", "speaker", step.role ? `${step.speaker} · ${step.role}` : step.speaker));
      parts.push(el("p", "story", step.text));
      if (step.meters.length) { const m = el("div", "meters"); m.append(...step.meters.map((x) => meter(x))); parts.push(m); }
      const choices = el("div", "stack");
      for (const c of step.choices) {
        const b = button("", () => { if (!more) play({action: "choose", number: c.number}); });
        b.append(el("span", "badge", String(c.number)), el("span", "label", c.label));
        choices.append(b);
      }
      if (step.can_continue && !more) choices.append(button(word("next"), () => play({action: "continue"}), "primary"));
      parts.push(choices);
    } else if (step.kind === "consequence") {
      if (step.label) { parts.push(el("p", "muted", word("you_chose")), el("h1", "", step.label)); }
      if (step.feedback) parts.push(el("p", "story", step.feedback));
      if (step.impact) parts.push(el("p", "muted", word("replay_more")), el("p", "story", step.impact));
      if (step.changes.length) {
        const m = el("div", "meters");
        for (const c of step.changes) {
          const row = meter({label: c.label, value: c.new, min: c.min, max: c.max});
          const delta = c.new - c.old;
          if (delta) row.append(el("span", "delta", (delta > 0 ? "+" : "−") + Math.abs(delta)));
          m.append(row);
        }
        parts.push(m);
      }
      if (step.points) parts.push(el("p", "points", fill("points", {n: step.points})));
    } else if (step.kind === "ending") {
      parts.push(el("p", "muted", step.title));
      const badge = el("div", `score ${step.ending_kind}`);
      badge.append(el("span", "score-number", String(step.score)), el("span", "score-word", word(`kind_${step.ending_kind}`)));
      parts.push(badge, el("h1", "", step.verdict));
      parts.push(el("p", "muted", step.first_time ? fill("new_ending", {found: step.found, total: step.total})
                                                   : fill("ending_known", {found: step.found, total: step.total})));
      if (step.helplines && step.helplines.length) {  // who to call about this, tap to call
        parts.push(el("h2", "", word("ending_help")));
        const lines = el("ul", "lines");
        for (const line of step.helplines) {
          const item = el("li", "");
          const link = el("a", "call"); link.href = line.link;
          link.append(el("span", "number", line.number), el("span", "name", line.name));
          item.append(link);
          if (line.hours) item.append(el("p", "hours", line.hours));
          lines.append(item);
        }
        parts.push(lines);
      }
      parts.push(el("h2", "", word("what_helps")), el("p", "story", step.helps));
      const list = el("ul", "five-as");
      for (const a of ["anderen-betrekken", "afleiden", "afzonderen", "aanspreken", "aanwezig-blijven"]) {
        const on = step.five_as.includes(a);
        list.append(el("li", on ? "on" : "", `${on ? "✓" : "·"} ${word(`a_${a}`)}`));
      }
      parts.push(el("h2", "", word("five_as")), list);
    } else if (step.kind === "unlocked") {
      parts.push(el("h1", "", word("unlocked_title")));
      for (const item of step.items) parts.push(el("h2", "", item.title), el("p", "story", item.text));
    }
    if (more) parts.push(button(word("next"), nextStep, "primary"));
    else if (step.kind === "scene" && step.choices.length === 0 && !step.can_continue) {
      parts.push(button(word("to_menu"), () => play({action: "menu"}), "primary"));
    }
    box.replaceChildren(...parts);
    box.dataset.kind = step.kind;  // for the browser tests: which screen, and which message it came from
    box.dataset.seq = `${me.seq}.${me.at}`;
  };

  const renderRules = (menu) => {
    show("play-view");
    const parts = [el("h1", "", word("rules_title"))];
    const rules = el("ol", "rules");
    for (let i = 1; i <= 5; i++) if (word(`rule_${i}`)) rules.append(el("li", "", word(`rule_${i}`)));
    parts.push(rules, el("h2", "", word("overview_title")));
    for (const s of menu.situations) {
      const p = el("p", "");
      p.append(el("strong", "", s.title + " "), document.createTextNode(s.notes || s.summary));
      parts.push(p);
    }
    parts.push(button(word("rules_ok"), () => { me.rulesSeen = true; keep("barst-rules", "1"); render(); }, "primary"));
    $("play-view").replaceChildren(...parts);
    $("play-view").dataset.kind = "rules";
  };

  const face = (value) => {  // drawn, not an emoji: phones without an emoji font still show five faces
    const NS = "http://www.w3.org/2000/svg";
    const svg = document.createElementNS(NS, "svg");
    svg.setAttribute("viewBox", "0 0 24 24"); svg.setAttribute("class", "emoji"); svg.setAttribute("aria-hidden", "true");
    const curve = [11.5, 14.5, 17, 19.5, 22.5][value - 1];
    for (const [tag, attrs] of [["circle", {cx: 12, cy: 12, r: 10.5}], ["circle", {cx: 8.5, cy: 9.5, r: 1.3}],
                                ["circle", {cx: 15.5, cy: 9.5, r: 1.3}], ["path", {d: `M7.5 16.5 Q12 ${curve} 16.5 16.5`}]]) {
      const shape = document.createElementNS(NS, tag);
      for (const [k, v] of Object.entries(attrs)) shape.setAttribute(k, String(v));
      svg.append(shape);
    }
    return svg;
  };
  const renderFeedback = () => {
    show("play-view");
    const parts = [el("h1", "", word("fb_title")), el("p", "muted", word("fb_intro"))];
    for (const q of ["liked", "learned", "safe", "talk"]) {
      const group = el("fieldset", "scale");
      group.append(el("legend", "", word(`fb_${q}`)));
      for (let v = 1; v <= 5; v++) {
        const chosen = me.feedback[q] === v;
        const b = button("", () => { me.feedback[q] = v; render(); }, "face" + (chosen ? " chosen" : ""));
        b.setAttribute("aria-pressed", chosen ? "true" : "false");
        b.append(face(v), el("span", "face-word", word(`fb_${v}`)));
        group.append(b);
      }
      parts.push(group);
    }
    const call = el("fieldset", "scale two");
    call.append(el("legend", "", word("fb_call")));
    for (const [value, key] of [[true, "yes"], [false, "no"]]) {
      const chosen = me.feedback.call === value;
      const b = button(word(key), () => { me.feedback.call = value; render(); }, chosen ? "chosen" : "");
      b.setAttribute("aria-pressed", chosen ? "true" : "false");
      call.append(b);
    }
    parts.push(call);
    parts.push(button(word("fb_send"), () => {
      const {call: knows, ...answers} = me.feedback;
      send({type: "feedback", answers, call: knows === undefined ? null : knows});
    }, "primary"));
    $("play-view").replaceChildren(...parts);
    $("play-view").dataset.kind = "feedback";
  };

  $("exit").addEventListener("click", () => {
    me.exitOpen = true;
    render();
    window.scrollTo(0, 0);
    if (!me.exitSent) me.exitSent = send({type: "exit"});  // counted, never shown on the projector
  });
  $("exit-back").addEventListener("click", () => { me.exitOpen = false; render(); });
  $("lang-switch").addEventListener("click", () => { me.langChosen = false; me.exitOpen = false; renderLangs(); });
  $("pin-form").addEventListener("submit", (event) => {
    event.preventDefault();
    me.pin = $("pin").value.replace(/\D/g, "").slice(0, 4);
    keep("barst-pin", me.pin); me.pinWrong = false; retry = 0;
    connect();
  });

  render();
  connect();
})();
