//! Synthetic publication lists with realistic variants, for benches.
//!
//! Works get titles from a Zipf-skewed vocabulary and authors from research
//! groups; each work is listed 1 to 3 times the way real CV collections list
//! it: a copy in another CV version, a copy with a slip in one author's name,
//! lost pages or a title in another case, a preprint that was later
//! published (sometimes retitled, linked by its code repository).

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
        base.container = Some(format!("Journal of {}", capitalise(&vocab[rng.below(300)])));
        base.volume = Some((1 + rng.below(200)).to_string());
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
                let fam = &mut v.authors[a].family;
                if fam.len() > 4 {
                    fam.remove(2);
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
