import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';
const j = Jieba.withDict(dict);
for (const w of '共富故事 美好生活 诗和远方 小打小闹 回头看 三重压力 作战图 先手棋 深水区 农民城 产业城 死亡之谷 幸福里 精神食粮 关键小事 山海经 人少事多 浙里办 邻里帮 点亮微心愿 幸福就业 幸福敲门 我的家园 产业大脑 共富工坊 民呼我为 智邦 以地换房 七堰矩阵 学问通 潮家园 红哨系统 党建大脑 一网通办 数字社会 未来城区 全域未来 幼有所育 脑袋富了 出圈出新 增收路 治理仗 云上见面 三驾马车 体制机制 深化改革 先行先试'.split(' '))
  console.log(w, j.cut(w, false).join('/'));
