//! The shipped sequence-labelling model: a linear-chain CRF trained by
//! `examples/train_refstring.rs` on references that publist's CSL processor
//! rendered from other libraries' records in hundreds of styles, run with the
//! `crfs` crate (pure-Rust CRFsuite inference).

use std::sync::OnceLock;

use crfs::{Attribute, Model, Tagger};

/// The model file, in CRFsuite's format.
static MODEL_BYTES: &[u8] = include_bytes!("model.crfsuite");

/// The labels the model gives tokens.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Label {
    Author,
    Editor,
    Date,
    Title,
    Container,
    Series,
    Volume,
    Issue,
    Pages,
    Publisher,
    Place,
    Edition,
    Number,
    Genre,
    Other,
}

impl Label {
    /// Every label, in a fixed order.
    pub(crate) const ALL: [Label; 15] = [
        Label::Author,
        Label::Editor,
        Label::Date,
        Label::Title,
        Label::Container,
        Label::Series,
        Label::Volume,
        Label::Issue,
        Label::Pages,
        Label::Publisher,
        Label::Place,
        Label::Edition,
        Label::Number,
        Label::Genre,
        Label::Other,
    ];

    /// The label's name in the model file.
    pub(crate) fn name(self) -> &'static str {
        match self {
            Label::Author => "author",
            Label::Editor => "editor",
            Label::Date => "date",
            Label::Title => "title",
            Label::Container => "container",
            Label::Series => "series",
            Label::Volume => "volume",
            Label::Issue => "issue",
            Label::Pages => "pages",
            Label::Publisher => "publisher",
            Label::Place => "place",
            Label::Edition => "edition",
            Label::Number => "number",
            Label::Genre => "genre",
            Label::Other => "other",
        }
    }

    pub(crate) fn from_name(name: &str) -> Label {
        Label::ALL
            .into_iter()
            .find(|l| l.name() == name)
            .unwrap_or(Label::Other)
    }
}

fn model() -> Option<&'static Model<'static>> {
    static MODEL: OnceLock<Option<Model<'static>>> = OnceLock::new();
    MODEL.get_or_init(|| Model::new(MODEL_BYTES).ok()).as_ref()
}

fn tagger() -> Option<&'static Tagger<'static>> {
    static TAGGER: OnceLock<Option<Tagger<'static>>> = OnceLock::new();
    TAGGER
        .get_or_init(|| model().and_then(|m| m.tagger().ok()))
        .as_ref()
}

/// Labels for the tokens whose features are given; `None` when the model
/// cannot be loaded (then nothing is read by the model).
pub(crate) fn tag(features: &[Vec<String>]) -> Option<Vec<Label>> {
    let tagger = tagger()?;
    if features.is_empty() {
        return Some(Vec::new());
    }
    let xseq: Vec<Vec<Attribute>> = features
        .iter()
        .map(|f| f.iter().map(|a| Attribute::new(a.as_str(), 1.0)).collect())
        .collect();
    let labels = tagger.tag(&xseq).ok()?;
    Some(labels.into_iter().map(Label::from_name).collect())
}
