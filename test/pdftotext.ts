import { spawnSync } from 'node:child_process';

/**
 * The text of a PDF as poppler's pdftotext reads it — what a person copying or searching the document gets — with
 * runs of white space (line breaks inside a wrapped sentence) as one space. Needs poppler-utils installed.
 */
export function pdftotext(pdf: Buffer): string {
  const run = spawnSync('pdftotext', ['-enc', 'UTF-8', '-', '-'], { input: pdf, maxBuffer: 64 * 1024 * 1024 });
  if (run.error || run.status !== 0)
    throw new Error(`pdftotext failed (apt-get install poppler-utils): ${run.error?.message ?? run.stderr}`);
  return run.stdout.toString('utf8').replace(/\s+/g, ' ');
}
