// citeproc-js side of the breadth check (benches/styles/run.sh).
// node render.js ITEMS.json STYLES_DIR LOCALES_DIR CACHE_DIR STYLE...
// For each style not yet in CACHE_DIR, renders with citeproc-js and writes
// CACHE_DIR/STYLE.json: {"bib": {id: entry} or null (no <bibliography>),
// "cite": {id: citation}, "error": message or absent}. The citations are
// what Zotero's makeFormattedBibliographyOrCitationList gives (cite.js):
// all items registered with updateItems, then each item cited alone with
// appendCitationCluster, in input order, keeping each citation's last text.
const fs = require('fs');
const path = require('path');
const CSL = require('../citeproc/node_modules/citeproc');

const [itemsFile, stylesDir, localesDir, cacheDir, ...styles] = process.argv.slice(2);
const items = JSON.parse(fs.readFileSync(itemsFile, 'utf8'));
const ids = items.map((i) => i.id);
const byId = Object.fromEntries(items.map((i) => [i.id, i]));
// As Zotero's retrieveLocale does (Zotero.Cite.Locale.get): a language
// without a file of its own ("id") takes its primary dialect ("id-ID").
const dialects = JSON.parse(fs.readFileSync(path.join(localesDir, 'locales.json'), 'utf8'))['primary-dialects'];
const locale = (lang) => {
  for (const l of [lang, dialects[lang.split('-')[0]], 'en-US']) {
    const f = path.join(localesDir, `locales-${l}.xml`);
    if (l && fs.existsSync(f)) return fs.readFileSync(f, 'utf8');
  }
  return '';
};
const sys = { retrieveLocale: locale, retrieveItem: (id) => byId[id] };
fs.mkdirSync(cacheDir, { recursive: true });
for (const name of styles) {
  const file = path.join(cacheDir, `${name}.json`);
  if (fs.existsSync(file)) continue;
  const out = { bib: null, cite: {} };
  try {
    const xml = fs.readFileSync(path.join(stylesDir, `${name}.csl`), 'utf8');
    let engine = new CSL.Engine(sys, xml);
    engine.setOutputFormat('text');
    engine.updateItems(ids);
    const bib = engine.makeBibliography();
    if (bib) {
      const [params, entries] = bib;
      out.bib = Object.fromEntries(params.entry_ids.map((e, k) => [e[0], entries[k].trim()]));
    }
    engine = new CSL.Engine(sys, xml);
    engine.setOutputFormat('text');
    engine.updateItems(ids);
    const texts = [];
    for (const id of ids) {
      const list = engine.appendCitationCluster({ citationItems: [{ id }], properties: {} }, true);
      for (const [pos, text] of list) texts[pos] = text;
    }
    ids.forEach((id, k) => { out.cite[id] = texts[k] === undefined ? '' : texts[k]; });
  } catch (e) {
    out.error = String(e && e.stack ? e.stack.split('\n')[0] : e);
  }
  fs.writeFileSync(file, JSON.stringify(out));
}
