//! Synthetic publication lists with realistic variants, for benches.
//!
//! Works get titles from a Zipf-skewed vocabulary and authors from research
//! groups; each work is listed 1 to 3 times the way real CV collections list
//! it: a copy in another CV version, a copy with a slip in one author's name,
//! lost pages or a title in another case, a preprint that was later
//! published (sometimes retitled, linked by its code repository).
//!
//! [`field`] is the other shape: a field's or a department's combined
//! bibliography, where nothing (or a chosen share) is listed twice and the
//! skew is in who writes and where: first authors by Lotka's law, family
//! names shared by many people, venues by Bradford's law, more papers in
//! recent years.
#![allow(dead_code)]

use publist::{
    ArxivId, Date, Kind, Link, LinkKind, Location, Pages, Person, Provenance, Reference,
};

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        // xorshift64*
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
    /// Zipf-like: small indices much more often.
    fn skewed(&mut self, n: usize) -> usize {
        ((n as f64) * self.unit().powi(3)) as usize
    }
}

const SYLLABLES: &[&str] = &[
    "ka", "lo", "mi", "ne", "ra", "tu", "ver", "sta", "pro", "gen", "tion", "al", "ex", "in",
    "for", "mat", "net", "work", "dis", "com", "bi", "lar", "ment", "ing", "ri", "so", "vo",
];

fn word(rng: &mut Rng, syllables: usize) -> String {
    (0..syllables)
        .map(|_| SYLLABLES[rng.below(SYLLABLES.len())])
        .collect()
}

