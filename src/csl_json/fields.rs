//! The variables of a CSL-JSON item that the typed model holds, parsed
//! straight from the item's text (strings borrowed where they have no
//! escapes) or from a `serde_json` map: the one reading of them that the
//! reader and the writer's comparison with the original share.
//!
//! As lenient as CSL-JSON in the wild asks: a text variable may be a string
//! or a number (anything else, or blank text, is absent); a name list that is
//! not an array, a name or link that is not an object, is skipped.

use std::borrow::Cow;
use std::fmt;

use serde::de::value::{MapAccessDeserializer, SeqAccessDeserializer};
use serde::de::{Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::Deserialize;
use serde_json::{Map, Value};

/// A text variable: trimmed, not blank; a number as serde_json prints it.
#[derive(Debug, Default, Clone, PartialEq)]
pub(super) struct Text<'a>(pub Option<Cow<'a, str>>);

impl Text<'_> {
    pub fn get(&self) -> Option<&str> {
        self.0.as_deref()
    }
    pub fn owned(&self) -> Option<String> {
        self.0.as_deref().map(str::to_string)
    }
}

fn trimmed<'a>(s: Cow<'a, str>) -> Option<Cow<'a, str>> {
    let t = s.trim();
    if t.is_empty() {
        return None;
    }
    Some(match s {
        Cow::Borrowed(b) => Cow::Borrowed(b.trim()),
        Cow::Owned(o) if o.len() == o.trim().len() => Cow::Owned(o),
        Cow::Owned(o) => Cow::Owned(o.trim().to_string()),
    })
}

impl<'de: 'a, 'a> Deserialize<'de> for Text<'a> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Option<Cow<'de, str>>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("any value")
            }
            fn visit_borrowed_str<E>(self, v: &'de str) -> Result<Self::Value, E> {
                Ok(trimmed(Cow::Borrowed(v)))
            }
            fn visit_str<E>(self, v: &str) -> Result<Self::Value, E> {
                Ok(trimmed(Cow::Owned(v.to_string())))
            }
            fn visit_string<E>(self, v: String) -> Result<Self::Value, E> {
                Ok(trimmed(Cow::Owned(v)))
            }
            fn visit_u64<E>(self, v: u64) -> Result<Self::Value, E> {
                Ok(Some(Cow::Owned(v.to_string())))
            }
            fn visit_i64<E>(self, v: i64) -> Result<Self::Value, E> {
                Ok(Some(Cow::Owned(v.to_string())))
            }
            fn visit_f64<E>(self, v: f64) -> Result<Self::Value, E> {
                Ok(serde_json::Number::from_f64(v).map(|n| Cow::Owned(n.to_string())))
            }
            fn visit_bool<E>(self, _: bool) -> Result<Self::Value, E> {
                Ok(None)
            }
            fn visit_unit<E>(self) -> Result<Self::Value, E> {
                Ok(None)
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
                while seq.next_element::<IgnoredAny>()?.is_some() {}
                Ok(None)
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
                while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
                Ok(None)
            }
        }
        d.deserialize_any(V).map(Text)
    }
}

/// The visitor methods of a value that is `None` when it is a string, a
/// number, a boolean or null (the containers' readers below share them).
macro_rules! scalars_are_none {
    () => {
        fn visit_borrowed_str<E>(self, _: &'de str) -> Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_str<E>(self, _: &str) -> Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_u64<E>(self, _: u64) -> Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_i64<E>(self, _: i64) -> Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_f64<E>(self, _: f64) -> Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_bool<E>(self, _: bool) -> Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_unit<E>(self) -> Result<Self::Value, E> {
            Ok(None)
        }
    };
}

/// An object read as `T`; anything else is `None`.
struct Object<T>(Option<T>);

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Object<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V<T>(std::marker::PhantomData<T>);
        impl<'de, T: Deserialize<'de>> Visitor<'de> for V<T> {
            type Value = Option<T>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("any value")
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
                T::deserialize(MapAccessDeserializer::new(map)).map(Some)
            }
            fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Self::Value, A::Error> {
                IgnoredAny::deserialize(SeqAccessDeserializer::new(seq)).map(|_| None)
            }
            scalars_are_none!();
        }
        d.deserialize_any(V(std::marker::PhantomData)).map(Object)
    }
}

