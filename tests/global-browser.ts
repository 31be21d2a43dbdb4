// The browser tests drive Debian's Chromium and need a Chinese font to draw the graph's labels;
// neither comes with npm install. When the run holds a browser test and either is missing, the
// run stops before anything starts, with one line saying what to install.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import type { TestProject } from 'vitest/node';
import { CHROMIUM } from './support/browser.ts';

export default function setup(project: TestProject): void {
  // Which files this run holds (an experimental API of vitest's): without it, check anyway.
  const paths: string[] | undefined = project.vitest.state?.getPaths?.();
  if (paths && !paths.some((path) => path.includes('/tests/e2e/'))) return;
  const missing = [existsSync(CHROMIUM) ? undefined : CHROMIUM, hasChineseFont() ? undefined : 'a Chinese font'].filter(Boolean);
  if (missing.length === 0) return;
  console.error(
    `The browser tests need Debian's chromium and fonts-noto-cjk (missing: ${missing.join(', ')}): sudo apt-get install chromium fonts-noto-cjk`,
  );
  process.exit(1);
}

function hasChineseFont(): boolean {
  const fonts = spawnSync('fc-list', [':lang=zh', 'family'], { encoding: 'utf8' });
  return fonts.status === 0 && fonts.stdout.trim() !== '';
}
