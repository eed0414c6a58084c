//! `<choose>`: the tests of a branch (CSL 1.0.2, "Choose").

use hayagriva::citationberg::{ChooseBranch, ChooseMatch, TestPosition};

use super::{CiteInfo, Ctx, Mode, Position, Results};

impl Ctx<'_> {
    pub(super) fn test(&self, b: &ChooseBranch) -> bool {
        // Up to a handful of results: a small inline buffer, no allocation.
        let mut results = Results::default();
        if let Some(d) = b.disambiguate {
            results.push(self.disambiguate_test() == d);
        }
        if let Some(vars) = &b.is_numeric {
            for v in vars {
                let val = self.var(*v);
                results.push(val.is_some_and(|s| self.is_numeric_var(*v, &s)));
            }
        }
        if let Some(vars) = &b.is_uncertain_date {
            for v in vars {
                results.push(self.item.dates.get(v).is_some_and(|d| d.circa));
            }
        }
        if let Some(locs) = &b.locator {
            let label = self
                .cite
                .filter(|c| c.locator.is_some())
                .and_then(CiteInfo::locator_label);
            for l in locs {
                results.push(label == Some(*l));
            }
        }
        if let Some(positions) = &b.position {
            for p in positions {
                let ok = match (self.mode, self.cite) {
                    (Mode::Citation, Some(c)) => match p {
                        TestPosition::First => c.position == Position::First,
                        TestPosition::Subsequent => c.position != Position::First,
                        TestPosition::Ibid => {
                            matches!(c.position, Position::Ibid | Position::IbidWithLocator)
                        }
                        TestPosition::IbidWithLocator => c.position == Position::IbidWithLocator,
                        TestPosition::NearNote => c.position != Position::First && c.near_note,
                    },
                    _ => false,
                };
                results.push(ok);
            }
        }
        if let Some(types) = &b.type_ {
            // citeproc-js composes the types of one `type` attribute as an
            // "any" match whatever the branch's `match` says (its
            // `CSL.Attributes["@type"]`: "This is ALWAYS composed as an
            // 'any' match"), so `type="a b"` with `match` absent is a or b;
            // the spec's "all" would make such a test never pass. Official
            // styles rely on it (`<if type="article-journal article-magazine">`).
            results.push(types.iter().any(|t| Some(*t) == self.kind));
        }
        if let Some(vars) = &b.variable {
            for v in vars {
                results.push(self.has_var(*v));
            }
        }
        match b.match_ {
            ChooseMatch::All => results.all,
            ChooseMatch::Any => results.any,
            ChooseMatch::None => !results.any,
        }
    }

    /// `disambiguate="true"`: citeproc-js counts the tests as they are met;
    /// the first `disambiguate` of them (the number the disambiguation
    /// settled on) pass. The bibliography reads the item's settings, a cite
    /// what the disambiguation asks for.
    fn disambiguate_test(&self) -> bool {
        let mut used = self.used.borrow_mut();
        let pass = if self.mode == Mode::Bibliography {
            used.tests_passed < self.disamb.disambiguate
        } else {
            used.tests_met += 1;
            let n = self.request.map_or(0, |r| r.disambiguate);
            n > 0 && used.tests_passed < n
        };
        if pass {
            used.tests_passed += 1;
        }
        pass
    }
}
