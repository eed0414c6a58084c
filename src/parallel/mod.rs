//! Work spread over the machine's cores: a pool of worker threads started
//! once per process (one fewer than the cores, at most 7; the caller works
//! too), so that a program that formats again and again does not start
//! threads on every call. Written with the standard library only; the one
//! `unsafe` lets a job borrow from the caller's frame, which waits for all
//! of its jobs before it returns or unwinds (what `std::thread::scope`
//! does, but without spawning).

mod consume;

use std::cell::Cell;
use std::panic::AssertUnwindSafe;
use std::sync::{mpsc, Arc, Condvar, Mutex, OnceLock};

pub(crate) use consume::map_consume;

/// Maps `f` over `items` on all cores (at most 8), in order: one `Vec` per
/// chunk. Inputs shorter than `min_len` stay on the calling thread. The
/// items go in [`PIECES_PER_CORE`] chunks per core, each thread taking
/// the next chunk when it is done with one (see [`in_turns`]).
pub(crate) fn map_chunks<T: Sync, U: Send>(
    items: &[T],
    min_len: usize,
    f: impl Fn(&T) -> U + Sync,
) -> Vec<Vec<U>> {
    let Some(chunks) = pieces(items, min_len) else {
        return vec![items.iter().map(&f).collect()];
    };
    in_turns(chunks.len(), |k| chunks[k].iter().map(&f).collect())
}

/// `items` in [`PIECES_PER_CORE`] chunks per core; `None` when they stay
/// on the calling thread (fewer than `min_len`, or one core).
fn pieces<T>(items: &[T], min_len: usize) -> Option<Vec<&[T]>> {
    let threads = cores();
    if items.len() < min_len.max(2) || threads == 1 {
        return None;
    }
    let chunk = items.len().div_ceil(threads * PIECES_PER_CORE);
    Some(items.chunks(chunk).collect())
}

/// [`map_chunks`] flattened, with `solo` run beside it on one of the
/// threads (which takes chunks of `items` too once `solo` is done): work
/// that has to stay on one thread and in order (registering what the last
/// block rendered) next to the next block's independent work, so that no
/// core waits for it.
#[cfg_attr(not(feature = "csl"), allow(dead_code))] // the CSL processor's
pub(crate) fn map_beside<T: Sync, U: Send>(
    items: &[T],
    min_len: usize,
    f: impl Fn(&T) -> U + Sync,
    solo: impl FnOnce() + Send,
) -> Vec<U> {
    let Some(chunks) = pieces(items, min_len) else {
        solo();
        return items.iter().map(&f).collect();
    };
    let solo = Mutex::new(Some(solo));
    // Job 0 is `solo` (the first job a thread takes), the others the chunks.
    concat(in_turns(chunks.len() + 1, |k| match k {
        0 => {
            if let Some(solo) = solo.lock().ok().and_then(|mut s| s.take()) {
                solo();
            }
            Vec::new()
        }
        k => chunks[k - 1].iter().map(&f).collect(),
    }))
}

/// Maps `f` over `items` on all cores, in order, each thread taking the
/// next item when it is done with one: for few items of uneven cost.
#[cfg_attr(not(feature = "csl"), allow(dead_code))] // the CSL processor's
pub(crate) fn map_each<T: Sync, U: Send>(items: &[T], f: impl Fn(&T) -> U + Sync) -> Vec<U> {
    if items.len() < 2 || cores() == 1 {
        return items.iter().map(&f).collect();
    }
    in_turns(items.len(), |k| f(&items[k]))
}

/// Chunks per core: a thread slowed down (the machine is shared, or its
/// chunks cost more) leaves its later chunks to the others.
const PIECES_PER_CORE: usize = 8;

