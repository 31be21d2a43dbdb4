// Readings of place names that a general pinyin dictionary gets wrong or could get wrong: a place
// keeps an old or local reading of a character (乐清 is yuè qīng, not lè qīng). Data only, fed to
// pinyin-pro's custom dictionary by ./name-pinyin.ts; names listed whole so that the reading
// applies to the place and not to every other word with the character.
export const PLACE_READINGS: Readonly<Record<string, string>> = {
  // Zhejiang
  乐清: 'yuè qīng',
  丽水: 'lí shuǐ',
  台州: 'tāi zhōu',
  天台: 'tiān tāi',
  长兴: 'cháng xīng',
  会稽: 'kuài jī',
  // Elsewhere
  六安: 'lù ān',
  蚌埠: 'bèng bù',
  番禺: 'pān yú',
  涪陵: 'fú líng',
  乐亭: 'lào tíng',
  蔚县: 'yù xiàn',
  单县: 'shàn xiàn',
  洪洞: 'hóng tóng',
  歙县: 'shè xiàn',
  阆中: 'làng zhōng',
  浚县: 'xùn xiàn',
  涡阳: 'guō yáng',
  蠡县: 'lǐ xiàn',
  黄陂: 'huáng pí',
  筠连: 'jùn lián',
  尉犁: 'yù lí',
  大城: 'dà chéng',
  华县: 'huà xiàn',
  华阴: 'huà yīn',
  调兵山: 'diào bīng shān',
  铅山: 'yán shān',
  东阿: 'dōng ē',
  亳州: 'bó zhōu',
  盱眙: 'xū yí',
  句容: 'jù róng',
  犍为: 'qián wéi',
  荥阳: 'xíng yáng',
  枞阳: 'zōng yáng',
  重庆: 'chóng qìng',
  厦门: 'xià mén',
};
