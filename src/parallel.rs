//! Work spread over the machine's cores with scoped threads (no dependency:
//! the standard library's `thread::scope` is all it takes).

/// Maps `f` over `items` on all cores (at most 8), in order: one `Vec` per
/// chunk. Inputs shorter than `min_len` stay on the calling thread.
pub(crate) fn map_chunks<T: Sync, U: Send>(
    items: &[T],
    min_len: usize,
    f: impl Fn(&T) -> U + Sync,
) -> Vec<Vec<U>> {
    if items.len() < min_len.max(2) {
        return vec![items.iter().map(&f).collect()];
    }
    let threads = cores();
    if threads == 1 {
        return vec![items.iter().map(&f).collect()];
    }
    let chunk = items.len().div_ceil(threads);
    on_threads(items.chunks(chunk).collect(), |c| {
        c.iter().map(&f).collect()
    })
}

/// Runs `work` on each part on its own scoped thread; the results in the
/// order of the parts (a panic in a part resumes on the caller).
fn on_threads<P: Send, R: Send>(parts: Vec<P>, work: impl Fn(P) -> R + Sync) -> Vec<R> {
    let work = &work;
    std::thread::scope(|scope| {
        let handles: Vec<_> = parts
            .into_iter()
            .map(|p| scope.spawn(move || work(p)))
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
            .collect()
    })
}

/// Maps `f` over `items` on all cores (at most 8), in order, taking each
/// item by value: what `f` does not keep is dropped on the worker thread
/// too (dropping 10,000 parsed JSON items took 40 ms on one core).
pub(crate) fn map_owned<T: Send, U: Send>(
    mut items: Vec<T>,
    min_len: usize,
    f: impl Fn(T) -> U + Sync,
) -> Vec<U> {
    let threads = cores();
    if items.len() < min_len.max(2) || threads == 1 {
        return items.into_iter().map(f).collect();
    }
    let chunk = items.len().div_ceil(threads);
    let mut parts = Vec::with_capacity(threads);
    while items.len() > chunk {
        let tail = items.split_off(items.len() - chunk);
        parts.push(tail);
    }
    parts.push(items);
    parts.reverse();
    on_threads(parts, |c| c.into_iter().map(&f).collect::<Vec<U>>())
        .into_iter()
        .flatten()
        .collect()
}

/// The number of cores to use (at most 8), asked once: the standard library
/// reads cgroup files on every call, which cost a second in 30,000 calls.
fn cores() -> usize {
    static CORES: std::sync::OnceLock<usize> = std::sync::OnceLock::new();
    *CORES.get_or_init(|| {
        std::thread::available_parallelism()
            .map_or(1, |n| n.get())
            .min(8)
    })
}

/// [`map_chunks`], flattened.
#[cfg_attr(not(feature = "csl"), allow(dead_code))]
pub(crate) fn map<T: Sync, U: Send>(
    items: &[T],
    min_len: usize,
    f: impl Fn(&T) -> U + Sync,
) -> Vec<U> {
    map_chunks(items, min_len, f)
        .into_iter()
        .flatten()
        .collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn map_owned_keeps_the_order() {
        for n in [0, 1, 2, 3, 7, 100, 1001] {
            let v: Vec<usize> = (0..n).collect();
            let out = super::map_owned(v, 2, |x| x * 2);
            assert_eq!(out, (0..n).map(|x| x * 2).collect::<Vec<_>>());
        }
    }
}