/// `work(0)`, ..., `work(n - 1)` on all cores, each thread taking the next
/// index when it is done with one; the results in index order, whichever
/// thread computed them (so the same whatever the timing).
fn in_turns<R: Send>(n: usize, work: impl Fn(usize) -> R + Sync) -> Vec<R> {
    let next = std::sync::atomic::AtomicUsize::new(0);
    let slots: Vec<Mutex<Option<R>>> = (0..n).map(|_| Mutex::new(None)).collect();
    let runners = vec![(); cores().min(n)];
    on_threads(runners, |()| loop {
        let k = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        if k >= n {
            break;
        }
        let r = work(k);
        if let Ok(mut s) = slots[k].lock() {
            *s = Some(r);
        }
    });
    slots
        .into_iter()
        .map(|s| match s.into_inner().ok().flatten() {
            Some(r) => r,
            // A runner that panicked resumed its panic above.
            None => unreachable!("an index finished without a result"),
        })
        .collect()
}

/// Runs `work` on each part, the first on the calling thread and the others
/// on the pool; the results in the order of the parts (a panic in a part
/// resumes on the caller once every part has finished). A call from a pool
/// worker runs its parts in turn (a worker waiting for others could wait
/// for itself).
fn on_threads<P: Send, R: Send>(parts: Vec<P>, work: impl Fn(P) -> R + Sync) -> Vec<R> {
    let n = parts.len();
    let pool = match pool() {
        Some(pool) if n > 1 && !IN_POOL.with(Cell::get) => pool,
        _ => return parts.into_iter().map(work).collect(),
    };
    let slots: Vec<Mutex<Option<std::thread::Result<R>>>> =
        (0..n).map(|_| Mutex::new(None)).collect();
    let latch = Latch::new(n - 1);
    {
        // Waits for the pool's jobs however this block is left.
        let _wait = WaitOnDrop(&latch);
        let mut parts = parts.into_iter();
        let first = parts.next();
        for (k, p) in parts.enumerate() {
            let (work, slot, latch) = (&work, &slots[k + 1], &latch);
            let job = move || {
                let r = std::panic::catch_unwind(AssertUnwindSafe(|| work(p)));
                if let Ok(mut s) = slot.lock() {
                    *s = Some(r);
                }
                latch.count_down();
            };
            let job: Box<dyn FnOnce() + Send + '_> = Box::new(job);
            // SAFETY: the job borrows `work`, `slots` and `latch` from this
            // frame; `_wait` blocks until every job has counted down (the
            // last thing a job does with them) before the frame is left,
            // also when it unwinds, so no borrow outlives its referent.
            let job: Job =
                unsafe { std::mem::transmute::<Box<dyn FnOnce() + Send + '_>, Job>(job) };
            if let Err(job) = submit(pool, job) {
                job();
            }
        }
        if let Some(p) = first {
            let r = std::panic::catch_unwind(AssertUnwindSafe(|| work(p)));
            if let Ok(mut s) = slots[0].lock() {
                *s = Some(r);
            }
        }
    }
    slots
        .into_iter()
        .map(|s| {
            let r = s.into_inner().ok().flatten();
            match r {
                Some(Ok(v)) => v,
                Some(Err(e)) => std::panic::resume_unwind(e),
                // A part's slot is set before its job counts down.
                None => unreachable!("a part finished without a result"),
            }
        })
        .collect()
}

type Job = Box<dyn FnOnce() + Send + 'static>;

thread_local! {
    /// This thread is one of the pool's workers.
    static IN_POOL: Cell<bool> = const { Cell::new(false) };
}

/// The pool's queue; `None` on one core or when no thread can be started.
fn pool() -> Option<&'static Mutex<mpsc::Sender<Job>>> {
    static POOL: OnceLock<Option<Mutex<mpsc::Sender<Job>>>> = OnceLock::new();
    POOL.get_or_init(|| {
        let workers = cores().saturating_sub(1);
        if workers == 0 {
            return None;
        }
        let (tx, rx) = mpsc::channel::<Job>();
        let rx = Arc::new(Mutex::new(rx));
        let mut started = 0;
        for k in 0..workers {
            let rx = Arc::clone(&rx);
            let worker = std::thread::Builder::new()
                .name(format!("publist-{k}"))
                .spawn(move || {
                    IN_POOL.with(|f| f.set(true));
                    loop {
                        let job = match rx.lock() {
                            Ok(r) => r.recv(),
                            Err(_) => return,
                        };
                        match job {
                            Ok(job) => job(),
                            Err(_) => return,
                        }
                    }
                });
            if worker.is_ok() {
                started += 1;
            }
        }
        (started > 0).then(|| Mutex::new(tx))
    })
    .as_ref()
}

