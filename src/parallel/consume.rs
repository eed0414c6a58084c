//! [`map_consume`]: a list mapped by value on all cores, its memory given
//! back to the system as its items are taken.
//!
//! A list of large items is held whole until its last item is taken, beside
//! everything made of the items by then: the references a bibliography is
//! formatted from are 448 bytes each (4.5 MiB at 10k items, 450 MiB at 1M)
//! next to the processor's items made of them. No allocator can free part
//! of a block, so the list's own pages are dropped ([`give_back`]) a
//! stretch at a time, once every item overlapping the stretch has been
//! moved out. Written here: no crate maps a list by value this way.

use std::sync::atomic::{AtomicU32, Ordering};

use super::{fill, Shared};

/// Maps `f` over `items` by value on all cores (each call gets the item's
/// index too), the results in order and straight into one `Vec` (written
/// as [`super::map_mut`] writes them). What `f` does not keep of an item is
/// dropped where `f` runs. Lists shorter than `min_len` stay on the calling
/// thread (their memory is given back alike). If `f` panics, the items not
/// yet taken and the list's memory leak, and the panic resumes here.
pub(crate) fn map_consume<T: Send, U: Send>(
    items: Vec<T>,
    min_len: usize,
    f: impl Fn(usize, T) -> U + Sync,
) -> Vec<U> {
    let n = items.len();
    let mut items = std::mem::ManuallyDrop::new(items);
    let (base, cap) = (items.as_mut_ptr(), items.capacity());
    let taken = Taken::new(base as usize, n, std::mem::size_of::<T>());
    let from = Shared(base);
    let out = fill(n, min_len, |i| {
        // SAFETY: `fill` calls this once for each index below `n`, so item
        // `i` (initialised: one of the list's first `n`) is moved out once;
        // no reference to the list is held meanwhile.
        let item = unsafe { from.at(i).read() };
        taken.took(i, give_back);
        f(i, item)
    });
    // SAFETY: the list is freed with length 0: every item was moved out,
    // none is dropped again (and no page given back is read).
    unsafe { drop(Vec::from_raw_parts(base, 0, cap)) };
    out
}

/// Bytes given back at a time: a stretch of the address space, aligned to
/// its size (so to any page size up to it).
const STRETCH: usize = 256 << 10;

/// Alignment of what is given back at the list's two ends (a multiple of
/// the page size on the systems [`give_back`] acts on: 4, 16 or 64 KiB).
const PAGE: usize = 64 << 10;

/// For each stretch a list covers, the items overlapping it not yet taken.
struct Taken {
    /// The list's first byte and one past its last.
    start: usize,
    end: usize,
    size: usize,
    /// The first stretch's number (address / STRETCH).
    first: usize,
    left: Vec<AtomicU32>,
}

impl Taken {
    fn new(start: usize, n: usize, size: usize) -> Taken {
        let end = start.saturating_add(n.saturating_mul(size));
        // Smaller lists (or items of no size) keep their memory to the end.
        let (first, left) = match size == 0 || end - start < 2 * STRETCH {
            true => (0, Vec::new()),
            false => {
                let (first, last) = (start / STRETCH, (end - 1) / STRETCH);
                let left = (first..=last)
                    .map(|s| {
                        // The items overlapping [s * STRETCH, (s + 1) * STRETCH).
                        let lo = (s * STRETCH).max(start) - start;
                        let hi = ((s + 1) * STRETCH).min(end) - start;
                        let count = (hi - 1) / size - lo / size + 1;
                        AtomicU32::new(u32::try_from(count).unwrap_or(u32::MAX))
                    })
                    .collect();
                (first, left)
            }
        };
        Taken {
            start,
            end,
            size,
            first,
            left,
        }
    }

    /// Item `i` has been moved out: a stretch it was the last item of goes
    /// back (`release(address, length)`).
    fn took(&self, i: usize, mut release: impl FnMut(usize, usize)) {
        if self.left.is_empty() {
            return;
        }
        let at = self.start + i * self.size;
        for s in at / STRETCH..=(at + self.size - 1) / STRETCH {
            let Some(left) = self.left.get(s - self.first) else {
                continue;
            };
            // AcqRel: the last to count down sees every read of the stretch.
            if left.fetch_sub(1, Ordering::AcqRel) == 1 {
                let lo = (s * STRETCH).max(self.start.next_multiple_of(PAGE));
                let hi = ((s + 1) * STRETCH).min(self.end / PAGE * PAGE);
                if lo < hi {
                    release(lo, hi - lo);
                }
            }
        }
    }
}

