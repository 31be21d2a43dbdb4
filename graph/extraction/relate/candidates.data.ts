// The words whose presence between, before or after two parties the relation model weighs. Data
// only: the verbs by what they say a party does (graph/extraction/lexicon/verbs.ts), and the small
// words of apposition, possession and coordination.
import { FUNDING, IMPLEMENTING, ISSUING, LAUNCHED_AFTER, LOCATING, PARTNERING, SELECTED_AFTER, SELECTING } from '../lexicon/verbs.ts';
import { PARTS_LISTED, POSTS } from './cues.ts';

const plain = (pattern: RegExp) => new RegExp(pattern.source);

export const CUE_WORDS: ReadonlyArray<[string, RegExp]> = [
  ['implementing', plain(IMPLEMENTING)],
  ['launched', new RegExp(LAUNCHED_AFTER.source.replace(/^\^/, ''))],
  ['selecting', /入选|列为|列入|获评|获批|评为|确定为|认定为|命名为|创成|跻身|荣获|中榜|授予|成功创建|创建成/],
  ['selected-after', plain(SELECTED_AFTER)],
  ['becomes', /成为|是|获得|获/],
  ['issuing', plain(ISSUING)],
  ['locating', plain(LOCATING)],
  ['partnering', plain(PARTNERING)],
  ['funding', plain(FUNDING)],
  ['post', new RegExp(POSTS.source.replace(/^\^/, ''))],
  ['parts', plain(PARTS_LISTED)],
  ['of', /的/],
  ['and', /和|与|及|同|、/],
  ['in', /在|于/],
  ['by', /由|被/],
  ['quote', /[“”"「」]/],
  ['belongs', /下属|所属|之一|组成|旗下/],
  ['selected-verb', plain(SELECTING)],
];
