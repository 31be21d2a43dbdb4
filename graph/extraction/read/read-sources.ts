// Finds the input files under the given paths and reads each one into a SourceDocument, or refuses
// it with a reason: too large, empty, not text. Files and documents given in memory take the same
// path from bytes on (readBytes).
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import type { Diagnostic } from '../../model.ts';
import { checkSize, checkText, type Refusal } from './content-checks.ts';
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
  /** Problems met while reading (broken bytes, control characters) that did not stop it. */
  diagnostics?: Diagnostic[];
}

export interface ReadFailure {
  path: string;
  error: string;
}

/** A document that was not read, with the reason. */
export interface DocumentRefusal extends Refusal {
  id: string;
  path: string;
}

export interface ReadOptions {
  /** Documents larger than this many bytes are refused before they are read. */
  maxDocumentBytes: number;
}

export type ReadOutcome = { source: SourceDocument; refusal?: undefined } | { source?: undefined; refusal: Refusal };

/** Expands files and folders (recursively) into input files, sorted, with the unreadable ones named. */
export function findInputFiles(paths: string[]): { files: string[]; failures: ReadFailure[] } {
  const files: string[] = [];
  const failures: ReadFailure[] = [];
  const visit = (path: string, explicit: boolean) => {
    let stats;
    try {
      stats = statSync(path);
    } catch (error) {
      failures.push({
        path,
        error: (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file or folder' : (error as Error).message,
      });
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

function formatOf(name: string): SourceDocument['format'] {
  const extension = extname(name).toLowerCase();
  return extension === '.html' || extension === '.htm' ? 'html' : extension === '.md' ? 'markdown' : 'text';
}

// C0 controls but tab, line feed, vertical tab, form feed and carriage return; DEL.
const CONTROL = /[\u0000-\u0008\u000e-\u001f\u007f]/g;

/**
 * Reads one document from its bytes: size and content checks, decoding, HTML to text. Never
 * throws for any bytes; what cannot be a document is refused with the reason.
 */
export function readBytes(id: string, path: string, bytes: Uint8Array, options: ReadOptions): ReadOutcome {
  const refusal = checkSize(bytes.length, options.maxDocumentBytes) ?? checkText(bytes);
  if (refusal) return { refusal };
  const diagnostics: Diagnostic[] = [];
  const hash = createHash('sha256').update(bytes).digest('hex');
  const decoded = decode(bytes);
  const format = formatOf(id);
  let text = (format === 'html' ? htmlToText(decoded.text) : decoded.text).replace(/\r\n?/g, '\n');
  if (decoded.replaced > 0) {
    diagnostics.push({
      code: 'undecodable-bytes',
      offset: Math.max(0, text.indexOf('\ufffd')),
      message: `${decoded.replaced} characters could not be decoded as ${decoded.encoding} and stand as U+FFFD`,
    });
  }
  // NUL and other control characters become U+FFFD, one code unit for one, so that offsets stay and
  // no store or browser meets them; garbled-span detection then keeps them out of sentences.
  const firstControl = text.search(CONTROL);
  if (firstControl >= 0) {
    let count = 0;
    text = text.replace(CONTROL, () => {
      count++;
      return '\ufffd';
    });
    diagnostics.push({
      code: 'control-characters',
      offset: firstControl,
      message: `${count} control characters (NUL and the like) replaced by U+FFFD`,
    });
  }
  if (text.trim().length === 0) {
    return {
      refusal: {
        code: 'empty',
        reason: format === 'html' ? 'no text: the page holds only markup, scripts or white space' : 'no text: only white space',
      },
    };
  }
  return { source: { id, path, hash, encoding: decoded.encoding, format, text, ...(diagnostics.length > 0 ? { diagnostics } : {}) } };
}

/** Reads one input file, refusing it unread when it is over the size limit. */
export function readFile(path: string, options: ReadOptions): ReadOutcome {
  try {
    const size = statSync(path).size;
    const tooLarge = checkSize(size, options.maxDocumentBytes);
    if (tooLarge) return { refusal: tooLarge };
    return readBytes(basename(path), path, readFileSync(path), options);
  } catch (error) {
    return { refusal: { code: 'unreadable', reason: `could not read: ${(error as Error).message}` } };
  }
}

/** Reads one input file, with no size limit; throws when it is refused (tests, benchmarks: files known to be good). */
export function readSource(path: string): SourceDocument {
  const { source, refusal } = readFile(path, { maxDocumentBytes: Number.MAX_SAFE_INTEGER });
  if (!source) throw new Error(`${path}: ${refusal.reason}`);
  return source;
}

/**
 * Reads every input file under the paths. Paths that are not there or not input files are named
 * as failures; files that cannot be documents are refused with their reason; neither is fatal.
 */
export function readSources(
  paths: string[],
  options: ReadOptions,
): { sources: SourceDocument[]; refused: DocumentRefusal[]; failures: ReadFailure[] } {
  const { files, failures } = findInputFiles(paths);
  const sources: SourceDocument[] = [];
  const refused: DocumentRefusal[] = [];
  const seen = new Map<string, string>();
  for (const file of files) {
    const id = basename(file);
    const first = seen.get(id);
    if (first !== undefined) {
      refused.push({ id, path: file, code: 'duplicate', reason: `${first} has the same file name, and a document's id is its file name` });
      continue;
    }
    seen.set(id, file);
    const { source, refusal } = readFile(file, options);
    if (source) sources.push(source);
    else refused.push({ id, path: file, ...refusal });
  }
  return { sources, refused, failures };
}
