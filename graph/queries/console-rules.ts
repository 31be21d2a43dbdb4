// What the analysts' console lets through. Two layers: a friendly first look at the query text
// (comments and strings blanked, so neither hides nor fakes anything) for clear messages, then the
// plan Neo4j makes of it (EXPLAIN, nothing run), which is the truth: its query type must be
// read-only, and no operator may write, load files, administer or call a procedure off the list.
import type { PlanOperator } from '../db/store/index.ts';

/** Procedures an analyst may call: all read the schema or the full-text indexes, none writes. */
export const ALLOWED_PROCEDURES: readonly string[] = [
  'db.labels',
  'db.relationshipTypes',
  'db.propertyKeys',
  'db.index.fulltext.queryNodes',
  'db.index.fulltext.queryRelationships',
  'db.schema.visualization',
  'db.schema.nodeTypeProperties',
  'db.schema.relTypeProperties',
];

/**
 * Operators that write, load files, run their own transactions or administer the server (matched
 * on the name's start: SetProperty, SetLabels…, DeleteNode, DetachDelete…, ShowIndexes, ShowUsers…,
 * CreateIndex, DropConstraint…). Read operators never start this way.
 */
const REFUSED_OPERATORS =
  /^(?:Create|Merge|LockingMerge|Lock|Set|Remove|Delete|DetachDelete|Foreach|LoadCSV|Transaction|Show|Terminate|Drop|Alter|Grant|Deny|Revoke|Rename|Start|Stop|Enable|Assert|DoNothingIfExists|SystemProcedureCall|Administration|Schema|Log|Ensure)/;

/** A refusal: FORBIDDEN for what the console does not run, BAD_USER_INPUT for what is not one query. */
export interface Refusal {
  code: 'FORBIDDEN' | 'BAD_USER_INPUT';
  message: string;
}

/**
 * The query with comments replaced by a space and string contents by nothing ('' stays ''), so
 * that checks on its text see only code. Backticked names are kept, unquoted.
 */
export function codeOf(query: string): string {
  let out = '';
  for (let i = 0; i < query.length;) {
    const c = query[i]!;
    const next = query[i + 1];
    if (c === '/' && next === '/') {
      while (i < query.length && query[i] !== '\n') i++;
      out += ' ';
    } else if (c === '/' && next === '*') {
      const end = query.indexOf('*/', i + 2);
      i = end < 0 ? query.length : end + 2;
      out += ' ';
    } else if (c === "'" || c === '"') {
      i++;
      while (i < query.length && query[i] !== c) i += query[i] === '\\' ? 2 : 1;
      i++;
      out += c + c;
    } else if (c === '`') {
      const end = query.indexOf('`', i + 1);
      out += query.slice(i + 1, end < 0 ? query.length : end);
      i = end < 0 ? query.length : end + 1;
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

/** The first look at the text: several statements, LOAD CSV, own transactions, other databases, procedures. */
export function checkQueryText(query: string, database: string): Refusal | null {
  const code = codeOf(query);
  const body = code.trim().replace(/;\s*$/, '');
  if (body.includes(';'))
    return { code: 'BAD_USER_INPUT', message: 'one statement at a time: the query holds several (a semicolon outside a string)' };
  if (body === '') return { code: 'BAD_USER_INPUT', message: 'the query is empty' };
  if (/\bLOAD\s+CSV\b/i.test(body))
    return { code: 'FORBIDDEN', message: 'LOAD CSV is not allowed in the console (it reads files and URLs)' };
  if (/\}\s*IN\s+(?:\S+\s+CONCURRENT\s+)?TRANSACTIONS\b/i.test(body)) {
    return { code: 'FORBIDDEN', message: 'CALL { … } IN TRANSACTIONS is not allowed in the console (it commits on its own)' };
  }
  for (const match of body.matchAll(/(?:^|\{)\s*USE\s+([\w.]+)/gi)) {
    if (match[1]!.toLowerCase() !== database.toLowerCase()) {
      return { code: 'FORBIDDEN', message: `USE ${match[1]}: the console reads the database "${database}" only` };
    }
  }
  for (const match of body.matchAll(/\bCALL\s+([A-Za-z_][\w]*(?:\s*\.\s*[A-Za-z_][\w]*)*)\s*(?=\(|\bYIELD\b|$|[\s;}])/gi)) {
    const name = match[1]!.replace(/\s+/g, '');
    if (!isAllowedProcedure(name)) return procedureRefusal(name);
  }
  return null;
}

export function isAllowedProcedure(name: string): boolean {
  return ALLOWED_PROCEDURES.some((allowed) => allowed.toLowerCase() === name.toLowerCase());
}

function procedureRefusal(name: string): Refusal {
  return { code: 'FORBIDDEN', message: `procedure ${name} is not allowed in the console; allowed: ${ALLOWED_PROCEDURES.join(', ')}` };
}

/**
 * The authoritative check on EXPLAIN's answer: a read-only query type, the configured database,
 * and no refused operator, procedure or user-defined function anywhere in the plan.
 */
export function checkPlan(
  explained: { queryType: string; database: string | null; plan: PlanOperator | null },
  database: string,
  userFunctions: readonly string[] = [],
): Refusal | null {
  if (explained.database !== null && explained.database.toLowerCase() !== database.toLowerCase()) {
    return {
      code: 'FORBIDDEN',
      message: `the query would run on the database "${explained.database}"; the console reads "${database}" only`,
    };
  }
  const stack = explained.plan ? [explained.plan] : [];
  while (stack.length > 0) {
    const operator = stack.pop()!;
    stack.push(...operator.children);
    const name = operator.operatorType;
    if (name === 'ProcedureCall') {
      const procedure = /^\s*([\w.]+)\s*\(/.exec(operator.arguments['Details'] ?? '')?.[1] ?? '(unknown)';
      if (!isAllowedProcedure(procedure)) return procedureRefusal(procedure);
    } else if (REFUSED_OPERATORS.test(name)) {
      return { code: 'FORBIDDEN', message: `the console is read-only: the query's plan has a ${name} step` };
    }
    const text = Object.values(operator.arguments).join(' ').toLowerCase();
    const fn = userFunctions.find((f) => text.includes(`${f.toLowerCase()}(`));
    if (fn) return { code: 'FORBIDDEN', message: `function ${fn} is not allowed in the console (only built-in functions are)` };
  }
  if (explained.queryType !== 'r') {
    return {
      code: 'FORBIDDEN',
      message: `the console is read-only: Neo4j classes the query as "${explained.queryType}" (read-only is "r")`,
    };
  }
  return null;
}
