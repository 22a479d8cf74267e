/* SENGuide widget: lets a visitor ask the SEN Support guidance a question, with cited answers.
 *
 *   <div id="senguide"></div>
 *   <script src="https://HOST/widget.js" data-endpoint="https://HOST/" defer></script>
 *
 * Options (data-* on the script tag) are documented in docs/WIDGET.md. Plain JavaScript, no
 * dependencies, no build step. Privacy: the only requests are POST {endpoint}v1/ask, with the
 * question and the earlier questions of this conversation; nothing is stored, no cookies.
 * Safety: text from the server is only ever inserted as text nodes, never parsed as HTML.
 */
(function () {
  'use strict';
  var script = document.currentScript ||
    [].slice.call(document.querySelectorAll('script[src*="widget.js"]')).pop();
  if (!script) return;
  var opt = script.dataset;
  var base = opt.endpoint ? new URL(opt.endpoint.replace(/\/?$/, '/'), document.baseURI)
    : new URL('.', script.src || document.baseURI);
  var api = new URL('v1/ask', base).href;
  var timeoutMs = Math.max(1000, parseInt(opt.timeout, 10) || 20000);
  var level = Math.min(4, Math.max(1, parseInt(opt.headingLevel, 10) || 2));
  var uid = 'sgw' + Math.random().toString(36).slice(2, 8);
  var DISCLAIMER = 'This is general information, not legal advice.';
  var MAX_HISTORY = 10;
  var STRENGTH = {
    duty: 'Says \u201cmust\u201d: a duty (in the Code, \u201cmust\u201d marks a statutory requirement).',
    guidance: 'Says \u201cshould\u201d: guidance, not a \u201cmust\u201d.'
  };

  var CSS = [
    '.sgw{--bg:#fff;--fg:#1a1a1a;--mu:#4a4a4a;--bd:#6b6b6b;--ac:#1d4f91;--acf:#fff;--q:#f1f4f8;',
    '--my:#a4262c;--myf:#fff;--nq:#7a4a00;--nqf:#fff;--er:#a4262c;--ebg:#fdf2f2}',
    '.sgw.sgw-dark{--bg:#121417;--fg:#f0f0f0;--mu:#c4c7cc;--bd:#8a9099;--ac:#9cc3ff;--acf:#0b1a2e;',
    '--q:#1e232a;--my:#ffb3b3;--myf:#3b0000;--nq:#ffd27a;--nqf:#3a2600;--er:#ffb3b3;--ebg:#2a1618}',
    '@media (prefers-color-scheme:dark){.sgw:not(.sgw-light){--bg:#121417;--fg:#f0f0f0;--mu:#c4c7cc;',
    '--bd:#8a9099;--ac:#9cc3ff;--acf:#0b1a2e;--q:#1e232a;--my:#ffb3b3;--myf:#3b0000;--nq:#ffd27a;',
    '--nqf:#3a2600;--er:#ffb3b3;--ebg:#2a1618}}',
    '.sgw{background:var(--bg);color:var(--fg);font-family:inherit;font-size:1rem;line-height:1.5;',
    'border:1px solid var(--bd);border-radius:.5rem;padding:1rem;max-width:48rem;',
    'overflow-wrap:anywhere;text-align:left}',
    '.sgw *{box-sizing:border-box}',
    '@media (max-width:30em){.sgw{padding:.75rem}}',
    '.sgw h2,.sgw h3,.sgw h4,.sgw h5,.sgw p,.sgw ul,.sgw ol,.sgw figure,.sgw blockquote{margin:0 0 .75rem;padding:0}',
    '.sgw-title{font-size:1.35em;line-height:1.25}',
    '.sgw-q{font-size:1.15em;line-height:1.3;border-top:2px solid var(--bd);padding:.75rem .25rem 0!important}',
    '.sgw-sub{font-size:1em;margin-top:1rem!important}',
    '.sgw-mu{color:var(--mu)}',
    '.sgw label{display:block;font-weight:700;margin-bottom:.25rem}',
    '.sgw-row{display:flex;flex-wrap:wrap;gap:.5rem}',
    '.sgw input{flex:1 1 12rem;min-width:0;min-height:2.75rem;font:inherit;color:var(--fg);',
    'background:var(--bg);border:2px solid var(--bd);border-radius:.25rem;padding:.4rem .6rem}',
    '.sgw button{font:inherit;font-weight:700;min-height:2.75rem;border-radius:.25rem;cursor:pointer;',
    'padding:.4rem 1.1rem;background:var(--ac);color:var(--acf);border:2px solid var(--ac)}',
    '.sgw button.sgw-alt{background:transparent;color:var(--ac);font-weight:400;text-decoration:underline;',
    'padding:.4rem .6rem;text-align:left;border-color:transparent}',
    '.sgw button[aria-disabled=true]{cursor:progress;opacity:.85}',
    '.sgw a{color:var(--ac);text-decoration:underline}',
    '.sgw :focus{outline:3px solid transparent;box-shadow:0 0 0 3px #fd0,0 0 0 6px #0b0c0c}',
    '.sgw :focus:not(:focus-visible){box-shadow:none}',
    '.sgw-turn{margin-bottom:1rem}',
    '.sgw-summary{font-size:1.15em}',
    '.sgw-verdict{border-left:.4rem solid var(--my);padding:.5rem .75rem!important;background:var(--q)}',
    '.sgw-verdict.sgw-nq{border-color:var(--nq)}',
    '.sgw-badge{display:inline-block;font-weight:700;padding:.1rem .6rem;border-radius:.25rem;',
    'background:var(--my);color:var(--myf);margin-right:.5rem}',
    '.sgw-nq .sgw-badge{background:var(--nq);color:var(--nqf)}',
    '.sgw-list{list-style:none}',
    '.sgw-list>li{margin-bottom:.75rem}',
    '.sgw blockquote{border-left:.3rem solid var(--ac);background:var(--q);padding:.5rem .75rem;margin:0 0 .25rem}',
    '.sgw figcaption{font-size:.95em;color:var(--mu);margin-top:.4rem}',
    '.sgw-busy{display:flex;gap:.6rem;align-items:center;margin-bottom:.75rem}',
    '.sgw-spin{width:1.25rem;height:1.25rem;border:3px solid var(--bd);border-top-color:var(--ac);',
    'border-radius:50%;animation:sgw-rot .9s linear infinite;flex:none}',
    '@keyframes sgw-rot{to{transform:rotate(360deg)}}',
    '@media (prefers-reduced-motion:reduce){.sgw-spin{animation:none;border-style:dotted}}',
    '.sgw-error{border:2px solid var(--er);background:var(--ebg);border-radius:.25rem;padding:.75rem;margin-bottom:.75rem}',
    '.sgw-small{font-size:.9em;color:var(--mu)}',
    '.sgw-sr{position:absolute!important;width:1px;height:1px;margin:-1px;padding:0;overflow:hidden;',
    'clip:rect(0 0 0 0);white-space:nowrap;border:0}',
    '.sgw [hidden]{display:none!important}'
  ].join('');

  /** Creates an element; `text` and string children become text nodes, never markup. */
  function el(tag, props, kids) {
    var n = document.createElement(tag);
    Object.keys(props || {}).forEach(function (k) {
      var v = props[k];
      if (v == null || v === false) return;
      if (k === 'text') n.textContent = v;
      else if (k.slice(0, 2) === 'on') n.addEventListener(k.slice(2), v);
      else n.setAttribute(k === 'cls' ? 'class' : k, v === true ? '' : String(v));
    });
    [].concat(kids == null ? [] : kids).forEach(function (c) {
      if (c != null && c !== false && c !== '') n.append(c);
    });
    return n;
  }
  function str(v) { return v == null ? '' : String(v); }
  function arr(v) { return Array.isArray(v) ? v : []; }
  function h(offset, props, kids) { return el('h' + Math.min(6, level + offset), props, kids); }
  /** The text with each newline as a <br> element. */
  function lines(text) {
    var out = [];
    str(text).split(/\r?\n/).forEach(function (line, i) {
      if (i) out.push(el('br'));
      out.push(line);
    });
    return out;
  }
  /** Only http(s) addresses become links. */
  function safeUrl(u) {
    try {
      var x = new URL(str(u));
      return /^https?:$/.test(x.protocol) ? x.href : null;
    } catch (e) { return null; }
  }

  /** A web address, e-mail address or UK phone number in signpost text. */
  var CONTACT = /https?:\/\/[^\s<>"]+|www\.[^\s<>"]+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+|\b0\d{2,4} ?\d{3,4} ?\d{3,4}\b/g;
  /** Text nodes and <br>s as `lines` makes, with each contact in the text a link to it. */
  function linked(text) {
    var out = [];
    lines(text).forEach(function (part) {
      if (typeof part !== 'string') return out.push(part);
      var at = 0;
      var m;
      CONTACT.lastIndex = 0;
      while ((m = CONTACT.exec(part))) {
        var t = m[0].replace(/[.,;:!?)]+$/, '');
        var href = t.indexOf('@') > 0 ? 'mailto:' + t : /^0/.test(t) ? 'tel:' + t.replace(/ /g, '')
          : safeUrl(/^www\./.test(t) ? 'https://' + t : t);
        if (!href) continue;
        out.push(part.slice(at, m.index), el('a', { href: href }, t));
        at = m.index + t.length;
        CONTACT.lastIndex = at;
      }
      out.push(part.slice(at));
    });
    return out;
  }

  /** A constructed style sheet, which a Content-Security-Policy style-src does not block;
   * a <style> element where the browser has none. Added once, however many widgets. */
  function addStyles() {
    try {
      if (document.adoptedStyleSheets.some(function (s) { return s.sgw; })) return;
      var sheet = new CSSStyleSheet();
      sheet.replaceSync(CSS);
      sheet.sgw = true;
      document.adoptedStyleSheets = document.adoptedStyleSheets.concat([sheet]);
    } catch (e) {
      if (!document.getElementById('sgw-style')) document.head.append(el('style', { id: 'sgw-style', text: CSS }));
    }
  }

  function mount() {
    var host = (opt.target && document.querySelector(opt.target)) || document.getElementById('senguide');
    if (!host || host.querySelector('.sgw')) {
      host = el('div');
      if (script.parentNode && document.body.contains(script)) script.after(host);
      else document.body.append(host);
    }
    addStyles();
    new Widget(host);
  }

  function Widget(host) {
    var self = this;
    this.asked = [];        // the questions of this conversation that got an answer
    this.busy = false;
    this.turns = 0;
    var theme = opt.theme === 'dark' || opt.theme === 'light' ? ' sgw-' + opt.theme : '';
    this.log = el('div', { cls: 'sgw-log' });
    this.status = el('div', { cls: 'sgw-sr', role: 'status', 'aria-live': 'polite' });
    this.label = el('label', { for: uid + '-q', text: 'Your question' });
    this.input = el('input', {
      id: uid + '-q', type: 'text', name: 'question', autocomplete: 'off', maxlength: 500,
      enterkeyhint: 'send', 'aria-describedby': uid + '-hint'
    });
    this.hint = el('p', { id: uid + '-hint', cls: 'sgw-small',
      text: 'For example: What is SEN Support? Can my child get help without an EHC plan?' });
    this.button = el('button', { type: 'submit', text: 'Ask' });
    this.form = el('form', { cls: 'sgw-form', role: 'search', 'aria-label': 'Ask the guidance',
      novalidate: true, onsubmit: function (e) { e.preventDefault(); self.submit(); } },
    [this.label, el('div', { cls: 'sgw-row' }, [this.input, this.button]), this.hint]);
    this.restart = el('button', { type: 'button', cls: 'sgw-alt', hidden: true,
      text: 'Start a new conversation', onclick: function () { self.reset(); } });
    var title = opt.title || 'Ask about SEN Support';
    this.root = el('section', { cls: 'sgw' + theme, 'aria-labelledby': uid + '-t' }, [
      h(0, { id: uid + '-t', cls: 'sgw-title', text: title }),
      el('p', { cls: 'sgw-mu', text: 'Ask a question in your own words. Answers quote guidance ' +
        'for parents and carers in England, and say where each quote comes from.' }),
      this.log, this.form, el('p', {}, this.restart), this.status
    ]);
    host.append(this.root);
  }

  Widget.prototype.say = function (text) {
    var s = this.status;
    s.textContent = '';
    setTimeout(function () { s.textContent = text; }, 50);
  };

  Widget.prototype.submit = function () {
    var q = this.input.value.trim();
    if (this.busy) return;
    if (!q) {
      this.hint.textContent = 'Please type a question first.';
      this.hint.hidden = false;
      this.input.setAttribute('aria-invalid', 'true');
      this.input.focus();
      return;
    }
    this.ask(q, this.asked.slice(-MAX_HISTORY));
  };

  Widget.prototype.reset = function () {
    this.asked = [];
    this.log.textContent = '';
    this.restart.hidden = true;
    this.label.textContent = 'Your question';
    this.say('Started a new conversation.');
    this.input.focus();
  };

  Widget.prototype.setBusy = function (on) {
    this.busy = on;
    this.button.setAttribute('aria-disabled', on ? 'true' : 'false');
    this.log.setAttribute('aria-busy', on ? 'true' : 'false');
    if (this.busyNote) { this.busyNote.remove(); this.busyNote = null; }
    if (on) {
      this.busyNote = el('div', { cls: 'sgw-busy' }, [
        el('span', { cls: 'sgw-spin', 'aria-hidden': 'true' }),
        el('span', { text: 'Looking through the guidance…' })]);
      this.log.append(this.busyNote);
      this.say('Looking through the guidance…');
    }
  };

  /** Sends the question with the conversation so far; renders the answer or an error. */
  Widget.prototype.ask = function (q, history) {
    var self = this;
    if (this.errorBox) { this.errorBox.remove(); this.errorBox = null; }
    this.input.removeAttribute('aria-invalid');
    this.hint.hidden = true;
    this.setBusy(true);
    var ctl = new AbortController();
    var timer = setTimeout(function () { ctl.abort(); }, timeoutMs);
    fetch(api, {
      method: 'POST', mode: 'cors', credentials: 'omit', cache: 'no-store',
      referrerPolicy: 'no-referrer', signal: ctl.signal,
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({ question: q, history: history })
    }).then(function (res) {
      return res.json().catch(function () { return null; }).then(function (data) {
        if (res.ok && data && typeof data === 'object') return data;
        var msg = data && data.error && data.error.message;
        throw new Error(msg ? 'The guidance service could not answer: ' + str(msg)
          : 'The guidance service had a problem (error ' + res.status + ').');
      });
    }).then(function (data) {
      clearTimeout(timer);
      self.setBusy(false);
      self.asked = history.concat([q]);
      self.input.value = '';
      self.label.textContent = 'Ask a follow-up question';
      self.restart.hidden = false;
      self.render(q, data);
    }, function (err) {
      clearTimeout(timer);
      self.setBusy(false);
      var msg = err && err.name === 'AbortError'
        ? 'The guidance service is taking too long to answer.'
        : err instanceof TypeError ? 'We could not reach the guidance service. ' +
          'Please check your internet connection.' : str(err && err.message);
      self.fail(msg, q, history);
    });
  };

  Widget.prototype.fail = function (msg, q, history) {
    var self = this;
    var text = el('p', { tabindex: '-1' }, [el('strong', { text: 'Sorry, no answer this time. ' }), msg]);
    this.errorBox = el('div', { cls: 'sgw-error' }, [text,
      el('p', { cls: 'sgw-small', text: 'Your question was: ' + q }),
      el('button', { type: 'button', text: 'Try again', onclick: function () { self.ask(q, history); } })]);
    this.log.append(this.errorBox);
    this.say('Sorry, no answer this time. ' + msg);
    text.focus();
  };

  function verdictLabel(myth) {
    var v = str(myth.verdict).trim().toLowerCase();
    return /^(partly|partial|not quite|half|mixed|sometimes|it depends|depends|nuanced)/.test(v)
      ? 'Not quite' : 'Myth';
  }

  function citation(c) {
    var link = safeUrl(c.url);
    var title = str(c.title);
    var src = [el('strong', { text: str(c.source) })];
    if (title) {
      src.push(': ');
      src.push(link ? el('a', { href: link, target: '_blank', rel: 'noopener noreferrer' },
        [title, el('span', { cls: 'sgw-sr', text: ' (opens in a new tab)' })]) : title);
    }
    var cap = [el('span', {}, src)];
    function line(label, value) {
      if (value) cap.push(el('br'), el('span', {}, [label + ': ', value]));
    }
    line('Section', str(c.heading));
    var refs = arr(c.code_refs).map(str).filter(Boolean);
    line('SEND Code of Practice', refs.length ? (refs.length > 1 ? 'paragraphs ' : 'paragraph ') +
      refs.join(', ') : '');
    line('Applies in', str(c.area));
    line('Duty', str(c.duty));
    if (c.strength === 'duty' || c.strength === 'guidance') cap.push(el('br'), STRENGTH[c.strength]);
    return el('li', {}, el('figure', {}, [el('blockquote', {}, lines(c.text)), el('figcaption', {}, cap)]));
  }

  Widget.prototype.render = function (q, data) {
    var n = ++this.turns;
    var head = h(1, { id: uid + '-a' + n, cls: 'sgw-q', tabindex: '-1' }, 'You asked: ' + q);
    var kids = [head];
    // Spelling: the engine answers the corrected question and says so; else it suggests words.
    var fixed = str(data.corrected_question);
    var sugg = arr(data.suggestions).map(str).filter(Boolean);
    if (fixed && fixed !== q) kids.push(el('p', { cls: 'sgw-mu' }, 'We read your question as: \u201c' + fixed + '\u201d'));
    else if (sugg.length) kids.push(el('p', { cls: 'sgw-mu' }, 'Did you mean: ' + sugg.join(', ') + '?'));
    var myth = data.kind === 'myth' && data.myth && typeof data.myth === 'object' ? data.myth : null;
    var spoken = '';
    if (myth) {
      var label = verdictLabel(myth);
      spoken = label + '. ';
      var claim = str(myth.claim);
      kids.push(el('div', { cls: 'sgw-verdict' + (label === 'Myth' ? '' : ' sgw-nq') }, [
        el('p', {}, [el('strong', { cls: 'sgw-badge', text: label }),
          claim ? '\u201c' + claim + '\u201d' : '']),
        // The engine's summary often is the verdict and the explanation: say it once.
        myth.explanation && str(data.summary).indexOf(str(myth.explanation)) < 0
          ? el('p', {}, lines(myth.explanation)) : null]));
    } else if (data.kind === 'none') {
      kids.push(el('p', { cls: 'sgw-mu' }, el('strong', { text: 'Not covered by this guidance' })));
    }
    var summary = str(data.summary);
    if (summary) kids.push(el('p', { cls: 'sgw-summary' }, lines(summary)));
    spoken += summary;
    var cites = arr(data.citations).filter(function (c) { return c && typeof c === 'object'; });
    if (cites.length) {
      kids.push(h(2, { cls: 'sgw-sub', text: 'What the guidance says' }),
        el('ul', { cls: 'sgw-list' }, cites.map(citation)));
    }
    var signs = arr(data.signposts).filter(function (s) { return s && typeof s === 'object'; });
    if (signs.length) {
      kids.push(h(2, { cls: 'sgw-sub', text: 'Where to get help' }),
        el('ul', { cls: 'sgw-list' }, signs.map(function (s) {
          return el('li', {}, [el('strong', { text: str(s.name) }),
            s.detail ? el('br') : null].concat(linked(s.detail)));
        })));
    }
    kids.push(el('p', { cls: 'sgw-small', text: str(data.disclaimer) || DISCLAIMER }));
    this.log.append(el('article', { cls: 'sgw-turn', 'aria-labelledby': head.id }, kids));
    this.say('Answer ready. ' + spoken);
    head.focus();
  };

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', mount);
  else mount();
})();
