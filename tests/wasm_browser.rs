//! The fixture suite and the JS API under WebAssembly in headless Chromium.
#![cfg(target_arch = "wasm32")]

mod common;

use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
fn fixtures_in_chromium() {
    let (n, errs) = common::run_all(saywhere::annotate);
    assert!(n > 0);
    assert!(errs.is_empty(), "{} fixture checks failed:\n{}", errs.len(), errs.join("\n"));
}

#[wasm_bindgen_test]
fn js_api_in_chromium() {
    let v = saywhere::wasm::annotate("“It works,” said Ana Lopez.").unwrap();
    let quotes = js_sys::Reflect::get(&v, &JsValue::from_str("quotes")).unwrap();
    assert_eq!(js_sys::Array::from(&quotes).length(), 1);
}