/// The objects of an array, read as `T`; `None` when it is not an array.
#[derive(Debug)]
pub(super) struct List<T>(pub Option<Vec<T>>);

impl<T> Default for List<T> {
    fn default() -> Self {
        List(None)
    }
}

impl<T> List<T> {
    pub fn iter(&self) -> impl Iterator<Item = &T> {
        self.0.iter().flatten()
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for List<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V<T>(std::marker::PhantomData<T>);
        impl<'de, T: Deserialize<'de>> Visitor<'de> for V<T> {
            type Value = Option<Vec<T>>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("any value")
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
                let mut out = Vec::with_capacity(seq.size_hint().unwrap_or(0));
                while let Some(Object(o)) = seq.next_element::<Object<T>>()? {
                    out.extend(o);
                }
                Ok(Some(out))
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
                IgnoredAny::deserialize(MapAccessDeserializer::new(map)).map(|_| None)
            }
            scalars_are_none!();
        }
        d.deserialize_any(V(std::marker::PhantomData)).map(List)
    }
}

/// A CSL name.
#[derive(Debug, Default, Deserialize)]
pub(super) struct NameFields<'a> {
    #[serde(borrow, default)]
    pub family: Text<'a>,
    #[serde(borrow, default)]
    pub given: Text<'a>,
    #[serde(borrow, default)]
    pub literal: Text<'a>,
    #[serde(borrow, default)]
    pub suffix: Text<'a>,
    #[serde(borrow, default, rename = "dropping-particle")]
    pub dropping_particle: Text<'a>,
    #[serde(borrow, default, rename = "non-dropping-particle")]
    pub non_dropping_particle: Text<'a>,
}

/// A link of publist's `custom.links`.
#[derive(Debug, Default, Deserialize)]
pub(super) struct LinkFields<'a> {
    #[serde(borrow, default)]
    pub url: Text<'a>,
    #[serde(borrow, default)]
    pub kind: Text<'a>,
}

/// A source of publist's `custom.sources`.
#[derive(Debug, Default, Deserialize)]
pub(super) struct SourceFields<'a> {
    #[serde(borrow, default)]
    pub file: Text<'a>,
    #[serde(borrow, default)]
    pub line: Text<'a>,
    #[serde(borrow, default)]
    pub key: Text<'a>,
}

/// publist's `custom` object.
#[derive(Debug, Default, Deserialize)]
pub(super) struct CustomFields<'a> {
    #[serde(borrow, default)]
    pub arxiv: Text<'a>,
    #[serde(borrow, default)]
    pub openreview: Text<'a>,
    #[serde(borrow, default)]
    pub links: List<LinkFields<'a>>,
    #[serde(borrow, default)]
    pub sources: List<SourceFields<'a>>,
}

/// The value of one member: JSON text, or a value of a map.
#[derive(Clone, Copy)]
pub(super) enum Member<'a> {
    Text(&'a str),
    Value(&'a Value),
}

/// Where a member's value is read from: its text, a map's value, or the
/// next value of an object being parsed.
trait Source<'a> {
    type Error: serde::de::Error;
    fn parse<T: Deserialize<'a>>(self) -> Result<T, Self::Error>;
    fn value(self) -> Result<Cow<'a, Value>, Self::Error>;
    fn skip(self) -> Result<(), Self::Error>;
}

impl<'a> Source<'a> for Member<'a> {
    type Error = serde_json::Error;
    fn parse<T: Deserialize<'a>>(self) -> serde_json::Result<T> {
        match self {
            Member::Text(t) => serde_json::from_str(t),
            Member::Value(v) => T::deserialize(v),
        }
    }
    fn value(self) -> serde_json::Result<Cow<'a, Value>> {
        match self {
            Member::Text(t) => serde_json::from_str(t).map(Cow::Owned),
            Member::Value(v) => Ok(Cow::Borrowed(v)),
        }
    }
    fn skip(self) -> serde_json::Result<()> {
        Ok(())
    }
}

struct Next<'m, A>(&'m mut A);

