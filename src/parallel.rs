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
    let f = &f;
    std::thread::scope(|scope| {
        let handles: Vec<_> = items
            .chunks(chunk)
            .map(|c| scope.spawn(move || c.iter().map(f).collect::<Vec<U>>()))
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
            .collect()
    })
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
