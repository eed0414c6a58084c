//! Notes attached to references.

use serde::{Deserialize, Serialize};

/// What a note says.
///
/// ```
/// let cv = "## Journal Articles\n1. Achtibat R, Dreyer M and Lapuschkin S (2023). \"From Attribution Maps to Human-understandable Explanations\". \
///           In: *Nature Machine Intelligence* 5(9):1006-1019. [Code](https://github.com/rachtibat/zennit-crp). Best Paper Award\n";
/// let r = &publist::cv::read(cv, "cv.md").references[0];
/// assert_eq!(r.notes[0].kind, publist::NoteKind::Award);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum NoteKind {
    /// An award, badge or distinction ("Best Paper Award Winner", "Spotlight Paper").
    Award,
    /// "Accepted for publication in/at ..." and similar.
    Acceptance,
    /// An open-access or availability mark ("Green Open Access", "OpenReview").
    Access,
    /// A publication status ("pre-proof", "in press").
    Status,
    /// Anything else.
    Other,
}

/// A note attached to a reference.
///
/// ```
/// let cv = "## Journal Articles\n1. Achtibat R, Dreyer M and Lapuschkin S (2023). \"From Attribution Maps to Human-understandable Explanations\". \
///           In: *Nature Machine Intelligence* 5(9):1006-1019. [Code](https://github.com/rachtibat/zennit-crp). Best Paper Award\n";
/// let r = &publist::cv::read(cv, "cv.md").references[0];
/// assert_eq!(r.notes[0].text, "Best Paper Award");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Note {
    /// What kind of note this is.
    pub kind: NoteKind,
    /// The note as written (markup removed).
    pub text: String,
}

impl NoteKind {
    /// Classifies a note by its words (in any reader: CV notes, a .bib
    /// `note`, a CSL-JSON `note`).
    ///
    /// ```
    /// use publist::NoteKind;
    /// assert_eq!(NoteKind::classify("Best Paper Award"), NoteKind::Award);
    /// assert_eq!(NoteKind::classify("Accepted for publication in Nature"), NoteKind::Acceptance);
    /// assert_eq!(NoteKind::classify("in press"), NoteKind::Status);
    /// assert_eq!(NoteKind::classify("Joint work"), NoteKind::Other);
    /// ```
    pub fn classify(text: &str) -> NoteKind {
        let lower = text.to_lowercase();
        let has = |words: &[&str]| words.iter().any(|w| lower.contains(w));
        if lower.starts_with("accepted")
            || has(&[
                "to appear",
                "accepted for publication",
                "accepted at",
                "accepted in",
            ])
        {
            NoteKind::Acceptance
        } else if has(&[
            "award",
            "prize",
            "medal",
            "badge",
            "winner",
            "certification",
            "spotlight",
            "oral presentation",
            "best paper",
            "honorable mention",
        ]) {
            NoteKind::Award
        } else if has(&["open access", "openreview", "open-access"]) {
            NoteKind::Access
        } else if has(&[
            "pre-proof",
            "preproof",
            "in press",
            "forthcoming",
            "under review",
            "submitted",
            "camera-ready",
            "early access",
        ]) {
            NoteKind::Status
        } else {
            NoteKind::Other
        }
    }
}

impl Note {
    /// Notes joined by `; ` (as publist writes them in `note` fields), split
    /// and classified again.
    ///
    /// ```
    /// use publist::{Note, NoteKind};
    /// let notes = Note::split_joined("Best Paper Award; in press");
    /// assert_eq!(notes.len(), 2);
    /// assert_eq!((notes[0].kind, notes[1].kind), (NoteKind::Award, NoteKind::Status));
    /// assert_eq!(notes[1].text, "in press");
    /// ```
    pub fn split_joined(text: &str) -> Vec<Note> {
        text.split("; ")
            .map(|t| Note {
                kind: NoteKind::classify(t),
                text: t.to_string(),
            })
            .collect()
    }
}