impl<'a, A: MapAccess<'a>> Source<'a> for Next<'_, A> {
    type Error = A::Error;
    fn parse<T: Deserialize<'a>>(self) -> Result<T, A::Error> {
        self.0.next_value()
    }
    fn value(self) -> Result<Cow<'a, Value>, A::Error> {
        self.0.next_value().map(Cow::Owned)
    }
    fn skip(self) -> Result<(), A::Error> {
        self.0.next_value::<IgnoredAny>().map(|_| ())
    }
}

/// The variables of an item that the typed model reads.
#[derive(Debug, Default)]
pub(super) struct Fields<'a> {
    pub id: Text<'a>,
    pub kind: Text<'a>,
    pub title: Text<'a>,
    pub author: List<NameFields<'a>>,
    pub editor: List<NameFields<'a>>,
    pub issued: Option<Cow<'a, Value>>,
    /// The model's date of `issued`, where it was read straight from plain
    /// date parts (then `issued` is `None`).
    pub issued_date: Option<Option<crate::model::Date>>,
    pub container_title: Text<'a>,
    pub collection_title: Text<'a>,
    pub volume: Text<'a>,
    pub issue: Text<'a>,
    pub page: Text<'a>,
    pub number: Text<'a>,
    pub publisher: Text<'a>,
    pub publisher_place: Text<'a>,
    pub doi: Text<'a>,
    pub isbn: Text<'a>,
    pub issn: Text<'a>,
    pub note: Text<'a>,
    pub url: Text<'a>,
    pub custom: Option<CustomFields<'a>>,
}

impl<'a> Fields<'a> {
    /// From an item's members in the order of its text (of equal names the
    /// last counts, as in a `serde_json::Map`). Fails where the text does
    /// (and on a name or link object with a field twice).
    pub fn of(members: impl Iterator<Item = (&'a str, Member<'a>)>) -> serde_json::Result<Self> {
        let mut f = Fields::default();
        for (name, m) in members {
            f.set(name, m)?;
        }
        Ok(f)
    }

    /// From an item's JSON text, in one pass.
    pub fn of_text(text: &'a str) -> serde_json::Result<Self> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Fields<'de>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("an object")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Fields<'de>, A::Error> {
                let mut f = Fields::default();
                while let Some(super::canon::Key(k)) = map.next_key()? {
                    f.set(&k, Next(&mut map))?;
                }
                Ok(f)
            }
        }
        let mut d = serde_json::Deserializer::from_str(text);
        let f = d.deserialize_map(V)?;
        d.end()?;
        Ok(f)
    }

    /// Reads the member `name` from `m` when it is one of the fields.
    fn set<S: Source<'a>>(&mut self, name: &str, m: S) -> Result<(), S::Error> {
        let f = self;
        match name {
            "id" => f.id = m.parse()?,
            "type" => f.kind = m.parse()?,
            "title" => f.title = m.parse()?,
            "author" => f.author = m.parse()?,
            "editor" => f.editor = m.parse()?,
            "issued" => {
                f.issued = Some(m.value()?);
                f.issued_date = None;
            }
            "container-title" => f.container_title = m.parse()?,
            "collection-title" => f.collection_title = m.parse()?,
            "volume" => f.volume = m.parse()?,
            "issue" => f.issue = m.parse()?,
            "page" => f.page = m.parse()?,
            "number" => f.number = m.parse()?,
            "publisher" => f.publisher = m.parse()?,
            "publisher-place" => f.publisher_place = m.parse()?,
            "DOI" => f.doi = m.parse()?,
            "ISBN" => f.isbn = m.parse()?,
            "ISSN" => f.issn = m.parse()?,
            "note" => f.note = m.parse()?,
            "URL" => f.url = m.parse()?,
            "custom" => f.custom = m.parse::<Object<CustomFields>>()?.0,
            _ => m.skip()?,
        }
        Ok(())
    }

    /// From a parsed item.
    pub fn of_map(map: &'a Map<String, Value>) -> Self {
        // A map's values read as any value reads: nothing here can fail
        // (a map has no key twice).
        Fields::of(map.iter().map(|(k, v)| (k.as_str(), Member::Value(v)))).unwrap_or_default()
    }
}
