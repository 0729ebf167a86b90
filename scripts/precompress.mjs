// After `vite build`: a brotli (.br) and a gzip (.gz) copy of every text file in dist/web, made once at the highest
// levels, which @fastify/static serves by the request's Accept-Encoding (plugins/web.ts). Files under 1 KB stay as they
// are: compressing them saves less than a packet.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const root = process.argv[2] ?? 'dist/web';
const text = /\.(js|mjs|css|html|svg|json|webmanifest|txt|map)$/;
let files = 0;
function walk(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full);
    else if (text.test(entry.name) && statSync(full).size >= 1024) {
      const body = readFileSync(full);
      writeFileSync(`${full}.br`, brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
      writeFileSync(`${full}.gz`, gzipSync(body, { level: 9 }));
      files++;
    }
  }
}
walk(root);
console.log(`precompressed ${files} files in ${root} (brotli and gzip)`);
