// Shared by the command-line tools: argument parsing, a progress bar, summaries.
import { ENTITY_TYPES, type Diagnostic, type ExtractionExport, type LoadSummary, type ReadFailure } from '../index.ts';

export interface ParsedArgs {
  positional: string[];
  options: Record<string, string | boolean>;
}

/** --name value and --flag options; everything else is positional. Unknown options are errors. */
export function parseArgs(argv: string[], known: Record<string, 'string' | 'boolean'>): ParsedArgs {
  const positional: string[] = [];
  const options: Record<string, string | boolean> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith('--')) {
      positional.push(arg);
      continue;
    }
    const name = arg.slice(2);
    const kind = known[name];
    if (!kind) {
      console.error(
        `unknown option --${name} (known: ${
          Object.keys(known)
            .map((k) => `--${k}`)
            .join(', ') || 'none'
        })`,
      );
      process.exit(2);
    }
    if (kind === 'boolean') options[name] = true;
    else {
      const value = argv[++i];
      if (value === undefined) {
        console.error(`--${name} needs a value`);
        process.exit(2);
      }
      options[name] = value;
    }
  }
  return { positional, options };
}

/** A one-line progress bar on a terminal; silent when output is piped. */
export function progressBar(label: string, total: number) {
  let done = 0;
  const tty = process.stderr.isTTY;
  const draw = () => {
    if (!tty || total === 0) return;
    const width = 30;
    const filled = Math.round((done / total) * width);
    process.stderr.write(`\r${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}`);
  };
  return {
    tick(count = 1) {
      done += count;
      draw();
    },
    done() {
      if (tty && total > 0) process.stderr.write('\n');
    },
  };
}

function countBy<T>(items: T[], key: (item: T) => string): string {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return (
    [...counts.entries()]
      .sort((a, b) => b[1] - a[1])
      .map(([k, v]) => `${k} ${v}`)
      .join(', ') || 'none'
  );
}

export function printExtractionSummary(result: ExtractionExport, millis: number, failures: ReadFailure[]): void {
  const diagnostics = result.documents.flatMap((d) => d.diagnostics.map((x) => ({ ...x, doc: d.id })));
  const order = new Map(ENTITY_TYPES.map((t, i) => [t, i]));
  console.log(`documents: ${result.documents.length} in ${Math.round(millis)} ms`);
  console.log(
    `entities: ${result.entities.length} (${countBy(
      [...result.entities].sort((a, b) => order.get(a.type)! - order.get(b.type)!),
      (e) => e.type,
    )})`,
  );
  console.log(`relations: ${result.relations.length} (${countBy(result.relations, (r) => r.type)})`);
  console.log(`facts: ${result.facts.length}`);
  console.log(`diagnostics: ${diagnostics.length} (${countBy(diagnostics, (d) => d.code)})`);
  for (const failure of failures) console.error(`could not read ${failure.path}: ${failure.error}`);
}

export function printLoadSummary(summary: LoadSummary): void {
  const rate = summary.millis > 0 ? Math.round((summary.relations / summary.millis) * 1000) : 0;
  console.log(
    `loaded ${summary.loaded.length} documents (${summary.relations} relations, ${rate}/s), ` +
      `${summary.unchanged.length} unchanged, ${summary.failed.length} failed, ${summary.entitiesRemoved} orphaned entities removed, ${summary.millis} ms`,
  );
  for (const failure of summary.failed) console.error(`failed: ${failure.document}: ${failure.error}`);
}

export interface OutcomeLine {
  id: string;
  status: string;
  reason?: string | undefined;
  diagnostics: Diagnostic[];
}

/**
 * One line per document, in input order: its outcome, and its diagnostics by code or the reason it
 * was refused. Refused and failed documents go to stderr.
 */
export function printDocumentOutcomes(order: string[], outcomes: OutcomeLine[]): void {
  const pending = new Map<string, OutcomeLine[]>();
  for (const o of outcomes) (pending.get(o.id) ?? pending.set(o.id, []).get(o.id)!).push(o);
  const width = Math.max(0, ...outcomes.map((o) => o.status.length));
  for (const id of order) {
    const outcome = pending.get(id)?.shift();
    if (!outcome) continue;
    const head = `${outcome.status.padEnd(width)}  ${id}`;
    if (outcome.reason !== undefined) console.error(`${head}: ${outcome.reason}`);
    else if (outcome.diagnostics.length > 0) console.log(`${head} (diagnostics: ${countBy(outcome.diagnostics, (d) => d.code)})`);
    else console.log(head);
  }
}
