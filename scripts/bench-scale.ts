// npm run bench:scale [-- --levels 0.01,0.03 --site-levels 0.01,0.03 --explorer-levels 0.1 --seed 1 --work DIR --keep --timeout-min 60]
//
// How the build grows from the nine curated reports to every county-level bureau for ten years. For each level of
// national scale (1 = 3,200 regions × 10 years × 40 metrics ≈ 1.4 M observations, 32,000 reports) it generates
// the synthetic dataset (scripts/synth.ts, timed on its own), compiles it (scripts/build-data.ts) and, for the
// levels in --site-levels, builds the site from it (astro build) and its search index (scripts/search-index.ts).
// Every step runs as a child process; wall time is measured here, peak memory (max RSS) by /usr/bin/time -v or,
// where that is missing, by a preload that records process.resourceUsage().maxRSS of every node process of the
// step. It prints a table, writes bench/results/scale.json and fits each cost's growth exponent: the least-squares
// slope of log(cost) against log(observations) over the measured levels (1 = linear). By default it builds the
// site at two levels, 1 % and 3 %, so that a cost growing faster than the site shows as an exponent above 1 and as
// a cost per page that rises from one level to the next (per kind of page, from Astro's log: kinds.ts).
//
// The site is built in a scratch copy of the project (src/, public/, configs; node_modules linked package by
// package) so that Astro's caches and public/data of the working tree are never touched; the compiled synthetic
// data is that copy's public/data, as the real data is the real site's. The parts are in scripts/bench-scale/:
// measure.ts runs and measures a step, levels.ts one level, report.ts the exponents, targets, table and JSON.
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { measureLevel, type Options } from './bench-scale/levels.ts';
import { REPO, installRssHook } from './bench-scale/measure.ts';
import { growthExponents, overTargets, printReport, writeReport } from './bench-scale/report.ts';
import { commandLine, decimal, usageErrors, wholeNumber } from './lib/args.ts';

function main(): void {
  const options = parseOptions();
  installRssHook(options.work);
  const results = options.levels.map((level) => measureLevel(level, options));
  const { exponents, exponentsTop } = growthExponents(results);
  const overTarget = overTargets(results, exponentsTop);
  writeReport(options.seed, results, exponents, exponentsTop, overTarget);
  printReport(results, exponents, exponentsTop, overTarget);
}

/** The command line; exits with status 2 on levels outside (0, 1] or a work folder inside the project's data. */
function parseOptions(): Options {
  const { values } = usageErrors('bench:scale', () =>
    commandLine({
      levels: { type: 'string', default: '0.01,0.03' },
      'site-levels': { type: 'string', default: '0.01,0.03' },
      'explorer-levels': { type: 'string', default: '0.1' },
      seed: { type: 'string', default: '1' },
      work: { type: 'string', default: join(tmpdir(), 'bureau-atlas-scale') },
      keep: { type: 'boolean', default: false },
      'timeout-min': { type: 'string', default: '60' },
    }),
  );
  // levels are fractions of national scale, above 0 and at most 1 (1.03: the national level's rounding)
  const parseLevels = (option: string) =>
    values[option as 'levels']!.split(',')
      .map((s) => s.trim())
      .filter(Boolean)
      .map((text) => decimal(`--${option}`, text, 0, 1.03));
  const { siteLevels, explorerLevels, levels, timeoutMin } = usageErrors('bench:scale', () => {
    const siteLevels = parseLevels('site-levels');
    const explorerLevels = parseLevels('explorer-levels');
    const levels = [...new Set([...parseLevels('levels'), ...siteLevels, ...explorerLevels])].sort((a, b) => a - b);
    return { siteLevels, explorerLevels, levels, timeoutMin: wholeNumber('--timeout-min', values['timeout-min'], 1, 24 * 60) };
  });
  const work = resolve(values.work!);
  if (work === REPO || work.startsWith(`${REPO}/data`) || work.startsWith(`${REPO}/public`) || work.startsWith(`${REPO}/src`)) {
    console.error(`--work ${work}: choose a folder outside the project's data, public and src`);
    process.exit(2);
  }
  return { levels, siteLevels, explorerLevels, seed: values.seed!, work, keep: values.keep!, timeoutMs: timeoutMin * 60_000 };
}

main();
