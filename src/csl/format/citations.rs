//! Citations (issue 17) through the Formatter: each reference cited alone,
//! and the citation list of styles without a bibliography.

use super::{keys, printable, FormattedEntry, Formatter, Reference};

/// Citations (issue 17): each reference cited alone, and the citation list
/// of styles without a bibliography. Always publist's own processor.
impl Formatter {
    /// Whether the style has a `<bibliography>` (91 of the official
    /// independent styles have none: citation-only styles).
    ///
    /// ```
    /// use publist::csl::{load_style, Formatter};
    /// assert!(Formatter::new(load_style("apa", None).unwrap()).has_bibliography());
    /// let style = publist::hayagriva::citationberg::IndependentStyle::from_xml(r#"
    ///   <style xmlns="http://purl.org/net/xbiblio/csl" class="note" version="1.0">
    ///     <info><id/><title/><updated>2024-01-01T00:00:00+00:00</updated></info>
    ///     <citation><layout><text variable="title"/></layout></citation></style>"#).unwrap();
    /// assert!(!Formatter::new(style).has_bibliography());
    /// ```
    pub fn has_bibliography(&self) -> bool {
        self.style.bibliography.is_some()
    }

    /// Each reference's citation alone, in input order, as Zotero's citation
    /// list gives them (citeproc-js's `updateItems`, then one
    /// `appendCitationCluster` per item): each citation is told apart from
    /// the ones before it as it joins, and earlier ones change when a
    /// later one reads like them, so every citation ends up distinct from
    /// all others. In a note style each is the full first note. The
    /// entries carry no label.
    ///
    /// ```
    /// let cv = "## Journal Articles\n1. Bach S and Samek W (2015). \"A\". In: *J* 2:3-5\n\
    ///           2. Bach S and Samek W (2015). \"B\". In: *J* 3:4-6\n";
    /// let refs = publist::cv::read(cv, "cv.md").references;
    /// use publist::csl::{load_style, Formatter};
    /// let cites = Formatter::new(load_style("apa", None)?).citations(&refs);
    /// let texts: Vec<&str> = cites.iter().map(|c| c.text.as_str()).collect();
    /// assert_eq!(texts, ["(Bach & Samek, 2015a)", "(Bach & Samek, 2015b)"]);
    /// assert_ne!(cites[0].key, cites[1].key); // each reference keeps its citation key
    /// # Ok::<(), publist::Error>(())
    /// ```
    pub fn citations(&self, refs: &[Reference]) -> Vec<FormattedEntry> {
        // Placeholder pages (`TBA`) print nowhere, as in the bibliography.
        let printable = printable(refs);
        let refs = printable.as_ref();
        let keys = keys::assign(refs);
        let indexed: Vec<usize> = (0..refs.len()).collect();
        let items: Vec<crate::csl::proc::ItemData> = crate::parallel::map(&indexed, 512, |&i| {
            crate::csl::proc::ItemData::from_reference(&refs[i], &keys[i], i)
        });
        let clusters: Vec<(u32, Vec<crate::csl::Cite>)> = keys
            .iter()
            .enumerate()
            .map(|(k, key)| {
                let note = u32::try_from(k + 1).unwrap_or(u32::MAX);
                (note, vec![crate::csl::Cite::new(key)])
            })
            .collect();
        let lang = self.locale.as_ref().map(|l| l.0.as_str());
        let archived;
        let locales = match &self.locales {
            Some(l) => l.as_slice(),
            None => {
                archived = crate::csl::style::archived_locales_for(&crate::csl::proc::language(
                    &self.style,
                    lang,
                ));
                &archived
            }
        };
        let processor = crate::csl::Processor::new(self.style.clone(), locales, lang);
        processor
            // Zotero registers the items cited so far with each citation.
            .cite_items(&items, &clusters, self.format, true)
            .into_iter()
            .zip(keys)
            .map(|(text, key)| FormattedEntry {
                key,
                label: None,
                text,
            })
            .collect()
    }

    /// The bibliography, or for a style without one the list of each
    /// reference's citation (Zotero's makeFormattedBibliographyOrCitationList):
    /// numbered `1.`, `2.`, … in a note style, as they are in plain.
    ///
    /// ```
    /// let refs = publist::cv::read("## Journal Articles\n1. Bach S (2015). \"Title\". In: *J* 2:3-5\n", "cv.md").references;
    /// use publist::csl::{load_style, Formatter};
    /// let style = publist::hayagriva::citationberg::IndependentStyle::from_xml(r#"
    ///   <style xmlns="http://purl.org/net/xbiblio/csl" class="note" version="1.0">
    ///     <info><id/><title/><updated>2024-01-01T00:00:00+00:00</updated></info>
    ///     <citation><layout suffix="."><text variable="title" font-style="italic"/></layout></citation></style>"#).unwrap();
    /// let list = Formatter::new(style).bibliography_or_citations(&refs);
    /// assert_eq!(list[0].line(), "1. Title.");
    /// # Ok::<(), publist::Error>(())
    /// ```
    pub fn bibliography_or_citations(&self, refs: &[Reference]) -> Vec<FormattedEntry> {
        if self.has_bibliography() {
            return self.bibliography(refs);
        }
        let note = self.style.settings.class == hayagriva::citationberg::StyleClass::Note;
        let mut list = self.citations(refs);
        if note {
            for (k, e) in list.iter_mut().enumerate() {
                e.label = Some(format!("{}.", k + 1));
            }
        }
        list
    }
}
