//! The shortcuts of a run (memoised cites, rounds taken at once) give
//! what citeproc-js's way, every cite rendered every round, gives.

use std::cell::Cell;

use super::{Run, Step};
use crate::csl::proc::eval::{Disamb, Used};

/// A look-alike group: item `i` has 2-4 authors, the first the same for
/// all, the second one of `seconds`, and its cite shows as many of
/// them as the request asks (one by default).
fn group(n: usize, seconds: usize) -> (Vec<Vec<String>>, Vec<String>) {
    let lists = (0..n)
        .map(|i| {
            let all = [
                "A".to_string(),
                format!("B{}", i % seconds),
                format!("C{}", i % 7),
                format!("D{}", i % 3),
            ];
            all[..2 + i % 3].to_vec()
        })
        .collect();
    let ids = (0..n).map(|i| format!("item{i:03}")).collect();
    (lists, ids)
}

fn settle(n: usize, seconds: usize, memoise: bool) -> (Vec<(usize, Disamb)>, usize) {
    let (lists, ids) = group(n, seconds);
    let renders = Cell::new(0);
    let render = |i: usize, request: &Disamb| {
        renders.set(renders.get() + 1);
        let list: &Vec<String> = &lists[i];
        let asked = request
            .names
            .first()
            .copied()
            .filter(|&k| k > 0)
            .unwrap_or(1);
        let shown = (asked as usize).min(list.len());
        let mut used = Used::default();
        used.config.names = vec![shown as u32];
        used.config.pad();
        used.max = vec![list.len() as u32];
        (format!("({}, 2020)", list[..shown].join(" & ")), used)
    };
    let ids: Vec<&str> = ids.iter().map(String::as_str).collect();
    let pos: Vec<usize> = (0..n).map(|i| n - 1 - i).collect();
    let steps = [Step::Names, Step::Years];
    let members: Vec<usize> = (0..n).collect();
    let registry = members.iter().map(|&i| (i, Disamb::default())).collect();
    let mut run = Run::new(&render, &steps, true, &ids, &pos, registry, None);
    run.memoise = memoise;
    let mut settled: Vec<(usize, Disamb)> = run.run(&members).into_iter().collect();
    settled.sort_by_key(|(i, _)| *i);
    (settled, renders.get())
}

#[test]
fn memoised_rounds_settle_a_group_as_rendering_every_cite_does() {
    for seconds in [3, 150, 1000] {
        for n in [2, 3, 7, 40, 200] {
            let (fast, fast_renders) = settle(n, seconds, true);
            let (slow, slow_renders) = settle(n, seconds, false);
            assert_eq!(fast, slow, "group of {n}, {seconds} second authors");
            assert!(fast_renders <= slow_renders);
            if n == 200 {
                // Told apart by names for some, by year suffixes for others.
                let by_names = fast.iter().filter(|(_, d)| d.names.first() > Some(&1));
                assert!(by_names.count() > 0);
                if seconds < 200 {
                    assert!(fast.iter().any(|(_, d)| d.year_suffix.is_some()));
                } else {
                    // All second authors differ: each round's first cite is
                    // unique, which citeproc-js renders again every round.
                    assert!(
                        fast_renders * 20 < slow_renders,
                        "{fast_renders} vs {slow_renders}"
                    );
                }
            }
        }
    }
}
