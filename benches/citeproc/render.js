// Renders a CSL-JSON file with citeproc-js (the reference CSL processor) in
// several styles and prints {style: {id: entry}} as JSON.
// node render.js ITEMS.json STYLES_DIR LOCALES_DIR STYLE...
const fs = require('fs');
const path = require('path');
const CSL = require('citeproc');

const [itemsFile, stylesDir, localesDir, ...styles] = process.argv.slice(2);
const items = JSON.parse(fs.readFileSync(itemsFile, 'utf8'));
const byId = Object.fromEntries(items.map((i) => [i.id, i]));
const locale = (lang) => {
  const f = path.join(localesDir, `locales-${lang}.xml`);
  return fs.readFileSync(fs.existsSync(f) ? f : path.join(localesDir, 'locales-en-US.xml'), 'utf8');
};
const out = {};
for (const name of styles) {
  const xml = fs.readFileSync(path.join(stylesDir, `${name}.csl`), 'utf8');
  const engine = new CSL.Engine({ retrieveLocale: locale, retrieveItem: (id) => byId[id] }, xml);
  engine.setOutputFormat('text');
  engine.updateItems(items.map((i) => i.id));
  const [params, entries] = engine.makeBibliography();
  out[name] = Object.fromEntries(params.entry_ids.map((ids, k) => [ids[0], entries[k].trim()]));
}
process.stdout.write(JSON.stringify(out));
