/**
 * The site's one stylesheet, served from /assets so the Content-Security-Policy can forbid inline
 * styles. System fonts, colours at WCAG AA contrast or better, a single column on a phone.
 */
export const STYLESHEET = `
:root { color-scheme: light dark; --fg: #1b1f24; --muted: #4a5360; --bg: #ffffff; --panel: #f3f5f8; --link: #0b57a4; --accent: #0b57a4; --border: #c9d1db; --ok: #146c2e; --warn: #8a4b00; }
@media (prefers-color-scheme: dark) { :root { --fg: #e9edf2; --muted: #b8c2ce; --bg: #14181d; --panel: #1e242b; --link: #8cc4ff; --accent: #8cc4ff; --border: #3a4450; --ok: #7ad99a; --warn: #ffc46b; } }
* { box-sizing: border-box; }
html { font-size: 100%; }
body { margin: 0; font: 1rem/1.55 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--fg); background: var(--bg); }
a { color: var(--link); text-underline-offset: 0.15em; }
a:focus-visible, button:focus-visible, input:focus-visible, select:focus-visible, summary:focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; }
.skip { position: absolute; left: -999px; top: 0; background: var(--bg); padding: 0.5rem 1rem; z-index: 10; }
.skip:focus { left: 0.5rem; }
header.site, main, footer.site { max-width: 52rem; margin: 0 auto; padding: 0 1rem; }
header.site { display: flex; flex-wrap: wrap; gap: 0.5rem 1.5rem; align-items: baseline; justify-content: space-between; padding-top: 1rem; padding-bottom: 0.75rem; border-bottom: 1px solid var(--border); }
header.site .brand { font-weight: 700; font-size: 1.15rem; color: var(--fg); text-decoration: none; }
nav.site ul { display: flex; flex-wrap: wrap; gap: 0.25rem 1rem; list-style: none; margin: 0; padding: 0; }
nav.site a[aria-current="page"] { font-weight: 700; }
main { padding-top: 1rem; padding-bottom: 2rem; }
h1 { font-size: 1.6rem; line-height: 1.25; margin: 0.5rem 0 1rem; }
h2 { font-size: 1.2rem; line-height: 1.3; margin: 0 0 0.25rem; }
form.search { background: var(--panel); border: 1px solid var(--border); border-radius: 0.5rem; padding: 1rem; margin-bottom: 1.25rem; display: grid; gap: 0.75rem; }
form.search .row { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: end; }
form.search label { display: block; font-weight: 600; }
input[type=search], select { font: inherit; padding: 0.45rem 0.6rem; border: 1px solid var(--muted); border-radius: 0.35rem; background: var(--bg); color: var(--fg); min-height: 2.5rem; }
.grow { flex: 1 1 16rem; } .grow input { width: 100%; }
button { font: inherit; padding: 0.45rem 1rem; min-height: 2.5rem; border-radius: 0.35rem; border: 1px solid var(--accent); background: var(--accent); color: var(--bg); font-weight: 600; cursor: pointer; }
fieldset { border: 1px solid var(--border); border-radius: 0.35rem; margin: 0; padding: 0.5rem 0.75rem; }
fieldset .tags { display: flex; flex-wrap: wrap; gap: 0.25rem 0.9rem; }
fieldset label { font-weight: 400; display: inline-flex; gap: 0.3rem; align-items: center; }
ol.results, ul.plain { list-style: none; padding: 0; margin: 0; }
ol.results > li, ul.plain > li { border-bottom: 1px solid var(--border); padding: 0.9rem 0; }
.meta { color: var(--muted); font-size: 0.92rem; }
.tag { display: inline-block; background: var(--panel); border: 1px solid var(--border); border-radius: 999px; padding: 0 0.55rem; margin: 0 0.25rem 0.25rem 0; font-size: 0.9rem; }
blockquote { margin: 0.4rem 0; padding: 0.1rem 0 0.1rem 0.8rem; border-left: 3px solid var(--border); white-space: pre-wrap; overflow-wrap: anywhere; }
.url { overflow-wrap: anywhere; }
.badge { font-weight: 600; }
.badge.ok { color: var(--ok); }
.badge.warn { color: var(--warn); }
nav.pages { display: flex; gap: 1rem; justify-content: space-between; align-items: center; margin-top: 1rem; }
.notice { background: var(--panel); border-left: 4px solid var(--accent); padding: 0.75rem 1rem; border-radius: 0.25rem; }
footer.site { border-top: 1px solid var(--border); padding-top: 0.75rem; padding-bottom: 2rem; color: var(--muted); font-size: 0.9rem; }
footer.site form { display: inline; }
footer.site button { background: transparent; color: var(--link); border: none; padding: 0; min-height: 0; text-decoration: underline; font-weight: 400; }
dl.counts { display: grid; grid-template-columns: repeat(auto-fit, minmax(9rem, 1fr)); gap: 0.5rem; }
dl.counts div { background: var(--panel); border-radius: 0.35rem; padding: 0.5rem 0.75rem; }
nav ul.tags { display: flex; gap: 1rem; list-style: none; padding: 0; }
dl.counts dt { color: var(--muted); font-size: 0.9rem; } dl.counts dd { margin: 0; font-size: 1.3rem; font-weight: 700; }
svg.chart { display: block; max-width: 44rem; height: auto; margin: 0.5rem 0; background: var(--panel); border-radius: 0.35rem; }
table.figures { border-collapse: collapse; margin: 0.5rem 0 1.5rem; font-size: 0.92rem; }
table.figures caption { text-align: left; color: var(--muted); padding-bottom: 0.25rem; }
table.figures th, table.figures td { border-bottom: 1px solid var(--border); padding: 0.2rem 0.75rem 0.2rem 0; text-align: left; }
table.figures td { text-align: right; }
form.filters { display: flex; flex-wrap: wrap; gap: 0.75rem; align-items: center; }
dl.definitions dt { font-family: monospace; margin-top: 0.5rem; } dl.definitions dd { margin-left: 1rem; color: var(--muted); }
abbr[title] { text-decoration: underline dotted; cursor: help; }
`;
