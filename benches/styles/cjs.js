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
const sys = {
  retrieveLocale: (lang) => {
    const f = path.join(locales, `locales-${lang}.xml`);
    return fs.readFileSync(fs.existsSync(f) ? f : path.join(locales, 'locales-en-US.xml'), 'utf8');
  },
  retrieveItem: (id) => byId[id],
};
const xml = fs.readFileSync(styleFile, 'utf8');
let engine = new CSL.Engine(sys, xml);
engine.setOutputFormat(format || 'text');
engine.updateItems(items.map((i) => i.id));
const bib = engine.makeBibliography();
console.log('-- bibliography');
if (bib) for (const e of bib[1]) console.log(e.trim());
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
