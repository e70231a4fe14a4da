// Builds the staff console (console/ → console/dist) with Vite. `npm install` runs it (postinstall);
// `npm start` and `npm run demo` run it with --if-missing. Without Vite (an install without the dev
// dependencies) it says so and leaves the rest working: /console then answers that it is not built.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'console', 'dist', 'index.html');
if (process.argv.includes('--if-missing') && fs.existsSync(dist)) process.exit(0);
let vite;
try {
  vite = await import('vite');
} catch {
  console.warn('console: vite is not installed (npm install without dev dependencies?): the console is not built');
  process.exit(0);
}
await vite.build({ configFile: path.join(root, 'console', 'vite.config.ts'), logLevel: 'warn' });
console.log('console: built into console/dist');
