// Finds the input files under the given paths and reads each one into a SourceDocument.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { decode } from './decode.ts';
import { htmlToText } from './html-text.ts';

export const INPUT_EXTENSIONS = ['.txt', '.html', '.htm', '.md'] as const;

export interface SourceDocument {
  /** The file's base name: the document's id in the export. */
  id: string;
  path: string;
  /** sha256 of the raw bytes. */
  hash: string;
  encoding: string;
  format: 'text' | 'html' | 'markdown';
  /** Decoded text (markup already stripped for HTML): offsets point into it. */
  text: string;
}

export interface ReadFailure {
  path: string;
  error: string;
}

/** Expands files and folders (recursively) into input files, sorted, with the unreadable ones named. */
export function findInputFiles(paths: string[]): { files: string[]; failures: ReadFailure[] } {
  const files: string[] = [];
  const failures: ReadFailure[] = [];
  const visit = (path: string, explicit: boolean) => {
    let stats;
    try {
      stats = statSync(path);
    } catch (error) {
      failures.push({ path, error: (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file or folder' : (error as Error).message });
      return;
    }
    if (stats.isDirectory()) {
      for (const entry of readdirSync(path).sort()) if (!entry.startsWith('.')) visit(join(path, entry), false);
    } else if ((INPUT_EXTENSIONS as readonly string[]).includes(extname(path).toLowerCase())) {
      files.push(path);
    } else if (explicit) {
      failures.push({ path, error: `not a supported file type (${INPUT_EXTENSIONS.join(', ')})` });
    }
  };
  for (const path of paths) visit(path, true);
  return { files, failures };
}

/** Reads one input file; throws when it cannot be read at all. */
export function readSource(path: string): SourceDocument {
  const bytes = readFileSync(path);
  const hash = createHash('sha256').update(bytes).digest('hex');
  const decoded = decode(bytes);
  const extension = extname(path).toLowerCase();
  const format = extension === '.html' || extension === '.htm' ? 'html' : extension === '.md' ? 'markdown' : 'text';
  const text = (format === 'html' ? htmlToText(decoded.text) : decoded.text).replace(/\r\n?/g, '\n');
  return { id: basename(path), path, hash, encoding: decoded.encoding, format, text };
}

/** Reads every input file under the paths; files that cannot be read are named, not fatal. */
export function readSources(paths: string[]): { sources: SourceDocument[]; failures: ReadFailure[] } {
  const { files, failures } = findInputFiles(paths);
  const sources: SourceDocument[] = [];
  for (const file of files) {
    try {
      sources.push(readSource(file));
    } catch (error) {
      failures.push({ path: file, error: (error as Error).message });
    }
  }
  return { sources, failures };
}