/// Drops the pages of `[addr, addr + len)` (page-aligned, inside a list
/// whose items there were all moved out): `madvise(MADV_DONTNEED)`. The
/// memory stays the list's; read again, it would read as zeros, but it is
/// not read again (the list is freed with length 0). Advice: an error
/// leaves the pages as they were.
#[cfg(all(
    target_os = "linux",
    any(target_arch = "x86_64", target_arch = "aarch64")
))]
fn give_back(addr: usize, len: usize) {
    extern "C" {
        fn madvise(
            addr: *mut std::ffi::c_void,
            len: usize,
            advice: std::ffi::c_int,
        ) -> std::ffi::c_int;
    }
    // Linux's value on these architectures (asm-generic/mman-common.h).
    const MADV_DONTNEED: std::ffi::c_int = 4;
    // SAFETY: the range is within one live allocation that nothing reads
    // or writes again (see above); dropping its pages affects no other.
    unsafe { madvise(addr as *mut std::ffi::c_void, len, MADV_DONTNEED) };
}

/// Elsewhere the list keeps its memory until it is freed.
#[cfg(not(all(
    target_os = "linux",
    any(target_arch = "x86_64", target_arch = "aarch64")
)))]
fn give_back(_addr: usize, _len: usize) {}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::map_consume;

    #[test]
    fn map_consume_keeps_the_order_and_drops_each_item_once() {
        for n in [0, 1, 2, 3, 7, 100, 1001] {
            let alive = Arc::new(());
            let v: Vec<(usize, Arc<()>)> = (0..n).map(|i| (i, Arc::clone(&alive))).collect();
            let out = map_consume(v, 2, |k, (i, a)| {
                assert_eq!(k, i);
                drop(a);
                i * 2
            });
            assert_eq!(out, (0..n).map(|x| x * 2).collect::<Vec<_>>());
            assert_eq!(Arc::strong_count(&alive), 1, "{n}");
        }
    }

    #[test]
    fn a_stretch_goes_back_once_after_its_last_item_and_only_whole_pages_of_the_list() {
        use super::{Taken, PAGE, STRETCH};
        let (start, size, n) = (3 * STRETCH + 100, 448, 10_000);
        let end = start + size * n;
        let taken = Taken::new(start, n, size);
        let mut gone = vec![false; n];
        let mut released: Vec<(usize, usize)> = Vec::new();
        // Out of order: odd items from the back, then even ones from the front.
        let order = (0..n)
            .rev()
            .filter(|i| i % 2 == 1)
            .chain((0..n).filter(|i| i % 2 == 0));
        for i in order {
            gone[i] = true;
            taken.took(i, |lo, len| {
                assert!(lo % PAGE == 0 && len % PAGE == 0 && lo >= start && lo + len <= end);
                // Every item with a byte in the range was taken before.
                let (first, last) = ((lo - start) / size, (lo + len - 1 - start) / size);
                assert!(
                    gone[first..=last].iter().all(|&g| g),
                    "{lo:#x} went back early"
                );
                released.push((lo, len));
            });
        }
        released.sort_unstable();
        // All of the list's whole 64 KiB pages, each once.
        let mut at = start.next_multiple_of(PAGE);
        for &(lo, len) in &released {
            assert_eq!(lo, at);
            at += len;
        }
        assert_eq!(at, end / PAGE * PAGE);
        // A list under two stretches keeps its memory.
        let small = Taken::new(start, 100, size);
        (0..100).for_each(|i| small.took(i, |_, _| panic!("gave back a small list")));
    }

    #[test]
    fn a_long_list_given_back_as_it_goes_loses_no_item() {
        // 2M items of 16 bytes: 32 MiB, 128 stretches, items and results
        // checked whole (the stretches given back are the ones read).
        let n = 2_000_000u64;
        let v: Vec<[u64; 2]> = (0..n).map(|i| [i, !i]).collect();
        let out = map_consume(v, 2, |k, [i, j]| {
            assert_eq!((k as u64, j), (i, !i));
            i + 1
        });
        assert!(out.iter().zip(1..).all(|(&x, i)| x == i));
        // Items of a size that does not divide a stretch, kept (moved) whole.
        let v: Vec<String> = (0..300_000).map(|i| format!("{i:0>40}")).collect();
        let out = map_consume(v, 1024, |k, s| (s.parse::<usize>() == Ok(k)).then_some(s));
        assert!(out.iter().all(Option::is_some));
        assert_eq!(
            out[299_999].as_deref(),
            Some(format!("{:0>40}", 299_999).as_str())
        );
    }

    #[test]
    fn a_panic_in_a_part_resumes_on_the_caller() {
        let v: Vec<usize> = (0..1000).collect();
        let r = std::panic::catch_unwind(|| map_consume(v, 2, |_, x| assert!(x != 700)));
        assert!(r.is_err());
        // The pool still works after it.
        assert_eq!(map_consume(vec![1, 2, 3], 2, |_, x| x + 1), [2, 3, 4]);
    }
}
