// The outlets and the people a page credits (来源：杭州日报, 记者 张三, 沈杰 摄), read with the
// document's metadata (graph/normalize/metadata.ts).
import type { Recognizer } from '../recognizer.ts';

export const pageCredits: Recognizer = {
  name: 'page-credits',
  stage: 'page',
  needs: [],
  sources: { outlet: { priority: 85, weight: 4 }, credit: { priority: 85, weight: 4 } },
  inDocument: ({ doc }, out) => {
    for (const outlet of doc.metadata.outlets) out.push({ ...outlet, type: 'Organization', via: 'outlet' });
    for (const credit of doc.metadata.credits)
      out.push({ start: credit.start, end: credit.end, name: credit.name, type: 'Person', via: 'credit', title: credit.role });
  },
};
