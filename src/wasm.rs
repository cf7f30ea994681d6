//! The WebAssembly layer: the only module that touches wasm-bindgen.
//!
//! Contract: thin. Each export calls the core and converts its result with
//! [`crate::export`] (UTF-16 offsets, ready for the DOM) into a plain JS object.
//! Errors become `JsValue` strings; nothing here panics on any input.

use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::export::{self, Unit};

#[wasm_bindgen(start)]
pub fn start() {
    console_error_panic_hook::set_once();
}

fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsValue> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| JsValue::from_str(&format!("saywhere: could not convert the result: {e}")))
}

/// Annotate `text`. Returns `{schema, offsets: "utf16", people, quotes, places}`
/// (see `src/export.rs` for every field), offsets in UTF-16 code units.
#[wasm_bindgen]
pub fn annotate(text: &str) -> Result<JsValue, JsValue> {
    let ann = crate::annotate(text);
    to_js(&export::document(text, &ann, Unit::Utf16))
}

/// The crate version and the record schema, e.g. "0.1.0 saywhere/1".
#[wasm_bindgen]
pub fn version() -> String {
    format!("{} {}", env!("CARGO_PKG_VERSION"), export::SCHEMA)
}