/// Queues a job for the pool; gives it back when the pool is gone.
fn submit(pool: &Mutex<mpsc::Sender<Job>>, job: Job) -> Result<(), Job> {
    match pool.lock() {
        Ok(tx) => tx.send(job).map_err(|mpsc::SendError(job)| job),
        Err(_) => Err(job),
    }
}

/// A count of jobs still running, and a wait for it to reach zero.
struct Latch {
    left: Mutex<usize>,
    done: Condvar,
}

impl Latch {
    fn new(n: usize) -> Latch {
        Latch {
            left: Mutex::new(n),
            done: Condvar::new(),
        }
    }

    fn count_down(&self) {
        let mut left = self.left.lock().unwrap_or_else(|e| e.into_inner());
        *left = left.saturating_sub(1);
        if *left == 0 {
            self.done.notify_all();
        }
    }

    fn wait(&self) {
        let mut left = self.left.lock().unwrap_or_else(|e| e.into_inner());
        while *left > 0 {
            left = self.done.wait(left).unwrap_or_else(|e| e.into_inner());
        }
    }
}

struct WaitOnDrop<'a>(&'a Latch);

impl Drop for WaitOnDrop<'_> {
    fn drop(&mut self) {
        self.0.wait();
    }
}

/// Maps `f` over `items` on all cores (at most 8), in order, taking each
/// item by value: what `f` does not keep is dropped on the worker thread
/// too (dropping 10,000 parsed JSON items took 40 ms on one core).
#[cfg_attr(not(feature = "csl"), allow(dead_code))] // the CSL processor's
pub(crate) fn map_owned<T: Send, U: Send>(
    mut items: Vec<T>,
    min_len: usize,
    f: impl Fn(T) -> U + Sync,
) -> Vec<U> {
    let threads = cores();
    if items.len() < min_len.max(2) || threads == 1 {
        return items.into_iter().map(f).collect();
    }
    let chunk = items.len().div_ceil(threads * PIECES_PER_CORE);
    let mut parts = Vec::with_capacity(threads * PIECES_PER_CORE);
    while items.len() > chunk {
        let tail = items.split_off(items.len() - chunk);
        parts.push(Mutex::new(Some(tail)));
    }
    parts.push(Mutex::new(Some(items)));
    parts.reverse();
    concat(in_turns(parts.len(), |k| {
        let part = parts[k].lock().ok().and_then(|mut p| p.take());
        part.into_iter().flatten().map(&f).collect::<Vec<U>>()
    }))
}

/// Maps `f` over `items` on all cores, in order, giving each call the
/// item's index and the item itself to take from (what it moves out is
/// freed as the work goes, not at the end). The results go straight into
/// one `Vec` ([`fill`]): no chunk of items or of results is copied, so that
/// a large list is never held twice ([`map_owned`] splits its input, [`map`]
/// concatenates its chunks).
pub(crate) fn map_mut<T: Send, U: Send>(
    items: &mut [T],
    min_len: usize,
    f: impl Fn(usize, &mut T) -> U + Sync,
) -> Vec<U> {
    let from = Shared(items.as_mut_ptr());
    // SAFETY: `fill` calls this once for each index below `items.len()`,
    // so each item is borrowed once and no two borrows overlap; `items`
    // stays borrowed for as long.
    fill(items.len(), min_len, |i| f(i, unsafe { &mut *from.at(i) }))
}

