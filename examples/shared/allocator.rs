//! The allocator of the binary (examples/publist.rs) and of the examples that measure it
//! (`#[path]`-included, so that their figures are the binary's): mimalloc and its options.

/// mimalloc: a third less CPU than glibc's for `format` of 100k items (BENCHMARKS.md, Scale).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Before the first allocation: freed memory given back after 1 ms, arenas committed as used,
/// and the 1 ms not put off by later frees (mimalloc.h of version 2, which Cargo.toml selects:
/// arena_eager_commit = 4, purge_delay = 15, purge_extend_delay = 25; BENCHMARKS.md, Scale:
/// purge delay). Version 2 adds purge_extend_delay (1 ms) to a segment's pending purge on each
/// free in it before the purge is due: a run of frees (a phase's lists let go one by one) puts
/// the purge off for as long as it lasts, and the memory stays resident into the next phase.
#[ctor::ctor(unsafe)]
fn allocator_options() {
    for (option, value) in [(4, 0), (15, 1), (25, 0)] {
        unsafe { libmimalloc_sys::mi_option_set(option, value) };
    }
}
