//! The fixture suite (`tests/fixtures/*.toml`, see `tests/common/mod.rs`) against the native build.
mod common;

#[test]
fn fixtures_native() {
    let (n, errs) = common::run_all(saywhere::annotate);
    assert!(n > 0, "no fixture ran");
    if !errs.is_empty() {
        panic!("{} of the fixture checks failed ({n} cases):\n{}", errs.len(), errs.join("\n"));
    }
}