/// `f(0)`, ..., `f(n - 1)` on all cores, in parts of consecutive indices
/// ([`PIECES_PER_CORE`] per core; on the calling thread when `n` is under
/// `min_len` or there is one core), each result written into its place in
/// one `Vec` as it comes: no part of the results is copied, and no slot is
/// written before its result (a list of `None` written first touched every
/// page of it at once, beside all of the input: 1.7 MiB of processor items
/// at 10k references, at the peak of `format`).
fn fill<U: Send>(n: usize, min_len: usize, f: impl Fn(usize) -> U + Sync) -> Vec<U> {
    let threads = cores();
    let chunk = match n < min_len.max(2) || threads == 1 {
        true => n.max(1),
        false => n.div_ceil(threads * PIECES_PER_CORE),
    };
    let mut out: Vec<U> = Vec::with_capacity(n);
    let to = Shared(out.as_mut_ptr());
    let written = std::sync::atomic::AtomicUsize::new(0);
    let part = |k: usize| {
        let (start, end) = (k * chunk, ((k + 1) * chunk).min(n));
        for i in start..end {
            let result = f(i);
            // SAFETY: index `i < n` belongs to part `k` alone and each part
            // runs once, so slot `i` (within the capacity) is written once.
            unsafe { to.at(i).write(result) };
        }
        // Counted once the whole part is written (a panic in `f` resumes on
        // the caller: what its part wrote leaks, nothing unwritten is read).
        written.fetch_add(end - start, std::sync::atomic::Ordering::Relaxed);
    };
    match n.div_ceil(chunk) {
        parts if parts > 1 => drop(in_turns(parts, part)),
        parts => (0..parts).for_each(part),
    }
    // Every part ran once (a panic would have resumed above).
    assert_eq!(written.into_inner(), n, "a part was not mapped");
    // SAFETY: the first `n` slots were each written once above.
    unsafe { out.set_len(n) };
    out
}

/// A pointer the parts of [`fill`] share: each reads or writes only the
/// elements of its own indices.
struct Shared<T>(*mut T);

impl<T> Shared<T> {
    /// Element `i` (a method, so that closures capture the whole `Shared`).
    fn at(&self, i: usize) -> *mut T {
        self.0.wrapping_add(i)
    }
}

// SAFETY: the parts touch disjoint elements through it, and the elements
// are `Send` (moved or borrowed mutably on one thread at a time).
unsafe impl<T: Send> Sync for Shared<T> {}

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
pub(crate) fn map<T: Sync, U: Send>(
    items: &[T],
    min_len: usize,
    f: impl Fn(&T) -> U + Sync,
) -> Vec<U> {
    concat(map_chunks(items, min_len, f))
}

/// The chunks in one list, reserved at once (`flatten` cannot tell how long
/// it is, so `collect` grew the list by doubling, each step a copy beside
/// the chunks); one chunk is the list itself.
fn concat<U>(chunks: Vec<Vec<U>>) -> Vec<U> {
    if chunks.len() == 1 {
        return chunks.into_iter().next().unwrap_or_default();
    }
    let mut all = Vec::with_capacity(chunks.iter().map(Vec::len).sum());
    for mut chunk in chunks {
        all.append(&mut chunk);
    }
    all
}

/// Buffers emptied after one round of work on all cores, handed to the
/// next round: a buffer freed and allocated again can be fresh memory (the
/// binary's allocator gives freed memory back to the system after 1 ms),
/// each page of it faulted and zeroed by the kernel again (page zeroing was
/// a fifth of the CPU samples of a 1M-item merge; the merge's key lists
/// kept 39k of its page faults away).
pub(crate) struct Spare<T>(Mutex<Vec<T>>);

impl<T> Spare<T> {
    pub(crate) fn new() -> Self {
        Spare(Mutex::new(Vec::new()))
    }

    /// A buffer given back earlier, if any.
    pub(crate) fn take(&self) -> Option<T> {
        self.0.lock().ok()?.pop()
    }

