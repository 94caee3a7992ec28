import { runPipeline, benchStages } from '../src/extract/pipeline.js';
const t0 = Date.now();
const r = await runPipeline(process.argv[2], { out: '/tmp/v10k.json', layoutTicks: process.argv[3] ? Number(process.argv[3]) : undefined });
const f = (o: Record<string, number>) => Object.fromEntries(Object.entries(o).map(([k, v]) => [k, +v.toFixed(2)]));
console.log(f(r.timings as any), f(benchStages(r.timings) as any), r.bytes, (Date.now() - t0) / 1000, Math.round(process.memoryUsage().rss / 1e6), 'MB', r.stats.notes, r.stats.links);
