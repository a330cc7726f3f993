"""Theme, CSS and the page scripts: Gradio's bundled local fonts only (no Google Fonts, no CDN).

Colours are chosen for WCAG 2.2 AA: every text colour below has at least 4.5:1 against its background
(checked in the browser tests with axe-core). On a phone (≤ 640 px) the header shrinks to one line, the
chat comes first, a link jumps to the card, and nothing is wider than the screen.
"""

from __future__ import annotations

import json

import gradio as gr

from ui.texts import LANGS, tr

SUBDUED = "#475569"  # slate-600: 7.2:1 on white, 6.9:1 on slate-50
PRIMARY = "#1d4ed8"  # blue-700: 6.7:1 with white text
PRIMARY_HOVER = "#1e40af"
LABEL = "#1e3a8a"  # blue-900 on the label chip's blue-100


def theme() -> gr.themes.Base:
    """Soft theme in Finnish blue with darker text and buttons; its fonts ship inside the gradio wheel."""
    base = gr.themes.Soft(primary_hue="blue", secondary_hue="sky", neutral_hue="slate",
                          radius_size="md", spacing_size="md")
    return base.set(
        body_text_color_subdued=SUBDUED, body_text_color_subdued_dark="#cbd5e1",
        block_info_text_color=SUBDUED, block_label_text_color=LABEL, block_title_text_color=LABEL,
        input_placeholder_color="#64748b",
        button_primary_background_fill=PRIMARY, button_primary_background_fill_hover=PRIMARY_HOVER,
        button_primary_text_color="white", button_primary_text_color_hover="white",
        button_secondary_text_color="#0f172a", link_text_color=PRIMARY, link_text_color_hover=PRIMARY_HOVER,
        link_text_color_visited="#5b21b6", link_text_color_active=PRIMARY_HOVER,
        checkbox_label_background_fill_selected=PRIMARY, checkbox_label_text_color_selected="white",
        checkbox_background_color_selected=PRIMARY, checkbox_border_color_selected=PRIMARY,
        button_cancel_background_fill="#b91c1c", button_cancel_text_color="white",
        color_accent=PRIMARY,  # the selected tab's text and underline
    )


# Rules outside Gradio's ``.contain`` (its custom CSS is scoped inside it): the page padding on a phone.
HEAD = """<meta name="color-scheme" content="light"><style>
@media (max-width: 640px) { .gradio-container > .main { padding: .4rem .5rem !important; } }
</style>"""

# Runs once when the page has loaded. Gradio labels a few of its own elements in English whatever the page
# language ("chatbot conversation", "bot's message: <the message's HTML>", "More tabs"); these are relabelled
# in the page's language whenever they appear, and <html lang> follows the chosen language. It also
# remembers which button opened the detail panel so that "Sulje" returns the focus there.
def lang_js() -> str:
    words = {lang: {k: tr(f"a11y.{k}", lang) for k in ("conversation", "bot", "user", "more_tabs")}
             for lang in LANGS}
    return LANG_TEMPLATE.replace("__WORDS__", json.dumps(words, ensure_ascii=False))


LANG_TEMPLATE = """() => {
  const WORDS = __WORDS__;
  const relabel = () => {
    const lang = window.__psLang || document.documentElement.lang || 'fi';
    const w = WORDS[lang] || WORDS.fi;
    if (document.documentElement.lang !== lang) document.documentElement.lang = lang;
    // the conversation scrolls: keyboard users can focus it and scroll with the arrow keys
    document.querySelectorAll('#chat .bubble-wrap').forEach((e) => {
      if (!e.hasAttribute('tabindex')) e.setAttribute('tabindex', '0'); });
    document.querySelectorAll('[aria-label]').forEach((e) => {
      const v = e.getAttribute('aria-label');
      let want = null;
      if (v === 'chatbot conversation' || e.dataset.psLabel === 'conversation') { want = w.conversation;
        e.dataset.psLabel = 'conversation'; }
      else if (v.startsWith("bot's message") || v.startsWith("user's message") || e.dataset.psLabel === 'msg') {
        const who = e.closest('.message-row') && e.closest('.message-row').classList.contains('user-row')
          || v.startsWith("user's") || e.dataset.psWho === 'user' ? 'user' : 'bot';
        e.dataset.psLabel = 'msg'; e.dataset.psWho = who;
        want = w[who] + ' ' + (e.innerText || '').trim().slice(0, 300);
      } else if (v === 'More tabs' || e.dataset.psLabel === 'more') { want = w.more_tabs; e.dataset.psLabel = 'more'; }
      if (want !== null && v !== want) e.setAttribute('aria-label', want);
    });
  };
  window.__psRelabel = relabel;
  let queued = false;
  new MutationObserver(() => { if (!queued) { queued = true;
    requestAnimationFrame(() => { queued = false; relabel(); }); } })
    .observe(document.body, {childList: true, subtree: true, characterData: true});
  document.addEventListener('click', (e) => {
    const b = e.target.closest && e.target.closest('button[data-model]');
    if (b) window.__psOpener = b;
  }, true);
  relabel();
}"""


