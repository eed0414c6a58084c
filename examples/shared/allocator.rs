//! The allocator of the binary (examples/publist.rs) and of the examples that measure it
//! (`#[path]`-included, so that their figures are the binary's): mimalloc and its options.

/// mimalloc: a third less CPU than glibc's for `format` of 100k items (BENCHMARKS.md, Scale).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Before the first allocation: freed memory given back after 1 ms, arenas committed as used
/// (mimalloc.h of version 2, which Cargo.toml selects, and of version 3 alike:
/// arena_eager_commit = 4, purge_delay = 15; BENCHMARKS.md, Scale: purge delay).
#[ctor::ctor(unsafe)]
fn allocator_options() {
    for (option, value) in [(4, 0), (15, 1)] {
        unsafe { libmimalloc_sys::mi_option_set(option, value) };
    }
}
