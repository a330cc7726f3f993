"""Theme and CSS: Gradio's bundled local fonts only (no Google Fonts, no CDN)."""

from __future__ import annotations

import gradio as gr


def theme() -> gr.themes.Base:
    """Soft theme in Finnish blue; its fonts ship inside the gradio wheel (LocalFont)."""
    return gr.themes.Soft(primary_hue="blue", secondary_hue="sky", neutral_hue="slate",
                          radius_size="md", spacing_size="md")


CSS = """
.gradio-container { max-width: 1480px !important; margin: 0 auto; }
footer { opacity: .6; }
#ps-top { align-items: center; }
.ps-header { display: flex; justify-content: space-between; align-items: flex-end; gap: 1rem;
  flex-wrap: wrap; }
.ps-header h1 { margin: 0; font-size: 1.8rem; color: var(--primary-700); letter-spacing: -0.01em; }
.ps-tagline { margin: .2rem 0 0; color: var(--body-text-color-subdued); max-width: 60rem; }
.ps-session { font-size: .85rem; color: var(--body-text-color-subdued); }
.ps-session code { font-size: .8rem; }
.ps-session a { margin-left: .4rem; }
#ps-top .form { background: transparent; border: none; box-shadow: none; }
#lang { border: none; box-shadow: none; background: transparent; }
.ps-status { display: flex; gap: 1.5rem; flex-wrap: wrap; font-size: .85rem; padding: .35rem .8rem;
  border-radius: 8px; background: var(--background-fill-secondary); color: var(--body-text-color-subdued); }
.ps-banner { margin-top: .5rem; padding: .6rem .9rem; border-radius: 8px; background: #fff4e5;
  border: 1px solid #f0b400; color: #5c3b00; font-weight: 600; }
.ps-notice { margin: .3rem 0; padding: .45rem .8rem; border-radius: 8px; font-size: .9rem; }
.ps-n-ok { background: #e9f7ef; border: 1px solid #7cc49a; color: #14532d; }
.ps-n-info { background: var(--background-fill-secondary); border: 1px solid var(--border-color-primary); }
.ps-n-warn { background: #fff8e1; border: 1px solid #f0c14b; color: #5c4400; }
.ps-n-error { background: #fdecec; border: 1px solid #e57373; color: #7f1d1d; }
.ps-card { border: 1px solid var(--border-color-primary); border-radius: 12px; padding: .8rem 1rem;
  background: var(--background-fill-primary); }
.ps-live .ps-card-head { position: sticky; top: 0; z-index: 1; background: var(--background-fill-primary);
  padding-top: .2rem; box-shadow: 0 -16px 0 var(--background-fill-primary); }
.ps-card-title { text-transform: uppercase; font-size: .72rem; letter-spacing: .06em;
  color: var(--body-text-color-subdued); }
.ps-card-name { margin: .15rem 0 .5rem; font-size: 1.2rem; }
.ps-progress { height: 6px; border-radius: 3px; background: var(--neutral-200); overflow: hidden; }
.ps-bar { height: 100%; background: var(--primary-500); }
.ps-progress-text { font-size: .78rem; color: var(--body-text-color-subdued); margin: .2rem 0 .4rem; }
.ps-field { border-top: 1px solid var(--border-color-primary); padding: .45rem 0 .35rem; }
.ps-field-head { display: flex; align-items: center; gap: .4rem; }
.ps-label { font-weight: 600; font-size: .88rem; flex: 1; }
.ps-value { font-size: .9rem; margin-top: .15rem; }
.ps-value p, .ps-value ul { margin: 0; }
.ps-list { padding-left: 1.1rem; }
.ps-empty { color: var(--body-text-color-subdued); font-style: italic; font-size: .82rem; }
.ps-asking { box-shadow: inset 3px 0 0 var(--secondary-500); background: var(--secondary-50);
  padding-left: .6rem; }
.ps-core { border-left: 4px solid var(--primary-500); padding-left: .6rem; background: var(--primary-50); }
.ps-adaptable { border-left: 4px dashed var(--secondary-400); padding-left: .6rem; }
.ps-core-hint { font-size: .78rem; color: var(--body-text-color-subdued); padding: .3rem 0; }
.ps-badge, .ps-tag, .ps-stage, .ps-chip, .ps-score, .ps-kind { display: inline-block; border-radius: 999px;
  padding: .05rem .55rem; font-size: .72rem; font-weight: 600; white-space: nowrap; }
.ps-b-missing { background: var(--neutral-100); color: var(--neutral-600); }
.ps-b-partial { background: #fff3cd; color: #7a5a00; }
.ps-b-confirmed { background: #dcfce7; color: #166534; }
.ps-b-skipped { background: var(--neutral-200); color: var(--neutral-500); text-decoration: line-through; }
.ps-tag-core { background: var(--primary-600); color: white; }
.ps-tag-adaptable { background: var(--secondary-100); color: var(--secondary-800); }
.ps-tag-dup { background: #fde68a; color: #713f12; }
.ps-stage { background: var(--neutral-100); color: var(--neutral-700); margin-left: .3rem; }
.ps-s-established, .ps-s-ready { background: #dcfce7; color: #166534; }
.ps-s-developing { background: #e0f2fe; color: #075985; }
.ps-s-idea { background: #f3e8ff; color: #6b21a8; }
.ps-s-ended { background: var(--neutral-200); color: var(--neutral-600); }
.ps-section-title { font-weight: 700; margin: .9rem 0 .4rem; }
.ps-results { display: flex; flex-direction: column; gap: .55rem; }
.ps-grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(330px, 1fr)); gap: .7rem; }
.ps-grid-wide { display: grid; grid-template-columns: repeat(auto-fill, minmax(460px, 1fr)); gap: .7rem; }
.ps-hit { border: 1px solid var(--border-color-primary); border-radius: 10px; padding: .6rem .8rem;
  background: var(--background-fill-primary); }
.ps-hit:hover { border-color: var(--primary-300); }
.ps-hit-head { display: flex; align-items: center; gap: .35rem; flex-wrap: wrap; }
.ps-hit-name { font-weight: 700; }
.ps-rank { font-weight: 700; color: var(--primary-600); margin-right: .2rem; }
.ps-score { background: var(--primary-50); color: var(--primary-700); margin-left: auto; }
.ps-hit-owner { font-size: .8rem; color: var(--body-text-color-subdued); margin: .15rem 0; }
.ps-hit-summary { font-size: .88rem; margin: .25rem 0; }
.ps-why { font-size: .82rem; background: var(--background-fill-secondary); border-radius: 6px;
  padding: .3rem .5rem; margin: .3rem 0; }
.ps-why ul { margin: .1rem 0 0; padding-left: 1.1rem; }
.ps-open { font-size: .8rem; border: 1px solid var(--primary-400); color: var(--primary-700);
  background: transparent; border-radius: 6px; padding: .15rem .6rem; cursor: pointer; margin-top: .2rem; }
.ps-open:hover, .ps-open:focus { background: var(--primary-50); }
.ps-steps { padding-left: 1.2rem; margin: 0; }
.ps-step { margin-bottom: .55rem; }
.ps-kind { background: var(--primary-100); color: var(--primary-800); margin-right: .3rem; }
.ps-k-new .ps-kind { background: #f3e8ff; color: #6b21a8; }
.ps-step-reason { font-size: .8rem; color: var(--body-text-color-subdued); }
.ps-muted { color: var(--body-text-color-subdued); font-size: .88rem; }
.ps-count { margin: .3rem 0; }
.ps-context { font-size: .88rem; margin: .2rem 0 .4rem; }
.ps-context q { background: var(--primary-50); border-radius: 4px; padding: 0 .3rem; }
.ps-stats { display: flex; flex-direction: column; gap: .35rem; margin-bottom: .4rem; }
.ps-total { font-weight: 700; font-size: 1.05rem; }
.ps-stat-row { display: flex; flex-wrap: wrap; gap: .3rem; align-items: center; }
.ps-stat-label { font-weight: 600; font-size: .85rem; min-width: 7rem; }
.ps-chip { background: var(--background-fill-secondary); border: 1px solid var(--border-color-primary);
  font-weight: 500; }
.ps-chip-sm { font-size: .68rem; margin: .1rem .15rem 0 0; }
.ps-meta { display: flex; gap: .5rem; flex-wrap: wrap; align-items: center; font-size: .85rem;
  color: var(--body-text-color-subdued); margin-bottom: .4rem; }
.ps-meta .ps-stage { margin-left: 0; }
.ps-actions button { min-width: 0 !important; }
#chat-notes:empty { display: none; }
/* the chat's own "clear" button would only blank the view; "Start over" is the real reset */
#chat .icon-button-wrapper.top-panel > button:first-of-type { display: none; }
/* chat messages are escaped HTML (never Markdown): paragraphs and the engine's bullet lists */
#chat .ps-msg-p + .ps-msg-p { margin-top: .6em; }
#chat .ps-msg-p ul { margin: .25em 0 .25em 1.2em; padding: 0; list-style: disc; }
"""
