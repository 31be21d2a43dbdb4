// An extraction worker thread: the per-document stages of the documents the pool hands it. It keeps
// each document it normalized until the relation stage has read it, so a document crosses between
// threads once each way (its source in, its normalized text and mentions out), and for the relation
// stage only its resolved mentions and the corpus's entities come in.
import { parentPort, workerData } from 'node:worker_threads';
import { Gazetteer, MentionFinder } from '../mentions/index.ts';
import type { NormalizedText } from '../normalize/index.ts';
import { findInDocument, relateDocument } from '../pipeline.ts';
import type { ToWorker, FromWorker } from './messages.ts';

if (parentPort) {
  const port = parentPort;
  const finder = new MentionFinder(new Gazetteer((workerData as { cacheDir: string }).cacheDir));
  const held = new Map<string, NormalizedText>();
  const send = (message: FromWorker) => port.postMessage(message);
  port.on('message', (message: ToWorker) => {
    try {
      if (message.kind === 'find') {
        const found = findInDocument(finder, message.source);
        held.set(message.source.id, found.doc);
        send({ kind: 'found', index: message.index, found });
      } else if (message.kind === 'forget') {
        held.clear();
      } else {
        const related = message.documents.map(({ id, mentions }) => {
          const doc = held.get(id);
          if (!doc) throw new Error(`document ${id} was not read by this worker`);
          return relateDocument({ doc, mentions }, message.entities, message.model);
        });
        held.clear();
        send({ kind: 'related', related });
      }
    } catch (error) {
      held.clear();
      send({ kind: 'failed', error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
    }
  });
}
