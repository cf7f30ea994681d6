//! Packs the data tables of `data/` into the compact forms of `src/packed.rs`, in `OUT_DIR`,
//! where `src/gazetteer.rs` and `src/lexicon.rs` include them. The tables in `data/` stay
//! the source (written by `scripts/build_data.py`, readable, reviewed in diffs); the packed
//! forms are only what goes into the binary and the WebAssembly module.

#[path = "src/packed.rs"]
mod packed;

use std::path::Path;

fn main() {
    let out = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    let read = |name: &str| {
        let path = format!("data/{name}");
        println!("cargo:rerun-if-changed={path}");
        std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
    };
    let write = |name: &str, bytes: Vec<u8>| {
        std::fs::write(Path::new(&out).join(name), bytes).unwrap_or_else(|e| panic!("{out}/{name}: {e}"))
    };
    for list in ["surnames.txt", "demonyms.txt", "common_words.txt"] {
        let table = read(list);
        assert!(packed::strictly_sorted(table.lines()), "data/{list}: the lines must be sorted, each once");
        write(&format!("{list}.packed"), packed::pack_lines(table.lines()));
    }
    write("first_names.tsv.packed", packed::pack_first_names(&read("first_names.tsv")));
    write("places.tsv.packed", packed::pack_places(&read("places.tsv")));
    println!("cargo:rerun-if-changed=src/packed.rs");
    println!("cargo:rerun-if-changed=build.rs");
}
