// Child process: one `simulateCohort` run with the default configuration, in a fresh process so that
// its wall time and peak memory are its own. Prints one JSON line.
//   node [--expose-gc] bench/lib/cohort.mjs <agents> <auto|reference|reference-prior|synthetic> [seed] [config JSON]
// With --expose-gc, the live heap is also measured after a forced GC every 5,000 agents.
import { simulateCohort } from '../../packages/core/dist/index.js';
import { cohortContent } from './content.mjs';

const agents = Number(process.argv[2] ?? 1000);
const kind = process.argv[3] ?? 'auto';
const seed = Number(process.argv[4] ?? 2024);
const config = process.argv[5] ? JSON.parse(process.argv[5]) : undefined;
const liveHeapMb = [];
const gc = globalThis.gc;
const { framework, items, label } = cohortContent(kind);
const mb = (bytes) => bytes / 2 ** 20;
gc?.();
const before = process.memoryUsage();
let peakRss = before.rss;
let peakHeap = before.heapUsed;
const start = performance.now();
const report = simulateCohort({
  framework,
  items,
  agents,
  seed,
  ...(config ? { config } : {}),
  population: { domainCorrelation: 0.6 },
  onAgent: ({ index }) => {
    if (gc && index % 5000 === 0) {
      gc();
      liveHeapMb.push(mb(process.memoryUsage().heapUsed));
    }
    if (index % 250 === 0) {
      const m = process.memoryUsage();
      if (m.rss > peakRss) peakRss = m.rss;
      if (m.heapUsed > peakHeap) peakHeap = m.heapUsed;
    }
  },
});
const seconds = (performance.now() - start) / 1000;
if (gc) {
  gc();
  liveHeapMb.push(mb(process.memoryUsage().heapUsed));
}
const after = process.memoryUsage();
process.stdout.write(
  `${JSON.stringify({
    agents,
    label,
    config: config ?? null,
    seconds,
    report,
    memory: {
      rssBeforeMb: mb(before.rss),
      heapBeforeMb: mb(before.heapUsed),
      peakRssSampledMb: mb(Math.max(peakRss, after.rss)),
      peakHeapSampledMb: mb(Math.max(peakHeap, after.heapUsed)),
      maxRssMb: process.resourceUsage().maxRSS / 1024,
      liveHeapMb,
    },
  })}\n`,
);
