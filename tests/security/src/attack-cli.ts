import { formatReport, runAttack } from './attack';

// `npm run attack [seed]`: the larger run of the attack suite. ATTACK_RUNS sets the
// hostile calls per tool (default 40); exits 1 on any problem or cross-space access.
const seed = Number(process.argv[2] ?? 20261205);
const runs = Number(process.env.ATTACK_RUNS ?? 40);
const started = Date.now();
const report = await runAttack({
  seed,
  validPerTool: Math.max(3, Math.round(runs / 4)),
  hostilePerTool: runs,
  probesPerField: 10,
});
process.stdout.write(
  `attack suite, seed ${seed}, ${runs} hostile calls per tool, ${Math.round((Date.now() - started) / 1000)} s\n${formatReport(report)}\n`,
);
process.exitCode = report.problems.length > 0 ? 1 : 0;
