// Verbs of policy writing, by what they say a party does. Shared by the recognizers (a quoted
// phrase after a verb of doing is a program) and the relation rules (the verb's subject does it).

/** Verbs that carry out, build or launch something: a quoted phrase after one names a program. */
export const CARRYING_OUT =
  /实施|推进|推行|推出|推广|开展|上线|开发|构建|建设|建成|建立|搭建|启动|打造|深化|探索|创新|迭代|升级|落地|接入|开设|设立|成立|组建|出台|印发|运用|依托|基于|借助|实践|试行|部署|实现|开通|发布|引入|投用|定为/;

/** Verbs whose subject implements the program that is their object (wider: 通过, 以, 聚焦…). */
export const IMPLEMENTING =
  /实施|推进|打造|建设|建成|开展|上线|开发|构建|推动|开设|创成|落实|探索|深化|形成|布局|搭建|启动|投用|接入|实践|推出|建立|运用|依托|通过|以|开通|设立|成立|组建|举办|推行|推广|引入|引进|培育|完善|健全|实行|聚焦|抓好|深入|加快|强化|提升|谋划|创建|争创|开启|探索|试行|部署|承接|融入|创新|制定|做好|升级|迭代|落地|架构|擦亮|打响|研发|首创|实行|优化|运营|开发|组织|发起|参与/;

/** Said of a program after its name: “浙里长寿”落地未来社区, 红哨系统上线. */
export const LAUNCHED_AFTER = /^[^，,。；;]{0,12}?(?:落地|上线|投用|启用|建成|落户|运行|推开|覆盖|实施|试运行)/;

/** Verbs of selection into a pilot, list or award (wide: 是, 有, 获 too). */
export const SELECTING = /入选|列为|列入|获评|获批|评为|确定为|认定为|命名为|成为|创成|跻身|荣获|中榜|获得|获|是|有|成功创建|创建成|授予/g;
/** After a program's name, only the unambiguous verbs of selection (not 是, 有, 获). */
export const SELECTED_AFTER = /入选|列为|列入|获评|获批|评为|荣获|中榜/g;

/** Verbs of issuing a document. */
export const ISSUING = /出台|印发|制定|编制|下发|发布|颁布/g;

/** Verbs that place something (位于龙湾区). */
export const LOCATING = /位于|地处|落户|坐落于|坐落在|落地/g;

/** Cues of a partnership anywhere in a sentence, and right after two parties (乐清、平阳两地). */
// 签订/签署 of A与B签订…协议: two parties to one agreement.
export const PARTNERING = /结对|合作|共建|携手|牵手|协作|联建|对口|帮扶|一体化|签订|签署|签约/;
export const PAIRED_AFTER = /^[^，,。；;]{0,3}(?:两地|两区|两县|两市|双方|携手|结对|共建|合作|联建)/;

/** Cues of funding anywhere in a sentence, and the verbs of investing whose subject funds. */
export const FUNDING = /投资|注资|出资|拨付|补助|资助|捐赠|资金|入股/;
export const INVESTING = /投资|注资|出资|资助|捐赠|捐资|入股/g;