# After load, "start over", resuming a draft and a language switch: the session id into the address bar
# (?session=…, so a reload or a bookmark resumes it) and the language into <html lang> and Gradio's labels.
SET_URL_JS = """(sid, lang) => {
  if (sid) { const u = new URL(window.location.href); u.searchParams.set('session', sid);
             window.history.replaceState(null, '', u.toString()); }
  if (lang) { window.__psLang = lang; document.documentElement.lang = lang;
              if (window.__psRelabel) window.__psRelabel(); }
  return [];
}"""

RETURN_FOCUS_JS = """() => { if (window.__psOpener && document.contains(window.__psOpener)) window.__psOpener.focus();
  return []; }"""

CSS = """
.gradio-container { max-width: 1480px !important; margin: 0 auto; }
#ps-top { align-items: center; flex-wrap: nowrap; gap: .5rem; }
#ps-top > div { min-width: 0 !important; }
#ps-top > .form { flex: 0 0 auto !important; width: auto !important; border: none; background: transparent;
  box-shadow: none; }
.ps-header h1 { margin: 0; font-size: 1.6rem; color: #1e3a8a; letter-spacing: -0.01em; }
.ps-tagline { margin: .15rem 0 0; color: #334155; max-width: 60rem; }
#lang { border: none; box-shadow: none; background: transparent; padding: 0; }
#lang .wrap { gap: .3rem; }
#status:not(:has(.ps-banner)), #chat-notes:not(:has(.ps-notice)), #search-pick:not(:has(.ps-notice)),
#bank-pick:not(:has(.ps-notice)) { display: none; }
.ps-banner { margin: .3rem 0; padding: .6rem .9rem; border-radius: 8px; background: #fff4e5;
  border: 1px solid #b45309; color: #5c3b00; font-weight: 600; }
.ps-notice { margin: .3rem 0; padding: .45rem .8rem; border-radius: 8px; font-size: .9rem; color: #0f172a; }
.ps-n-ok { background: #e9f7ef; border: 1px solid #15803d; color: #14532d; }
.ps-n-info { background: #f1f5f9; border: 1px solid #94a3b8; }
.ps-n-warn { background: #fff8e1; border: 1px solid #b45309; color: #5c4400; }
.ps-n-error { background: #fdecec; border: 1px solid #b91c1c; color: #7f1d1d; }
.ps-card { border: 1px solid #cbd5e1; border-radius: 12px; padding: .8rem 1rem; background: #fff; color: #0f172a; }
.ps-live { max-height: 640px; overflow-y: auto; padding-top: 0; }
.ps-live .ps-card-head { position: sticky; top: 0; z-index: 1; background: #fff; padding-top: .6rem; }
.ps-card-title { text-transform: uppercase; font-size: .75rem; letter-spacing: .06em; color: #334155;
  margin: 0; font-weight: 700; }
.ps-card-name { margin: .15rem 0 .5rem; font-size: 1.2rem; font-weight: 700; }
.ps-progress { height: 6px; border-radius: 3px; background: #e2e8f0; overflow: hidden; }
.ps-bar { height: 100%; background: #1d4ed8; }
.ps-progress-text { font-size: .8rem; color: #334155; margin: .2rem 0 .4rem; }
.ps-field { border-top: 1px solid #e2e8f0; padding: .45rem 0 .35rem; }
.ps-field-head { display: flex; align-items: center; gap: .4rem; flex-wrap: wrap; }
.ps-label { font-weight: 700; font-size: .9rem; flex: 1; margin: 0; color: #0f172a; }
.ps-value { font-size: .9rem; margin-top: .15rem; }
.ps-value p, .ps-value ul { margin: 0; }
.ps-list { padding-left: 1.1rem; margin: .2rem 0; }
.ps-empty { color: #475569; font-style: italic; font-size: .85rem; }
.ps-asking { box-shadow: inset 3px 0 0 #0369a1; background: #f0f9ff; padding-left: .6rem; }
.ps-core { border-left: 4px solid #1d4ed8; padding-left: .6rem; background: #eff6ff; }
.ps-adaptable { border-left: 4px dashed #0369a1; padding-left: .6rem; }
.ps-core-hint { font-size: .8rem; color: #334155; padding: .3rem 0; }
.ps-badge, .ps-tag, .ps-stage, .ps-chip, .ps-band, .ps-kind, .ps-status-pill, .ps-spread {
  display: inline-block; border-radius: 999px; padding: .05rem .55rem; font-size: .75rem; font-weight: 600;
  white-space: nowrap; }
.ps-b-missing { background: #f1f5f9; color: #334155; }
.ps-b-partial { background: #fef3c7; color: #713f12; }
.ps-b-confirmed { background: #dcfce7; color: #14532d; }
.ps-b-skipped { background: #e2e8f0; color: #334155; text-decoration: line-through; }
.ps-tag-core { background: #1d4ed8; color: #fff; }
.ps-tag-adaptable { background: #e0f2fe; color: #075985; }
.ps-tag-shared { background: #dcfce7; color: #14532d; }
.ps-tag-only { background: #f1f5f9; color: #334155; }
.ps-stage { background: #f1f5f9; color: #334155; margin-left: .3rem; }
.ps-s-established, .ps-s-ready { background: #dcfce7; color: #14532d; }
.ps-s-developing { background: #e0f2fe; color: #075985; }
.ps-s-idea { background: #f3e8ff; color: #6b21a8; }
.ps-s-ended { background: #e2e8f0; color: #334155; }
.ps-band { margin-left: auto; background: #f1f5f9; color: #334155; }
.ps-band-same { background: #1d4ed8; color: #fff; }
.ps-band-close { background: #dbeafe; color: #1e3a8a; }
.ps-band-topic { background: #fef3c7; color: #713f12; }
.ps-status-pill { background: #f1f5f9; color: #334155; border: 1px solid #94a3b8; }
.ps-p-draft { background: #fff7ed; color: #7c2d12; border-color: #c2410c; }
.ps-p-current { background: #eff6ff; color: #1e3a8a; border-color: #1d4ed8; }
.ps-spread { background: transparent; color: #334155; padding: 0; font-weight: 500; }
.ps-section-title { font-weight: 700; margin: .9rem 0 .4rem; font-size: 1.05rem; }
.ps-results { display: flex; flex-direction: column; gap: .55rem; list-style: none; padding: 0; margin: 0; }
.ps-grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(300px, 1fr)); gap: .7rem; }
.ps-grid-wide { display: grid; grid-template-columns: repeat(auto-fill, minmax(min(100%, 440px), 1fr)); gap: .7rem; }
.ps-hit { border: 1px solid #cbd5e1; border-radius: 10px; padding: .6rem .8rem; background: #fff; color: #0f172a;
  min-width: 0; overflow-wrap: anywhere; }
.ps-hit-head { display: flex; align-items: center; gap: .35rem; flex-wrap: wrap; }
.ps-hit-name { font-weight: 700; font-size: 1rem; margin: 0; }
.ps-rank { font-weight: 700; color: #1d4ed8; }
.ps-hit-owner { font-size: .82rem; color: #334155; margin: .15rem 0; }
.ps-hit-summary { font-size: .88rem; margin: .25rem 0; }
.ps-why { font-size: .85rem; background: #f1f5f9; border-radius: 6px; padding: .3rem .5rem; margin: .3rem 0; }
.ps-why ul { margin: .1rem 0 0; padding-left: 1.1rem; }
.ps-hit-actions, .ps-edit-actions, .ps-draft-actions { display: flex; gap: .4rem; flex-wrap: wrap; margin-top: .3rem; }
.ps-btn { font-size: .85rem; border: 1px solid #1d4ed8; color: #1e3a8a; background: #fff; border-radius: 6px;
  padding: .2rem .7rem; cursor: pointer; min-height: 32px; }
.ps-btn:hover { background: #eff6ff; }
.ps-btn-primary { background: #1d4ed8; color: #fff; }
.ps-btn-primary:hover { background: #1e40af; }
.ps-btn-danger { background: #b91c1c; border-color: #b91c1c; color: #fff; }
.ps-edit { margin-left: auto; padding: .05rem .6rem; min-height: 28px; }
.ps-editor { margin-top: .3rem; }
.ps-edit-input { width: 100%; box-sizing: border-box; font: inherit; font-size: .9rem; padding: .35rem .5rem;
  border: 1px solid #64748b; border-radius: 6px; background: #fff; color: #0f172a; }
.ps-items { list-style: none; padding: 0; margin: 0 0 .3rem; display: flex; flex-direction: column; gap: .3rem; }
.ps-item { display: flex; gap: .3rem; align-items: center; }
.ps-field-error:not(:empty) { color: #991b1b; background: #fdecec; border-radius: 6px; padding: .3rem .5rem;
  margin-top: .3rem; font-size: .85rem; font-weight: 600; }
.ps-steps { padding-left: 1.2rem; margin: 0; }
.ps-step { margin-bottom: .55rem; }
.ps-kind { background: #dbeafe; color: #1e3a8a; margin-right: .3rem; }
.ps-k-new .ps-kind { background: #f3e8ff; color: #6b21a8; }
.ps-step-reason { font-size: .82rem; color: #334155; }
.ps-muted { color: #475569; font-size: .88rem; }
.ps-count { margin: .3rem 0; color: #334155; font-size: .9rem; }
.ps-context { font-size: .9rem; margin: .2rem 0 .4rem; }
.ps-context q { background: #eff6ff; border-radius: 4px; padding: 0 .3rem; }
.ps-stats { display: flex; flex-direction: column; gap: .35rem; margin-bottom: .4rem; }
.ps-total { font-weight: 700; font-size: 1.05rem; margin: 0; }
.ps-stat-row { display: flex; flex-wrap: wrap; gap: .3rem; align-items: center; }
.ps-stat-label { font-weight: 600; font-size: .85rem; min-width: 7rem; }
.ps-chip { background: #f8fafc; border: 1px solid #cbd5e1; color: #0f172a; font-weight: 500; }
.ps-chip-sm { font-size: .72rem; margin: .1rem .15rem 0 0; }
.ps-meta { display: flex; gap: .5rem; flex-wrap: wrap; align-items: center; font-size: .85rem; color: #334155;
  margin-bottom: .4rem; }
.ps-meta .ps-stage { margin-left: 0; }
.ps-actions button { min-width: 0 !important; }
.ps-about { display: grid; grid-template-columns: max-content 1fr; gap: .25rem 1rem; margin: 0; font-size: .9rem; }
.ps-about dt { font-weight: 700; } .ps-about dd { margin: 0; overflow-wrap: anywhere; }
.ps-drafts ul { list-style: none; padding: 0; margin: 0; display: flex; flex-direction: column; gap: .4rem; }
.ps-draft { display: flex; justify-content: space-between; gap: .5rem; flex-wrap: wrap; border: 1px solid #cbd5e1;
  border-radius: 8px; padding: .4rem .6rem; }
.ps-warn-text { color: #7c2d12; font-weight: 600; }
.ps-jump { display: none; }
/* the chat's own "clear" button would only blank the view (and is labelled in the browser's language);
   "Aloita alusta" is the real reset */
#chat .icon-button-wrapper.top-panel { display: none; }
#chat .ps-msg-p + .ps-msg-p { margin-top: .6em; }
#chat .ps-msg-p ul { margin: .25em 0 .25em 1.2em; padding: 0; list-style: disc; }
#detail-panel { position: fixed; top: 5.5rem; right: 0; bottom: 0; width: min(640px, 100vw); z-index: 1000;
  background: #fff; box-shadow: -8px 0 24px rgba(15, 23, 42, .25); overflow-y: auto; padding: .8rem;
  box-sizing: border-box; }
#detail-close { position: sticky; top: 0; z-index: 2; align-self: flex-end; width: auto; }
.ps-cmp-cols { display: grid; grid-template-columns: 1fr 1fr; gap: .6rem; }
.ps-cmp-cols > div { min-width: 0; overflow-wrap: anywhere; }
.ps-cmp-heads { border-bottom: 2px solid #cbd5e1; padding-bottom: .4rem; margin-bottom: .3rem; }
.ps-cmp-aspect { border-top: 1px solid #e2e8f0; padding: .4rem 0; }
.ps-cmp-only { color: #0f172a; }
/* visible focus everywhere (keyboard users) */
button:focus-visible, a:focus-visible, input:focus-visible, textarea:focus-visible, select:focus-visible,
[tabindex]:focus-visible, label:focus-within { outline: 3px solid #1d4ed8 !important; outline-offset: 2px; }
@media (max-width: 640px) {
  .ps-tagline { display: none; }
  .ps-header h1 { font-size: 1.25rem; }
  #ps-top { padding: .2rem 0; }
  #ps-top > #header { flex: 1 1 auto !important; }
  #lang label { padding: .15rem .4rem !important; font-size: .8rem; }
  #lang [data-testid="block-info"] { position: absolute; width: 1px; height: 1px; overflow: hidden;
    clip: rect(0 0 0 0); white-space: nowrap; }
  #chat { height: 52vh !important; max-height: 52vh !important; }
  #tabs > .tab-wrapper button { padding: .3rem .35rem !important; font-size: .84rem !important; }
  .ps-jump { display: inline-block; margin: .3rem 0; color: #1e3a8a; font-weight: 600; background: #eff6ff;
    border: 1px solid #1d4ed8; border-radius: 6px; padding: .3rem .7rem; min-height: 36px; }
  .ps-live { max-height: none; }
  .ps-grid, .ps-grid-wide { grid-template-columns: 1fr; }
  #describe-main, #bank-filters, #search-row { flex-wrap: wrap; }
  #detail-panel { width: 100vw; top: 0; box-shadow: none; }
}
"""
