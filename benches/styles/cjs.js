// Runs citeproc-js 2.4.63 on one style and CSL-JSON items, for checking a
// rule on a minimal style: node cjs.js STYLE.csl ITEMS.json [html]
// prints the bibliography entries, then each item cited alone (Zotero's
// citation list), one a line.
const fs = require('fs');
const path = require('path');
const CSL = require('../citeproc/node_modules/citeproc');
const [styleFile, itemsFile, format] = process.argv.slice(2);
const locales = path.join(__dirname, '../../../shared/csl/locales');
const items = JSON.parse(fs.readFileSync(itemsFile, 'utf8'));
const byId = Object.fromEntries(items.map((i) => [i.id, i]));
const dialects = JSON.parse(fs.readFileSync(path.join(locales, 'locales.json'), 'utf8'))['primary-dialects'];
const sys = {
  // As Zotero's retrieveLocale does: "id" takes its primary dialect "id-ID".
  retrieveLocale: (lang) => {
    for (const l of [lang, dialects[lang.split('-')[0]], 'en-US']) {
      const f = path.join(locales, `locales-${l}.xml`);
      if (l && fs.existsSync(f)) return fs.readFileSync(f, 'utf8');
    }
    return '';
  },
  retrieveItem: (id) => byId[id],
};
const xml = fs.readFileSync(styleFile, 'utf8');
let engine = new CSL.Engine(sys, xml);
engine.setOutputFormat(format || 'text');
engine.updateItems(items.map((i) => i.id));
const bib = engine.makeBibliography();
console.log('-- bibliography');
if (bib) for (const e of bib[1]) console.log(format === 'html' ? e.trim() : e.replace(/\s+/g, ' ').trim());
else console.log('(none)');
engine = new CSL.Engine(sys, xml);
engine.setOutputFormat(format || 'text');
engine.updateItems(items.map((i) => i.id));
const texts = [];
for (const i of items) {
  for (const [pos, text] of engine.appendCitationCluster({ citationItems: [{ id: i.id }], properties: {} }, true)) texts[pos] = text;
}
console.log('-- citations');
for (const t of texts) console.log(t);
