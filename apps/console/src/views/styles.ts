import { TOGGLE_SLOTS } from '../charts/chart-legend';

/**
 * The console's whole stylesheet, inlined into every page: no fonts, no CDN, nothing
 * fetched. System font stack, a light theme, and the chart classes the SVG builders use.
 */
export const CONSOLE_CSS = `${legendToggleCss()}
:root { --fg:#1d2430; --muted:#5f6b7a; --line:#e2e6eb; --bg:#f6f7f9; --card:#fff;
  --accent:#3b5bdb; --ok:#1e8449; --warn:#b9770e; --bad:#c0392b; }
* { box-sizing: border-box; }
body { margin:0; font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;
  color:var(--fg); background:var(--bg); }
a { color:var(--accent); text-decoration:none; }
a:hover { text-decoration:underline; }
header.top { background:#18202c; color:#fff; display:flex; align-items:center; gap:24px;
  padding:0 24px; height:52px; }
header.top .brand { font-weight:700; letter-spacing:.02em; color:#fff; }
header.top nav { display:flex; gap:4px; flex:1; }
header.top nav a { color:#c8d0db; padding:6px 10px; border-radius:6px; }
header.top nav a.active, header.top nav a:hover { color:#fff; background:#2c3748; text-decoration:none; }
header.top form { margin:0; display:flex; align-items:center; gap:10px; color:#c8d0db; font-size:13px; }
header.top button { background:transparent; color:#c8d0db; border:1px solid #3b4658; border-radius:6px;
  padding:4px 10px; cursor:pointer; font:inherit; }
main { max-width:1180px; margin:0 auto; padding:20px 24px 48px; }
h1 { font-size:22px; margin:4px 0 4px; }
h2 { font-size:16px; margin:28px 0 10px; }
.sub { color:var(--muted); margin:0 0 16px; }
.asof { display:inline-block; font-size:12px; color:var(--muted); background:#eef1f5; border-radius:10px;
  padding:2px 10px; }
.asof.ahead { background:#fff4d6; color:#7a5a00; }
.card { background:var(--card); border:1px solid var(--line); border-radius:10px; padding:14px 16px; }
.kpis { display:grid; grid-template-columns:repeat(auto-fit,minmax(min(180px,100%),1fr)); gap:12px; margin:16px 0; }
.kpi .label { color:var(--muted); font-size:12px; text-transform:uppercase; letter-spacing:.04em; }
.kpi .value { font-size:26px; font-weight:650; margin-top:2px; }
.kpi .hint { color:var(--muted); font-size:12px; }
table { width:100%; border-collapse:collapse; background:var(--card); border:1px solid var(--line);
  border-radius:10px; overflow:hidden; }
time { white-space:nowrap; }
th, td { text-align:left; padding:8px 10px; border-bottom:1px solid var(--line); vertical-align:top; }
th { font-size:12px; color:var(--muted); font-weight:600; background:#fafbfc; }
td.num, th.num { text-align:right; font-variant-numeric:tabular-nums; }
tr:last-child td { border-bottom:0; }
.badge { display:inline-block; border-radius:10px; padding:1px 8px; font-size:12px; font-weight:600;
  background:#eef1f5; color:var(--muted); white-space:nowrap; }
.badge.ok { background:#e3f4e8; color:var(--ok); }
.badge.error, .badge.failed, .badge.timeout, .badge.abandoned, .badge.bad { background:#fbe5e2; color:var(--bad); }
.badge.running, .badge.warn { background:#fff4d6; color:var(--warn); }
.rating { font-weight:650; font-variant-numeric:tabular-nums; }
.down { color:var(--bad); } .up { color:var(--ok); }
.muted { color:var(--muted); }
.errtext { color:var(--bad); font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace; font-size:12px;
  white-space:pre-wrap; word-break:break-word; }
.notes { white-space:pre-wrap; word-break:break-word; }
.budget { margin:.5rem 0; } .budget.reached { padding:.5rem .75rem; border-left:4px solid var(--warn); background:#fff4d6; }
.alerts { list-style:none; padding:0; margin:0; display:grid; gap:10px; }
.alert { border-left:4px solid var(--bad); }
.alert .what { font-weight:600; }
.incident { display:grid; gap:4px; }
.incident.status-acknowledged { border-left-color:var(--warn); }
.incident.status-resolved { border-left-color:var(--ok); opacity:.8; }
.incident .parts { margin:6px 0 0; padding-left:18px; display:grid; gap:3px; }
.incident .history { margin:6px 0 0; padding-left:18px; font-size:13px; }
.status-form { display:flex; flex-wrap:wrap; gap:6px; margin-top:8px; }
.status-form select, .status-form input { font:inherit; padding:4px 6px; border:1px solid #c9d0d8;
  border-radius:6px; min-width:0; }
.status-form input { flex:1 1 160px; }
.status-form button { font:inherit; padding:4px 10px; border-radius:6px; border:1px solid var(--accent);
  background:var(--accent); color:#fff; cursor:pointer; }
.empty-state { color:var(--muted); padding:18px; text-align:center; background:var(--card);
  border:1px dashed var(--line); border-radius:10px; }
.filters { display:flex; flex-wrap:wrap; gap:8px 12px; align-items:flex-end; margin:0 0 12px; }
.filters label { display:grid; gap:2px; font-size:12px; color:var(--muted); }
.filters select, .filters input { font:inherit; font-size:13px; padding:4px 6px; border:1px solid #c9d0d8;
  border-radius:6px; max-width:100%; min-width:0; }
.filters button { font:inherit; padding:4px 12px; border-radius:6px; border:1px solid var(--accent);
  background:var(--accent); color:#fff; cursor:pointer; }
.scroll-x { overflow-x:auto; max-width:100%; }
tr.regressed td { background:#fdf1ef; }
.pager { display:flex; flex-wrap:wrap; gap:12px; align-items:baseline; margin:6px 0; }
.picker { display:inline-flex; gap:4px; margin-left:8px; }
.picker a { padding:2px 8px; border-radius:6px; border:1px solid var(--line); background:#fff; font-size:12px; }
.picker a.active { background:var(--accent); color:#fff; border-color:var(--accent); }
.timeline { list-style:none; padding:0; margin:0; display:grid; gap:12px; }
.tick header { display:flex; flex-wrap:wrap; gap:10px; align-items:center; }
.tick ol { margin:10px 0 0; padding-left:22px; }
.tick ol li { margin:3px 0; }
.tick .ratings { margin:10px 0 0; padding:0; list-style:none; display:grid; gap:4px; }
.grid2 { display:grid; grid-template-columns:repeat(auto-fit,minmax(min(420px,100%),1fr)); gap:16px; }
dl.facts { display:grid; grid-template-columns:max-content 1fr; gap:4px 16px; margin:0; }
dl.facts dt { color:var(--muted); } dl.facts dd { margin:0; }
.login { max-width:360px; margin:80px auto; }
.login label { display:block; margin:12px 0 4px; font-weight:600; }
.login input { width:100%; padding:8px 10px; border:1px solid #c9d0d8; border-radius:6px; font:inherit; }
.login button { margin-top:16px; width:100%; padding:9px; background:var(--accent); color:#fff; border:0;
  border-radius:6px; font:inherit; font-weight:600; cursor:pointer; }
.message { background:#fbe5e2; color:var(--bad); padding:8px 10px; border-radius:6px; margin-top:12px; }
svg.chart { display:block; max-width:100%; height:auto; font-size:11px; fill:var(--muted); }
svg.chart .grid { stroke:#edf0f3; } svg.chart .axis-line { stroke:#b8c0ca; }
svg.chart .line { fill:none; stroke-width:2; stroke-linejoin:round; stroke-linecap:round; }
svg.chart .gap { fill:none; stroke-width:1; stroke-dasharray:3 4; opacity:.45; }
svg.chart .point { stroke:#fff; stroke-width:1; }
svg.chart .series.muted { opacity:.28; } svg.chart .series.highlight .line { stroke-width:3.4; }
svg.chart .line.small { stroke-dasharray:5 4; } svg.chart .point.small { stroke-width:1.6; }
svg.chart .marker line { stroke:var(--bad); stroke-dasharray:4 3; } svg.chart .marker text { fill:var(--bad); }
.line-chart-figure { margin:0; }
.chart-legend { display:flex; flex-wrap:wrap; gap:4px 14px; margin-top:6px; font-size:12px; }
.chart-legend .legend-item { display:inline-flex; align-items:center; gap:4px; }
.chart-legend .legend-item.muted { opacity:.6; } .chart-legend .legend-item.highlight { font-weight:600; }
.chart-legend .swatch { display:inline-block; width:16px; height:3px; vertical-align:middle; }
.chart-legend input { margin:0 3px 0 0; } .chart-legend .legend-note { color:var(--muted); }
svg.chart .empty { fill:var(--muted); font-size:13px; }
svg.chart .counts rect { fill:#c9d3e0; }
svg.sparkline { display:inline-block; vertical-align:middle; }
svg.sparkline .line { stroke-width:1.6; }
svg.sparkline .empty-line { stroke:#c9d0d8; stroke-dasharray:2 3; }
svg.bar-chart .track { fill:#f0f2f5; } svg.bar-chart .bar { fill:#7aa6d6; }
svg.bar-chart .tone-warn .bar { fill:#e0a84a; } svg.bar-chart .tone-bad .bar { fill:#d9695c; }
svg.bar-chart .bar-label, svg.bar-chart .bar-value { fill:var(--fg); font-size:12px; }
code { overflow-wrap:anywhere; }
/* Small screens (390 px phones): the header wraps, the nav scrolls inside itself, wide
   tables scroll inside their box; the page itself never scrolls sideways. */
@media (max-width: 720px) {
  header.top { flex-wrap:wrap; height:auto; gap:4px 12px; padding:8px 12px; }
  header.top nav { order:3; flex:1 1 100%; overflow-x:auto; }
  header.top form span { display:none; }
  main { padding:12px 12px 40px; }
  h1 { font-size:19px; }
  table { display:block; overflow-x:auto; max-width:100%; }
  dl.facts { grid-template-columns:1fr; } dl.facts dt { margin-top:6px; }
  .picker { margin:6px 0 0; flex-wrap:wrap; }
  .errtext, .notes { overflow-wrap:anywhere; }
}
`;

/** Hides series `k` of a line chart while its legend checkbox `k` is unchecked (no script). */
function legendToggleCss(): string {
  return Array.from(
    { length: TOGGLE_SLOTS },
    (_, k) => `.line-chart-figure:has(.lc-t${k}:not(:checked)) .lc-s${k} { display:none; }`,
  ).join('\n');
}
