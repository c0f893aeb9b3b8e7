import { treeRssKb } from './tree-rss';

// The RSS sampler of `npm run bench:brains` (forked by brains.ts with an IPC channel,
// never by hand): every 20 ms it reads the bench process's tree from /proc (itself and
// the pids in BENCH_SKIP_PIDS left out) and keeps the peak. In a process of its own
// because reading /proc 50 times a second costs CPU (measured: 3–5 ms per persona-day
// at 10 personas), which the bench would otherwise count as the brain's, and more for a
// brain whose tick is longer. `{ type: 'peak' }` answers `{ peakKb }` and stops.
const target = Number(process.env.BENCH_PID);
const skip = new Set([
  process.pid,
  ...(process.env.BENCH_SKIP_PIDS ?? '').split(',').filter(Boolean).map(Number),
]);
let peakKb = treeRssKb(target, skip);
const timer = setInterval(() => {
  peakKb = Math.max(peakKb, treeRssKb(target, skip));
}, 20);
process.on('message', (message: { type: string }) => {
  if (message.type !== 'peak') return;
  clearInterval(timer);
  peakKb = Math.max(peakKb, treeRssKb(target, skip));
  process.send?.({ peakKb }, () => process.exit(0));
});
process.send?.({ type: 'ready' });
