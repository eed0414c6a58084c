//! The allocator of the binary (examples/publist.rs) and of the examples that measure it
//! (`#[path]`-included, so that their figures are the binary's): mimalloc and its options.

/// mimalloc: a third less CPU than glibc's for `format` of 100k items (BENCHMARKS.md, Scale).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// mimalloc.h's numbers of the options set here (version 2, which Cargo.toml selects).
const ARENA_EAGER_COMMIT: i32 = 4;
const PURGE_DELAY: i32 = 15;
const PURGE_EXTEND_DELAY: i32 = 25;

/// Before the first allocation: freed memory given back after 1 ms, arenas committed as used,
/// and the 1 ms not put off by later frees (BENCHMARKS.md, Scale: purge delay). Version 2 adds
/// purge_extend_delay (1 ms) to a segment's pending purge on each free in it before the purge
/// is due: a run of frees (a phase's lists let go one by one) puts the purge off for as long as
/// it lasts, and the memory stays resident into the next phase.
#[ctor::ctor(unsafe)]
fn allocator_options() {
    for (option, value) in [
        (ARENA_EAGER_COMMIT, 0),
        (PURGE_DELAY, 1),
        (PURGE_EXTEND_DELAY, 0),
    ] {
        unsafe { libmimalloc_sys::mi_option_set(option, value) };
    }
}

/// Inputs up to this size in all (about 20,000 CSL-JSON items) have their freed memory given
/// back at once.
const PROMPT_UP_TO: u64 = 16 << 20;

/// How soon freed memory goes back to the system, for inputs of `bytes` in all: at once for
/// small ones (a phase's memory is not resident into the next one: 10k items, peak -1.5 MiB,
/// time the same), after 1 ms for larger ones (each purge is an madvise and, with two threads,
/// a TLB shootdown: at 1M items, purging at once took a fifth more time).
#[allow(dead_code)] // the binary's; the examples measuring it keep the 1 ms
pub fn for_input_of(bytes: u64) {
    let delay = if bytes <= PROMPT_UP_TO { 0 } else { 1 };
    unsafe { libmimalloc_sys::mi_option_set(PURGE_DELAY, delay) };
}
