import { found, matches, type Finder, type PersonalInformation } from './personal-information.ts';

// Stop characters cannot begin a place name: 在锡林浩特市… starts at 锡.
const PLACE_CHAR =
  '(?:(?![在于的到至往从向对了是为将把被及或等其该此我你他她们系经由到位住])[\\p{Script=Han}\\d])';
const AREA = `${PLACE_CHAR}{2,10}?(?:自治区|自治州|地区|省|盟|市|旗|县|区)`;
const PLACE = `${PLACE_CHAR}{2,10}?(?:苏木|嘎查|街道|社区|小区|胡同|大街|镇|乡|村|路|街|巷)`;
const NUMBERED = '\\d+(?:-\\d+)?(?:号院|号楼|号|栋|幢|楼|单元|层|室|户|组)';
const ADDRESS_CUE = '(?:住址|住所|地址|户籍地|家住|住在|居住在|位于|现住)[:：]?';
const ADDRESS = new RegExp(
  `(?<cue>${ADDRESS_CUE})?(?<area>(?:${AREA})*)(?<fine>(?:${PLACE}|${NUMBERED})+)`,
  'gu',
);

/**
 * Addresses: what lies below the 旗县 level (苏木、镇、乡、嘎查、村、街道、路、号、楼、单元、室)
 * is masked, the administrative area above it kept. A chain of place names alone (农村道路)
 * is no address unless an area, an address cue or a house number makes it one.
 */
export const findAddresses: Finder = (text) => {
  const out: PersonalInformation[] = [];
  for (const m of matches(ADDRESS, text)) {
    const { cue = '', area = '', fine = '' } = m.groups ?? {};
    const numbered = new RegExp(`${NUMBERED}$`, 'u').test(fine);
    const places = [...matches(new RegExp(`${PLACE}|${NUMBERED}`, 'gu'), fine)].length;
    if (!(cue !== '' || area !== '' || (numbered && places >= 2))) continue;
    const start = m.index + cue.length + area.length;
    out.push(found('address', start, fine, '****'));
  }
  return out;
};
