// Bundles the viewer into static files that work offline, into src/Geo.Api/viewer (gitignored),
// which the Geo.Api build copies beside the server as its web root.
import { build } from 'esbuild';
import { copyFileSync, mkdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, '..', 'src', 'Geo.Api', 'viewer');
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

await build({
  entryPoints: [join(here, 'src', 'main.js')],
  bundle: true,
  minify: true,
  sourcemap: false,
  format: 'esm',
  target: 'es2020',
  outfile: join(out, 'app.js'),
  logLevel: 'warning',
});

copyFileSync(join(here, 'src', 'index.html'), join(out, 'index.html'));
copyFileSync(join(here, 'src', 'styles.css'), join(out, 'styles.css'));
copyFileSync(join(here, 'src', 'favicon.svg'), join(out, 'favicon.svg'));
copyFileSync(join(here, 'node_modules', 'maplibre-gl', 'dist', 'maplibre-gl.css'), join(out, 'maplibre-gl.css'));
// MapLibre's worker, run from this file of the server's own origin (see map.js): no blob: URL for the CSP to allow.
copyFileSync(join(here, 'node_modules', 'maplibre-gl', 'dist', 'maplibre-gl-csp-worker.js'), join(out, 'maplibre-gl-csp-worker.js'));
console.log('viewer built into ' + out);
