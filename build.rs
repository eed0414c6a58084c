//! Links the example binaries (not the library, not users' programs) with the
//! functions they run first in their code, where the linker can do it: issue
//! 19 asks `publist merge` of 10k references to peak under 3x its input, and
//! the binary's own code pages were 3.4 MiB of merge's 24 MiB peak (5.0 of
//! format's 28). The functions that run are spread over the whole `.text`,
//! and the kernel maps 64 KiB around every page touched; listed first, they
//! take 0.9 and 1.8 MiB (BENCHMARKS.md, Scale, session of 2026-12-02 13:38).
//!
//! The list is `examples/publist.order` (symbol names, made by
//! `benches/growth/order.sh`), given to lld with `--symbol-ordering-file`,
//! and the binary is linked as a fixed-address executable (`-no-pie`): a
//! position-independent one has relocated data (`.data.rel.ro`) whose pages
//! each become private when the loader writes them. Only where lld links by
//! default (rustc >= 1.90 on x86_64-unknown-linux-gnu) and nobody chose the
//! linker: GNU ld does not know the option. Names the binary no longer has
//! (the code changed, another compiler) are skipped: a stale list costs
//! memory, never correctness. `PUBLIST_LINK_ORDER=0` turns it off.

use std::env;
use std::process::Command;

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-changed=examples/publist.order");
    println!("cargo:rerun-if-env-changed=PUBLIST_LINK_ORDER");
    println!("cargo:rerun-if-env-changed=RUSTC_LINKER");
    let order = link_order();
    // For tests/cli.rs: whether the examples were linked so (and with what).
    println!(
        "cargo:rustc-env=PUBLIST_EXAMPLES_LINK_ORDER={}",
        order.as_deref().unwrap_or("")
    );
    if let Some(order) = order {
        for arg in [
            "-no-pie".to_string(),
            format!("-Wl,--symbol-ordering-file={order}"),
            "-Wl,--no-warn-symbol-ordering".to_string(),
        ] {
            println!("cargo:rustc-link-arg-examples={arg}");
        }
    }
}

/// The order file's path, when the examples are linked by rustc's own lld.
fn link_order() -> Option<String> {
    if env::var("PUBLIST_LINK_ORDER").is_ok_and(|v| v == "0") {
        return None;
    }
    if env::var("TARGET").ok()? != "x86_64-unknown-linux-gnu" {
        return None;
    }
    // A linker chosen in the configuration, or flags that choose one.
    if env::var_os("RUSTC_LINKER").is_some() {
        return None;
    }
    let flags = env::var("CARGO_ENCODED_RUSTFLAGS").unwrap_or_default();
    if flags
        .split('\x1f')
        .any(|f| f.contains("linker") || f.contains("fuse-ld") || f.contains("link-self-contained"))
    {
        return None;
    }
    let rustc = env::var_os("RUSTC")?;
    let version = Command::new(rustc).arg("-vV").output().ok()?;
    let version = String::from_utf8(version.stdout).ok()?;
    let release = version.lines().find_map(|l| l.strip_prefix("release: "))?;
    let mut parts = release.split(['.', '-']).map(|p| p.parse::<u32>().ok());
    let (major, minor) = (parts.next()??, parts.next()??);
    if (major, minor) < (1, 90) {
        return None;
    }
    let dir = env::var("CARGO_MANIFEST_DIR").ok()?;
    let order = format!("{dir}/examples/publist.order");
    // `-Wl,` splits its argument at commas.
    (!order.contains(',') && std::path::Path::new(&order).is_file()).then_some(order)
}