    /// Keeps `buffer` for a later [`Spare::take`].
    pub(crate) fn give(&self, buffer: T) {
        if let Ok(mut kept) = self.0.lock() {
            kept.push(buffer);
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_pool_runs_parts_in_order_and_reports_panics() {
        for _ in 0..50 {
            let v: Vec<usize> = (0..1000).collect();
            let out = super::map(&v, 2, |x| x * 3);
            assert_eq!(out, (0..1000).map(|x| x * 3).collect::<Vec<_>>());
        }
        // Nested use from a worker runs in turn instead of waiting for itself.
        let v: Vec<usize> = (0..64).collect();
        let nested = super::map(&v, 2, |&x| {
            super::map(&[x, x + 1], 2, |y| y * 2).iter().sum::<usize>()
        });
        assert_eq!(nested, (0..64).map(|x| 4 * x + 2).collect::<Vec<_>>());
        let r = std::panic::catch_unwind(|| {
            super::map(&(0..100).collect::<Vec<usize>>(), 2, |&x| {
                assert!(x != 77, "part 77 fails");
                x
            })
        });
        assert!(r.is_err());
        // The pool still works after a panic.
        assert_eq!(super::map(&[1usize, 2, 3, 4], 2, |x| x + 1), [2, 3, 4, 5]);
    }

    #[test]
    fn map_each_keeps_the_order_whatever_each_item_costs() {
        let v: Vec<u64> = (0..200).collect();
        let slow = |&x: &u64| {
            // Uneven work: every tenth item costs far more than the others.
            let spins = if x % 10 == 0 { 200_000 } else { 10 };
            (0..spins).fold(x, |a, k| a.wrapping_mul(31).wrapping_add(k)) % 1000 + x * 1000
        };
        let want: Vec<u64> = v.iter().map(slow).collect();
        for _ in 0..5 {
            assert_eq!(super::map_each(&v, slow), want);
        }
        assert!(std::panic::catch_unwind(|| super::map_each(&v, |&x| assert!(x != 150))).is_err());
        assert_eq!(super::map_each(&[5u64], |x| x + 1), [6]);
    }

    #[test]
    fn map_beside_runs_solo_once_and_keeps_the_order() {
        for n in [0, 1, 2, 3, 7, 100, 5000] {
            let v: Vec<u64> = (0..n).collect();
            let mut log = Vec::new();
            let out = super::map_beside(&v, 2, |x| x * 3, || log.push(n));
            assert_eq!(out, v.iter().map(|x| x * 3).collect::<Vec<_>>(), "{n}");
            assert_eq!(log, [n]);
        }
    }

    #[test]
    fn map_owned_keeps_the_order() {
        for n in [0, 1, 2, 3, 7, 100, 1001] {
            let v: Vec<usize> = (0..n).collect();
            let out = super::map_owned(v, 2, |x| x * 2);
            assert_eq!(out, (0..n).map(|x| x * 2).collect::<Vec<_>>());
        }
    }

    #[test]
    fn map_mut_gives_each_item_its_index_in_order() {
        for n in [0, 1, 2, 3, 7, 100, 1001] {
            let mut v: Vec<String> = (0..n).map(|i| i.to_string()).collect();
            let out = super::map_mut(&mut v, 2, |i, s| (i, std::mem::take(s)));
            let want: Vec<(usize, String)> = (0..n).map(|i| (i, i.to_string())).collect();
            assert_eq!(out, want);
            // The items were taken from: each is left empty.
            assert!(v.iter().all(String::is_empty));
        }
        let mut v: Vec<usize> = (0..100).collect();
        let r = std::panic::catch_unwind(move || {
            super::map_mut(&mut v, 2, |i, _| assert!(i != 42, "item 42 fails"))
        });
        assert!(r.is_err());
        // Each result is written once and dropped once with the list (the
        // results go into the list's spare capacity).
        let shared = std::sync::Arc::new(());
        let mut v: Vec<u8> = vec![0; 5000];
        let out = super::map_mut(&mut v, 2, |_, _| std::sync::Arc::clone(&shared));
        assert_eq!(
            (out.len(), std::sync::Arc::strong_count(&shared)),
            (5000, 5001)
        );
        drop(out);
        assert_eq!(std::sync::Arc::strong_count(&shared), 1);
    }
}
