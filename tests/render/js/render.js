// Render CSL-JSON items with citeproc-js, the independent processor polybib is compared with.
//
// Input (stdin, JSON): {"locales_dir": DIR, "jobs": [{"style": PATH, "locale": "en-US" | null,
//                       "items": [CSL-JSON items], "format": "text"}]}
// Output (stdout, JSON): [{"entries": [{"id": ID, "text": TEXT}], "citations": null | [TEXT],
//                          "error": null | MESSAGE}]
// A job with "clusters" ([[{"id", "locator", "label", "prefix", "suffix"}]]) renders those
// citation clusters (makeCitationCluster) instead of the bibliography.
// Entries are in citeproc-js's bibliography order; the text is its "text" output format
// (a left-margin field followed by one space), without the trailing newline.
"use strict";
const fs = require("fs");
const path = require("path");
const CSL = require("citeproc");

function main() {
  const input = JSON.parse(fs.readFileSync(0, "utf8"));
  const localesDir = input.locales_dir;
  const localeCache = {};
  function retrieveLocale(lang) {
    if (localeCache[lang] !== undefined) return localeCache[lang];
    const file = path.join(localesDir, `locales-${lang}.xml`);
    localeCache[lang] = fs.existsSync(file) ? fs.readFileSync(file, "utf8") : false;
    return localeCache[lang];
  }
  const out = [];
  for (const job of input.jobs) {
    try {
      const byId = {};
      for (const item of job.items) byId[String(item.id)] = item;
      const sys = {
        retrieveLocale,
        retrieveItem: (id) => byId[String(id)],
      };
      const style = fs.readFileSync(job.style, "utf8");
      const engine = new CSL.Engine(sys, style, job.locale || undefined, !!job.locale);
      engine.setOutputFormat(job.format || "text");
      engine.updateItems(job.items.map((item) => String(item.id)));
      let citations = null;
      if (job.clusters) {
        // each cluster: [{id, locator, label, prefix, suffix}], rendered on its own
        citations = job.clusters.map((cluster) => engine.makeCitationCluster(
          cluster.map((cite) => Object.assign({}, cite, { id: String(cite.id) }))));
      }
      const result = job.clusters ? null : engine.makeBibliography();
      const entries = [];
      if (result) {
        const [params, strings] = result;
        // an entry citeproc-js renders empty (APA's personal communications) is listed in
        // entry_ids and bibliography_errors but has no string: it is no entry
        const dropped = new Set((params.bibliography_errors || []).map((e) => String(e.itemID)));
        params.entry_ids.filter((ids) => !dropped.has(String(ids[0]))).forEach((ids, i) => {
          entries.push({ id: String(ids[0]), text: strings[i].replace(/\n+$/, "") });
        });
      }
      out.push({ entries, citations, error: null });
    } catch (err) {
      out.push({ entries: [], error: String(err && err.stack || err) });
    }
  }
  process.stdout.write(JSON.stringify(out));
}

main();