fn capitalise(w: &str) -> String {
    let mut c = w.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

/// `n` references (approximately: works are listed 1 to 3 times).
pub fn references(n: usize, seed: u64) -> Vec<Reference> {
    let mut rng = Rng(seed | 1);
    let vocab: Vec<String> = (0..20_000).map(|i| word(&mut rng, 2 + i % 3)).collect();
    let families: Vec<String> = (0..(n / 4).max(500))
        .map(|_| capitalise(&word(&mut rng, 3)))
        .collect();
    let mut out = Vec::with_capacity(n + 3);
    let mut work = 0usize;
    while out.len() < n {
        work += 1;
        let group = rng.below(families.len() / 20 + 1) * 20;
        let n_authors = 2 + rng.below(8);
        let authors: Vec<Person> = (0..n_authors)
            .map(|_| {
                let family = &families[(group + rng.below(20)) % families.len()];
                let initial = char::from(b'A' + rng.below(26) as u8);
                Person::new(family, Some(&format!("{initial}.")))
            })
            .collect();
        let len = 6 + rng.below(9);
        let title = (0..len)
            .map(|i| {
                let w = &vocab[rng.skewed(vocab.len())];
                if i == 0 {
                    capitalise(w)
                } else {
                    w.clone()
                }
            })
            .collect::<Vec<_>>()
            .join(" ");
        let year = 1995 + rng.below(31) as i32;
        let kind = [Kind::JournalArticle, Kind::ConferencePaper, Kind::Chapter][rng.below(3)];
        let mut base = Reference::new(kind, &title);
        base.authors = authors;
        base.issued = Some(Date::year(year));
        base.container = Some(format!("Journal of {}", capitalise(&vocab[rng.below(300)])).into());
        base.volume = Some((1 + rng.below(200)).to_string().into());
        let first = 1 + rng.below(900);
        base.pages = Some(Pages::Range {
            first: first.to_string(),
            last: (first + 5 + rng.below(20)).to_string(),
        });
        if rng.below(3) == 0 {
            base.links.push(Link {
                url: format!("https://github.com/g{group}/w{work}"),
                kind: LinkKind::Code,
            });
        }
        let source = format!("cv-{}.md", rng.below(5));
        let listed = |r: &Reference, line: usize| {
            let mut r = r.clone();
            r.sources = vec![Provenance::new(Location::new(source.clone(), line))];
            r
        };
        out.push(listed(&base, work * 10));
        match rng.below(20) {
            // Listed again in another CV version: unchanged, or with a slip.
            0..=5 => out.push(listed(&base, work * 10 + 1)),
            6..=8 => {
                let mut v = base.clone();
                let a = rng.below(v.authors.len());
                let mut fam = v.authors[a].family().to_string();
                if fam.len() > 4 {
                    fam.remove(2);
                    v.authors[a].set_family(&fam);
                }
                v.pages = Some(Pages::Placeholder("TBA".into()));
                out.push(listed(&v, work * 10 + 2));
            }
            // A preprint that was published later, perhaps retitled.
            9..=11 => {
                let mut p = base.clone();
                p.kind = Kind::Preprint;
                p.container = None;
                p.pages = None;
                p.volume = None;
                p.issued = Some(Date::year(year - rng.below(2) as i32));
                let id = format!(
                    "{:02}{:02}.{:05}",
                    10 + rng.below(15),
                    1 + rng.below(12),
                    rng.below(100_000)
                );
                p.ids.arxiv = id.parse::<ArxivId>().ok();
                if rng.below(4) == 0 && !p.links.is_empty() {
                    p.title = format!("{}: {}", capitalise(&vocab[rng.below(vocab.len())]), title);
                }
                out.push(listed(&p, work * 10 + 3));
            }
            _ => {}
        }
    }
    out.truncate(n);
    out
}

/// Draws indices `0..n` with probability proportional to `1 / (rank + 1)^s`
/// (Zipf), by inverse transform over the cumulative weights.
pub struct Zipf {
    cumulative: Vec<f64>,
}

impl Zipf {
    pub fn new(n: usize, s: f64) -> Self {
        let mut total = 0.0;
        let cumulative = (0..n.max(1))
            .map(|r| {
                total += 1.0 / ((r + 1) as f64).powf(s);
                total
            })
            .collect();
        Zipf { cumulative }
    }
    fn draw(&self, rng: &mut Rng) -> usize {
        let total = self.cumulative[self.cumulative.len() - 1];
        let x = rng.unit() * total;
        self.cumulative
            .partition_point(|&c| c < x)
            .min(self.cumulative.len() - 1)
    }
}

const GIVEN: &[&str] = &[
    "Anna",
    "Wei",
    "Jun",
    "Maria",
    "David",
    "Li",
    "Thomas",
    "Sarah",
    "Hiroshi",
    "Elena",
    "Ahmed",
    "Priya",
    "Lukas",
    "Sofia",
    "Chen",
    "Yuki",
    "Pierre",
    "Olga",
    "Kwame",
    "Ana",
    "Jan",
    "Min",
    "Fatima",
    "Marco",
    "Ingrid",
    "Raj",
    "Carlos",
    "Mei",
    "Erik",
    "Zoe",
    "Omar",
    "Hana",
    "Tomás",
    "Ødegård",
    "Jürgen",
    "Émilie",
    "Seo-yeon",
    "Klaus-Robert",
    "Xiaoming",
    "Nikolai",
];
const PARTICLES: &[&str] = &["van", "de", "van der", "von", "da", "de la"];
const STOP: &[&str] = &["of", "for", "the", "in", "a", "and", "with", "on"];

/// A person of the field: family name (shared with others), given name, particle.
struct Author {
    family: String,
    given: String,
    particle: Option<&'static str>,
}

/// The generator of [`field`]: population, vocabulary and venues of one field.
pub struct Field {
    rng: Rng,
    authors: Vec<Author>,
    /// First authors by Lotka's law (Zipf with s = 1 over authors).
    productivity: Zipf,
    vocab: Vec<String>,
    words: Zipf,
    venues: Vec<(Kind, String, String)>,
    venue_rank: Zipf,
    /// Years 1990–2025, growing about 6% a year.
    year_weights: Zipf,
    duplicates: f64,
    work: usize,
    pending: Vec<Reference>,
}

impl Field {
    /// A field for about `n` references; `duplicates` of the works (0 to 1)
    /// are listed a second time, as another export or CV lists them.
    pub fn new(n: usize, seed: u64, duplicates: f64) -> Self {
        let mut rng = Rng(seed | 1);
        let vocab: Vec<String> = (0..30_000).map(|i| word(&mut rng, 2 + i % 3)).collect();
        // Family names are Zipf-shared: a few (the Wangs and Müllers) by many people.
        let n_authors = (n / 3).max(300);
        let families: Vec<String> = (0..(n_authors / 4).max(100))
            .map(|i| {
                let f = capitalise(&word(&mut rng, 2 + i % 2));
                if i % 17 == 0 {
                    f.replacen('o', "ö", 1)
                } else {
                    f
                }
            })
            .collect();
        let family_rank = Zipf::new(families.len(), 0.9);
        let authors = (0..n_authors)
            .map(|_| Author {
                family: families[family_rank.draw(&mut rng)].clone(),
                given: GIVEN[rng.below(GIVEN.len())].to_string(),
                particle: (rng.below(25) == 0).then(|| PARTICLES[rng.below(PARTICLES.len())]),
            })
            .collect();
        let n_venues = 200 + n / 100;
        let venues = (0..n_venues)
            .map(|i| {
                let topic = format!(
                    "{} {}",
                    capitalise(&vocab[rng.below(2000)]),
                    capitalise(&vocab[rng.below(2000)])
                );
                match i % 3 {
                    0 => (
                        Kind::ConferencePaper,
                        format!("Proceedings of the International Conference on {topic}"),
                        "ACM".to_string(),
                    ),
                    1 => (
                        Kind::JournalArticle,
                        format!("Journal of {topic}"),
                        "Elsevier".to_string(),
                    ),
                    _ => (
                        Kind::JournalArticle,
                        format!("{topic} Letters"),
                        "Springer".to_string(),
                    ),
                }
            })
            .collect();
        Field {
            rng,
            productivity: Zipf::new(n_authors, 1.0),
            authors,
            words: Zipf::new(vocab.len(), 1.0),
            vocab,
            venue_rank: Zipf::new(n_venues, 1.0),
            venues,
            // Rank 0 is 2025: weight 1/(1+r)^s approximates the growth of output.
            year_weights: Zipf::new(36, 0.8),
            duplicates,
            work: 0,
            pending: Vec::new(),
        }
    }

    fn person(&self, a: usize) -> Person {
        let a = &self.authors[a];
        Person::from_parts(&a.family, Some(&a.given), a.particle, None)
    }

    fn title(&mut self) -> String {
        let len = 4 + self.rng.below(12);
        let mut words: Vec<String> = Vec::with_capacity(len);
        for i in 0..len {
            if i > 0 && self.rng.below(5) == 0 {
                words.push(STOP[self.rng.below(STOP.len())].to_string());
            }
            let w = &self.vocab[self.words.draw(&mut self.rng)];
            words.push(if i == 0 { capitalise(w) } else { w.clone() });
        }
        words.join(" ")
    }

    fn new_work(&mut self) -> Reference {
        self.work += 1;
        let work = self.work;
        let first = self.productivity.draw(&mut self.rng);
        // Co-authors from the first author's group: nearby ranks, skewed.
        let n_authors = 1 + self.rng.below(3) + self.rng.below(3) + self.rng.below(4);
        let mut people = vec![first];
        for _ in 1..n_authors {
            let offset = ((self.rng.unit().powi(2)) * 60.0) as usize;
            let co = (first + 1 + offset) % self.authors.len();
            if !people.contains(&co) {
                people.push(co);
            }
        }
        let (venue_kind, venue, publisher) =
            self.venues[self.venue_rank.draw(&mut self.rng)].clone();
        let kind = match self.rng.below(40) {
            0..=1 => Kind::Chapter,
            2..=3 => Kind::Preprint,
            _ => venue_kind,
        };
        let title = self.title();
        let mut r = Reference::new(kind, &title);
        r.authors = people.iter().map(|&a| self.person(a)).collect();
        r.issued = Some(Date::year(
            2025 - self.year_weights.draw(&mut self.rng) as i32,
        ));
        match kind {
            Kind::Preprint => {
                // Unique: 100,000 numbers a month, months from 2010 on.
                let month = work / 100_000;
                let id = format!(
                    "{:02}{:02}.{:05}",
                    10 + month / 12,
                    1 + month % 12,
                    work % 100_000
                );
                r.ids.arxiv = id.parse::<ArxivId>().ok();
            }
            Kind::Chapter => {
                r.container =
                    Some(format!("Handbook of {}", capitalise(&self.vocab[work % 500])).into());
                let editor = self.productivity.draw(&mut self.rng);
                r.editors = vec![self.person(editor)];
                r.publisher = Some("Springer".to_string().into());
            }
            _ => {
                r.container = Some(venue.into());
                r.publisher = Some(publisher.into());
                if kind == Kind::JournalArticle {
                    r.volume = Some((1 + self.rng.below(60)).to_string().into());
                    r.issue = Some((1 + self.rng.below(12)).to_string().into());
                }
            }
        }
        if kind != Kind::Preprint {
            let first_page = 1 + self.rng.below(2000);
            r.pages = Some(Pages::Range {
                first: first_page.to_string(),
                last: (first_page + 4 + self.rng.below(20)).to_string(),
            });
            if self.rng.below(3) > 0 {
                r.ids.doi = format!("10.{}/w{work}", 1000 + work % 9000).parse().ok();
            }
        }
        r.sources = vec![Provenance {
            at: publist::Location::new("field.json", work),
            section: None,
            number: None,
            key: Some(format!("w{work}")),
            text: String::new(),
        }];
        r
    }

    /// A second listing of `r` as another export or CV has it.
    fn variant(&mut self, r: &Reference) -> Reference {
        let mut v = r.clone();
        match self.rng.below(4) {
            // Another export: title in lower case, no DOI, no pages.
            0 => {
                v.title = v.title.to_lowercase();
                v.ids.doi = None;
                v.pages = None;
            }
            // Initials instead of given names.
            1 => {
                for p in &mut v.authors {
                    let initials = p.initials();
                    let dotted: String = initials.chars().map(|c| format!("{c}.")).collect();
                    p.set_given(Some(&dotted));
                }
            }
            // The particle written into the family name.
            2 => {
                for p in &mut v.authors {
                    if let Some(particle) = p.particle() {
                        let family = format!("{particle} {}", p.family());
                        p.set_family(&family);
                        p.set_particle(None);
                    }
                }
            }
            // Unchanged.
            _ => {}
        }
        if let Some(s) = v.sources.first_mut() {
            s.key = s.key.as_ref().map(|k| format!("{k}b"));
        }
        v
    }
}

impl Iterator for Field {
    type Item = Reference;
    fn next(&mut self) -> Option<Reference> {
        if let Some(r) = self.pending.pop() {
            return Some(r);
        }
        let r = self.new_work();
        if self.duplicates > 0.0 && self.rng.unit() < self.duplicates {
            let v = self.variant(&r);
            self.pending.push(v);
        }
        Some(r)
    }
}

/// `n` references of a field's combined bibliography (see [`Field::new`]).
pub fn field(n: usize, seed: u64, duplicates: f64) -> Vec<Reference> {
    Field::new(n, seed, duplicates).take(n).collect()
}
